import Foundation

/// The six tones of Vietnamese, written as a mark over or under the main vowel
/// (none for `level`).
public enum Tone: Int, Sendable, Hashable, CaseIterable {
  /// Thanh ngang: no mark ("ma").
  case level = 0
  /// Thanh huyền: grave ("mà").
  case grave
  /// Thanh sắc: acute ("má").
  case acute
  /// Thanh hỏi: hook above ("mả").
  case hook
  /// Thanh ngã: tilde ("mã").
  case tilde
  /// Thanh nặng: dot below ("mạ").
  case dot

  /// The combining mark that writes the tone; `nil` for the level tone.
  public var combiningMark: Unicode.Scalar? {
    switch self {
    case .level: nil
    case .grave: "\u{0300}"
    case .acute: "\u{0301}"
    case .hook: "\u{0309}"
    case .tilde: "\u{0303}"
    case .dot: "\u{0323}"
    }
  }

  /// Whether a syllable closed by a stop (p, t, c, ch) may carry this tone: only sắc and
  /// nặng can.
  public var allowedBeforeStop: Bool { self == .acute || self == .dot }

  /// The lower-case vowel `letter` with each of the six tones in turn, its own vowel marks
  /// kept ("ổ" → "ô", "ồ", "ố", "ổ", "ỗ", "ộ"); `nil` when `letter` is no vowel.
  public static func variants(of letter: Character) -> [Character]? {
    guard let (base, _) = VowelTable.split[letter] else { return nil }
    return VowelTable.joined[base]
  }
}

/// Vowel letters with their tone split off, precomputed so that decomposing a syllable
/// never goes through Unicode normalization.
enum VowelTable {
  /// The twelve vowel letters before a tone is added (their own marks included).
  static let bases: [Character] = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]

  /// Lower-case toned vowel → (vowel without tone, tone).
  static let split: [Character: (Character, Tone)] = {
    var table: [Character: (Character, Tone)] = [:]
    for base in bases {
      for tone in Tone.allCases {
        table[compose(base, tone)] = (base, tone)
      }
    }
    return table
  }()

  /// (vowel without tone, tone) → toned vowel, lower case.
  static let joined: [Character: [Character]] = {
    var table: [Character: [Character]] = [:]
    for base in bases { table[base] = Tone.allCases.map { compose(base, $0) } }
    return table
  }()

  private static func compose(_ base: Character, _ tone: Tone) -> Character {
    guard let mark = tone.combiningMark else { return base }
    var scalars = String(base).decomposedStringWithCanonicalMapping.unicodeScalars.map { $0 }
    scalars.append(mark)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return Character(String(view).precomposedStringWithCanonicalMapping)
  }

  /// Whether `c` (lower case) is a vowel letter, with or without marks.
  static func isVowel(_ c: Character) -> Bool { split[c] != nil }

  /// Whether `c` (lower case, toneless) carries a vowel mark of its own (ă â ê ô ơ ư).
  static func hasVowelMark(_ c: Character) -> Bool {
    c == "ă" || c == "â" || c == "ê" || c == "ô" || c == "ơ" || c == "ư"
  }

  /// The letter with every mark removed: "ở" → "o".
  static func bareLetter(_ c: Character) -> Character {
    guard let (base, _) = split[c] else { return c == "đ" ? "d" : c }
    switch base {
    case "ă", "â": return "a"
    case "ê": return "e"
    case "ô", "ơ": return "o"
    case "ư": return "u"
    default: return base
    }
  }
}
