import PlanModel

/// Extraction of one PDF: open it, then read every page on the workers, each page
/// asking first whether its text layer will do.
struct PDFExtraction {
  let input: InputFile
  let options: Extractor.Options

  func run() throws(ExtractionError) -> [PageOutcome] {
    // Poppler rebuilds a lost cross-reference table and would quietly read the first
    // pages of a cut-off download; a PDF must end with its %%EOF marker.
    guard input.bytes.suffix(2048).containsSequence(Array("%%EOF".utf8)) else {
      throw ExtractionError(
        .unsupported, file: input.displayPath,
        reason: "truncated PDF (no %%EOF marker at the end of the file)")
    }
    let path = input.displayPath
    let probe = try PDFDocument(path: path, password: options.password, file: path)
    let pageCount = probe.pageCount
    guard pageCount > 0 else {
      throw ExtractionError(.unsupported, file: input.displayPath, reason: "the PDF has no pages")
    }
    let file = input.displayPath
    let options = options
    return PageWorkers.run(
      pageCount: pageCount, workers: options.jobs,
      makeState: { Worker(path: path, options: options, file: file) },
      page: { worker, index in worker.page(number: index + 1) })
  }

  /// One thread's document and OCR engine, both made on first need.
  struct Worker {
    let path: String
    let options: Extractor.Options
    let file: String
    var document: Result<PDFDocument, ExtractionError>?
    var ocr: OCRWorker

    init(path: String, options: Extractor.Options, file: String) {
      self.path = path
      self.options = options
      self.file = file
      ocr = OCRWorker(options: options, file: file)
    }

    mutating func page(number: Int) -> PageOutcome {
      if document == nil {
        document = Result { () throws(ExtractionError) in
          try PDFDocument(path: path, password: options.password, file: file)
        }
      }
      let empty = PageLayout(number: number, width: nil, height: nil, origin: .ocr, lines: [])
      guard case .success(let pdf) = document!, let page = pdf.page(number - 1) else {
        return PageOutcome(
          layout: empty,
          failure: ExtractionError(
            .pageFailed, file: file, page: number, reason: "Poppler cannot load the page"))
      }
      let words = TextLayerWords.words(from: page.glyphs())
      let text = words.map(\.text).joined(separator: " ")
      let decision = TextLayerTriage.decide(text: text, imageCoverage: page.imageCoverage())
      guard case .ocr = decision else {
        return PageOutcome(
          layout: PageLayout(
            number: number, width: page.width, height: page.height, origin: .textLayer,
            lines: LineBuilder.lines(from: words)))
      }
      var layout = empty
      layout.width = page.width
      layout.height = page.height
      let renderStart = ContinuousClock.now
      let rendered = page.renderGray(dpi: options.dpi)
      let renderSeconds = seconds(ContinuousClock.now - renderStart)
      guard let image = rendered else {
        return PageOutcome(
          layout: layout,
          failure: ExtractionError(
            .pageFailed, file: file, page: number, reason: "cannot render the page for OCR"))
      }
      let inkBlobs = RulingLines.erase(from: image)
      var outcome = ocr.recognize(image, inkBlobs: inkBlobs, into: layout)
      outcome.renderSeconds = renderSeconds
      return outcome
    }
  }
}

/// The OCR half of a worker: one Tesseract engine, loaded on the first page that needs it.
struct OCRWorker {
  let options: Extractor.Options
  let file: String
  private var reader: Result<TesseractReader, ExtractionError>?

  init(options: Extractor.Options, file: String) {
    self.options = options
    self.file = file
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

  /// OCRs a rendering into `layout`, or reports why the page is skipped.
  mutating func recognize(_ image: GrayImage, inkBlobs: [PixelRect], into layout: PageLayout)
    -> PageOutcome
  {
    let timeout = options.pageTimeout
    return recognize(into: layout) { reader throws(TesseractReader.Failure) in
      try reader.recognize(image, inkBlobs: inkBlobs, timeout: timeout)
    }
  }

  mutating func recognize(
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
}

extension Collection where Element == UInt8 {
  /// Whether `needle` occurs in the bytes.
  func containsSequence(_ needle: [UInt8]) -> Bool {
    let bytes = Array(self)
    guard bytes.count >= needle.count, let first = needle.first else { return needle.isEmpty }
    for start in 0...(bytes.count - needle.count) where bytes[start] == first {
      if bytes[start..<start + needle.count].elementsEqual(needle) { return true }
    }
    return false
  }
}
