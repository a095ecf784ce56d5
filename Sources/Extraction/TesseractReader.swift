import CTesseract
import Foundation
import PlanModel

/// One Tesseract handle, owned by one worker thread for its whole life: Tesseract's
/// handles are not thread-safe, and initializing one per page would waste the model load.
final class TesseractReader {
  private let handle: OpaquePointer
  /// Seconds the last recognition spent inside Tesseract, for the benchmarks.
  private(set) var lastSeconds = 0.0

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

  /// Recognizes a grayscale rendering; boxes come back in points. `inkBlobs` (pixels)
  /// are word-sized patches of ink: those the page pass leaves unread are read again one
  /// by one as single lines.
  func recognize(_ image: GrayImage, inkBlobs: [PixelRect] = [], timeout: Double) throws(Failure)
    -> [Line]
  {
    TessBaseAPISetImage2(handle, image.pix)
    TessBaseAPISetSourceResolution(handle, Int32(image.dpi))
    let placement = Placement(
      pointsPerPixel: image.pointsPerPixel, originX: image.originX, originY: image.originY)
    return try run(placement, inkBlobs: inkBlobs, timeout: timeout)
  }

  /// Where the image lies on the page.
  private struct Placement {
    var pointsPerPixel: Double
    var originX: Double
    var originY: Double
  }

  /// A word as Tesseract found it, in pixels, with its text line's extent.
  private struct Found {
    var text: String
    var confidence: Double
    var left, top, right, bottom: Double
    var lineTop, lineBottom: Double
  }

  private func run(_ placement: Placement, inkBlobs: [PixelRect], timeout: Double) throws(Failure)
    -> [Line]
  {
    defer { TessBaseAPIClear(handle) }
    guard let monitor = TessMonitorCreate() else { throw .failed("cannot create a monitor") }
    defer { TessMonitorDelete(monitor) }
    // The deadline bounds recognition, the part that can run away on a page.
    let milliseconds = Int32(clamping: Int((timeout * 1000).rounded()))
    TessMonitorSetDeadlineMSecs(monitor, milliseconds)
    let start = ContinuousClock.now
    defer { lastSeconds = seconds(ContinuousClock.now - start) }
    if TessBaseAPIRecognize(handle, monitor) != 0 {
      if ContinuousClock.now - start >= .milliseconds(Int(milliseconds)) { throw .timedOut }
      throw .failed("Tesseract could not recognize the page")
    }
    let (pageWords, slope) = collect()
    var found = pageWords
    let missed = inkBlobs.filter { blob in
      !pageWords.contains { w in
        w.left < Double(blob.right) && Double(blob.left) < w.right && w.top < Double(blob.bottom)
          && Double(blob.top) < w.bottom
      }
    }
    if !missed.isEmpty {
      TessBaseAPISetPageSegMode(handle, PSM_SINGLE_LINE)
      defer { TessBaseAPISetPageSegMode(handle, PSM_AUTO) }
      for blob in missed.prefix(300) {
        if ContinuousClock.now - start >= .milliseconds(Int(milliseconds)) { throw .timedOut }
        TessBaseAPISetRectangle(
          handle, Int32(blob.left), Int32(blob.top), Int32(blob.right - blob.left),
          Int32(blob.bottom - blob.top))
        if TessBaseAPIRecognize(handle, nil) == 0 { found += collect().words }
      }
    }
    // Undo the page's skew before grouping: across a landscape page a tilt of half a
    // degree moves a baseline by more than half a line.
    let p = placement
    var words: [Word] = []
    var bands: [LineBuilder.Band] = []
    for f in found {
      let box = BoundingBox(
        x: p.originX + f.left * p.pointsPerPixel, y: p.originY + f.top * p.pointsPerPixel,
        width: (f.right - f.left) * p.pointsPerPixel, height: (f.bottom - f.top) * p.pointsPerPixel)
      let shift = slope * (f.left + f.right) / 2 * p.pointsPerPixel
      words.append(Word(text: f.text, box: box, confidence: f.confidence, origin: .ocr))
      bands.append(
        LineBuilder.Band(
          top: p.originY + f.lineTop * p.pointsPerPixel - shift,
          bottom: p.originY + f.lineBottom * p.pointsPerPixel - shift))
    }
    return LineBuilder.lines(from: words, bands: bands)
  }

  /// The words of the last recognition, and the median slope of its long text lines.
  private func collect() -> (words: [Found], slope: Double) {
    guard let iterator = TessBaseAPIGetIterator(handle) else { return ([], 0) }
    defer { TessResultIteratorDelete(iterator) }
    var words: [Found] = []
    var lines: [TextLine] = []
    repeat {
      // The page iterator is borrowed from the result iterator: not deleted here.
      let pageIterator = TessResultIteratorGetPageIterator(iterator)
      if lines.isEmpty || TessPageIteratorIsAtBeginningOf(pageIterator, RIL_TEXTLINE) != 0 {
        lines.append(TextLine(pageIterator))
      }
      guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
      let text = String(cString: raw).precomposedStringWithCanonicalMapping
        .trimmingCharacters(in: .whitespacesAndNewlines)
      TessDeleteText(raw)
      guard !text.isEmpty else { continue }
      let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
      var l: Int32 = 0
      var t: Int32 = 0
      var r: Int32 = 0
      var b: Int32 = 0
      guard TessPageIteratorBoundingBox(pageIterator, RIL_WORD, &l, &t, &r, &b) != 0 else {
        continue
      }
      let line = lines[lines.count - 1]
      words.append(
        Found(
          text: text, confidence: min(max(confidence, 0), 1), left: Double(l), top: Double(t),
          right: Double(r), bottom: Double(b), lineTop: line.top, lineBottom: line.bottom))
    } while TessResultIteratorNext(iterator, RIL_WORD) != 0
    let slopes = lines.filter { $0.baselineWidth > 300 }.map(\.slope).sorted()
    return (words, slopes.isEmpty ? 0 : slopes[slopes.count / 2])
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
