import PlanModel

/// Extraction of an image file: every page (one, or each page of a TIFF) is OCR'd.
struct ImageExtraction {
  let input: InputFile
  let options: Extractor.Options

  func run() throws(ExtractionError) -> [PageOutcome] {
    let images = try QuietStandardError.run { () throws(ExtractionError) in
      try ImagePages(input: input)
    }
    let options = options
    let file = input.displayPath
    return PageWorkers.run(
      pageCount: images.count, workers: options.jobs,
      makeState: { OCRWorker(options: options, file: file) },
      page: { ocr, index in
        let size = images.size(index)
        let layout = PageLayout(
          number: index + 1, width: size.width, height: size.height, origin: .ocr, lines: [])
        // Scanned images go the way of scanned PDF pages: gray, rules erased, missed ink re-read.
        guard let gray = images.gray(index) else {
          return PageOutcome(
            layout: layout,
            failure: ExtractionError(
              .pageFailed, file: file, page: index + 1, reason: "cannot convert the image to gray"))
        }
        let inkBlobs = RulingLines.erase(from: gray)
        return ocr.recognize(gray, inkBlobs: inkBlobs, into: layout)
      })
  }
}
