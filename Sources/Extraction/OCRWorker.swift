import PlanModel

/// A page made ready for OCR: rendered to gray, rules erased, its word-sized ink found.
/// Made by one preparer thread and handed whole to one recognizer thread.
struct PageRendering {
  /// The page's layout so far: number and size, no lines yet.
  var layout: PageLayout
  var image: GrayImage
  var inkBlobs: [PixelRect]
  /// Seconds spent rendering the page (zero for an image file's page).
  var renderSeconds = 0.0

  /// What recognizing the page is expected to cost: the area of its word-sized ink in
  /// pixels. Tesseract's time follows it (on the scanned fixtures' 12 pages, 0.27 s for
  /// 0.17 million pixels up to 1.6–1.9 s for 1.8–2.2 million).
  var expectedCost: Int {
    inkBlobs.reduce(0) { $0 + ($1.right - $1.left) * ($1.bottom - $1.top) }
  }
}

/// The recognizing half of a page worker: one Tesseract engine, loaded ahead of the
/// first page that needs it (`loadEngine`) or, failing that, on that page.
struct OCRWorker {
  let options: Extractor.Options
  let file: String
  private var reader: Result<TesseractReader, ExtractionError>?

  init(options: Extractor.Options, file: String) {
    self.options = options
    self.file = file
  }

  /// Loads the engine now, so that the first page does not wait for it. A failure is
  /// kept and reported on every page this worker is given.
  mutating func loadEngine() {
    _ = engine()
  }

  private mutating func engine() -> Result<TesseractReader, ExtractionError> {
    if let reader { return reader }
    let language = options.ocrLanguage
    let file = file
    let made = Result { () throws(ExtractionError) in
      try TesseractReader(language: language, file: file)
    }
    reader = made
    return made
  }

  /// OCRs a prepared page, or reports why the page is skipped.
  mutating func recognize(_ page: PageRendering) -> PageOutcome {
    let timeout = options.pageTimeout
    var outcome = recognize(into: page.layout) { reader throws(TesseractReader.Failure) in
      try reader.recognize(page.image, inkBlobs: page.inkBlobs, timeout: timeout)
    }
    outcome.renderSeconds = page.renderSeconds
    return outcome
  }

  private mutating func recognize(
    into layout: PageLayout,
    _ body: (TesseractReader) throws(TesseractReader.Failure) -> [Line]
  ) -> PageOutcome {
    var layout = layout
    layout.origin = .ocr
    let reader: TesseractReader
    switch engine() {
    case .success(let r): reader = r
    case .failure(let error): return PageOutcome(layout: layout, failure: error)
    }
    do {
      layout.lines = try body(reader)
    } catch {
      return failure(error, layout: layout)
    }
    return PageOutcome(layout: layout, tesseractSeconds: reader.lastSeconds)
  }

  private func failure(_ error: TesseractReader.Failure, layout: PageLayout) -> PageOutcome {
    switch error {
    case .timedOut:
      let seconds = options.pageTimeout
      let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
      return PageOutcome(
        layout: layout,
        failure: ExtractionError(
          .pageTimeout, file: file, page: layout.number,
          reason: "OCR took longer than the page timeout (\(shown) s); page skipped"))
    case .failed(let reason):
      return PageOutcome(
        layout: layout,
        failure: ExtractionError(.pageFailed, file: file, page: layout.number, reason: reason))
    }
  }

  /// The two halves of a document's page work for `PageWorkers`, with this kind of
  /// worker recognizing what `prepare` renders.
  static func halves<Preparer>(
    options: Extractor.Options, file: String,
    makePreparer: @escaping @Sendable () -> Preparer,
    prepare: @escaping @Sendable (inout Preparer, Int, () -> Void) -> PreparedPage<PageRendering>
  ) -> PageWorkers.Halves<Preparer, OCRWorker, PageRendering> {
    PageWorkers.Halves(
      makePreparer: makePreparer, prepare: prepare,
      makeRecognizer: { OCRWorker(options: options, file: file) },
      warmUp: { $0.loadEngine() },
      recognize: { worker, _, page in worker.recognize(page) },
      expectedCost: { $0.expectedCost })
  }
}
