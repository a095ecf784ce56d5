import Foundation

/// The readings considered for one position of a sentence: vocabulary ids with their
/// channel log-probabilities (a fixed token has exactly one).
struct Lattice: Sendable {
  var ids: [Int32]
  var scores: [Float]
}

/// What the decoder chose at one position and how sure it is.
struct Choice: Sendable {
  var index: Int
  /// Posterior of the choice against the position's other candidates, the rest of the
  /// best path held fixed.
  var posterior: Double
}

/// Boosts for what the document itself says with confidence: syllables and syllable pairs
/// read surely elsewhere in it (a plan repeats its own names and terms).
struct DocumentCache: Sendable {
  /// Bonus per vocabulary id (empty when the cache is off).
  var unigrams: [Float] = []
  /// Pairs of sure neighbours.
  var bigrams = IntegerMap()
  var bigramBonus: Float = 0
  var weight: Float = 0

  @inline(__always) func bonus(_ w: Int32, after v: Int32) -> Float {
    if weight == 0 { return 0 }
    var b = unigrams[Int(w)]
    if bigrams.count > 0, bigrams[LanguageModel.pack(v, w)] != nil { b += bigramBonus }
    return b * weight
  }
}

/// Trigram Viterbi over a sentence's lattice. A state is the pair of readings at the last
/// two positions; only the `beam` best states survive each position, which keeps the cost
/// linear in the candidates instead of cubic.
struct Decoder: Sendable {
  let model: LanguageModel
  var beam = 24

  @inline(__always) private func score(
    _ w: Int32, _ u: Int32, _ v: Int32, _ cache: DocumentCache
  ) -> Float {
    model.logProb(w, after: u, v) + cache.bonus(w, after: v)
  }

  func decode(_ lattice: [Lattice], cache: DocumentCache) -> [Choice] {
    let n = lattice.count
    if n == 0 { return [] }
    let start = Vocabulary.Special.sentenceStart.rawValue
    var maxCount = 1
    for l in lattice { maxCount = max(maxCount, l.ids.count) }
    // States at the previous position: (index at i-2, index at i-1) and score. Each
    // position's kept states (index at i, back-pointer) are stored flat, `beam` apiece.
    let width = max(beam, 1)
    var prevA: [Int] = [0]
    var prevB: [Int] = [0]
    var prevScore: [Float] = [0]
    var backs = [Int](repeating: 0, count: n * width)
    var stateB = [Int](repeating: 0, count: n * width)
    var best = [Float](repeating: -.infinity, count: maxCount * maxCount)
    var from = [Int](repeating: -1, count: maxCount * maxCount)
    var used: [Int] = []
    used.reserveCapacity(maxCount * maxCount)
    var kept: [Int] = []
    kept.reserveCapacity(width + 1)
    // What a reading scores after a given previous reading, whatever came before it: the
    // bigram part of the language model and the cache bonus, shared by the states that
    // end in the same reading.
    var pairLogProb = [Float](repeating: 0, count: maxCount * maxCount)
    var pairBonus = [Float](repeating: 0, count: maxCount * maxCount)
    var pairReady = [Bool](repeating: false, count: maxCount)
    for i in 0..<n {
      let ids = lattice[i].ids
      let scores = lattice[i].scores
      let c = ids.count
      used.removeAll(keepingCapacity: true)
      for j in pairReady.indices { pairReady[j] = false }
      for s in 0..<prevScore.count {
        let u = i >= 2 ? lattice[i - 2].ids[prevA[s]] : start
        let v = i >= 1 ? lattice[i - 1].ids[prevB[s]] : start
        let pair = prevB[s] * c
        if !pairReady[prevB[s]] {
          pairReady[prevB[s]] = true
          for k in 0..<c {
            pairLogProb[pair + k] = model.logProb(ids[k], after: v)
            pairBonus[pair + k] = cache.bonus(ids[k], after: v)
          }
        }
        // Every trigram's history is stored with the bigrams (with its weight), so a
        // history not found there has no trigram to probe for.
        let history = model.history(u, v)
        let base = prevB[s] * c
        for k in 0..<c {
          var logProb: Float
          if history.hasTrigrams, let t = model.trigramLogProb(u, v, ids[k]) {
            logProb = t
          } else {
            logProb = history.backoff + pairLogProb[pair + k]
          }
          let value = prevScore[s] + (logProb + pairBonus[pair + k]) + scores[k]
          let cell = base + k
          if best[cell] == -.infinity { used.append(cell) }
          if value > best[cell] {
            best[cell] = value
            from[cell] = s
          }
        }
      }
      // The `beam` best states, best first; among equal scores the first written first.
      kept.removeAll(keepingCapacity: true)
      if used.count > beam {
        for cell in used {
          let value = best[cell]
          if kept.count == beam, value <= best[kept[kept.count - 1]] { continue }
          var at = kept.count
          while at > 0, best[kept[at - 1]] < value { at -= 1 }
          kept.insert(cell, at: at)
          if kept.count > beam { kept.removeLast() }
        }
      } else {
        kept.append(contentsOf: used)
      }
      prevA.removeAll(keepingCapacity: true)
      prevB.removeAll(keepingCapacity: true)
      prevScore.removeAll(keepingCapacity: true)
      for (slot, cell) in kept.enumerated() {
        prevA.append(cell / c)
        prevB.append(cell % c)
        prevScore.append(best[cell])
        backs[i * width + slot] = from[cell]
        stateB[i * width + slot] = cell % c
      }
      for cell in used { best[cell] = -.infinity }
    }
    // Close the sentence and trace back.
    let end = Vocabulary.Special.sentenceEnd.rawValue
    var bestState = 0
    var bestValue = -Float.infinity
    for s in 0..<prevScore.count {
      let u = n >= 2 ? lattice[n - 2].ids[prevA[s]] : start
      let v = lattice[n - 1].ids[prevB[s]]
      let value = prevScore[s] + score(end, u, v, cache)
      if value > bestValue {
        bestValue = value
        bestState = s
      }
    }
    var path = [Int](repeating: 0, count: n)
    var s = bestState
    for i in stride(from: n - 1, through: 0, by: -1) {
      path[i] = stateB[i * width + s]
      s = backs[i * width + s]
    }
    return (0..<n).map {
      Choice(index: path[$0], posterior: posterior(at: $0, path, lattice, cache))
    }
  }

  /// The chosen reading's posterior among its alternatives, with its neighbours on the
  /// best path fixed: every term of the path score that the position touches.
  private func posterior(at i: Int, _ path: [Int], _ lattice: [Lattice], _ cache: DocumentCache)
    -> Double
  {
    let c = lattice[i].ids.count
    if c == 1 { return 1 }
    let start = Vocabulary.Special.sentenceStart.rawValue
    let end = Vocabulary.Special.sentenceEnd.rawValue
    let n = lattice.count
    func id(_ j: Int) -> Int32 { j < 0 ? start : (j >= n ? end : lattice[j].ids[path[j]]) }
    let u = id(i - 2)
    let v = id(i - 1)
    let x = id(i + 1)
    let y = id(i + 2)
    var values = [Float](repeating: 0, count: c)
    for k in 0..<c {
      let w = lattice[i].ids[k]
      var value = lattice[i].scores[k] + score(w, u, v, cache) + score(x, v, w, cache)
      if i + 1 < n { value += score(y, w, x, cache) }
      values[k] = value
    }
    let chosen = values[path[i]]
    var sum = 0.0
    for value in values { sum += exp(Double(value - chosen)) }
    return 1 / sum
  }
}
