import CTesseract
import Foundation

/// The pages of an image file, decoded by Leptonica: one page for PNG and JPEG, every
/// page of a multi-page TIFF. Each page's bitmap is handed to exactly one worker.
final class ImagePages: @unchecked Sendable {
  private var pixes: [UnsafeMutablePointer<PIX>?]
  /// The resolution of each page; 300 when the file does not say.
  let dpis: [Int]

  init(input: InputFile) throws(ExtractionError) {
    // Leptonica reports decode errors on stderr itself; the error below says it once.
    _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
    var pages: [UnsafeMutablePointer<PIX>?] = []
    input.bytes.withUnsafeBufferPointer { buffer in
      let isTIFF =
        buffer.starts(with: [0x49, 0x49, 0x2A, 0x00])
        || buffer.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
      if isTIFF, let pixa = pixaReadMemMultipageTiff(buffer.baseAddress, buffer.count) {
        for index in 0..<pixaGetCount(pixa) {
          pages.append(pixaGetPix(pixa, index, Int32(L_CLONE)))
        }
        var owned: UnsafeMutablePointer<PIXA>? = pixa
        pixaDestroy(&owned)
      } else if let pix = pixReadMem(buffer.baseAddress, buffer.count) {
        pages.append(pix)
      }
    }
    guard !pages.isEmpty, pages.allSatisfy({ $0 != nil }) else {
      for var pix in pages { pixDestroy(&pix) }
      throw ExtractionError(
        .unsupported, file: input.displayPath,
        reason: "cannot decode the image (damaged or truncated)")
    }
    pixes = pages
    dpis = pages.map { pix in
      let resolution = Int(pixGetXRes(pix))
      return (72...2400).contains(resolution) ? resolution : 300
    }
  }

  deinit {
    for index in pixes.indices { pixDestroy(&pixes[index]) }
  }

  var count: Int { pixes.count }

  /// Page `index` (from 0) as an 8-bit gray image placed at the page's origin.
  func gray(_ index: Int) -> GrayImage? {
    guard let source = pixes[index], let converted = pixConvertTo8(source, 0) else { return nil }
    return GrayImage(
      pix: converted, pointsPerPixel: 72 / Double(dpis[index]), originX: 0, originY: 0)
  }

  /// The page's size in points.
  func size(_ index: Int) -> (width: Double, height: Double) {
    let scale = 72 / Double(dpis[index])
    return (Double(pixGetWidth(pixes[index])) * scale, Double(pixGetHeight(pixes[index])) * scale)
  }
}
