import Testing
import VietnameseText

@testable import Restoration

/// Sentence ends are passed over from the bytes first: the answers must be those of
/// walking the characters, for punctuation with combining marks and look-alikes too.
@Test func sentenceEndsFromBytesKeepTheAnswers() {
  let parts = [".", "!", "?", "…", ",", ";", ":", "\u{301}", "¦", "‥", "․", "﹒", "!!", "-", ")"]
  var generator = SystemRandomNumberGenerator()
  var texts = [".", ".\u{301}", "…", "‥", ",", "?!", "\u{301}."]
  for _ in 0..<3000 {
    let length = Int.random(in: 1...4, using: &generator)
    texts.append((0..<length).map { _ in parts.randomElement(using: &generator)! }.joined())
  }
  var ends = 0
  for text in texts {
    let expected = text.contains(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" })
    if expected { ends += 1 }
    #expect(Vocabulary.endsSentence(Token(kind: .punctuation, text: text)) == expected, "\(text)")
  }
  #expect(ends > 500)
  #expect(!Vocabulary.endsSentence(Token(kind: .word, text: ".")))
}
