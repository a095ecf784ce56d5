/// The rules of written Vietnamese syllables: which onsets and rhymes exist and which
/// combine, from the spelling conventions (c/k/q, g/gh, ng/ngh, gi, qu) and the phonology
/// (stop codas p, t, c, ch take only sắc or nặng).
enum Phonotactics {
  static let onsets: [String] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
  ]

  /// Onsets longest first, for parsing.
  static let onsetsByLength: [[Character]] = onsets.sorted { $0.count > $1.count }.map(Array.init)

  static let codas: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
  static let stopCodas: Set<String> = ["c", "ch", "p", "t"]

  /// Every rhyme (nucleus and coda, toneless) of the standard language.
  static let rhymes: Set<String> = [
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
    "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
    "e", "ec", "em", "en", "eng", "eo", "ep", "et",
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
    "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
    "y", "yêm", "yên", "yêng", "yêt", "yêu",
    "o", "oc", "oi", "om", "on", "ong", "op", "ot",
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
    "oăc", "oăm", "oăn", "oăng", "oăt",
    "oe", "oem", "oen", "oeo", "oet",
    "ooc", "oong",
    "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt",
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
    "u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut",
    "uân", "uâng", "uât", "uây",
    "uê", "uêch", "uênh",
    "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
    "uơ",
    "uy", "uya", "uych", "uyên", "uyêt", "uyn", "uynh", "uyp", "uyt", "uyu",
    "ư", "ưa", "ưc", "ưi", "ưm", "ưng", "ưt", "ưu",
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
  ]

  /// Rhymes written after "qu" whose "u" glide already sits in the onset ("quỳnh", "quýt").
  static let quOnlyRhymes: Set<String> = ["ynh", "yt", "yn", "ych"]

  /// Onsets that a lone "y" rhyme follows ("kỳ", "lý", "mỹ", "tỷ").
  static let onsetsBeforeY: Set<String> = ["", "h", "k", "l", "m", "n", "s", "t", "v", "qu"]

  /// Rhymes that "g" (not "gi") may take: the ones where "gi" + rhyme would misread.
  static let gBeforeI: Set<String> = ["i", "im", "in", "inh", "ip", "it", "ich", "iu"]

  /// Whether `onset` may open a syllable with `rhyme`.
  static func allows(onset: String, rhyme: String) -> Bool {
    guard let first = rhyme.first else { return false }
    let front = first == "i" || first == "e" || first == "ê" || first == "y"
    let yRhyme = rhyme.hasPrefix("y")
    switch onset {
    case "qu":
      if quOnlyRhymes.contains(rhyme) { return true }
      return rhymes.contains(rhyme) && !"uoưi".contains(first)
    case "gi":
      if rhyme.hasPrefix("ê") { return rhymes.contains("i" + rhyme) || rhymes.contains(rhyme) }
      return rhymes.contains(rhyme) && first != "i" && !yRhyme
    default: break
    }
    guard rhymes.contains(rhyme) else { return false }
    if yRhyme {
      if rhyme == "y" { return onsetsBeforeY.contains(onset) }
      return onset.isEmpty
    }
    if onset.isEmpty { return !rhyme.hasPrefix("iê") }
    switch onset {
    case "c", "ng": return !front
    case "k", "gh", "ngh": return front
    case "g": return !front || gBeforeI.contains(rhyme)
    default: return true
    }
  }

  /// Splits toneless lower-case letters into onset, nucleus and coda; `nil` when they do
  /// not spell a syllable.
  static func split(_ letters: [Character]) -> (onset: String, nucleus: String, coda: String)? {
    for onset in onsetsByLength where letters.starts(with: onset) {
      let rest = letters[onset.count...]
      guard let first = rest.first, VowelTable.isVowel(first) else { continue }
      let vowelCount = rest.prefix(while: VowelTable.isVowel).count
      guard vowelCount <= 3 else { return nil }
      let nucleus = String(rest.prefix(vowelCount))
      let coda = String(rest.dropFirst(vowelCount))
      guard
        codas.contains(coda)
          || (onset == [Character]("qu") && quOnlyRhymes.contains(nucleus + coda))
      else { continue }
      if allows(onset: String(onset), rhyme: nucleus + coda) {
        return (String(onset), nucleus, coda)
      }
    }
    return nil
  }
}
