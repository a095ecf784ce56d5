import Foundation
import Testing

@testable import Restoration

/// The trigram model is a distribution: for any context, the probabilities of every
/// vocabulary id sum to 1, whether the context was seen in training or not.
@Test(arguments: [
  ("kế", "hoạch"), ("ủy", "ban"), ("nhân", "dân"), ("chuyển", "đổi"), ("của", "các"),
  ("ngoằng", "khuỷu"),
])
func trigramProbabilitiesSumToOne(u: String, v: String) throws {
  let dictionary = TestSupport.restorer.dictionary
  let vocabulary = dictionary.vocabulary
  let a = try #require(vocabulary.id(of: u))
  let b = try #require(vocabulary.id(of: v))
  let model = dictionary.model
  let start = Vocabulary.Special.sentenceStart.rawValue
  var trigram = 0.0
  var bigram = 0.0
  for w in Int32(1)..<Int32(vocabulary.count) {
    trigram += exp(Double(model.logProb(w, after: a, b)))
    bigram += exp(Double(model.logProb(w, after: b)))
  }
  // The start symbol is never predicted.
  _ = start
  #expect(abs(trigram - 1) < 0.005, "p(· | \(u) \(v)) sums to \(trigram)")
  #expect(abs(bigram - 1) < 0.005, "p(· | \(v)) sums to \(bigram)")
}

/// The decoder reads a history's trigrams from the bigram table's index, so a model whose
/// trigram history is missing there (no builder writes one) is refused at load instead of
/// decoding with trigrams it cannot see.
@Test func aTrigramWhoseHistoryIsMissingMakesTheModelIncomplete() {
  let unigrams = [Float](repeating: -3, count: 30)
  func model(withHistory: Bool) -> LanguageModel {
    let bigrams: [(key: UInt64, logProb: Float, backoff: Float)] =
      withHistory ? [(LanguageModel.pack(20, 21), -1, -0.5)] : [(LanguageModel.pack(21, 22), -1, 0)]
    return LanguageModel(
      unigramLogProbs: unigrams, unigramBackoffs: unigrams,
      bigrams: NGramTable(entries: bigrams, withBackoff: true),
      trigrams: NGramTable(entries: [(LanguageModel.pack(20, 21, 22), -0.2, 0)], withBackoff: false)
    )
  }
  #expect(!model(withHistory: false).historiesComplete)
  let complete = model(withHistory: true)
  #expect(complete.historiesComplete)
  #expect(complete.logProb(22, after: 20, 21) == -0.2)
  #expect(complete.history(20, 21).trigrams.count == 1)
}

/// The filter in front of the n-gram tables never turns away a stored key, and turns away
/// most absent ones; the table answers every lookup as a scan of its slots would.
@Test func theKeyFilterKeepsEveryStoredKeyAndTheTableAnswersAsAScan() {
  var generator = SystemRandomNumberGenerator()
  var entries: [(key: UInt64, logProb: Float, backoff: Float)] = []
  var stored = Set<UInt64>()
  while entries.count < 5000 {
    let key = LanguageModel.pack(
      Int32.random(in: 0..<20000, using: &generator), Int32.random(in: 0..<20000, using: &generator)
    )
    if stored.insert(key).inserted {
      entries.append((key, Float(entries.count), 0))
    }
  }
  let table = NGramTable(entries: entries, withBackoff: true)
  for e in entries {
    #expect(table.filter.mayContain(e.key))
    #expect(table.find(e.key).map { table.slots[$0].logProb } == e.logProb)
  }
  var accepted = 0
  var absent = 0
  while absent < 20000 {
    let key = LanguageModel.pack(
      Int32.random(in: 0..<20000, using: &generator), Int32.random(in: 0..<20000, using: &generator)
    )
    guard !stored.contains(key) else { continue }
    absent += 1
    if table.filter.mayContain(key) { accepted += 1 }
    #expect(table.find(key) == nil)
  }
  #expect(accepted < absent / 10, "\(accepted) of \(absent) absent keys pass the filter")
}

/// One probe of a pair answers both what `logProb(w, after: v)` and `history(v, w)` say;
/// the posterior skips the trigram probe for a pair the bigrams lack, which is exact only
/// when every trigram's last two ids are a stored bigram, as the builder writes them.
@Test func aPairProbeAnswersAsTheBigramAndTheHistoryDo() {
  let model = TestSupport.restorer.dictionary.model
  #expect(model.suffixesComplete)
  var generator = SystemRandomNumberGenerator()
  let count = Int32(model.unigramLogProbs.count)
  var stored = 0
  var pairs: [(Int32, Int32)] = []
  for key in model.bigrams.keys.prefix(4000) where key != NGramTable.empty {
    pairs.append((Int32(key >> 21), Int32(key & (1 << 21 - 1))))
  }
  for _ in 0..<4000 {
    pairs.append(
      (
        Int32.random(in: 0..<count, using: &generator),
        Int32.random(in: 0..<count, using: &generator)
      ))
  }
  for (v, w) in pairs {
    let pair = model.pair(v, w)
    let history = model.history(v, w)
    #expect(pair.logProb == model.logProb(w, after: v))
    #expect(pair.backoff == history.backoff && pair.trigrams == history.trigrams)
    if pair.stored { stored += 1 }
    // A trigram ending in a pair the bigrams lack would break the posterior's shortcut.
    if !pair.stored { #expect(model.trigramLogProb(3, v, w) == nil) }
  }
  #expect(stored > 1000)
  let unigrams = [Float](repeating: -3, count: 30)
  let lacking = LanguageModel(
    unigramLogProbs: unigrams, unigramBackoffs: unigrams,
    bigrams: NGramTable(entries: [(LanguageModel.pack(20, 21), -1, -0.5)], withBackoff: true),
    trigrams: NGramTable(entries: [(LanguageModel.pack(20, 21, 22), -0.2, 0)], withBackoff: false))
  #expect(lacking.historiesComplete && !lacking.suffixesComplete)
}

/// The decoder reads a reading's bigrams from its row when the row is short: every row
/// must hold exactly the table's bigrams with that first id, each with its log-probability.
@Test func bigramRowsHoldEveryBigramOfTheirFirstId() {
  let model = TestSupport.restorer.dictionary.model
  var counts: [Int32: Int] = [:]
  for key in model.bigrams.keys where key != NGramTable.empty {
    counts[Int32(key >> 21), default: 0] += 1
  }
  var checked = 0
  for v in Int32(0)..<Int32(model.unigramLogProbs.count) where v % 7 == 0 {
    let row = model.bigramRow(v)
    #expect(row.count == counts[v] ?? 0)
    for e in row {
      #expect(model.rowLogProbs[e] == model.logProb(model.rowIds[e], after: v))
      #expect(model.pair(v, model.rowIds[e]).stored)
      checked += 1
    }
  }
  #expect(checked > 1000)
}
