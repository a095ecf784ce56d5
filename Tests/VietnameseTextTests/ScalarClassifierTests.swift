import Testing

@testable import VietnameseText

/// A chunk is classified scalar by scalar when all its scalars are in `SimpleScalars`; the
/// tokens must be exactly those of walking its characters.

private let pieces: [String] = [
  "a", "B", "z", "I", "V", "l", "6", "1", "0", ".", ",", ";", ":", "!", "?", "-", "–", "—", "/",
  "(", ")", "[", "]", "\"", "*", "%", "'", "’", "‘", "“", "”", "«", "»", "…", "$", "¢", "§", "€",
  "£", "¥", "@", "|", "é", "ư", "ờ", "Đ", "đ", "ệ", "Ư", "Ệ", "ª", "²", "¼", "µ", "ß", "ǅ", "ʰ",
  "Ω", "K", "Å", "™", "ℹ", "\u{301}", "\u{323}", "\u{200D}", "😀", "ﾞ", "a\u{301}", "http://",
  "www.", ".vn", ".com", "KH", "UBND", "TTg", "vv", "Kế", "hoạch",
]

/// Kinds and exact bytes (String equality would let canonically equivalent texts pass);
/// the tokenizer's tests compare its paths through it.
func bytes(_ tokens: [Token]) -> [String] {
  tokens.map { "\($0.kind) \(Array($0.text.utf8))" }
}

@Test func scalarClassesMatchCharacterClasses() {
  var generator = SystemRandomNumberGenerator()
  var chunks = [
    "tinh", "Tỉnh", "đ)", "Đ)", "a)", "(a)", "12535/KH-UBND", "57-NQ/TW", "QD-TTg", "v.v",
    "v.v.", "trình/Kế", "Multi-Agent", "30/12/2025", "1.234,5", "$6", "B¢", "|", "||", "“Kế",
    "hoạch”", "abc@x.vn", "b@.", "http://a.b", "www.x.vn", "a.com/", "s6", "1a", "x²", "ª)",
    "K-K", "Å/Å", "Ω.Ω", "-'’x", "x-/", "…", "(…)", "–", "a–b", "KH–UB", "I.", "Quý",
  ]
  for _ in 0..<6000 {
    let length = Int.random(in: 1...8, using: &generator)
    chunks.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
  }
  var byScalars = 0
  for chunk in chunks {
    let reference = Tokenizer.classifyByCharacters(chunk)
    if let fast = Tokenizer.classifyByScalars(chunk) {
      byScalars += 1
      #expect(
        bytes(fast) == bytes(reference),
        "\(chunk.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    #expect(bytes(Tokenizer.classify(chunk)) == bytes(reference))
  }
  #expect(byScalars > chunks.count / 3)
  // A combining mark, a joiner or an emoji sends the chunk to the character walk.
  #expect(Tokenizer.classifyByScalars("a\u{301}") == nil)
  #expect(Tokenizer.classifyByScalars("x\u{200D}y") == nil)
  #expect(Tokenizer.classifyByScalars("Kế-hoạch/2025") != nil)
}

/// Every scalar of the blocks stands as a character of its own beside others of them, and
/// its entry holds its character's properties; controls, combining marks, joiners and
/// emoji are outside.
@Test func simpleScalarsNeverJoinTheirNeighbours() {
  let values = SimpleScalars.blocks.flatMap { Array($0) }
  let probes: [UInt32] =
    [0x41, 0x61, 0x2D, 0x27, 0xC0, 0xE9, 0x111, 0x2B0, 0x1EC7, 0x201C, 0x20AC, 0x2122, 0x212B]
  for v in values {
    let a = Character(Unicode.Scalar(v)!)
    #expect(SimpleScalars.flags(v) != nil)
    for p in probes {
      let b = Character(Unicode.Scalar(p)!)
      #expect(String([a, b]).count == 2)
      #expect(String([b, a]).count == 2)
    }
    #expect(SimpleScalars.flags(v)!.contains(.letter) == a.isLetter)
    #expect(SimpleScalars.flags(v)!.contains(.uppercase) == a.isUppercase)
  }
  for v: UInt32 in [0x0A, 0x0D, 0x20, 0x7F, 0x85, 0x300, 0x301, 0x323, 0x200D, 0x1F600] {
    #expect(SimpleScalars.flags(v) == nil)
  }
}

/// `isAddress` as it was before it rejected words from their bytes: the rejection must
/// not change an answer.
private func referenceIsAddress(_ chunk: String) -> Bool {
  guard
    chunk.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "@") })
      || chunk.utf8.first == UInt8(ascii: "h") || chunk.utf8.first == UInt8(ascii: "H")
  else { return false }
  let lower = chunk.lowercased()
  if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") {
    return true
  }
  if let at = lower.firstIndex(of: "@"), at != lower.startIndex {
    let domain = lower[lower.index(after: at)...].drop { $0 == "." }
    let inner = domain.reversed().drop { Tokenizer.edgePunctuation.contains($0) }
    if inner.contains(".") && inner.first != "." { return true }
  }
  let domains = [".vn", ".com", ".gov", ".org", ".net"]
  return lower.contains(".")
    && domains.contains { lower.hasSuffix($0) || lower.contains($0 + "/") }
}

@Test func addressesAreRejectedFromBytesAsBefore() {
  var generator = SystemRandomNumberGenerator()
  let parts = [
    "a", "H", "w", "W", "V", "N", "C", "K", "İ", "ệ", ".", "@", "/", ":", ".vn", ".VN", ".Com",
    ".gov", ".org", ".NET", "http://", "HTTPS://", "www.", "Www.", "\u{301}", ",", "x",
  ]
  var chunks = ["tinh.", "Kế.", "a.vn", "A.VN/", "x@y.com", "b@.", "hTTp://x", "www.x", "vi.Net."]
  for _ in 0..<6000 {
    let length = Int.random(in: 1...6, using: &generator)
    chunks.append((0..<length).map { _ in parts.randomElement(using: &generator)! }.joined())
  }
  var addresses = 0
  for chunk in chunks {
    let expected = referenceIsAddress(chunk)
    if expected { addresses += 1 }
    #expect(Tokenizer.isAddress(chunk) == expected, "\(chunk)")
  }
  #expect(addresses > 100)
}

/// The first character's case and the letter counts read from scalars agree with the
/// characters' own answers, or decline: đ, capitals, digits inside words, a combining mark
/// after the first letter or later, a joiner, an emoji.
@Test func simpleCaseTestsAgreeWithCharacters() {
  let words = [
    "đ", "Đ", "đi", "Đồng", "tinh", "Tỉnh", "UBND", "s6", "B¢", "1a", "Q1", "a\u{301}", "A\u{301}b",
    "ba\u{301}", "Ủy", "ỦY", "x\u{200D}y", "😀a", "ǅa", "ªb", "ß", "µm", "", "-a", "'A", "KH-UB",
  ]
  var generator = SystemRandomNumberGenerator()
  var all = words
  for _ in 0..<3000 {
    let length = Int.random(in: 1...5, using: &generator)
    all.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
  }
  var answered = 0
  for word in all {
    if let first = word.simpleFirstCharacter {
      answered += 1
      #expect(first.contains(.lowercase) == (word.first?.isLowercase == true), "\(word)")
      #expect(first.contains(.uppercase) == (word.first?.isUppercase == true), "\(word)")
    }
    if let counts = word.simpleLetterCounts {
      #expect(counts.letters == word.filter(\.isLetter).count, "\(word)")
      #expect(counts.upper == word.filter { $0.isLetter && $0.isUppercase }.count, "\(word)")
    }
  }
  #expect(answered > all.count / 2)
  #expect("a\u{301}".simpleFirstCharacter == nil)
  #expect("ba\u{301}".simpleLetterCounts == nil)
  #expect("Đồng".simpleLetterCounts! == (4, 1))
}

/// Case patterns read from scalars agree with those of walking the characters.
@Test func simpleCasePatternsMatchCharacterPatterns() {
  var generator = SystemRandomNumberGenerator()
  var words = [
    "", "S6", "B¢", "VNeID", "IoT", "Đồng", "ĐỒNG", "đỒng", "ǅa", "a\u{301}B", "ß", "ẞA",
  ]
  for _ in 0..<5000 {
    let length = Int.random(in: 0...6, using: &generator)
    words.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
  }
  var answered = 0
  for word in words {
    guard let fast = CasePattern(simple: word) else { continue }
    answered += 1
    #expect(fast == CasePattern(characters: word), "\(word)")
  }
  #expect(answered > words.count / 3)
  #expect(CasePattern(simple: "a\u{301}B") == nil)
}

/// `looksLikeRomanNumeral` passes over words from their first byte: the answers must be
/// those of the test without that shortcut.
@Test func romanNumeralShortcutKeepsTheAnswers() {
  func reference(_ text: String) -> Bool {
    if RomanNumeral.value(of: text) != nil { return true }
    guard text.count <= 4, text.first?.isUppercase == true,
      text.allSatisfy({ "IVXHLl1ivx".contains($0) })
    else { return false }
    return Syllable(text) == nil
  }
  let parts = ["I", "V", "X", "H", "L", "l", "1", "i", "v", "x", "a", "Í", "\u{301}", "Ì", "B"]
  var generator = SystemRandomNumberGenerator()
  var words = ["II", "IH", "Il", "Iv", "XIV", "V", "Vi", "Hi", "L", "I\u{301}I", "Ì"]
  for _ in 0..<4000 {
    let length = Int.random(in: 1...5, using: &generator)
    words.append((0..<length).map { _ in parts.randomElement(using: &generator)! }.joined())
  }
  var numerals = 0
  for word in words {
    let expected = reference(word)
    if expected { numerals += 1 }
    #expect(Tokenizer.looksLikeRomanNumeral(word) == expected, "\(word)")
  }
  #expect(numerals > 100)
}
