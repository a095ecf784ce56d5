import Testing

@testable import Restoration

/// A beam state that falls more than the decoder's gap below the best state at its
/// position is dropped, even where the language model would have carried it back ahead;
/// within the gap it is kept.
@Test func aStateFarBelowThePositionsBestIsDropped() {
  // Readings 20 and 21 at the first position, 22 at the second. 22 is unlikely on its
  // own (unigram −30) but likely after 21 (bigram −0.1).
  var unigrams = [Float](repeating: -3, count: 30)
  unigrams[22] = -30
  let model = LanguageModel(
    unigramLogProbs: unigrams, unigramBackoffs: [Float](repeating: 0, count: 30),
    bigrams: NGramTable(entries: [(LanguageModel.pack(21, 22), -0.1, 0)], withBackoff: true),
    trigrams: NGramTable(entries: [], withBackoff: false))
  // The channel puts 21 25 below 20: the path through 21 scores −28.1 before the
  // sentence's end, the one through 20 −33.
  let lattice = [Lattice(ids: [20, 21], scores: [0, -25]), Lattice(ids: [22], scores: [0])]
  func first(gap: Float) -> Int {
    Decoder(model: model, beam: 10, gap: gap).decode(lattice, cache: DocumentCache())[0].index
  }
  #expect(first(gap: 0) == 1)
  #expect(first(gap: 30) == 1)
  #expect(first(gap: 20) == 0)
}
