import Testing
import VietnameseText

@testable import Restoration

/// A word's plan skips parsing an ASCII word the vocabulary does not hold in lower case,
/// on the grounds that such a word parses, if at all, to its own letters in lower case:
/// that must hold for every ASCII spelling, syllable or not, in any case.
@Test func asciiWordsParseToTheirOwnLowerCaseLetters() {
  let vocabulary = TestSupport.restorer.dictionary.vocabulary
  var words = ["tinh", "Tinh", "TINH", "nguoi", "NGUOI", "hidne", "qui", "Quy", "gi", "xyz", "d6i"]
  for s in vocabulary.syllables where s.utf8.allSatisfy({ $0 < 0x80 }) {
    words += [s, s.capitalized, s.uppercased()]
  }
  var parsed = 0
  for word in words {
    guard let syllable = Syllable(word) else { continue }
    parsed += 1
    #expect(syllable.text == word.lowercased(), "\(word)")
  }
  #expect(parsed > 1000)
}

/// A capital line is told from its ASCII words' bytes: the counts must be those of the
/// characters, and a line's verdict that of counting every character.
@Test func asciiLetterCountsMatchTheCharacters() {
  var generator = SystemRandomNumberGenerator()
  let alphabet = Array("aAbBzZ019$|-.'@[`{")
  var words = ["", "S6", "B¢", "VNeID", "TINH", "tINH", "KT."]
  for _ in 0..<5000 {
    let length = Int.random(in: 0...8, using: &generator)
    words.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
  }
  for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
    let counts = word.asciiLetterCounts
    #expect(counts?.letters == word.count { $0.isLetter }, "\(word)")
    #expect(counts?.upper == word.count { $0.isUppercase }, "\(word)")
  }
  #expect("Bộ".asciiLetterCounts == nil)
  #expect(SentenceSplitter.isCapitalLine(Tokenizer.tokenize("KẾ HOẠCH THỰC HIỆN năm")))
  #expect(!SentenceSplitter.isCapitalLine(Tokenizer.tokenize("KE HOACH thuc hien nam")))
  #expect(SentenceSplitter.isCapitalLine(Tokenizer.tokenize("KE HOACH THUC HIEN nam 2025")))
}
