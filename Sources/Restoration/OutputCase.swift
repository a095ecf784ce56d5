import Foundation
import VietnameseText

/// The case a restored word is written in: the printed word's pattern, read through the
/// English model's case noise (capitals for marked vowels, "I" for "l", "¥" for "Ý").
extension DocumentRestoration {
  /// The case a restored word is written in; `nil` when the word must be left alone
  /// (acronyms, foreign words, "VNeID"). Capitals inside a word that stand for vowels
  /// ("NOi", "sOng": an English model reading "ộ", "ố") do not make it an acronym.
  func outputPattern(_ printed: String, capital: Bool) -> CasePattern? {
    // The yen sign is an English model's reading of a capital "Ý" (a Y with its mark).
    let text = printed.replacingOccurrences(of: "¥", with: "Y")
    let lower = text.lowercased()
    if dictionary.foreignWords.contains(lower) { return nil }
    switch CasePattern.ofASCII(text) ?? CasePattern(of: text) {
    case .mixed:
      let inner = text.dropFirst().filter(\.isUppercase)
      if text.count <= 7,
        inner.allSatisfy({ "AEIOUY".contains(VietnameseFolding.fold(String($0)).uppercased()) })
      {
        return text.first!.isUppercase ? .capitalized : .lower
      }
      // Other letters of the wrong case may be misread marked vowels too ("dGi", "PHi").
      switch restorer.caseNoise.pattern(of: text) {
      case nil: return nil
      case .upper?: return capital ? .upper : .capitalized
      case let pattern?: return pattern
      }
    case .upper:
      if dictionary.acronyms.contains(text) { return nil }
      // Inside an ordinary sentence only capitals that spell a syllable are restored, and
      // they are an English model's reading of a lower-case word ("BO" for "Bộ", "SO" for
      // "Sở"): written capitalized.
      if !capital {
        if Syllable(VietnameseFolding.fold(text)) != nil { return .capitalized }
        // Capitals after the first that stand for marked vowels ("SG" for "Sở", "BG" for
        // "Bộ"), when the word is no known acronym.
        return restorer.caseNoise.pattern(of: text) == nil ? nil : .capitalized
      }
      return .upper
    case .capitalized
    where capital && text.count > 1 && text.dropFirst().allSatisfy({ !$0.isLetter }):
      // One capital letter with digits or symbols for its marked vowels ("T6" for "TỔ",
      // "B¢" for "BỘ") in a heading written in capitals.
      return .upper
    case let pattern: return pattern
    }
  }

  /// Whether a capitalized word is an OCR engine's reading of a lower-case "l" as "I"
  /// ("pháp Iuat" for "pháp luật"): the reading starts with "l" and the word sits inside a
  /// sentence between lower-case words (after a word or a comma, before a lower-case word,
  /// punctuation or nothing), where a real capital would start a name ("tỉnh Lâm Đồng").
  func readsLAsCapitalI(
    _ original: String, _ syllable: String, _ sentence: [TokenRef], at p: Int
  ) -> Bool {
    // The letter after it may be a digit or a symbol the OCR wrote for a vowel ("I9i").
    guard original.first == "I", let second = original.dropFirst().first, !second.isUppercase,
      syllable.first == "l", p > 0
    else { return false }
    let before = lines[sentence[p - 1].line][sentence[p - 1].index]
    let afterLower: Bool
    if p + 1 < sentence.count {
      let after = lines[sentence[p + 1].line][sentence[p + 1].index]
      afterLower =
        (after.kind == .word && after.text.first?.isLowercase == true)
        || after.kind == .punctuation
    } else {
      afterLower = true
    }
    let beforeLower =
      (before.kind == .word && before.text.first?.isLowercase == true) || before.text == ","
    return beforeLower && afterLower
  }
}
