import Foundation
import PlanModel
import PlanParsing

/// Paths and shared values for the parsing tests.
enum TestSupport {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let sharedFolder = repositoryRoot.deletingLastPathComponent()
    .appendingPathComponent("shared")

  static let dictionary: AgencyDictionary = {
    let url = repositoryRoot.appendingPathComponent("dictionaries/agencies.tsv")
    return (try? AgencyDictionary(contentsOf: url)) ?? AgencyDictionary()
  }()

  /// Pages of a plain-text seed, one page per form feed, one line per line.
  static func plainTextPages(_ text: String) -> [PageLayout] {
    text.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated().map {
      index, page in
      let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        Line(
          words: line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
            Word(text: String($0), box: nil, confidence: 1, origin: .plainText)
          })
      }
      return PageLayout(
        number: index + 1, width: nil, height: nil, origin: .plainText, lines: lines)
    }
  }

  static func seed(_ prefix: String) -> String? {
    let folder = sharedFolder.appendingPathComponent("seeds")
    guard
      let name = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        .first(where: { $0.hasPrefix(prefix) })
    else { return nil }
    return try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }
}

extension TestSupport {
  /// Runs a script of `scripts/` with `arguments` and returns its exit status and output.
  static func runScript(_ name: String, _ arguments: [String]) throws -> (
    status: Int32, stdout: Data, stderr: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [repositoryRoot.appendingPathComponent("scripts/\(name)").path] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, stdout, String(decoding: stderr, as: UTF8.self))
  }

  /// Writes `value` as JSON to a temporary file and returns its path.
  static func temporaryJSON<T: Encodable>(_ value: T) throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("plan-\(UUID().uuidString).json")
    try PlanJSON.encoder().encode(value).write(to: url)
    return url.path
  }

  static var hasDevset: Bool {
    FileManager.default.fileExists(
      atPath: sharedFolder.appendingPathComponent("devset/000_tasks.json").path)
  }
}
