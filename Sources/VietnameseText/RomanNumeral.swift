/// Roman numerals as plans use them: section headings ("II. NHIỆM VỤ"), table groups,
/// quarters ("Quý III/2026"). Only the canonical capital forms up to XXXIX count.
public enum RomanNumeral {
  /// The largest value written: plans number far fewer groups.
  public static let largest = 39

  /// The value of `text` ("IV" → 4), or nil when it is not a canonical numeral in
  /// capitals from I to XXXIX ("IIII", "iv" and "VX" are not).
  public static func value(of text: String) -> Int? {
    guard !text.isEmpty, text.count <= 8 else { return nil }
    var total = 0
    var previous = 0
    for c in text.reversed() {
      let v: Int
      switch c {
      case "I": v = 1
      case "V": v = 5
      case "X": v = 10
      default: return nil
      }
      total += v < previous ? -v : v
      previous = max(previous, v)
    }
    guard (1...largest).contains(total), numeral(for: total) == text else { return nil }
    return total
  }

  /// The numeral an OCR engine's reading stands for, where the reading is not already
  /// one: "l", "1", "|" and "i" are strokes of an "I", "v" and "x" a "V" and an "X" in
  /// the wrong case, and "H" two joined strokes ("Ill" → "III", "1V" → "IV", "H" → "II").
  /// `nil` when the result is no numeral or the text holds anything else.
  public static func reading(of text: String) -> String? {
    guard !text.isEmpty, text.count <= 6, value(of: text) == nil else { return nil }
    var out = ""
    for c in text {
      switch c {
      case "I", "l", "1", "|", "i": out += "I"
      case "V", "v": out += "V"
      case "X", "x": out += "X"
      case "H": out += "II"
      default: return nil
      }
    }
    return value(of: out) == nil ? nil : out
  }

  /// The canonical numeral of `value` (1 → "I", 14 → "XIV"); empty for values outside
  /// 1...39.
  public static func numeral(for value: Int) -> String {
    guard (1...largest).contains(value) else { return "" }
    let table: [(Int, String)] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    var rest = value
    var out = ""
    for (v, s) in table {
      while rest >= v {
        out += s
        rest -= v
      }
    }
    return out
  }
}
