import Foundation
import VietnameseText

/// Tells an English model's misreading of a marked vowel as a letter of the other case
/// ("dGi" for "đổi", "sGng" for "sống", "NGHiA" for "NGHĨA", "PHi" for "PHÍ") from a word
/// that is written in mixed case on purpose ("VNeID", "IoT", "eKYC", "TikTok", "eGov").
///
/// The misread letters sit where a syllable has its vowels, and they are letters the
/// English-model confusion table has seen standing for a marked vowel ("g" for "ợ", "f"
/// for "ứ") or vowels that lost their marks. Real mixed-case words put their odd capital
/// at a word boundary ("Tik|Tok", "e|Gov"), where no vowel of one syllable could be.
struct CaseNoise: Sendable {
  /// Lower-case letters that are no vowel but that the English model writes for a marked
  /// vowel in at least `minimumShare` of that vowel's occurrences.
  let vowelReadings: Set<Character>
  /// Bare skeletons ("doi", "nghia") of the inventory's syllables (the restorer's index of
  /// them, shared).
  let skeletons: [String: Int]

  /// A letter counts as a vowel's reading when the model writes it for that vowel at least
  /// this often (one occurrence in fifty): rarer ones are scan noise, not a habit.
  static let minimumShare: Float = 0.02

  init(confusions: [Confusion], skeletons: [String: Int]) {
    var readings = Set<Character>()
    let threshold = Float(log(Double(Self.minimumShare)))
    for c in confusions where c.logProb >= threshold && c.ocr.count == 1 && c.source.count == 1 {
      guard let ocr = c.ocr.first, ocr.isASCII, ocr.isLetter, !Self.isVowel(ocr),
        let bare = VietnameseFolding.fold(c.source).first, Self.isVowel(bare)
      else { continue }
      readings.insert(ocr)
    }
    vowelReadings = readings
    self.skeletons = skeletons
  }

  static func isVowel(_ c: Character) -> Bool { "aeiouy".contains(c) }

  /// The case to write the restored word in when `text`, a mixed-case word, is noise;
  /// `nil` when it must stay as printed. Its letters are read two ways: as a lower-case
  /// word (with a capital first letter or not) whose other capitals are misread vowels, or
  /// as a capital word whose lower-case letters are. The reading that holds the word's
  /// majority case is tried first.
  func pattern(of text: String) -> CasePattern? {
    let letters = Array(text.filter(\.isLetter))
    // A syllable has at most seven letters ("nghiêng").
    guard letters.count >= 2, letters.count <= 7 else { return nil }
    let rest = letters.dropFirst()
    let uppers = rest.filter(\.isUppercase).count
    let lowerReading = { () -> CasePattern? in
      let odd = letters.indices.filter { $0 > 0 && letters[$0].isUppercase }
      guard self.readsAsSyllable(letters, odd: odd) else { return nil }
      return letters[0].isUppercase ? .capitalized : .lower
    }
    let upperReading = { () -> CasePattern? in
      let odd = letters.indices.filter { !letters[$0].isUppercase }
      return self.readsAsSyllable(letters, odd: odd) ? .upper : nil
    }
    if uppers > rest.count - uppers { return upperReading() ?? lowerReading() }
    return lowerReading() ?? upperReading()
  }

  /// Whether the letters, with those at `odd` standing for vowels, spell a syllable's
  /// skeleton: each odd letter must be a vowel or a known reading of one, and some choice
  /// of bare vowels for them must give a skeleton of the inventory.
  private func readsAsSyllable(_ letters: [Character], odd: [Int]) -> Bool {
    guard !odd.isEmpty, odd.count <= 2 else { return false }
    var lower = letters.map { Character(String($0).lowercased()) }
    for i in odd {
      let c = lower[i]
      guard c.isASCII, Self.isVowel(c) || vowelReadings.contains(c) else { return false }
    }
    func search(_ k: Int) -> Bool {
      if k == odd.count { return skeletons[VietnameseFolding.fold(String(lower))] != nil }
      let original = lower[odd[k]]
      // A vowel that lost its marks is itself; another letter stands for some vowel.
      let choices: [Character] = Self.isVowel(original) ? [original] : Array("aeiouy")
      for v in choices {
        lower[odd[k]] = v
        if search(k + 1) { return true }
      }
      lower[odd[k]] = original
      return false
    }
    return search(0)
  }
}
