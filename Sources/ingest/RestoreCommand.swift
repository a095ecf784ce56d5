import ArgumentParser
import Foundation
import Restoration

/// `ingest restore`: restores Vietnamese diacritics and undoes OCR confusions in plain text,
/// one output line per input line.
struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Restore Vietnamese diacritics and OCR confusions in text.",
    discussion: """
      Reads text (a file, or standard input with "-" or no argument) and writes the restored
      text to standard output, one line per input line. Numbers, document codes, addresses,
      acronyms and foreign words are left as they are.

      Examples:
        echo "Ke hoach chuyen d6i s6 tinh Phii Tho" | ingest restore
        ingest restore --explain ocr.txt > restored.txt

      Exit status: 0 success; 3 the input cannot be read; 7 the dictionaries are missing
      or damaged (set PLANINGEST_DICTIONARIES or run scripts/build-dictionaries).
      """
  )

  /// The text file to restore; "-" or nothing reads standard input.
  @Argument(help: "Text file to restore (\"-\" or omitted: standard input).")
  var file: String?

  /// How much the corrector may change.
  @Option(help: "auto (decide per block of lines), full (text without diacritics) or light.")
  var mode: RestorationMode = .auto

  /// Lists each changed token with its confidence on standard error.
  @Flag(help: "List every changed token with its confidence on standard error.")
  var explain = false

  func run() throws {
    let text: String
    do {
      if let file, file != "-" {
        text = try String(contentsOfFile: file, encoding: .utf8)
      } else {
        text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
      }
    } catch {
      throw CommandFailure(
        status: .fileAccess, message: "\(file ?? "-"): cannot read: \(error.localizedDescription)")
    }
    let restorer: Restorer
    do {
      restorer = try Restorer()
    } catch {
      throw CommandFailure(status: .dictionaries, message: error.description)
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let finalNewline = lines.last == ""
    if finalNewline { lines.removeLast() }
    let result = restorer.restore(
      lines: lines.map { $0.precomposedStringWithCanonicalMapping }, mode: mode)
    var output = result.lines.joined(separator: "\n")
    if finalNewline { output += "\n" }
    FileHandle.standardOutput.write(Data(output.utf8))
    if explain {
      var report = ""
      var lastMode: RestorationMode?
      for (i, m) in result.lineModes.enumerated() where m != lastMode {
        report += "line \(i + 1): mode \(m.rawValue)\n"
        lastMode = m
      }
      for c in result.changes {
        let flag = c.confidence < restorer.reviewThreshold ? "  REVIEW" : ""
        report +=
          "line \(c.line + 1): \(c.original) → \(c.replacement) (\(String(format: "%.2f", c.confidence)))\(flag)\n"
      }
      FileHandle.standardError.write(Data(report.utf8))
    }
  }
}

extension RestorationMode: ExpressibleByArgument {}
