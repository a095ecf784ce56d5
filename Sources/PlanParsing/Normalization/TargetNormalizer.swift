import Foundation
import PlanModel

/// Finds the target an indicator states ("đạt tối thiểu 90%", "≥ 80%", "đạt 0,72",
/// "1.000 học viên/năm") and reads it into value, unit and comparator. Numbers follow
/// Vietnamese print: "." groups thousands, "," is the decimal mark; "0.72" (a dot not
/// followed by exactly three digits) is read as a decimal, as plans also print it so.
public struct TargetNormalizer: Sendable {
  /// Creates a normalizer.
  public init() {}

  /// The target stated in `text`, or `nil` when it states no number to reach.
  public func target(in text: String) -> Target? {
    let folded = FoldedText(text.collapsingWhitespace)
    let key = folded.key
    // The number after "đạt" is the target; else a leading "100% …" or "≥ 80% …";
    // else the first percentage or comparator-led number in the text.
    let candidates = key.matches(of: Self.pattern)
    guard !candidates.isEmpty else { return nil }
    let afterDat = candidates.first { match in
      let before = key[..<match.range.lowerBound].suffix(24)
      return before.range(of: "dat") != nil || match.output.comparator?.contains("dat") == true
    }
    let chosen =
      afterDat ?? candidates.first { $0.output.comparator != nil || $0.output.unit == "%" }
      ?? (key.count < 40 ? candidates.first : nil)
    guard let match = chosen else { return nil }
    let number = Self.number(String(match.output.number))
    let comparator = Self.comparator(match.output.comparator.map(String.init) ?? "")
    var unit: String? = nil
    var end = folded.offset(match.output.number.endIndex)
    if let u = match.output.unit {
      let start = folded.offset(u.startIndex)
      end = folded.offset(u.endIndex)
      unit = folded.original(from: start, to: end).trimmingPunctuation
      if unit == "%", let acronym = Self.acronym(after: end, in: folded) {
        // "23% GRDP": the share is of something named right after the sign.
        unit = "% " + acronym.word
        end = acronym.end
      }
      if unit?.isEmpty == true { unit = nil }
    }
    let rawStart = folded.offset(
      match.output.comparator?.startIndex ?? match.output.number.startIndex)
    var raw = folded.original(from: rawStart, to: end).collapsingWhitespace
    if raw.foldKey.hasPrefix("dat ") { raw = String(raw.dropFirst(4)) }
    return Target(raw: raw, value: number, unit: unit, comparator: comparator)
  }

  /// comparator words, the number, and a unit ("%", "% GRDP", "học viên/năm").
  nonisolated(unsafe) private static let pattern =
    #/(?<comparator>(?:dat\s+(?:gia\s+tri\s+|muc\s+)?)?(?:(?:toi\s*thieu|it\s+nhat|khong\s+duoi|khong\s+thap\s+hon|toi\s*da|khong\s+qua|khong\s+vuot\s+qua|tren|duoi|hon|≥|≤|>=|<=|>|<)\s*|dat\s+))?(?<number>\d+(?:[.,]\d+)*)\s*(?<unit>%|(?:[a-z]+(?:/[a-z]+)?)(?:\s+[a-z]+(?:/[a-z]+)?){0,2}(?=\s*(?:[.;,)]|$|/)))?/#

  private static func acronym(after offset: Int, in text: FoldedText) -> (word: String, end: Int)? {
    var i = offset
    while i < text.original.count, text.original[i] == " " { i += 1 }
    var j = i
    while j < text.original.count, text.original[j].isUppercase, text.original[j].isLetter {
      j += 1
    }
    let atWordEnd = j == text.original.count || !text.original[j].isLetter
    guard j - i >= 2, atWordEnd else { return nil }
    return (text.original(from: i, to: j), j)
  }

  static func comparator(_ words: String) -> TargetComparator {
    let key = words.collapsingWhitespace
    let atLeast = ["toi thieu", "toithieu", "it nhat", "khong duoi", "khong thap hon", "≥", ">="]
    let atMost = ["toi da", "toida", "khong qua", "khong vuot qua", "≤", "<="]
    if atLeast.contains(where: key.contains) { return .atLeast }
    if atMost.contains(where: key.contains) { return .atMost }
    if key.contains("tren") || key.contains("hon") || key.hasSuffix(">") { return .greater }
    if key.contains("duoi") || key.hasSuffix("<") { return .less }
    return .equal
  }

  /// "1.000" → 1000, "18,7" → 18.7, "0.72" → 0.72, "1.234.567" → 1234567.
  static func number(_ text: String) -> Double? {
    if !text.contains(where: { $0 == "." || $0 == "," }) { return Double(text) }
    let dots = text.filter { $0 == "." }.count
    let commas = text.filter { $0 == "," }.count
    if commas == 1 && dots == 0 { return Double(text.replacingOccurrences(of: ",", with: ".")) }
    if dots >= 1 && commas <= 1,
      (text.components(separatedBy: ",").first ?? "").components(separatedBy: ".").dropFirst()
        .allSatisfy({ $0.count == 3 })
    {
      // "1.000" or "1.000,5": dots group thousands.
      let plain = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(
        of: ",", with: ".")
      return Double(plain)
    }
    if dots == 1 && commas == 0 { return Double(text) }
    if commas >= 1 && dots <= 1 {
      // English print "1,000.5".
      return Double(text.replacingOccurrences(of: ",", with: ""))
    }
    return nil
  }
}

extension String {
  /// The text without leading or trailing whitespace and sentence punctuation.
  var trimmingPunctuation: String {
    var s = Substring(self)
    let junk: Set<Character> = [" ", ".", ",", ";", ":", "\t", "-"]
    while let c = s.first, junk.contains(c) { s = s.dropFirst() }
    while let c = s.last, junk.contains(c) { s = s.dropLast() }
    return String(s)
  }
}
