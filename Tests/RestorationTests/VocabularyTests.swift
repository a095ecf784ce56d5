import Foundation
import Testing

@testable import Restoration

/// The vocabulary finds a syllable by the bytes of its composed form: every text must get
/// the id a String-keyed table gives (equal Strings in other bytes, a repeated syllable's
/// last id, nothing for a text it does not hold).
@Test func vocabularyIdsAreThoseOfAStringKeyedTable() {
  let inventory = TestSupport.restorer.dictionary.vocabulary.syllables
  let syllables = Array(inventory.prefix(3000)) + ["tinh", "e\u{302}\u{301}", "ế", "\u{212A}a"]
  let vocabulary = Vocabulary(syllables: syllables)
  var reference: [String: Int32] = [:]
  let offset = Int32(Vocabulary.Special.allCases.count)
  for (i, s) in syllables.enumerated() { reference[s] = Int32(i) + offset }
  var texts = syllables + syllables.map(\.decomposedStringWithCanonicalMapping)
  texts += syllables.prefix(500).map { $0.uppercased() } + ["", "xyz", "Ka", "e\u{301}\u{302}"]
  texts += Array(inventory.suffix(500))
  var found = 0
  for text in texts {
    #expect(vocabulary.id(of: text) == reference[text], "\(text)")
    if reference[text] != nil { found += 1 }
  }
  #expect(found > 6000)
  #expect(vocabulary.id(of: "ế") == vocabulary.id(of: "e\u{302}\u{301}"))
}
