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
        return ocr.recognize(into: layout) { reader throws(TesseractReader.Failure) in
          try reader.recognize(
            pix: images.pix(index), dpi: images.dpis[index], timeout: options.pageTimeout)
        }
      })
  }
}
