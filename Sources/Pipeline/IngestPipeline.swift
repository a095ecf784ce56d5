import Extraction
import PlanModel

/// The whole run for one document, as named steps: extract the pages, restore their
/// words, parse the plan, and assemble the output document. Restoration and parsing are
/// seams for now: each step takes and returns the value the next one needs, so a stage
/// slots in by replacing one step's body.
public struct IngestPipeline: Sendable {
  /// What the pipeline does and how.
  public struct Options: Sendable, Hashable {
    /// How pages are extracted.
    public var extraction: Extractor.Options
    /// Whether the output carries every line's words with boxes (`--layout`).
    public var includeLayout: Bool

    /// Creates options.
    public init(extraction: Extractor.Options = .init(), includeLayout: Bool = false) {
      self.extraction = extraction
      self.includeLayout = includeLayout
    }
  }

  /// The options in force.
  public var options: Options

  /// Creates a pipeline.
  public init(options: Options = Options()) {
    self.options = options
  }

  /// Runs every step on the file at `path`. Throws when the document cannot be read at
  /// all; pages that were skipped are marked in the output and listed in the result.
  public func run(path: String) throws(PipelineError) -> IngestResult {
    let extracted = try extract(path)
    let pages = restore(extracted.pages)
    var document = assemble(extracted, pages: pages)
    document = parse(document, pages: pages)
    return IngestResult(document: document, pageFailures: extracted.failures)
  }

  private func extract(_ path: String) throws(PipelineError) -> ExtractedDocument {
    do {
      return try Extractor(options: options.extraction).extract(path: path)
    } catch {
      throw .extraction(error)
    }
  }

  /// Seam for the restoration stage (diacritics, OCR confusions): pages in, pages out,
  /// every box kept.
  private func restore(_ pages: [PageLayout]) -> [PageLayout] {
    pages
  }

  private func assemble(_ extracted: ExtractedDocument, pages: [PageLayout]) -> IngestDocument {
    let reasons = Dictionary(
      extracted.failures.compactMap { f in f.page.map { ($0, f.reason) } },
      uniquingKeysWith: { first, _ in first })
    return IngestDocument(
      source: extracted.source,
      pages: pages.map {
        PageOutput($0, includeLayout: options.includeLayout, skipped: reasons[$0.number])
      })
  }

  /// Seam for the parsing stage (metadata, outline, indicators, tasks), which adds the
  /// plan to the document from the restored pages.
  private func parse(_ document: IngestDocument, pages: [PageLayout]) -> IngestDocument {
    document
  }
}

/// The output of one run: the document, and the pages skipped on the way.
public struct IngestResult: Sendable, Hashable {
  /// The output document.
  public var document: IngestDocument
  /// Pages that failed or timed out, each naming file, page and reason.
  public var pageFailures: [ExtractionError]
}

/// Why the pipeline could not produce a document.
public enum PipelineError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The input could not be extracted.
  case extraction(ExtractionError)

  /// One line naming the file (and page) and the reason.
  public var description: String {
    switch self {
    case .extraction(let error): error.description
    }
  }
}
