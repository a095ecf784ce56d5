import Foundation
import Testing

@testable import Restoration

/// With a beam wide enough to keep every state and no gap, the decoder's path must score
/// as well as the best of all paths, scored term by term as the model and the document
/// cache define them. Random small models and lattices reach every way the beam fills
/// a cell: readings with few and many bigrams, histories with no, few and many
/// trigrams, repeated candidates, positions with and without cache bonuses.
@Test func theWideBeamFindsTheBestOfAllPaths() {
  var random = SplitMix(seed: 7)
  for _ in 0..<120 {
    let (model, cache) = randomModel(&random)
    let lattice = randomLattice(&random, positions: 2...5, readings: 1...4)
    let path = Decoder(model: model, beam: 1000, gap: 0).decode(lattice, cache: cache).map(\.index)
    #expect(pathScore(path, lattice, model, cache) == bestOfAllPaths(lattice, model, cache))
  }
}

/// Each posterior must be the chosen reading's share of the paths that differ from the
/// decoder's path at that position alone, each path scored term by term from the model
/// and the cache. Values are multiples of 1/8, so the differences are exact and the
/// posteriors must be equal, whichever way the decoder finds a pair or a trigram
/// (matched from a short row or list, or probed).
@Test func posteriorsAreTheChosenReadingsShareOfItsAlternatives() {
  var random = SplitMix(seed: 11)
  for _ in 0..<120 {
    let (model, cache) = randomModel(&random)
    let lattice = randomLattice(&random, positions: 1...5, readings: 1...5)
    let choices = Decoder(model: model, beam: 8, gap: 0).decode(lattice, cache: cache)
    let path = choices.map(\.index)
    for i in lattice.indices {
      var changed = path
      let chosen = pathScore(path, lattice, model, cache)
      var sum = 0.0
      for k in lattice[i].ids.indices {
        changed[i] = k
        sum += exp(Double(pathScore(changed, lattice, model, cache) - chosen))
      }
      #expect(choices[i].posterior == 1 / sum)
    }
  }
}

/// Lattices of 8 to 20 readings, so that the decoder raises its cells eight at a time and
/// one at a time in the same row: its path must still score as well as the best of all.
@Test func wideLatticesFindTheBestOfAllPaths() {
  var random = SplitMix(seed: 13)
  let vocabulary = 40
  for _ in 0..<40 {
    let (model, cache) = randomModel(&random, vocabulary: vocabulary)
    let lattice = randomLattice(
      &random, positions: 1...3, readings: 8...20, vocabulary: vocabulary)
    let path = Decoder(model: model, beam: 1000, gap: 0).decode(lattice, cache: cache).map(\.index)
    #expect(pathScore(path, lattice, model, cache) == bestOfAllPaths(lattice, model, cache))
  }
}

private let vocabularySize = 10

/// A lattice of `positions` positions with `readings` readings each, ids drawn from the
/// first `vocabulary` ids past the special units, channel scores multiples of 1/8.
private func randomLattice(
  _ random: inout SplitMix, positions: ClosedRange<Int>, readings: ClosedRange<Int>,
  vocabulary: Int = vocabularySize
) -> [Lattice] {
  (0..<(positions.lowerBound + random.below(positions.count))).map { _ in
    let count = readings.lowerBound + random.below(readings.count)
    return Lattice(
      ids: (0..<count).map { _ in Int32(12 + random.below(vocabulary)) },
      scores: (0..<count).map { _ in -Float(random.below(40)) / 8 })
  }
}

/// The best score of all paths through the lattice, each path scored by `pathScore`.
private func bestOfAllPaths(
  _ lattice: [Lattice], _ model: LanguageModel, _ cache: DocumentCache
) -> Float {
  var best = -Float.infinity
  var choice = [Int](repeating: 0, count: lattice.count)
  // Every path, as a counter over the positions' candidates.
  while true {
    best = max(best, pathScore(choice, lattice, model, cache))
    var i = 0
    while i < lattice.count && choice[i] + 1 == lattice[i].ids.count {
      choice[i] = 0
      i += 1
    }
    if i == lattice.count { return best }
    choice[i] += 1
  }
}

/// The score of one path: every term the decoder adds, each read from the model and the
/// cache directly. Values are multiples of 1/8, so sums are exact in any order.
private func pathScore(
  _ path: [Int], _ lattice: [Lattice], _ model: LanguageModel, _ cache: DocumentCache
) -> Float {
  var u = Vocabulary.Special.sentenceStart.rawValue
  var v = u
  var total: Float = 0
  func add(_ w: Int32) {
    total +=
      model.logProb(w, after: u, v) + cache.bonus(w, after: v)
      + cache.runBonus(w, after: u, v)
    u = v
    v = w
  }
  for (i, k) in path.enumerated() {
    total += lattice[i].scores[k]
    add(lattice[i].ids[k])
  }
  add(Vocabulary.Special.sentenceEnd.rawValue)
  return total
}

private func randomModel(_ random: inout SplitMix, vocabulary: Int = vocabularySize) -> (
  LanguageModel, DocumentCache
) {
  let size = 12 + vocabulary
  func logProb() -> Float { -Float(1 + random.below(48)) / 8 }
  let unigrams = (0..<size).map { _ in logProb() }
  let backoffs = (0..<size).map { _ in -Float(random.below(8)) / 8 }
  func word() -> Int32 { Int32(12 + random.below(vocabulary)) }
  var bigrams: [UInt64: (Float, Float)] = [:]
  var trigrams: [UInt64: Float] = [:]
  func addBigram(_ a: Int32, _ b: Int32) {
    let key = LanguageModel.pack(a, b)
    if bigrams[key] == nil { bigrams[key] = (logProb(), -Float(random.below(8)) / 8) }
  }
  func addTrigram(_ a: Int32, _ b: Int32, _ c: Int32) {
    // As the builder writes them: a trigram's history and suffix are bigrams too.
    addBigram(a, b)
    addBigram(b, c)
    trigrams[LanguageModel.pack(a, b, c)] = logProb()
  }
  // Readings with many bigrams and readings with few; the sentence's start among them.
  for a in [Vocabulary.Special.sentenceStart.rawValue] + (12..<Int32(size)).map({ $0 }) {
    let many = random.below(2) == 0
    for b in 12..<Int32(size) where random.below(many ? 2 : 8) == 0 { addBigram(a, b) }
    if random.below(3) == 0 { addBigram(a, Vocabulary.Special.sentenceEnd.rawValue) }
  }
  // One history with every continuation (more than four per candidate), others with few.
  let (hu, hv) = (word(), word())
  for w in 12..<Int32(size) { addTrigram(hu, hv, w) }
  for _ in 0..<30 { addTrigram(word(), word(), word()) }
  for _ in 0..<4 { addTrigram(Vocabulary.Special.sentenceStart.rawValue, word(), word()) }
  let model = LanguageModel(
    unigramLogProbs: unigrams, unigramBackoffs: backoffs,
    bigrams: NGramTable(
      entries: bigrams.sorted { $0.key < $1.key }.map { ($0.key, $0.value.0, $0.value.1) },
      withBackoff: true),
    trigrams: NGramTable(
      entries: trigrams.sorted { $0.key < $1.key }.map { ($0.key, $0.value, 0) },
      withBackoff: false))
  var cache = DocumentCache()
  if random.below(3) != 0 {
    cache.weight = 1
    cache.unigrams = (0..<size).map { $0 >= 12 && random.below(3) == 0 ? 0.5 : 0 }
    cache.bigramBonus = 0.25
    cache.trigramBonus = 0.75
    for _ in 0..<12 { cache.bigrams.insert(LanguageModel.pack(word(), word()), 1) }
    for _ in 0..<12 { cache.trigrams.insert(LanguageModel.pack(word(), word(), word()), 1) }
  }
  return (model, cache)
}

/// A small deterministic generator, so that a failure can be replayed.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
