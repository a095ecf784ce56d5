/// One written Vietnamese syllable split into its parts: onset consonant, vowel nucleus
/// (with its vowel marks ă â ê ô ơ ư but no tone), coda consonant and tone.
///
/// Output uses one tone-placement style, the traditional one: in an open syllable whose
/// nucleus is two plain vowels the tone sits on the first ("hóa", "khỏe", "thủy", "Ủy",
/// "mùa"); a vowel with its own mark takes the tone ("tuổi", "thuở", "khuyến"); otherwise a
/// closed syllable takes it on the last vowel ("hoàn", "thuận") and an open three-vowel
/// nucleus on the middle one ("ngoài", "khuỷu"). Input in the newer style ("hoá",
/// "thuỷ") parses to the same syllable.
public struct Syllable: Sendable, Hashable {
  /// Onset consonant cluster, lower case: "", "b", "ch", "ngh", "qu", "gi", …
  public var onset: String
  /// Vowel letters without tone, lower case, glides included: "a", "oa", "ươi", "uyê", …
  public var nucleus: String
  /// Coda consonant, lower case: "", "c", "ch", "m", "n", "ng", "nh", "p" or "t". A
  /// closing semivowel written as a vowel letter ("ai", "ao") stays in the nucleus.
  public var coda: String
  /// The tone.
  public var tone: Tone

  /// Creates a syllable from its parts.
  public init(onset: String, nucleus: String, coda: String, tone: Tone) {
    self.onset = onset
    self.nucleus = nucleus
    self.coda = coda
    self.tone = tone
  }

  /// Parses one syllable in any case and any tone-placement style; `nil` when the text
  /// is not a well-formed Vietnamese syllable.
  public init?(_ text: String) {
    switch Syllable.parseScalars(text) {
    case .syllable(let parsed): self = parsed
    case .none: return nil
    case .unhandled:
      guard let parsed = Syllable.parseCharacters(text) else { return nil }
      self = parsed
    }
  }

  /// The parse walking the lower-cased text's characters: the reference `parseScalars`
  /// must agree with, and the way for text with other scalars.
  static func parseCharacters(_ text: String) -> Syllable? {
    var letters: [Character] = []
    var tone = Tone.level
    for c in text.lowercased() {
      if let (base, t) = VowelTable.split[c] {
        if t != .level {
          if tone != .level { return nil }
          tone = t
        }
        letters.append(base)
      } else {
        letters.append(c)
      }
    }
    guard let parts = Phonotactics.split(letters) else { return nil }
    if Phonotactics.stopCodas.contains(parts.coda), !tone.allowedBeforeStop { return nil }
    return Syllable(onset: parts.onset, nucleus: parts.nucleus, coda: parts.coda, tone: tone)
  }

  /// The rhyme (nucleus and coda) without tone.
  public var rhyme: String { nucleus + coda }

  /// The syllable written in lower case, NFC, with the traditional tone placement.
  public var text: String {
    var vowels = Array(nucleus)
    let index = Syllable.toneIndex(vowels, hasCoda: !coda.isEmpty)
    if let toned = VowelTable.joined[vowels[index]]?[tone.rawValue] { vowels[index] = toned }
    return onset + String(vowels) + coda
  }

  /// The syllable's letters with every mark removed and đ as d: "Thủy" → "thuy".
  public var bare: String { String(text.map(VowelTable.bareLetter)) }

  /// Which vowel of the nucleus carries the tone, in the traditional style.
  static func toneIndex(_ vowels: [Character], hasCoda: Bool) -> Int {
    if vowels.count == 1 { return 0 }
    if let marked = vowels.lastIndex(where: VowelTable.hasVowelMark) { return marked }
    if hasCoda { return vowels.count - 1 }
    return vowels.count == 3 ? 1 : 0
  }

  /// Rewrites one syllable in the output style, keeping its case pattern; text that is
  /// not a syllable comes back unchanged ("hoá" → "hóa", "THUỶ" → "THỦY").
  public static func normalize(_ word: String) -> String {
    guard let syllable = Syllable(word) else { return word }
    return CasePattern(of: word).apply(to: syllable.text)
  }
}
