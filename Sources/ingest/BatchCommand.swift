import ArgumentParser
import Foundation
import Pipeline

#if canImport(Glibc)
  import Glibc
#endif

/// `ingest batch INPUT... --out DIR`: many documents, each converted in its own child
/// process, into mirrored JSON files and a queryable catalog.
struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Convert many documents (files and folders) into JSON files and an SQLite catalog.",
    discussion: """
      Folders are walked recursively for .pdf .png .jpg .jpeg .tif .tiff .txt files
      (hidden names skipped). Each input gets one JSON file under DIR at its path
      relative to the folder named (plans/a/b.pdf -> DIR/a/b.json; a file named on its
      own -> DIR/<name>.json), written atomically. Each document is converted by a child
      process with a wall-clock timeout and a memory limit, so a crash, hang or runaway
      allocation costs that document only; it is recorded with its reason and the batch
      goes on.

      DIR/catalog.sqlite (SQLite, WAL) records every input by content SHA-256 and output
      path. Running the same command again skips inputs already converted (same content,
      same options, output file intact), retries failed ones, and converts new or changed
      ones; --force converts everything again. A batch killed at any moment can simply be
      run again. The catalog also holds the plans' indicators, tasks and agencies: see
      the README for its tables and example queries.

      Examples:
        ingest batch plans/ --out out/                  every plan under plans/
        ingest batch a.pdf b.pdf scans/ --out out/ --jobs 2
        ingest batch plans/ --out out/ --timeout 600 --memory-limit 1500
        sqlite3 out/catalog.sqlite "select path, status, error from documents"

      Exit status:
        0   every input was converted (or already was)
        10  some inputs failed, or were written with pages skipped; they are listed
            with their reasons at the end
        2   usage error (bad option, --out inside an input folder or holding an input,
            two inputs that would write the same output)
        3   an input is missing, or the output folder or catalog cannot be used
        130 interrupted (Ctrl-C or SIGTERM); run the same command again to resume
      """
  )

  @Argument(help: "Files and folders to convert.")
  var inputs: [String]

  @Option(name: [.customShort("o"), .long], help: "The output folder (created if missing).")
  var out: String

  @Option(help: "Documents converted at once (default: the number of cores).")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Convert every input again, even those already converted.")
  var force = false

  @Option(help: "Seconds one document may take before its conversion is killed.")
  var timeout: Double = 1800

  @Option(
    name: .customLong("memory-limit"),
    help: "Megabytes of resident memory one conversion may use before it is killed.")
  var memoryLimit = 2048

  @Flag(
    help: "Include every line's words with boxes (points, origin top-left) and confidences.")
  var layout = false

  @Option(
    name: .customLong("ocr-lang"),
    help: "Tesseract language(s) for OCR'd pages, e.g. vie, Vietnamese (script model), vie+eng.")
  var ocrLanguage: String?

  @Option(help: "Resolution at which PDF pages are rendered for OCR (72...1200).")
  var dpi: Int?

  @Option(
    name: .customLong("page-timeout"),
    help: "Seconds one page's OCR may take; a slower page is reported and skipped.")
  var pageTimeout: Double?

  @Option(help: "Password of encrypted PDFs.")
  var password: String?

  @Flag(
    name: .customLong("no-restore"),
    help: "Keep the extracted text as it is: no diacritic restoration or OCR correction.")
  var noRestore = false

  @Flag(
    name: .customLong("no-parse"),
    help:
      "Only extract (and restore) the pages; do not parse the plans (the catalog then has no tasks or indicators)."
  )
  var noParse = false

  @Flag(help: "Print only failures and the summary, no progress.")
  var quiet = false

  @Option(
    name: .customLong("log-interval"),
    help: "Seconds between progress lines when standard error is not a terminal.")
  var logInterval: Double = 10

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    guard memoryLimit >= 64 else { throw ValidationError("--memory-limit must be at least 64 MB") }
    if let dpi, !(72...1200).contains(dpi) {
      throw ValidationError("--dpi must be between 72 and 1200")
    }
    if let pageTimeout, pageTimeout <= 0 {
      throw ValidationError("--page-timeout must be positive")
    }
  }

  func run() throws {
    let request = BatchRequest(
      inputs: inputs, outputFolder: out, jobs: jobs, force: force, timeout: timeout,
      memoryLimitMB: memoryLimit,
      converter: Converter(
        executable: Self.ownExecutable(), options: conversionOptions,
        // Set here so that each child need not re-execute itself to get it.
        environment: ["OMP_THREAD_LIMIT": "1"],
        partialStatuses: [ExitStatus.pageFailure.rawValue]),
      commandLine: Self.maskedCommandLine())
    let style: BatchProgress.Style =
      quiet ? .failuresOnly : isatty(2) != 0 ? .bar : .lines(interval: logInterval)
    let registry = ChildRegistry()
    let interrupts = InterruptHandler(registry: registry)
    defer { interrupts.restore() }
    let summary: BatchSummary
    do {
      summary = try BatchRunner(request: request).run(
        observer: BatchProgress(style: style), registry: registry)
    } catch {
      throw CommandFailure(status: Self.status(for: error), message: error.description)
    }
    // An interrupted bar was left without its line end.
    let lead = summary.interrupted && style == .bar ? "\n" : ""
    FileHandle.standardError.write(Data((lead + BatchReport.text(of: summary)).utf8))
    if summary.interrupted { throw ExitCode(ExitStatus.interrupted.rawValue) }
    if summary.counts.failed > 0 || summary.counts.partial > 0 {
      throw ExitCode(ExitStatus.someFailed.rawValue)
    }
  }

  /// The single-file options, passed to each child; `--jobs 1` because the batch already
  /// runs one document per core, and no page overlap once the children fill every core
  /// (measured: the extra threads cost 12–16% more CPU a page and the batch lost speed).
  private var conversionOptions: [String] {
    var options = ["--jobs", "1"]
    if jobs >= ProcessInfo.processInfo.activeProcessorCount { options.append("--no-page-overlap") }
    if layout { options.append("--layout") }
    if let ocrLanguage { options += ["--ocr-lang", ocrLanguage] }
    if let dpi { options += ["--dpi", String(dpi)] }
    if let pageTimeout { options += ["--page-timeout", String(pageTimeout)] }
    if let password { options += ["--password", password] }
    if noRestore { options.append("--no-restore") }
    if noParse { options.append("--no-parse") }
    return options
  }

  /// A batch that cannot start: a wrong command line, or something it cannot use.
  private static func status(for error: BatchError) -> ExitStatus {
    switch error {
    case .outputInsideInput, .inputInsideOutput, .outputCollision, .outputNotAFolder: .usage
    case .missingInput, .outputFolderBusy, .cannotPrepareOutput, .unreadableFolder,
      .missingExecutable, .catalog:
      .fileAccess
    }
  }

  /// The command line for the catalog, with the value of `--password` masked.
  private static func maskedCommandLine() -> String {
    var words = Array(CommandLine.arguments.dropFirst())
    for index in words.indices.dropLast() where words[index] == "--password" {
      words[index + 1] = "***"
    }
    return words.map { $0.hasPrefix("--password=") ? "--password=***" : $0 }
      .joined(separator: " ")
  }

  /// This very program, so that children run the same version as the batch.
  private static func ownExecutable() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return CommandLine.arguments[0] }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// The summary printed at the end of a batch.
enum BatchReport {
  static func text(of summary: BatchSummary) -> String {
    let counts = summary.counts
    var text =
      "batch: \(counts.converted) converted"
      + (counts.partial > 0 ? " (\(counts.partial) with pages skipped)" : "")
      + ", \(counts.skipped) skipped, \(counts.failed) failed"
      + " of \(counts.total) in \(String(format: "%.1f", summary.seconds)) s"
      + (counts.pages > 0
        ? String(
          format: " (%d pages, %.1f pages/s)", counts.pages,
          Double(counts.pages) / max(summary.seconds, 1e-6))
        : "")
      + "\n"
    if summary.interrupted { text += "batch: interrupted; run the same command again to resume\n" }
    if !summary.incomplete.isEmpty {
      text += "incomplete:\n"
      for item in summary.incomplete { text += "  \(item.path): \(item.reason)\n" }
    }
    if !summary.failures.isEmpty {
      text += "failed:\n"
      for failure in summary.failures { text += "  \(failure.path): \(failure.reason)\n" }
    }
    text += "catalog: \(summary.catalogPath)\n"
    return text
  }
}

/// Turns SIGINT and SIGTERM into a cancellation of the batch: the children (which run in
/// their own process groups, out of reach of the terminal's Ctrl-C) are killed and the
/// batch stops between documents, leaving the catalog consistent.
final class InterruptHandler {
  private let sources: [any DispatchSourceSignal]

  init(registry: ChildRegistry) {
    sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { registry.cancelAll() }
      source.resume()
      return source
    }
  }

  func restore() {
    for source in sources { source.cancel() }
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
  }
}
