/// Parsing a syllable from its scalars. The parse runs for every distinct word of a
/// document, and lower-casing the text, walking its characters and looking each up in a
/// table keyed by characters cost about 20,000 instructions a word. A word made of ASCII
/// letters, đ and Vietnamese vowel letters in either case (each one scalar, lower-casing
/// to one scalar) is parsed from a table of those scalars instead, by the same rules:
/// the same tone check, the same onsets tried longest first, the same coda and rhyme
/// tests (`Phonotactics.codas`, `allows`) on the same strings.
extension Syllable {
  /// What the scalar parse found.
  enum ScalarParse {
    /// A scalar outside the table: the characters must be walked.
    case unhandled
    /// No syllable.
    case none
    case syllable(Syllable)
  }

  /// One scalar's entry: its lower-case letter without tone and the tone it carried.
  private struct Letter {
    var base: UInt32
    var tone: Tone
  }

  /// Entries for 0..<0x300 and 0x1E00..<0x1F00 (base 0: not handled), filled from the
  /// character tables the general parse uses.
  private static let letterTable: [Letter] = {
    var table = [Letter](repeating: Letter(base: 0, tone: .level), count: 0x400)
    for value in UInt32(0)..<0x1F00 where value < 0x300 || value >= 0x1E00 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let lower = String(scalar).lowercased()
      guard lower.unicodeScalars.count == 1, let c = lower.first else { continue }
      let slot = value < 0x300 ? Int(value) : Int(value - 0x1E00) + 0x300
      if let (base, tone) = VowelTable.split[c] {
        table[slot] = Letter(base: base.unicodeScalars.first!.value, tone: tone)
      } else if c == "đ" || (c.isASCII && c.isLetter) {
        table[slot] = Letter(base: c.unicodeScalars.first!.value, tone: .level)
      }
    }
    return table
  }()

  /// The twelve toneless vowel letters as scalars.
  private static let vowelBases: Set<UInt32> = Set(
    VowelTable.bases.map { $0.unicodeScalars.first!.value })

  /// Onsets longest first, as scalars (the order of `Phonotactics.onsetsByLength`).
  private static let onsetScalars: [[UInt32]] = Phonotactics.onsetsByLength.map { onset in
    onset.map { $0.unicodeScalars.first!.value }
  }

  /// `Syllable(text)` from the scalars, or `unhandled`.
  static func parseScalars(_ text: String) -> ScalarParse {
    var letters: [UInt32] = []
    letters.reserveCapacity(8)
    var tone = Tone.level
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let slot: Int
      if value < 0x300 {
        slot = Int(value)
      } else if value >= 0x1E00 && value < 0x1F00 {
        slot = Int(value - 0x1E00) + 0x300
      } else {
        return .unhandled
      }
      let letter = letterTable[slot]
      guard letter.base != 0 else { return .unhandled }
      if letter.tone != .level {
        if tone != .level { return .none }
        tone = letter.tone
      }
      letters.append(letter.base)
    }
    guard let parts = split(letters) else { return .none }
    if Phonotactics.stopCodas.contains(parts.coda), !tone.allowedBeforeStop { return .none }
    return .syllable(
      Syllable(onset: parts.onset, nucleus: parts.nucleus, coda: parts.coda, tone: tone))
  }

  /// `Phonotactics.split` over scalars.
  private static func split(_ letters: [UInt32]) -> (onset: String, nucleus: String, coda: String)?
  {
    func string(_ scalars: ArraySlice<UInt32>) -> String {
      var view = String.UnicodeScalarView()
      for s in scalars { view.append(Unicode.Scalar(s)!) }
      return String(view)
    }
    for onset in onsetScalars where letters.starts(with: onset) {
      let rest = letters[onset.count...]
      guard let first = rest.first, vowelBases.contains(first) else { continue }
      let vowelCount = rest.prefix(while: vowelBases.contains).count
      guard vowelCount <= 3 else { return nil }
      let nucleus = string(rest.prefix(vowelCount))
      let coda = string(rest.dropFirst(vowelCount))
      let isQu = onset == [0x71, 0x75]  // "qu"
      guard
        Phonotactics.codas.contains(coda)
          || (isQu && Phonotactics.quOnlyRhymes.contains(nucleus + coda))
      else { continue }
      let onsetText = string(onset[...])
      if Phonotactics.allows(onset: onsetText, rhyme: nucleus + coda) {
        return (onsetText, nucleus, coda)
      }
    }
    return nil
  }
}
