/// A rectangle on a page, in PDF points (1/72 inch) with the origin at the page's
/// top-left corner, whether the page came from a text layer or from OCR of a rendering.
public struct BoundingBox: Codable, Sendable, Hashable {
  /// Distance of the left edge from the page's left edge.
  public var x: Double
  /// Distance of the top edge from the page's top edge.
  public var y: Double
  /// Width of the box.
  public var width: Double
  /// Height of the box.
  public var height: Double

  /// Creates a box from its top-left corner and its size.
  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// The right edge.
  public var maxX: Double { x + width }
  /// The bottom edge.
  public var maxY: Double { y + height }
  /// The horizontal centre.
  public var midX: Double { x + width / 2 }
  /// The vertical centre.
  public var midY: Double { y + height / 2 }

  /// The smallest box holding both boxes.
  public func union(_ other: BoundingBox) -> BoundingBox {
    let minX = min(x, other.x)
    let minY = min(y, other.y)
    return BoundingBox(
      x: minX, y: minY, width: max(maxX, other.maxX) - minX, height: max(maxY, other.maxY) - minY)
  }
}

/// Where the text of a word or a page came from.
public enum TextOrigin: String, Codable, Sendable, Hashable {
  /// The PDF's own text layer, read by Poppler.
  case textLayer
  /// Tesseract's reading of a rendered page or of an image.
  case ocr
  /// A plain-text input (already OCR'd text), which has no geometry.
  case plainText
}

/// What restoration did to one word: the word as extracted and how sure the corrector is
/// of its replacement (the posterior margin, 0...1).
public struct Correction: Codable, Sendable, Hashable {
  /// The word as extraction gave it.
  public var original: String
  /// Confidence in the replacement, 0...1; low values are listed for review.
  public var confidence: Double

  /// Creates a record of one change.
  public init(original: String, confidence: Double) {
    self.original = original
    self.confidence = confidence
  }
}

/// One word on a page: its text (NFC), its box where the source has geometry, the
/// extractor's confidence (1.0 for a text layer) and where it came from.
public struct Word: Codable, Sendable, Hashable {
  /// The word's text, NFC-normalized.
  public var text: String
  /// The word's box; `nil` for plain-text input.
  public var box: BoundingBox?
  /// The extractor's confidence, 0...1 (1.0 for a text layer).
  public var confidence: Double
  /// Where the word came from.
  public var origin: TextOrigin
  /// Set when restoration changed the word.
  public var correction: Correction?

  /// Creates a word.
  public init(
    text: String, box: BoundingBox?, confidence: Double, origin: TextOrigin,
    correction: Correction? = nil
  ) {
    self.text = text
    self.box = box
    self.confidence = confidence
    self.origin = origin
    self.correction = correction
  }
}

/// A line of words in reading order.
public struct Line: Codable, Sendable, Hashable {
  /// The words, left to right.
  public var words: [Word]
  /// The union of the words' boxes; `nil` for plain-text input.
  public var box: BoundingBox?

  /// Creates a line; its box is the union of the words' boxes when every word has one.
  public init(words: [Word], box: BoundingBox? = nil) {
    self.words = words
    self.box = box ?? Line.enclosingBox(of: words)
  }

  /// The line's text: its words joined by single spaces.
  public var text: String { words.map(\.text).joined(separator: " ") }

  private static func enclosingBox(of words: [Word]) -> BoundingBox? {
    let boxes = words.compactMap(\.box)
    guard boxes.count == words.count, var box = boxes.first else { return nil }
    for other in boxes.dropFirst() { box = box.union(other) }
    return box
  }
}

/// One page as extraction hands it on: its size, where its text came from, and its
/// lines of words in reading order.
public struct PageLayout: Codable, Sendable, Hashable {
  /// The page's number in the document, from 1.
  public var number: Int
  /// Page width in points; `nil` for plain-text input.
  public var width: Double?
  /// Page height in points; `nil` for plain-text input.
  public var height: Double?
  /// Where this page's text came from.
  public var origin: TextOrigin
  /// The lines, top to bottom.
  public var lines: [Line]

  /// Creates a page.
  public init(number: Int, width: Double?, height: Double?, origin: TextOrigin, lines: [Line]) {
    self.number = number
    self.width = width
    self.height = height
    self.origin = origin
    self.lines = lines
  }

  /// The page's text, one line per line.
  public var text: String { lines.map(\.text).joined(separator: "\n") }
}
