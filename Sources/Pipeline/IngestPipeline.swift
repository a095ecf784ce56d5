import Extraction
import Foundation
import PlanModel
import PlanParsing
import Restoration

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
    /// How restoration treats the pages; `nil` turns it off (`--no-restore`).
    public var restoration: RestorationMode?
    /// Whether the plan (metadata, outline, indicators, tasks) is parsed.
    public var parsePlan: Bool
    /// The dictionaries folder; `nil` to locate it (`DictionaryLocator.locate`).
    public var dictionaries: String?

    /// Creates options.
    public init(
      extraction: Extractor.Options = .init(), includeLayout: Bool = false,
      restoration: RestorationMode? = .auto, parsePlan: Bool = true, dictionaries: String? = nil
    ) {
      self.extraction = extraction
      self.includeLayout = includeLayout
      self.restoration = restoration
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
  /// `progress` hears of each PDF or image page as extraction finishes it.
  public func run(
    path: String, progress: ExtractionProgressHandler? = nil
  ) throws(PipelineError) -> IngestResult {
    let knowledge = try loadKnowledge()
    let extracted = try extract(path, progress: progress)
    let restored = restore(extracted.pages, with: knowledge.restorer)
    var document = assemble(extracted, restored: restored)
    if let parser = knowledge.parser {
      document.plan = parser.parse(restored.pages)
    }
    return IngestResult(
      document: document, pageFailures: extracted.failures,
      renderSeconds: extracted.renderSeconds, tesseractSeconds: extracted.tesseractSeconds)
  }

  private func extract(
    _ path: String, progress: ExtractionProgressHandler?
  ) throws(PipelineError) -> ExtractedDocument {
    do {
      return try Extractor(options: options.extraction).extract(path: path, progress: progress)
    } catch {
      throw .extraction(error)
    }
  }

  /// Restores diacritics and undoes OCR confusions on every page, keeping every box; the
  /// pages pass unchanged when restoration is off.
  private func restore(_ pages: [PageLayout], with restorer: Restorer?) -> Restored {
    guard let restorer, let mode = options.restoration else {
      return Restored(pages: pages, pageModes: [:], review: [])
    }
    let restored = restorer.restore(pages: pages, mode: mode)
    return Restored(
      pages: restored.pages, pageModes: restored.pageModes,
      review: restored.review.map { item in
        ReviewItem(
          page: item.page, line: item.change.line + 1, original: item.change.original,
          replacement: item.change.replacement, confidence: item.change.confidence)
      })
  }

  /// The pages after restoration, with what it reports.
  private struct Restored {
    var pages: [PageLayout]
    var pageModes: [Int: RestorationMode]
    var review: [ReviewItem]
  }

  private func assemble(_ extracted: ExtractedDocument, restored: Restored) -> IngestDocument {
    let reasons = Dictionary(
      extracted.failures.compactMap { f in f.page.map { ($0, f.reason) } },
      uniquingKeysWith: { first, _ in first })
    let pages = restored.pages.map { page in
      PageOutput(
        page, includeLayout: options.includeLayout, skipped: reasons[page.number],
        restoration: restored.pageModes[page.number].map { mode in
          PageRestoration(
            mode: mode.rawValue,
            changedWords: page.lines.reduce(0) { $0 + $1.words.count { $0.correction != nil } })
        })
    }
    var document = IngestDocument(source: extracted.source, pages: pages)
    if options.restoration != nil { document.review = restored.review }
    return document
  }

  /// What the later stages know, read from the dictionaries before any page is touched,
  /// so that a missing or broken dictionary fails fast and names itself.
  private struct Knowledge {
    var restorer: Restorer?
    var parser: PlanParser?
  }

  private func loadKnowledge() throws(PipelineError) -> Knowledge {
    guard options.parsePlan || options.restoration != nil else { return Knowledge() }
    let folder: String
    do throws(RestorationError) {
      if let given = options.dictionaries {
        folder = given
      } else {
        folder = try DictionaryLocator.locate()
      }
    } catch {
      throw .dictionaries(error.description)
    }
    var knowledge = Knowledge()
    if options.restoration != nil {
      do throws(RestorationError) {
        knowledge.restorer = try Restorer(dictionaryFolder: folder)
      } catch {
        throw .dictionaries(error.description)
      }
    }
    if options.parsePlan {
      let file = URL(fileURLWithPath: folder).appendingPathComponent("agencies.tsv")
      do {
        knowledge.parser = PlanParser(agencies: try AgencyDictionary(contentsOf: file))
      } catch {
        throw .dictionaries("\(file.path): \(error)")
      }
    }
    return knowledge
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
