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
