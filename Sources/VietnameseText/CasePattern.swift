/// The capitalization of a word, so that a corrected word can be written the way the
/// input wrote it: "PHU" → "PHÚ", "Phii" → "Phú", "tinh" → "tỉnh".
public enum CasePattern: Sendable, Hashable {
  /// Every letter lower case (or no letters at all).
  case lower
  /// The first letter upper case, the rest lower case.
  case capitalized
  /// Every letter upper case (two letters or more).
  case upper
  /// Anything else ("VNeID", "IoT"): such words are not restored.
  case mixed

  /// The pattern of `word`'s letters; characters that are not letters do not count.
  public init(of word: String) {
    self = CasePattern(simple: word) ?? CasePattern(characters: word)
  }

  /// `init(of:)` walking the characters: the reference `init(simple:)` must agree with,
  /// and the way for a word with scalars outside `SimpleScalars`.
  init(characters word: String) {
    let letters = word.filter(\.isLetter)
    guard let first = letters.first else {
      self = .lower
      return
    }
    let rest = letters.dropFirst()
    let restUpper = rest.allSatisfy(\.isUppercase)
    let restLower = rest.allSatisfy { !$0.isUppercase }
    if first.isUppercase {
      if rest.isEmpty {
        // A lone capital letter followed by digits or symbols ("S6", "B¢") reads as a
        // capitalized word.
        self = .capitalized
      } else if restUpper {
        self = .upper
      } else if restLower {
        self = .capitalized
      } else {
        self = .mixed
      }
    } else {
      self = restLower ? .lower : .mixed
    }
  }

  /// `init(of:)` read scalar by scalar from `SimpleScalars` (no grapheme breaking, no
  /// property lookups); `nil` when a scalar lies outside it.
  init?(simple word: String) {
    var count = 0
    var firstUpper = false
    var restUpper = true
    var restLower = true
    for scalar in word.unicodeScalars {
      guard let flags = SimpleScalars.flags(scalar.value) else { return nil }
      guard flags.contains(.letter) else { continue }
      let upper = flags.contains(.uppercase)
      if count == 0 {
        firstUpper = upper
      } else if upper {
        restLower = false
      } else {
        restUpper = false
      }
      count += 1
    }
    if count == 0 {
      self = .lower
    } else if firstUpper {
      self = count == 1 || restLower ? .capitalized : restUpper ? .upper : .mixed
    } else {
      self = restLower ? .lower : .mixed
    }
  }

  /// Writes lower-case `word` with this pattern.
  public func apply(to word: String) -> String {
    switch self {
    case .lower, .mixed: return word
    case .upper: return word.uppercased()
    case .capitalized:
      guard let first = word.first else { return word }
      return first.uppercased() + word.dropFirst()
    }
  }
}
