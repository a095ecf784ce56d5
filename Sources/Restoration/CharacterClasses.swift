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
