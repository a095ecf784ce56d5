import Foundation

/// Decides, from measurable signals, whether a PDF page's text layer is real text or
/// whether the page must be rendered and OCR'd.
///
/// Signals: whether there is any text; the share of characters a Vietnamese or Latin
/// page never contains (control and private-use characters, U+FFFD, symbols and letters
/// of legacy-encoding mojibake, marks Vietnamese does not use); the share of letters and
/// digits; and, on a page covered by one image (a scan), the share of words that carry
/// Vietnamese marks. A layer over a scan is invisible OCR text from someone else; it is
/// kept only when it reads as Vietnamese, since an English-model layer loses the marks.
public struct TextLayerTriage: Sendable, Hashable {
  /// What to do with a page.
  public enum Decision: Sendable, Hashable {
    /// The text layer is real text.
    case useTextLayer
    /// Render and OCR the page, for the reason given.
    case ocr(reason: String)
  }

  /// Above this share of foreign characters a layer is junk.
  public static let maxForeignShare = 0.05
  /// Below this share of letters and digits among visible characters a layer is junk.
  public static let minAlphanumericShare = 0.5
  /// An image covering at least this share of the page makes it a scan.
  public static let scanCoverage = 0.85
  /// Over a scan, at least this share of words must carry a Vietnamese mark.
  public static let minMarkedWordShare = 0.2

  /// Measurements of one text layer.
  public struct Signals: Sendable, Hashable {
    /// Visible (non-space) characters.
    public var visible: Int
    /// Share of visible characters that no Vietnamese/Latin page contains.
    public var foreignShare: Double
    /// Share of visible characters that are letters or digits.
    public var alphanumericShare: Double
    /// Share of words with letters that carry a Vietnamese mark (or đ).
    public var markedWordShare: Double
  }

  /// Measures `text`.
  public static func signals(of text: String) -> Signals {
    var visible = 0
    var foreign = 0
    var alphanumeric = 0
    for character in text where !character.isWhitespace {
      visible += 1
      if isForeign(character) { foreign += 1 }
      if character.isLetter || character.isNumber { alphanumeric += 1 }
    }
    var wordsWithLetters = 0
    var marked = 0
    for word in text.split(whereSeparator: \.isWhitespace) where word.contains(where: \.isLetter) {
      wordsWithLetters += 1
      if word.contains(where: hasVietnameseMark) { marked += 1 }
    }
    let share = { (n: Int, d: Int) in d == 0 ? 0 : Double(n) / Double(d) }
    return Signals(
      visible: visible, foreignShare: share(foreign, visible),
      alphanumericShare: share(alphanumeric, visible),
      markedWordShare: share(marked, wordsWithLetters))
  }

  /// Decides for a page with text layer `text` and an image covering `imageCoverage`
  /// (0...1) of it.
  public static func decide(text: String, imageCoverage: Double) -> Decision {
    let s = signals(of: text)
    if s.visible == 0 { return .ocr(reason: "no text layer") }
    if s.foreignShare > maxForeignShare {
      return .ocr(
        reason: "junk text layer (\(percent(s.foreignShare)) characters foreign to Vietnamese)")
    }
    if s.alphanumericShare < minAlphanumericShare {
      return .ocr(reason: "junk text layer (\(percent(s.alphanumericShare)) letters or digits)")
    }
    if imageCoverage >= scanCoverage && s.markedWordShare < minMarkedWordShare {
      return .ocr(
        reason:
          "text layer over a scanned image without Vietnamese marks (\(percent(s.markedWordShare)) of words)"
      )
    }
    return .useTextLayer
  }

  private static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

  /// The combining marks Vietnamese writes: five tones, circumflex, breve and horn.
  private static let vietnameseMarks: Set<UInt32> = [
    0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B,
  ]
  /// Punctuation and symbols a plan may print beyond ASCII.
  private static let allowedSymbols: Set<Character> = [
    "–", "—", "‘", "’", "“", "”", "…", "•", "·", "°", "§", "№", "«", "»", "≥", "≤", "±", "×",
    "÷", "≠", "€", "₫", "©", "®", "™", "½", "¼", "¾", "→", "\u{00A0}",
  ]

  static func isForeign(_ character: Character) -> Bool {
    if character == "đ" || character == "Đ" || allowedSymbols.contains(character) {
      return false
    }
    let scalars = character.unicodeScalars
    if scalars.count == 1, let s = scalars.first, s.value >= 0x20, s.value < 0x7F {
      return false
    }
    let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
    guard let base = decomposed.first, base.value < 0x7F, base.properties.isAlphabetic else {
      return true
    }
    return decomposed.dropFirst().contains { !vietnameseMarks.contains($0.value) }
  }

  static func hasVietnameseMark(_ character: Character) -> Bool {
    if character == "đ" || character == "Đ" { return true }
    return String(character).decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst()
      .contains { vietnameseMarks.contains($0.value) }
  }
}
