import Extraction
import Foundation
import PlanModel
import PlanParsing

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
    /// Whether the plan (metadata, outline, indicators, tasks) is parsed.
    public var parsePlan: Bool
    /// Where the dictionaries are; `nil` to locate them (`DictionaryFolder.locate`).
    public var dictionaries: DictionaryFolder?

    /// Creates options.
    public init(
      extraction: Extractor.Options = .init(), includeLayout: Bool = false,
      parsePlan: Bool = true, dictionaries: DictionaryFolder? = nil
    ) {
      self.extraction = extraction
      self.includeLayout = includeLayout
      self.parsePlan = parsePlan
      self.dictionaries = dictionaries
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
    let knowledge = try loadKnowledge()
    let extracted = try extract(path)
    let pages = restore(extracted.pages)
    var document = assemble(extracted, pages: pages)
    if let parser = knowledge.parser {
      document.plan = parser.parse(pages)
    }
    return IngestResult(
      document: document, pageFailures: extracted.failures,
      renderSeconds: extracted.renderSeconds, tesseractSeconds: extracted.tesseractSeconds)
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

  /// What the later stages know, read from the dictionaries before any page is touched,
  /// so that a missing or broken dictionary fails fast and names itself.
  private struct Knowledge {
    var parser: PlanParser?
  }

  private func loadKnowledge() throws(PipelineError) -> Knowledge {
    guard options.parsePlan else { return Knowledge(parser: nil) }
    let folder: DictionaryFolder
    if let given = options.dictionaries {
      folder = given
    } else {
      folder = try DictionaryFolder.locate()
    }
    do {
      let agencies = try AgencyDictionary(contentsOf: folder.file("agencies.tsv"))
      return Knowledge(parser: PlanParser(agencies: agencies))
    } catch {
      throw .dictionaries("\(folder.file("agencies.tsv").path): \(error)")
    }
  }
}

/// The output of one run: the document, and the pages skipped on the way.
public struct IngestResult: Sendable, Hashable {
  /// The output document.
  public var document: IngestDocument
  /// Pages that failed or timed out, each naming file, page and reason.
  public var pageFailures: [ExtractionError]
  /// Seconds spent rendering pages for OCR, summed over pages.
  public var renderSeconds: Double
  /// Seconds spent inside Tesseract's recognition, summed over pages.
  public var tesseractSeconds: Double
}

/// Why the pipeline could not produce a document.
public enum PipelineError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The input could not be extracted.
  case extraction(ExtractionError)
  /// The dictionaries could not be found or read.
  case dictionaries(String)

  /// One line naming the file (and page) and the reason.
  public var description: String {
    switch self {
    case .extraction(let error): error.description
    case .dictionaries(let reason): "dictionaries: \(reason)"
    }
  }
}
