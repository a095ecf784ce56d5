import Testing

@testable import Restoration

/// ASCII punctuation is given its unit from its bytes: the unit must be the one the
/// character walk gives, for every ASCII symbol alone and in pairs and triples.
@Test func asciiPunctuationUnitsMatchTheCharacterWalk() {
  let symbols = (0x21..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) }.filter {
    !$0.isLetter && !$0.isNumber
  }
  var texts = symbols.map { String($0) }
  for a in symbols { for b in symbols { texts.append(String([a, b])) } }
  for a in symbols { texts += [String([a, a, a]), String([a, ".", a]), String([a, "-", "-"])] }
  var ends = 0
  for text in texts {
    let fast = Vocabulary.asciiPunctuationUnit(text)
    #expect(fast != nil, "\(text)")
    #expect(fast! == Vocabulary.punctuationUnit(text), "\(text)")
    if fast! == nil { ends += 1 }
  }
  #expect(ends > 0)
  #expect(Vocabulary.asciiPunctuationUnit("“") == nil)
  #expect(Vocabulary.asciiPunctuationUnit("") == nil)
}
