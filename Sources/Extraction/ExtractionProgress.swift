/// Where extraction of one document stands, reported each time a page is finished (read
/// from its text layer, OCR'd, or skipped), from whichever worker thread finished it.
public struct ExtractionProgress: Sendable, Hashable {
  /// Pages finished so far, this one included.
  public var pagesDone: Int
  /// Pages of the document.
  public var pageCount: Int
  /// The page just finished (from 1); pages finish out of order when workers run in
  /// parallel.
  public var page: Int
  /// Whether the page just finished was OCR'd.
  public var ocr: Bool

  /// Creates a progress report.
  public init(pagesDone: Int, pageCount: Int, page: Int, ocr: Bool) {
    self.pagesDone = pagesDone
    self.pageCount = pageCount
    self.page = page
    self.ocr = ocr
  }
}

/// Receives extraction progress; called from worker threads, one call at a time.
public typealias ExtractionProgressHandler = @Sendable (ExtractionProgress) -> Void
