import Testing

@testable import Restoration

/// Words are passed over by the stroke repair when the scalar table shows no run of two
/// capitals: walking their characters must find no such run either (the only runs the
/// repair rewrites).
@Test func wordsPassedOverHoldNoCapitalRun() {
  let pieces = [
    "a", "B", "D", "P", "Đ", "đ", "Ộ", "ộ", "6", "-", "/", "Q", "U", "ª", "ǅ", "\u{301}",
    "B\u{301}",
    "ß", "TT", "g",
  ]
  var generator = SystemRandomNumberGenerator()
  var words = ["Bộ", "Dân", "QD-TTg", "HDND", "NB-CP", "Đ", "D", "Ab", "aBC", "B\u{301}D"]
  for _ in 0..<5000 {
    let length = Int.random(in: 1...6, using: &generator)
    words.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
  }
  var passed = 0
  for word in words where !DocumentRestoration.mayHoldAbbreviation(word) {
    passed += 1
    var segment: [Character] = []
    var runs: [[Character]] = []
    for c in word {
      if c.isLetter {
        segment.append(c)
      } else {
        runs.append(segment)
        segment = []
      }
    }
    runs.append(segment)
    #expect(!runs.contains { $0.count >= 2 && $0.allSatisfy(\.isUppercase) }, "\(word)")
  }
  #expect(passed > words.count / 4)
  #expect(DocumentRestoration.mayHoldAbbreviation("QD-TTg"))
  #expect(!DocumentRestoration.mayHoldAbbreviation("Bộ"))
}

/// The stroke repair asks once per distinct word whether it may hold a stroke: a word
/// seen many times is repaired at every place the decoder left it, and nowhere else.
@Test func strokesArePutBackAtEveryPlaceOfARepeatedWord() {
  let line = "Nghi quyet cua HDND tinh va HDND huyen, UBND va HDND xa"
  let restored = TestSupport.restorer.restore(lines: [line, line], mode: .full).lines
  for output in restored {
    #expect(output.components(separatedBy: "HĐND").count == 4, "\(output)")
    #expect(!output.contains("HDND"), "\(output)")
  }
  #expect(DocumentRestoration.mayHoldStroke("HDND"))
  #expect(!DocumentRestoration.mayHoldStroke("Dân"))
  #expect(!DocumentRestoration.mayHoldStroke("tinh"))
}
