import CTesseract
import Foundation
import PlanModel

/// One Tesseract handle, owned by one worker thread for its whole life: Tesseract's
/// handles are not thread-safe, and initializing one per page would waste the model load.
final class TesseractReader {
  private let handle: OpaquePointer

  /// Why recognition of one image stopped.
  enum Failure: Error {
    case timedOut
    case failed(String)
  }

  /// Loads `language` (e.g. `vie`, `vie+eng`, `Vietnamese`). `script/Vietnamese` names
  /// the script model the way upstream tessdata lays it out; Debian installs it at the
  /// top of tessdata, so the path is mapped to whichever exists.
  init(language: String, file: String) throws(ExtractionError) {
    // Tesseract prints its own errors for a missing model: check for the files first.
    let resolved = try TesseractReader.resolve(language, file: file)
    guard let handle = TessBaseAPICreate() else {
      throw ExtractionError(.ocrModel, file: file, reason: "cannot create a Tesseract engine")
    }
    // From here on deinit releases the handle, also when init throws.
    self.handle = handle
    if TessBaseAPIInit3(handle, nil, resolved) != 0 {
      throw ExtractionError(
        .ocrModel, file: file, reason: "cannot load OCR language '\(language)'")
    }
    // Tesseract's own diagnostics would break the one-line-per-error contract on stderr.
    _ = TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
    TessBaseAPISetPageSegMode(handle, PSM_AUTO)
  }

  deinit {
    TessBaseAPIEnd(handle)
    TessBaseAPIDelete(handle)
  }

  static var tessdata: String {
    ProcessInfo.processInfo.environment["TESSDATA_PREFIX"] ?? "/usr/share/tesseract-ocr/5/tessdata"
  }

  /// The Tesseract language string for `language`, each part mapped to a model file
  /// that exists; throws naming the first part that has none.
  static func resolve(_ language: String, file: String) throws(ExtractionError) -> String {
    let exists = { (n: String) in
      FileManager.default.fileExists(atPath: "\(tessdata)/\(n).traineddata")
    }
    var parts: [String] = []
    for part in language.split(separator: "+", omittingEmptySubsequences: false) {
      let name = String(part)
      let bare = name.hasPrefix("script/") ? String(name.dropFirst(7)) : name
      if let found = [name, bare, "script/\(bare)"].first(where: { !$0.isEmpty && exists($0) }) {
        parts.append(found)
      } else {
        throw ExtractionError(
          .ocrModel, file: file,
          reason: "cannot load OCR language '\(language)': no \(name).traineddata in \(tessdata)")
      }
    }
    return parts.joined(separator: "+")
  }

  /// Checks that `language` names installed models, without loading them.
  static func validate(_ language: String, file: String) throws(ExtractionError) {
    _ = try resolve(language, file: file)
  }

  /// Recognizes a grayscale rendering; boxes come back in points.
  func recognize(_ image: GrayImage, timeout: Double) throws(Failure) -> [Line] {
    image.pixels.withUnsafeBufferPointer { buffer in
      TessBaseAPISetImage(
        handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
    }
    TessBaseAPISetSourceResolution(handle, Int32(image.dpi))
    return try run(pointsPerPixel: 72 / Double(image.dpi), timeout: timeout)
  }

  /// Recognizes a Leptonica image whose resolution is `dpi`; boxes come back in points.
  func recognize(pix: UnsafeMutablePointer<PIX>, dpi: Int, timeout: Double) throws(Failure)
    -> [Line]
  {
    TessBaseAPISetImage2(handle, pix)
    TessBaseAPISetSourceResolution(handle, Int32(dpi))
    return try run(pointsPerPixel: 72 / Double(dpi), timeout: timeout)
  }

  private func run(pointsPerPixel: Double, timeout: Double) throws(Failure) -> [Line] {
    defer { TessBaseAPIClear(handle) }
    guard let monitor = TessMonitorCreate() else { throw .failed("cannot create a monitor") }
    defer { TessMonitorDelete(monitor) }
    // The deadline bounds recognition itself, the part that can run away on a page.
    let milliseconds = Int32(clamping: Int((timeout * 1000).rounded()))
    TessMonitorSetDeadlineMSecs(monitor, milliseconds)
    let start = ContinuousClock.now
    let status = TessBaseAPIRecognize(handle, monitor)
    if status != 0 {
      let elapsed = ContinuousClock.now - start
      if elapsed >= .milliseconds(Int(milliseconds)) { throw .timedOut }
      throw .failed("Tesseract could not recognize the page")
    }
    guard let iterator = TessBaseAPIGetIterator(handle) else { return [] }
    defer { TessResultIteratorDelete(iterator) }
    var words: [Word] = []
    var wordLines: [Int] = []
    var textLines: [TextLine] = []
    repeat {
      // The page iterator is borrowed from the result iterator: not deleted here.
      let pageIterator = TessResultIteratorGetPageIterator(iterator)
      if textLines.isEmpty || TessPageIteratorIsAtBeginningOf(pageIterator, RIL_TEXTLINE) != 0 {
        textLines.append(TextLine(pageIterator))
      }
      guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
      let text = String(cString: raw).precomposedStringWithCanonicalMapping
        .trimmingCharacters(in: .whitespacesAndNewlines)
      TessDeleteText(raw)
      guard !text.isEmpty else { continue }
      let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
      var left: Int32 = 0
      var top: Int32 = 0
      var right: Int32 = 0
      var bottom: Int32 = 0
      guard TessPageIteratorBoundingBox(pageIterator, RIL_WORD, &left, &top, &right, &bottom) != 0
      else { continue }
      let box = BoundingBox(
        x: Double(left) * pointsPerPixel, y: Double(top) * pointsPerPixel,
        width: Double(right - left) * pointsPerPixel, height: Double(bottom - top) * pointsPerPixel)
      words.append(
        Word(text: text, box: box, confidence: min(max(confidence, 0), 1), origin: .ocr))
      wordLines.append(textLines.count - 1)
    } while TessResultIteratorNext(iterator, RIL_WORD) != 0
    // Undo the page's skew before grouping: across a landscape page a tilt of half a
    // degree moves a baseline by more than half a line.
    let slopes = textLines.filter { $0.baselineWidth > 300 }.map(\.slope).sorted()
    let slope = slopes.isEmpty ? 0 : slopes[slopes.count / 2]
    let bands = zip(words, wordLines).map { word, line in
      let shift = slope * word.box!.midX
      return LineBuilder.Band(
        top: textLines[line].top * pointsPerPixel - shift,
        bottom: textLines[line].bottom * pointsPerPixel - shift)
    }
    return LineBuilder.lines(from: words, bands: bands)
  }

  /// A text line's extent and baseline, in pixels.
  private struct TextLine {
    var top = 0.0
    var bottom = 0.0
    var slope = 0.0
    var baselineWidth = 0.0

    init(_ iterator: OpaquePointer?) {
      var l: Int32 = 0
      var t: Int32 = 0
      var r: Int32 = 0
      var b: Int32 = 0
      if TessPageIteratorBoundingBox(iterator, RIL_TEXTLINE, &l, &t, &r, &b) != 0 {
        top = Double(t)
        bottom = Double(b)
      }
      if TessPageIteratorBaseline(iterator, RIL_TEXTLINE, &l, &t, &r, &b) != 0, r > l {
        baselineWidth = Double(r - l)
        slope = Double(b - t) / Double(r - l)
      }
    }
  }
}
