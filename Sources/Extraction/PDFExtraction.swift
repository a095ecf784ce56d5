import PlanModel

/// Extraction of one PDF: open it, then read every page on the workers, each page
/// asking first whether its text layer will do; pages that need OCR are rendered by the
/// preparers while the recognizers read the pages before them.
struct PDFExtraction {
  let input: InputFile
  let options: Extractor.Options
  var progress: ExtractionProgressHandler? = nil

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
      pageCount: pageCount, workers: options.jobs, overlap: options.pageOverlap,
      progress: progress,
      OCRWorker.halves(
        options: options, file: file,
        makePreparer: { Preparer(path: path, options: options, file: file) },
        prepare: { preparer, index, announceOCR in
          preparer.prepare(number: index + 1, announceOCR: announceOCR)
        }))
  }

  /// One preparer thread's document, opened on first need: it reads text-layer pages
  /// and renders the others for OCR.
  struct Preparer {
    let path: String
    let options: Extractor.Options
    let file: String
    var document: Result<PDFDocument, ExtractionError>?

    mutating func prepare(number: Int, announceOCR: () -> Void) -> PreparedPage<PageRendering> {
      if document == nil {
        document = Result { () throws(ExtractionError) in
          try PDFDocument(path: path, password: options.password, file: file)
        }
      }
      let empty = PageLayout(number: number, width: nil, height: nil, origin: .ocr, lines: [])
      guard case .success(let pdf) = document!, let page = pdf.page(number - 1) else {
        return .finished(
          PageOutcome(
            layout: empty,
            failure: ExtractionError(
              .pageFailed, file: file, page: number, reason: "Poppler cannot load the page")))
      }
      let words = TextLayerWords.words(from: page.glyphs())
      let text = words.map(\.text).joined(separator: " ")
      let decision = TextLayerTriage.decide(text: text, imageCoverage: page.imageCoverage())
      guard case .ocr = decision else {
        return .finished(
          PageOutcome(
            layout: PageLayout(
              number: number, width: page.width, height: page.height, origin: .textLayer,
              lines: LineBuilder.lines(from: words))))
      }
      // An engine can load while this page renders.
      announceOCR()
      var layout = empty
      layout.width = page.width
      layout.height = page.height
      let renderStart = ContinuousClock.now
      let rendered = page.renderGray(dpi: options.dpi)
      let renderSeconds = seconds(ContinuousClock.now - renderStart)
      guard let image = rendered else {
        return .finished(
          PageOutcome(
            layout: layout,
            failure: ExtractionError(
              .pageFailed, file: file, page: number, reason: "cannot render the page for OCR")))
      }
      let inkBlobs = RulingLines.erase(from: image)
      return .recognize(
        PageRendering(
          layout: layout, image: image, inkBlobs: inkBlobs, renderSeconds: renderSeconds))
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
