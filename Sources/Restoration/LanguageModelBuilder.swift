import Foundation

/// Counts syllable trigrams in training sentences and estimates an interpolated modified
/// Kneser–Ney model (Chen & Goodman 1998): three discounts per order from the counts of
/// counts, continuation counts for the lower orders, and a uniform floor over the whole
/// vocabulary so that every inventory syllable keeps some probability.
struct LanguageModelBuilder {
  let vocabularySize: Int
  private var trigramCounts: [UInt64: Float] = [:]

  init(vocabularySize: Int) { self.vocabularySize = vocabularySize }

  /// Adds one sentence of unit ids (no boundary markers), `weight` times.
  mutating func add(sentence: [Int32], weight: Float = 1) {
    let start = Vocabulary.Special.sentenceStart.rawValue
    let end = Vocabulary.Special.sentenceEnd.rawValue
    let padded = [start, start] + sentence + [end]
    for i in 2..<padded.count {
      trigramCounts[LanguageModel.pack(padded[i - 2], padded[i - 1], padded[i]), default: 0] +=
        weight
    }
  }

  private static func split(_ key: UInt64) -> (Int32, Int32, Int32) {
    let mask: UInt64 = (1 << 21) - 1
    return (Int32(key >> 42), Int32((key >> 21) & mask), Int32(key & mask))
  }

  /// Discounts D1, D2, D3+ from the counts of counts of one order.
  private static func discounts(_ counts: some Sequence<Float>) -> (Float, Float, Float) {
    var n = [Float](repeating: 0, count: 5)
    for c in counts {
      let k = Int(c.rounded())
      if k >= 1 && k <= 4 { n[k] += 1 }
    }
    guard n[1] > 0, n[2] > 0, n[3] > 0 else { return (0.5, 0.75, 0.9) }
    let y = n[1] / (n[1] + 2 * n[2])
    return (
      max(0.1, 1 - 2 * y * n[2] / n[1]), max(0.2, 2 - 3 * y * n[3] / n[2]),
      max(0.3, 3 - 4 * y * n[4] / n[3])
    )
  }

  @inline(__always) private static func discount(_ c: Float, _ d: (Float, Float, Float)) -> Float {
    c < 1.5 ? d.0 : (c < 2.5 ? d.1 : d.2)
  }

  /// Context statistics: total count and the discount mass it gives to the lower order.
  private static func contexts(
    _ counts: [UInt64: Float], context: (UInt64) -> UInt64, _ d: (Float, Float, Float)
  ) -> [UInt64: (total: Float, freed: Float)] {
    var result: [UInt64: (total: Float, freed: Float)] = [:]
    for (key, c) in counts.sorted(by: { $0.key < $1.key }) {
      let k = context(key)
      let entry = result[k] ?? (0, 0)
      result[k] = (entry.total + c, entry.freed + min(c, discount(c, d)))
    }
    return result
  }

  /// Estimates the model. Dictionaries are walked in key order, so that float sums and the
  /// hash-table layout do not depend on the process's hash seed: same text, same file.
  func build() -> LanguageModel {
    let mask: UInt64 = (1 << 21) - 1
    // Continuation counts: in how many distinct left contexts each bigram and unigram occurs.
    var bigramContinuation: [UInt64: Float] = [:]
    for key in trigramCounts.keys { bigramContinuation[key & ((1 << 42) - 1), default: 0] += 1 }
    var unigramContinuation = [Float](repeating: 0, count: vocabularySize)
    for key in bigramContinuation.keys { unigramContinuation[Int(key & mask)] += 1 }

    // Unigrams: discounted continuation counts plus a uniform floor.
    let d1 = LanguageModelBuilder.discounts(unigramContinuation.filter { $0 > 0 })
    let totalContinuation = unigramContinuation.reduce(0, +)
    var freed: Float = 0
    for c in unigramContinuation where c > 0 {
      freed += min(c, LanguageModelBuilder.discount(c, d1))
    }
    // The floor adds 2% of mass spread over the vocabulary; dividing by 1.02 keeps the
    // unigrams (and so every context's distribution) summing to 1.
    let floorMass: Float = 0.02
    let uniform = (freed / totalContinuation + floorMass) / Float(vocabularySize)
    var unigram = [Float](repeating: 0, count: vocabularySize)
    for w in 0..<vocabularySize {
      let c = unigramContinuation[w]
      let p = max(c - LanguageModelBuilder.discount(c, d1), 0) / totalContinuation + uniform
      unigram[w] = log(p / (1 + floorMass))
    }
    unigram[Int(Vocabulary.Special.sentenceStart.rawValue)] = -99

    // Bigrams from continuation counts.
    let d2 = LanguageModelBuilder.discounts(bigramContinuation.values)
    let bigramContexts = LanguageModelBuilder.contexts(
      bigramContinuation, context: { $0 >> 21 }, d2)
    var unigramBackoff = [Float](repeating: 0, count: vocabularySize)
    for (v, stats) in bigramContexts { unigramBackoff[Int(v)] = log(stats.freed / stats.total) }
    var bigramProb: [UInt64: Float] = [:]
    for (key, c) in bigramContinuation.sorted(by: { $0.key < $1.key }) {
      let v = Int(key >> 21)
      let w = Int(key & mask)
      let stats = bigramContexts[key >> 21]!
      let p =
        max(c - LanguageModelBuilder.discount(c, d2), 0) / stats.total
        + stats.freed / stats.total * exp(unigram[w])
      bigramProb[key] = log(p)
      _ = v
    }

    // Trigrams from raw counts.
    let d3 = LanguageModelBuilder.discounts(trigramCounts.values)
    let trigramContexts = LanguageModelBuilder.contexts(trigramCounts, context: { $0 >> 21 }, d3)
    var trigramEntries: [(key: UInt64, logProb: Float, backoff: Float)] = []
    trigramEntries.reserveCapacity(trigramCounts.count)
    for (key, c) in trigramCounts.sorted(by: { $0.key < $1.key }) {
      let (_, v, w) = LanguageModelBuilder.split(key)
      let stats = trigramContexts[key >> 21]!
      let lower = bigramProb[LanguageModel.pack(v, w)]!
      let p =
        max(c - LanguageModelBuilder.discount(c, d3), 0) / stats.total
        + stats.freed / stats.total * exp(lower)
      trigramEntries.append((key, log(p), 0))
    }
    var bigramEntries: [(key: UInt64, logProb: Float, backoff: Float)] = []
    bigramEntries.reserveCapacity(bigramProb.count)
    for (key, lp) in bigramProb.sorted(by: { $0.key < $1.key }) {
      let backoff = trigramContexts[key].map { log($0.freed / $0.total) } ?? 0
      bigramEntries.append((key, lp, backoff))
    }
    // Contexts that occur only as trigram histories still need their weight.
    for (key, stats) in trigramContexts.sorted(by: { $0.key < $1.key }) where bigramProb[key] == nil
    {
      bigramEntries.append((key, -99, log(stats.freed / stats.total)))
    }
    return LanguageModel(
      unigramLogProbs: unigram, unigramBackoffs: unigramBackoff,
      bigrams: NGramTable(entries: bigramEntries, withBackoff: true),
      trigrams: NGramTable(entries: trigramEntries, withBackoff: false))
  }
}
