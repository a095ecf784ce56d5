import ArgumentParser
import Extraction
import Foundation
import Pipeline
import PlanModel
import Restoration

/// `ingest [convert] FILE`: one document to JSON.
struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Extract a plan document (PDF, PNG/JPEG/TIFF image, or OCR'd .txt) to JSON.",
    discussion: """
      Pages with a real PDF text layer are read directly; pages without one,
      or with a junk or invisible layer over a scan, are rendered and OCR'd.
      The JSON lists which pages came from the text layer and which from OCR.

      Examples:
        ingest plan.pdf                      print JSON to standard output
        ingest plan.pdf -o plan.json         write it to plan.json
        ingest scan.pdf --layout --jobs 2    words with boxes, two pages at a time
        ingest locked.pdf --password s3cret  an encrypted PDF
        ingest ocr.txt                       OCR'd text, a page per form feed

      \(ExitStatus.helpText)
      """
  )

  @Argument(help: "The document: .pdf, .png, .jpg, .tif (multi-page too) or .txt.")
  var file: String

  @Option(
    name: .shortAndLong,
    help: "Write the JSON to this file (atomically) instead of standard output.")
  var output: String?

  @Flag(help: "Include every line's words with boxes (points, origin top-left) and confidences.")
  var layout = false

  @Option(
    name: .customLong("ocr-lang"),
    help: "Tesseract language(s) for OCR'd pages, e.g. vie, Vietnamese (script model), vie+eng.")
  var ocrLanguage = Extractor.Options.defaultOCRLanguage

  @Option(help: "Resolution at which PDF pages are rendered for OCR (72...1200).")
  var dpi = 300

  @Option(help: "Pages processed at once (default: the number of cores).")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    name: .customLong("page-timeout"),
    help: "Seconds one page's OCR may take; a slower page is reported and skipped.")
  var pageTimeout: Double = 120

  @Option(help: "Password of an encrypted PDF.")
  var password: String?

  @Option(
    help:
      "Output format: json (the whole document), ndjson (one line per task and indicator), csv (tasks and indicators, UTF-8 with BOM)."
  )
  var format: OutputFormat = .json

  @Flag(
    name: .customLong("no-restore"),
    help: "Keep the extracted text as it is: no diacritic restoration or OCR correction.")
  var noRestore = false

  @Option(
    name: .customLong("restore-mode"),
    help:
      "auto (per page: full where the text lost its diacritics, light where it has them), full or light."
  )
  var restoreMode: RestorationMode = .auto

  @Flag(
    name: .customLong("no-parse"),
    help: "Only extract (and restore) the pages; do not parse the plan.")
  var noParse = false

  @Flag(
    name: .customLong("no-page-overlap"),
    help: """
      Render each page only when its worker is ready to read it, instead of rendering the \
      next page on another thread meanwhile (for when every core is busy already, as in \
      a batch).
      """)
  var noPageOverlap = false

  @Flag(help: "Print nothing on standard error except errors.")
  var quiet = false

  @Flag(
    help: """
      Report each finished page on standard error ("page 3/12 (OCR)"). On by default when \
      standard error is a terminal, where one line is redrawn; this flag gives a line a \
      page wherever standard error goes.
      """)
  var progress = false

  @Flag(help: .hidden)
  var timings = false

  func validate() throws {
    guard (72...1200).contains(dpi) else {
      throw ValidationError("--dpi must be between 72 and 1200")
    }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    guard pageTimeout > 0 else { throw ValidationError("--page-timeout must be positive") }
  }

  func run() throws {
    let destination = output.map(OutputFile.init(path:))
    try destination?.check(notOverwriting: file)
    let started = ContinuousClock.now
    let pipeline = IngestPipeline(
      options: .init(
        extraction: .init(
          ocrLanguage: ocrLanguage, dpi: dpi, jobs: jobs, pageTimeout: pageTimeout,
          password: password, pageOverlap: !noPageOverlap),
        includeLayout: layout, restoration: noRestore ? nil : restoreMode, parsePlan: !noParse))
    let reporter = quiet ? nil : PageProgressReporter(file: file, always: progress)
    let result: IngestResult
    defer { reporter?.finish() }
    do {
      result = try pipeline.run(path: file, progress: reporter?.handler)
    } catch .extraction(let error) {
      throw CommandFailure(status: ExitStatus(error.kind), message: error.description)
    } catch .dictionaries(let reason) {
      throw CommandFailure(status: .dictionaries, message: "dictionaries: \(reason)")
    }
    // The redrawn progress line ends here, before any page failure or summary is printed.
    reporter?.finish()
    let bytes: Data
    do {
      bytes = try OutputWriter().data(for: result.document, format: format)
    } catch {
      throw CommandFailure(
        status: .internalError, message: "\(file): cannot encode output: \(error)")
    }
    if let destination {
      try destination.write(bytes)
    } else {
      FileHandle.standardOutput.write(bytes)
    }
    for failure in result.pageFailures {
      FileHandle.standardError.write(Data("ingest: \(failure.description)\n".utf8))
    }
    if !quiet {
      let source = result.document.source
      let elapsed = (ContinuousClock.now - started).components
      let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
      let summary =
        "ingest: \(file): \(source.pageCount) pages (\(source.textLayerPages.count) text layer, "
        + "\(source.ocrPages.count) OCR) in \(String(format: "%.2f", seconds)) s\n"
      FileHandle.standardError.write(Data(summary.utf8))
    }
    if timings {
      // For scripts/bench: where the time went, in seconds.
      let elapsed = (ContinuousClock.now - started).components
      let wall = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
      let line = String(
        format: "timings: wall %.4f tesseract %.4f render %.4f pages %d\n", wall,
        result.tesseractSeconds, result.renderSeconds, result.document.source.pageCount)
      FileHandle.standardError.write(Data(line.utf8))
    }
    if let first = result.pageFailures.first {
      throw ExitCode(ExitStatus(first.kind).rawValue)
    }
  }
}

extension OutputFormat: ExpressibleByArgument {}
