import Testing

@testable import VietnameseText

/// Lines are cut at their spacing scalar by scalar, without grapheme breaking; the tokens
/// must be exactly those of walking the line character by character, including where a
/// combining mark, a joiner or a prefix sits next to a space (then the character walk is
/// used).

private let pieces: [String] = [
  "a", "B", "z", "6", "1", ".", ",", "-", "/", "(", ")", "$", "¢", "’", "“", "…", "é", "ư",
  "ờ", "Đ", "ệ", "\u{301}", "\u{323}", "\u{200D}", "\u{200C}", "\u{600}", "\u{903}", "\u{A0}",
  "\u{2003}", "\u{3000}", "\u{1680}", " ", " ", " ", "  ", "\t", "\r", "\r\n", "\u{B}", "\u{85}",
  "ﾞ", "😀", "🇻🇳", "a\u{301}", "@", "http://x.vn", "II.", "KH-UBND", "12/2025",
]

@Test func scalarCutsMatchCharacterCuts() {
  var generator = SystemRandomNumberGenerator()
  var lines = [
    "", " ", "tinh", " tinh  thanh\tpho ", "I. MUC TIEU", "a \u{301}b", "a\u{600} b", "x \u{200D}y",
    "Kế hoạch số 12/KH-UBND ngày 5/1/2025", "\r\n", "a\r\nb",
  ]
  for _ in 0..<4000 {
    let length = Int.random(in: 0...12, using: &generator)
    lines.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
  }
  var byScalars = 0
  for line in lines {
    let reference = Tokenizer.tokenizeByCharacters(line, classifying: Tokenizer.classify)
    if var fast = Tokenizer.tokenizeByScalars(line, classifying: Tokenizer.classify) {
      Tokenizer.markLeadingNumeral(&fast)
      byScalars += 1
      #expect(
        bytes(fast) == bytes(reference),
        "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    #expect(bytes(Tokenizer.tokenize(line)) == bytes(reference))
    #expect(
      Tokenizer.tokenize(lines: [line, line]).map(bytes) == [bytes(reference), bytes(reference)])
  }
  // Most lines take the scalar path; those with a mark beside a space do not.
  #expect(byScalars > lines.count / 2)
  #expect(Tokenizer.tokenizeByScalars("a \u{301}b", classifying: Tokenizer.classify) == nil)
  #expect(Tokenizer.tokenizeByScalars("a\u{600} b", classifying: Tokenizer.classify) == nil)
  #expect(Tokenizer.tokenizeByScalars("Kế hoạch  số", classifying: Tokenizer.classify) != nil)
}

/// The cut reads spacing among Latin and Vietnamese letters without the property table:
/// there, only U+0085 and U+00A0 are spacing, and a line cut scalar by scalar around any
/// of them is cut as the character walk cuts it.
@Test func latinScalarsAreSpacingOnlyWhereThePropertySaysSo() {
  let scalars =
    (0x80..<0x300).compactMap(Unicode.Scalar.init)
    + (0x1E00...0x1EFF).compactMap(Unicode.Scalar.init)
  for scalar in scalars {
    #expect(scalar.properties.isWhitespace == (scalar.value == 0x85 || scalar.value == 0xA0))
    let line = "a" + String(scalar) + "b " + String(scalar) + " c"
    let reference = Tokenizer.tokenizeByCharacters(line, classifying: Tokenizer.classify)
    if var fast = Tokenizer.tokenizeByScalars(line, classifying: Tokenizer.classify) {
      Tokenizer.markLeadingNumeral(&fast)
      #expect(fast == reference, "\(scalar.value)")
    }
  }
}

/// The document tokenizer numbers each word and number token as it classifies a new
/// chunk: the tokens are those of `tokenize(lines:)`, tokens with the same bytes and
/// kind share a number and others do not, and every other token (spacing, punctuation, a
/// word made a heading's numeral) has -1, on lines cut scalar by scalar and lines whose
/// spacing sends them to the character walk.
@Test func documentWordNumbersFollowBytesAndKind() {
  var generator = SystemRandomNumberGenerator()
  var lines = ["II. MUC TIEU", "I tinh thanh", "a \u{301}b tinh", "Kế hoạch 12/KH-UBND, năm 2025"]
  for _ in 0..<3000 {
    let length = Int.random(in: 0...12, using: &generator)
    lines.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
  }
  let numbered = Tokenizer.numberingWords(lines: lines)
  #expect(numbered.tokens == Tokenizer.tokenize(lines: lines))
  #expect(numbered.tokens == lines.map(Tokenizer.tokenize))
  var byKey: [[UInt8]: Int32] = [:]
  var numbers = Set<Int32>()
  var markers = 0
  for (line, words) in zip(numbered.tokens, numbered.words) {
    #expect(line.count == words.count)
    for (token, number) in zip(line, words) {
      guard token.kind == .word || token.kind == .number else {
        #expect(number == -1)
        if token.kind == .marker { markers += 1 }
        continue
      }
      #expect(Array(numbered.texts[Int(number)].utf8) == Array(token.text.utf8))
      #expect(numbered.kinds[Int(number)] == token.kind)
      let key = Array(token.text.utf8) + [token.kind == .word ? 1 : 2]
      if let known = byKey[key] { #expect(known == number) } else { byKey[key] = number }
      numbers.insert(number)
    }
  }
  #expect(markers > 0)
  #expect(numbers.count == byKey.count)
  #expect(numbered.texts.count == byKey.count)
}
