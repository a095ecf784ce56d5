import Testing

@testable import VietnameseText

/// Syllables are parsed from a table of scalars when every scalar is an ASCII letter, đ or
/// a Vietnamese vowel letter; the parse must be exactly that of walking the lower-cased
/// characters, for every syllable of the inventory in each case and tone style, and for
/// misspellings, words with digits, combining marks and letters the table leaves out.
@Test func scalarParseMatchesCharacterParse() {
  var words = [
    "", "a", "Đ", "đ", "ĐƯỜNG", "hoá", "thuỷ", "Uỷ", "qui", "quy", "gi", "gìn", "giếng", "ngh",
    "nghiêng", "s6", "B¢", "to\u{301}", "tó", "ÿ", "ı", "İ", "ſ", "ß", "Ǆ", "aaaa", "xyz", "hidne",
    "khuỷu", "quýt", "QUỲNH", "ooc", "ƯƠ", "ỵ", "Ỷ", "ẞ", "ŉ",
  ]
  for s in SyllableInventory().syllables {
    words += [s, s.uppercased(), s.prefix(1).uppercased() + s.dropFirst(), Syllable.normalize(s)]
  }
  let letters = Array("abcdghiklmnopqrstuvxyăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵếệổợừAĐỄ16")
  var generator = SystemRandomNumberGenerator()
  for _ in 0..<20000 {
    let length = Int.random(in: 1...7, using: &generator)
    words.append(String((0..<length).map { _ in letters.randomElement(using: &generator)! }))
  }
  var byScalars = 0
  var parsed = 0
  for word in words {
    let reference = Syllable.parseCharacters(word)
    if reference != nil { parsed += 1 }
    switch Syllable.parseScalars(word) {
    case .syllable(let s):
      byScalars += 1
      #expect(s == reference, "\(word)")
    case .none:
      byScalars += 1
      #expect(reference == nil, "\(word)")
    case .unhandled: break
    }
    #expect(Syllable(word) == reference, "\(word)")
  }
  #expect(byScalars > words.count * 9 / 10)
  #expect(parsed > 10000)
  guard case .unhandled = Syllable.parseScalars("to\u{301}") else {
    Issue.record("a combining mark must be left to the character walk")
    return
  }
}
