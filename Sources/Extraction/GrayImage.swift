import CPoppler
import CTesseract

/// An 8-bit grayscale bitmap held by Leptonica, placed on its page: pixel (0, 0) is at
/// (`originX`, `originY`) points, one pixel `pointsPerPixel`. Keeping the page in
/// Leptonica's own format from rendering to recognition lets the rule erasing work in
/// place and Tesseract take the bitmap as it is, with no copies in between. Made, used
/// and released by the one worker thread that reads the page.
final class GrayImage {
  let pix: UnsafeMutablePointer<PIX>
  let pointsPerPixel: Double
  let originX: Double
  let originY: Double

  /// Takes ownership of `pix`, which must be 8 bits deep.
  init(pix: UnsafeMutablePointer<PIX>, pointsPerPixel: Double, originX: Double, originY: Double) {
    self.pix = pix
    self.pointsPerPixel = pointsPerPixel
    self.originX = originX
    self.originY = originY
  }

  deinit {
    var owned: UnsafeMutablePointer<PIX>? = pix
    pixDestroy(&owned)
  }

  var width: Int { Int(pixGetWidth(pix)) }
  var height: Int { Int(pixGetHeight(pix)) }

  /// The resolution Tesseract is told.
  var dpi: Int { Int((72 / pointsPerPixel).rounded()) }

  /// Converts a 32-bit cairo surface (RGB24, or ARGB32 composited over white paper)
  /// straight into a Leptonica bitmap.
  convenience init?(
    surface: OpaquePointer, pointsPerPixel: Double, originX: Double, originY: Double
  ) {
    cairo_surface_flush(surface)
    let format = cairo_image_surface_get_format(surface)
    guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32,
      let data = cairo_image_surface_get_data(surface)
    else { return nil }
    let hasAlpha = format == CAIRO_FORMAT_ARGB32
    let w = Int(cairo_image_surface_get_width(surface))
    let h = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    guard let pix = pixCreate(Int32(w), Int32(h), 8), let target = pixGetData(pix) else {
      return nil
    }
    let words = Int(pixGetWpl(pix))
    for y in 0..<h {
      let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
      let out = UnsafeMutableRawPointer(target + y * words).assumingMemoryBound(to: UInt8.self)
      for x in 0..<w {
        let p = row[x]
        // Premultiplied channels: adding the uncovered share of white composites.
        let white = hasAlpha ? 255 - (p >> 24) : 0
        let r = ((p >> 16) & 0xFF) + white
        let g = ((p >> 8) & 0xFF) + white
        let b = (p & 0xFF) + white
        // Leptonica packs 8-bit pixels into 32-bit words, the first pixel in the most
        // significant byte: on a little-endian machine byte `x` of a row sits at `x ^ 3`.
        out[x ^ 3] = UInt8(min(255, (r * 77 + g * 150 + b * 29) >> 8))
      }
    }
    self.init(pix: pix, pointsPerPixel: pointsPerPixel, originX: originX, originY: originY)
  }
}
