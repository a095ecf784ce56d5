import CTesseract

/// Erases a table's ruling lines from a page before OCR. Whole-page Tesseract reads a
/// vertical rule as "|" or "I" glued to the words beside it, and a rule next to a lone
/// row number often makes it drop the number; with the rules gone, each cell's text
/// stands on white paper.
///
/// A rule is found by morphology on the binarized page: an opening with a long thin
/// brick keeps only runs of ink longer than any glyph (a third of an inch), which a
/// slight skew does not break because the brick is one pixel thick.
enum RulingLines {
  /// Ink is anything darker than this on 0...255.
  static let inkThreshold: Int32 = 160

  /// Erases the rules from `image` in place; returns the word-sized patches of ink
  /// left on it.
  static func erase(from image: GrayImage) -> [PixelRect] {
    let pix = image.pix
    var binary = pixThresholdToBinary(pix, inkThreshold)
    defer { pixDestroy(&binary) }
    let length = Int32(max(image.dpi / 3, 30))
    var horizontal = pixOpenCompBrick(nil, binary, length, 1)
    var vertical = pixOpenCompBrick(nil, binary, 1, length)
    defer {
      pixDestroy(&horizontal)
      pixDestroy(&vertical)
    }
    guard horizontal != nil, vertical != nil else { return [] }
    var rules = pixOr(nil, horizontal, vertical)
    // Widen the mask by a pixel on each side to take the rules' anti-aliased edges too.
    var mask = pixDilateBrick(nil, rules, 3, 3)
    defer {
      pixDestroy(&rules)
      pixDestroy(&mask)
    }
    guard mask != nil, pixSetMasked(pix, mask, 255) == 0 else { return [] }
    // The ink left on the erased page is the page's ink less the mask: no second
    // thresholding pass over the page is needed.
    guard pixSubtract(binary, binary, mask) != nil else { return [] }
    return inkBlobs(in: binary!, dpi: image.dpi)
  }

  /// Patches of ink the size of a word in the 1-bit `ink`: letters closed together
  /// horizontally, then kept when taller than a speck and smaller than a seal or a
  /// signature.
  private static func inkBlobs(in ink: UnsafeMutablePointer<PIX>, dpi: Int) -> [PixelRect] {
    var closed = pixCloseSafeCompBrick(nil, ink, Int32(max(dpi / 15, 3)), 1)
    defer { pixDestroy(&closed) }
    guard closed != nil, let found = pixConnComp(closed, nil, 8) else { return [] }
    var boxes: UnsafeMutablePointer<BOXA>? = found
    defer { boxaDestroy(&boxes) }
    let minHeight = dpi / 25
    let maxHeight = dpi / 4
    var blobs: [PixelRect] = []
    for index in 0..<boxaGetCount(found) {
      var x: Int32 = 0
      var y: Int32 = 0
      var w: Int32 = 0
      var h: Int32 = 0
      guard boxaGetBoxGeometry(found, index, &x, &y, &w, &h) == 0 else { continue }
      guard Int(h) >= minHeight, Int(h) <= maxHeight, Int(w) >= minHeight / 2 else { continue }
      // A margin of a few pixels gives Tesseract the whole glyphs to read.
      let pad = 4
      blobs.append(
        PixelRect(
          left: max(0, Int(x) - pad), top: max(0, Int(y) - pad), right: Int(x + w) + pad,
          bottom: Int(y + h) + pad))
    }
    return blobs
  }
}

/// A rectangle in pixels, edges exclusive on the right and bottom.
struct PixelRect: Sendable, Hashable {
  var left: Int
  var top: Int
  var right: Int
  var bottom: Int
}
