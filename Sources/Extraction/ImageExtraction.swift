import PlanModel

/// Extraction of an image file: every page (one, or each page of a TIFF) is OCR'd.
struct ImageExtraction {
  let input: InputFile
  let options: Extractor.Options
  var progress: ExtractionProgressHandler? = nil

  func run() throws(ExtractionError) -> [PageOutcome] {
    let images = try QuietStandardError.run { () throws(ExtractionError) in
      try ImagePages(input: input)
    }
    let file = input.displayPath
    return PageWorkers.run(
      pageCount: images.count, workers: options.jobs, overlap: options.pageOverlap,
      progress: progress,
      OCRWorker.halves(
        options: options, file: file, makePreparer: {},
        prepare: { _, index, announceOCR in
          announceOCR()
          let size = images.size(index)
          let layout = PageLayout(
            number: index + 1, width: size.width, height: size.height, origin: .ocr, lines: [])
          // Scanned images go the way of scanned PDF pages: gray, rules erased, missed
          // ink re-read.
          guard let gray = images.gray(index) else {
            return .finished(
              PageOutcome(
                layout: layout,
                failure: ExtractionError(
                  .pageFailed, file: file, page: index + 1,
                  reason: "cannot convert the image to gray")))
          }
          return .recognize(
            PageRendering(layout: layout, image: gray, inkBlobs: RulingLines.erase(from: gray)))
        }))
  }
}
