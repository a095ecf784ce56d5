import CPoppler

/// An 8-bit grayscale bitmap, one byte per pixel, rows top to bottom, placed on its
/// page: pixel (0, 0) is at (`originX`, `originY`) points, one pixel `pointsPerPixel`.
struct GrayImage: Sendable {
  var width: Int
  var height: Int
  var pixels: [UInt8]
  var pointsPerPixel: Double
  var originX: Double
  var originY: Double

  /// Creates an image from its pixels and placement.
  init(
    width: Int, height: Int, pixels: [UInt8], pointsPerPixel: Double, originX: Double,
    originY: Double
  ) {
    self.width = width
    self.height = height
    self.pixels = pixels
    self.pointsPerPixel = pointsPerPixel
    self.originX = originX
    self.originY = originY
  }

  /// The resolution Tesseract is told.
  var dpi: Int { Int((72 / pointsPerPixel).rounded()) }

  /// Converts a 32-bit cairo surface (RGB24, or ARGB32 composited over white paper).
  init?(surface: OpaquePointer, pointsPerPixel: Double, originX: Double, originY: Double) {
    cairo_surface_flush(surface)
    let format = cairo_image_surface_get_format(surface)
    guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32,
      let data = cairo_image_surface_get_data(surface)
    else { return nil }
    let hasAlpha = format == CAIRO_FORMAT_ARGB32
    let w = Int(cairo_image_surface_get_width(surface))
    let h = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    var gray = [UInt8](repeating: 255, count: w * h)
    gray.withUnsafeMutableBufferPointer { out in
      for y in 0..<h {
        let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        let base = y * w
        for x in 0..<w {
          let p = row[x]
          // Premultiplied channels: adding the uncovered share of white composites.
          let white = hasAlpha ? 255 - (p >> 24) : 0
          let r = ((p >> 16) & 0xFF) + white
          let g = ((p >> 8) & 0xFF) + white
          let b = (p & 0xFF) + white
          out[base + x] = UInt8(min(255, (r * 77 + g * 150 + b * 29) >> 8))
        }
      }
    }
    self.width = w
    self.height = h
    self.pixels = gray
    self.pointsPerPixel = pointsPerPixel
    self.originX = originX
    self.originY = originY
  }
}
