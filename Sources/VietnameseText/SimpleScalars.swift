/// Character properties of the scalars that always stand as characters of their own: ASCII
/// without controls, Latin-1 and the other Latin blocks up to the combining marks, the
/// Vietnamese letters of Latin Extended Additional, general punctuation, currency and
/// letter-like symbols. None of them joins a grapheme with the scalar before or after it
/// (no combining, joining, spacing or prefixed marks), so in a text made of them alone
/// each character is one scalar, and a character's `isLetter`, `isNumber`, `isUppercase`
/// and `isLowercase` are the scalar's entry here. The table is filled from `Character`'s
/// own properties, so the two answer alike by construction; walking scalars through it
/// spares grapheme breaking and a property lookup per character.
package enum SimpleScalars {
  /// One scalar's entry: which of the properties hold, or `nil` outside the blocks.
  package struct Flags: OptionSet, Sendable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }
    package static let simple = Flags(rawValue: 1)
    package static let letter = Flags(rawValue: 2)
    package static let number = Flags(rawValue: 4)
    package static let uppercase = Flags(rawValue: 8)
    package static let lowercase = Flags(rawValue: 16)
  }

  /// The blocks covered, as closed ranges of scalar values, in order.
  package static let blocks: [ClosedRange<UInt32>] = [
    0x21...0x7E, 0xA0...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E,
    0x20A0...0x20C0, 0x2100...0x214F,
  ]

  /// Entries for 0..<0x300 and for 0x1E00..<0x2150 after them (0 outside the blocks).
  private static let table: [Flags] = {
    var table = [Flags](repeating: [], count: 0x300 + 0x350)
    for block in blocks {
      for value in block {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let c = Character(scalar)
        var flags: Flags = .simple
        if c.isLetter { flags.insert(.letter) }
        if c.isNumber { flags.insert(.number) }
        if c.isUppercase { flags.insert(.uppercase) }
        if c.isLowercase { flags.insert(.lowercase) }
        table[slot(value)!] = flags
      }
    }
    return table
  }()

  @inline(__always) private static func slot(_ value: UInt32) -> Int? {
    if value < 0x300 { return Int(value) }
    if value >= 0x1E00 && value < 0x2150 { return Int(value - 0x1E00) + 0x300 }
    return nil
  }

  /// The entry of `value`; `nil` when the scalar lies outside the blocks (it may then join
  /// its neighbours into one character, and the characters must be walked).
  @inline(__always) package static func flags(_ value: UInt32) -> Flags? {
    guard let slot = slot(value) else { return nil }
    let flags = table[slot]
    return flags.contains(.simple) ? flags : nil
  }
}

extension String {
  /// The properties of the text's first character when it is one scalar of
  /// `SimpleScalars` and the scalar after it (if any) is one too, so that it cannot join
  /// the first; `nil` otherwise (the characters must then be asked) or for empty text.
  package var simpleFirstCharacter: SimpleScalars.Flags? {
    var scalars = unicodeScalars.makeIterator()
    guard let first = scalars.next(), let flags = SimpleScalars.flags(first.value) else {
      return nil
    }
    if let second = scalars.next(), SimpleScalars.flags(second.value) == nil { return nil }
    return flags
  }

  /// How many characters are letters and how many of those are capitals (`isLetter`,
  /// `isUppercase`), counted scalar by scalar; `nil` when a scalar lies outside
  /// `SimpleScalars`.
  package var simpleLetterCounts: (letters: Int, upper: Int)? {
    var letters = 0
    var upper = 0
    for scalar in unicodeScalars {
      guard let flags = SimpleScalars.flags(scalar.value) else { return nil }
      if flags.contains(.letter) {
        letters += 1
        if flags.contains(.uppercase) { upper += 1 }
      }
    }
    return (letters, upper)
  }
}
