import VietnameseText

/// Letter and capital tests that answer ASCII characters (most of any text, even
/// Vietnamese) without Unicode's property tables, which cost a lookup per character.
extension Character {
  @inline(__always) var isLetterQuickly: Bool {
    if let a = asciiValue { return (65...90).contains(a) || (97...122).contains(a) }
    return isLetter
  }

  @inline(__always) var isUppercaseQuickly: Bool {
    if let a = asciiValue { return (65...90).contains(a) }
    return isUppercase
  }
}

extension String {
  /// Whether every character is a letter, answered from the bytes when the text is ASCII;
  /// `nil` when it is not (then the characters must be asked).
  var asciiLettersOnly: Bool? {
    var letters = true
    for byte in utf8 {
      if byte > 0x7F { return nil }
      if !((65...90).contains(byte) || (97...122).contains(byte)) { letters = false }
    }
    return letters
  }

  /// How many letters (A–Z, a–z) and capitals (A–Z) an ASCII text has, counted from its
  /// bytes; `nil` when the text is not ASCII.
  var asciiLetterCounts: (letters: Int, upper: Int)? {
    var letters = 0
    var upper = 0
    for byte in utf8 {
      if byte > 0x7F { return nil }
      if (65...90).contains(byte) {
        letters += 1
        upper += 1
      } else if (97...122).contains(byte) {
        letters += 1
      }
    }
    return (letters, upper)
  }

  /// Whether the text has an ASCII lower-case letter, which an all-capital word has not.
  var hasASCIILowercase: Bool { utf8.contains { (97...122).contains($0) } }
}
