import Foundation
import PlanModel

/// The extraction stage: turns a PDF, an image or a plain-text file into pages of
/// words with boxes. Per PDF page it uses the text layer when that is real text and
/// renders and OCRs the page otherwise; pages are processed in parallel.
public struct Extractor: Sendable {
  /// How extraction reads documents.
  public struct Options: Sendable, Hashable {
    /// The Tesseract language(s) for OCR, e.g. `vie`, `Vietnamese` or `vie+eng`.
    public var ocrLanguage: String
    /// The resolution pages are rendered at for OCR.
    public var dpi: Int
    /// How many pages are processed at once (each OCR worker holds one Tesseract engine).
    public var jobs: Int
    /// Seconds a page's OCR may take before the page is skipped and reported.
    public var pageTimeout: Double
    /// The password of an encrypted PDF.
    public var password: String?
    /// Whether each worker renders its next page on a thread of its own while its
    /// current page is recognized. It shortens a document's time when a core is free; when
    /// every core is busy already (a batch running one conversion per core) the extra
    /// threads only compete, and it is better off.
    public var pageOverlap: Bool

    /// The default OCR language, chosen by character error rate on the scanned
    /// fixtures (see the README's model comparison).
    public static let defaultOCRLanguage = "Vietnamese+vie"

    /// Creates options; the defaults are those of the `ingest` command.
    public init(
      ocrLanguage: String = Options.defaultOCRLanguage, dpi: Int = 300,
      jobs: Int = ProcessInfo.processInfo.activeProcessorCount, pageTimeout: Double = 120,
      password: String? = nil, pageOverlap: Bool = true
    ) {
      self.ocrLanguage = ocrLanguage
      self.dpi = dpi
      self.jobs = jobs
      self.pageTimeout = pageTimeout
      self.password = password
      self.pageOverlap = pageOverlap
    }
  }

  /// The options in force.
  public var options: Options

  /// Creates an extractor.
  public init(options: Options = Options()) {
    self.options = options
  }

  /// Reads the file at `path`. Throws for a file that cannot be read as a whole; a page
  /// that fails or times out is returned empty with its failure in `failures`.
  /// `progress`, when given, hears of each PDF or image page as it is finished.
  public func extract(
    path: String, progress: ExtractionProgressHandler? = nil
  ) throws(ExtractionError) -> ExtractedDocument {
    let input = try InputFile(path: path)
    if input.kind != .text {
      try TesseractReader.validate(options.ocrLanguage, file: path)
    }
    let outcomes: [PageOutcome]
    switch input.kind {
    case .text:
      outcomes = try PlainTextPages.pages(from: input).map { PageOutcome(layout: $0) }
    case .pdf:
      outcomes = try PDFExtraction(input: input, options: options, progress: progress).run()
    case .image:
      outcomes = try ImageExtraction(input: input, options: options, progress: progress).run()
    }
    // A model that cannot load fails every page the same way: report it once, as such.
    if let modelFailure = outcomes.lazy.compactMap(\.failure).first(where: { $0.kind == .ocrModel })
    {
      throw modelFailure
    }
    return ExtractedDocument(input: input, outcomes: outcomes, language: options.ocrLanguage)
  }
}

/// The result of extraction: the source's description, its pages, and the pages that
/// were skipped with the reason.
public struct ExtractedDocument: Sendable, Hashable {
  /// The file and how its pages were read.
  public var source: SourceInfo
  /// Every page, in order; a skipped page is present with no lines.
  public var pages: [PageLayout]
  /// The pages that failed or timed out, each naming file, page and reason.
  public var failures: [ExtractionError]
  /// Seconds spent rendering pages for OCR, summed over pages.
  public var renderSeconds: Double
  /// Seconds spent inside Tesseract's recognition, summed over pages.
  public var tesseractSeconds: Double

  init(input: InputFile, outcomes: [PageOutcome], language: String) {
    pages = outcomes.map(\.layout)
    renderSeconds = outcomes.map(\.renderSeconds).reduce(0, +)
    tesseractSeconds = outcomes.map(\.tesseractSeconds).reduce(0, +)
    failures = outcomes.compactMap(\.failure)
    let skipped = Set(failures.compactMap(\.page))
    let numbers = { (origin: TextOrigin) in
      outcomes.map(\.layout).filter { $0.origin == origin && !skipped.contains($0.number) }
        .map(\.number)
    }
    let ocrPages = numbers(.ocr)
    source = SourceInfo(
      fileName: input.name, sha256: input.sha256, kind: input.kind.rawValue,
      pageCount: outcomes.count, textLayerPages: numbers(.textLayer), ocrPages: ocrPages,
      plainTextPages: numbers(.plainText), ocrLanguage: ocrPages.isEmpty ? nil : language)
  }
}
