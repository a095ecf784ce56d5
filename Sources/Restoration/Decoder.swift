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

/// Trigram Viterbi over a sentence's lattice. A state is the pair of readings at the last
/// two positions; only the `beam` best states survive each position, which keeps the cost
/// linear in the candidates instead of cubic.
struct Decoder: Sendable {
  let model: LanguageModel
  var beam = 24
  /// How far below the best state at its position a state may fall and still be kept
  /// (0: no limit besides `beam`).
  var gap: Float = 0

  @inline(__always) private func score(
    _ w: Int32, _ u: Int32, _ v: Int32, _ cache: DocumentCache
  ) -> Float {
    model.logProb(w, after: u, v) + cache.bonus(w, after: v) + cache.runBonus(w, after: u, v)
  }

  func decode(_ lattice: [Lattice], cache: DocumentCache) -> [Choice] {
    let table = makeCandidateTable()
    defer { table.free() }
    return decode(lattice, cache: cache, table: table)
  }

  /// A table for `decode(_:cache:table:)`, to keep for the sentences of one document and
  /// free after them.
  func makeCandidateTable() -> CandidateTable {
    CandidateTable(vocabularySize: model.unigramLogProbs.count)
  }

  /// The best path's choices, with `table` (empty between calls) as the index of each
  /// position's candidates.
  func decode(_ lattice: [Lattice], cache: DocumentCache, table: CandidateTable) -> [Choice] {
    let n = lattice.count
    if n == 0 { return [] }
    let path = bestPath(lattice, cache: cache, table: table)
    // One buffer for every position's posterior values.
    var maxCount = 1
    for l in lattice { maxCount = max(maxCount, l.ids.count) }
    let values = Scratch<Float>(maxCount, 0)
    defer { values.free() }
    return (0..<n).map {
      Choice(index: path[$0], posterior: posterior(at: $0, path, lattice, cache, values))
    }
  }

  /// The index of the chosen candidate at each position: the best path of the beam.
  private func bestPath(_ lattice: [Lattice], cache: DocumentCache, table: CandidateTable)
    -> [Int]
  {
    let n = lattice.count
    let start = Vocabulary.Special.sentenceStart.rawValue
    var maxCount = 1
    for l in lattice { maxCount = max(maxCount, l.ids.count) }
    let width = max(beam, 1)
    let cells = maxCount * maxCount
    // Scratch for the whole sentence, allocated once: the inner loop runs over every
    // (state, candidate) cell and must not pay for bounds checks or reallocation.
    // States at the previous position: (index at i-2, index at i-1) and score. Each
    // position's kept states (index at i, back-pointer) are stored flat, `width` apiece.
    let prevA = Scratch<Int32>(width, 0)
    let prevB = Scratch<Int32>(width, 0)
    let prevScore = Scratch<Float>(width, 0)
    let backs = Scratch<Int32>(n * width, 0)
    let stateB = Scratch<Int32>(n * width, 0)
    let best = Scratch<Float>(cells, -.infinity)
    let from = Scratch<Int32>(cells, -1)
    // The previous readings whose rows of cells are in use, in the order first reached:
    // every cell of a row is reached together, so the rows stand for the cells in order.
    let rows = Scratch<Int32>(maxCount, 0)
    let kept = Scratch<Int32>(width + 1, 0)
    // What a reading scores after a given previous reading, whatever came before it: the
    // bigram part of the language model and the cache bonus, shared by the states that
    // end in the same reading.
    let pairLogProb = Scratch<Float>(cells, 0)
    let pairBonus = Scratch<Float>(cells, 0)
    let pairReady = Scratch<Bool>(maxCount, false)
    let trigram = Scratch<Float>(maxCount, 0)
    // The position's candidates, their channel scores and unigram log-probabilities,
    // copied once per position out of the lattice and the model.
    var candidateIds = Scratch<Int32>(maxCount, 0)
    // The candidates of the two positions before, taking turns with `candidateIds`.
    var previousIds = Scratch<Int32>(maxCount, 0)
    var earlierIds = Scratch<Int32>(maxCount, 0)
    let candidateScores = Scratch<Float>(maxCount, 0)
    let unigram = Scratch<Float>(maxCount, 0)
    // The cache's unigram bonus of each candidate (before its weight).
    let sure = Scratch<Float>(maxCount, 0)
    // That bonus times the cache's weight (0 where there is none).
    let sureBonus = Scratch<Float>(maxCount, 0)
    // What a run of three sure readings adds to each candidate after a state.
    let runBonus = Scratch<Float>(maxCount, 0)
    defer {
      for buffer in [
        prevA, prevB, backs, stateB, from, rows, kept, candidateIds, previousIds, earlierIds,
      ] {
        buffer.free()
      }
      for buffer in [
        prevScore, best, pairLogProb, pairBonus, trigram, candidateScores, unigram, sure, sureBonus,
        runBonus,
      ] {
        buffer.free()
      }
      pairReady.free()
    }
    var candidates = table
    var stateCount = 1
    for i in 0..<n {
      let ids = lattice[i].ids
      let c = ids.count
      // Last position's candidates are now the previous ones, and so on.
      (earlierIds, previousIds, candidateIds) = (previousIds, candidateIds, earlierIds)
      ids.withUnsafeBufferPointer { ids in
        lattice[i].scores.withUnsafeBufferPointer { scores in
          for k in 0..<c {
            candidateIds[k] = ids[k]
            candidateScores[k] = scores[k]
            unigram[k] = model.unigramLogProb(ids[k])
          }
        }
      }
      var rowCount = 0
      for j in 0..<maxCount { pairReady[j] = false }
      // The index of this position's candidates is made when a history first needs it.
      var indexed = false
      // Without a reading the cache favours here (always so in the first pass), every
      // bonus at this position is 0: the cells then add the language model alone.
      var bonuses = false
      if cache.weight != 0 {
        for k in 0..<c {
          sure[k] = cache.unigram(candidateIds[k])
          sureBonus[k] = sure[k] == 0 ? 0 : sure[k] * cache.weight
          if sure[k] != 0 { bonuses = true }
        }
      }
      for s in 0..<stateCount {
        let b = Int(prevB[s])
        let u = i >= 2 ? earlierIds[Int(prevA[s])] : start
        let v = i >= 1 ? previousIds[b] : start
        let pair = b &* c
        if !pairReady[b] {
          pairReady[b] = true
          rows[rowCount] = Int32(truncatingIfNeeded: b)
          rowCount &+= 1
          let row = model.bigramRow(v)
          // A candidate the reading has no bigram for backs off to its unigram.
          let weight = model.unigramBackoff(v)
          if row.count <= 4 * c
            && (indexed || candidates.fill(candidateIds.base, c, setting: &indexed))
            && candidates.isUnique
          {
            // A reading with few bigrams (up to four a candidate: reading one through the
            // table costs a few instructions, a probe a few dozen): its bigrams are
            // matched to the candidates.
            let pairRow = pairLogProb.base + pair
            let unigrams = unigram.base
            for k in 0..<c { pairRow[k] = weight + unigrams[k] }
            for e in row {
              let entry = model.rowEntry(e)
              let k = candidates.index(of: entry.id)
              if k >= 0 { pairRow[k] = entry.logProb }
            }
          } else {
            let pairRow = pairLogProb.base + pair
            for k in 0..<c {
              pairRow[k] = model.bigramLogProb(candidateIds[k], after: v) ?? weight + unigram[k]
            }
          }
          if bonuses {
            // `cache.bonus(w, after: v)`, with the candidate's unigram bonus read once
            // per position: a pair is learned only between two sure readings.
            let bonusRow = pairBonus.base + pair
            // Without a pair (v not sure), each bonus is the candidate's own.
            bonusRow.update(from: sureBonus.base, count: c)
            if cache.unigram(v) > 0 && cache.bigrams.count > 0 {
              for k in 0..<c {
                let b = sure[k]
                if b != 0 && cache.bigrams[LanguageModel.pack(v, candidateIds[k])] != nil {
                  bonusRow[k] = (b + cache.bigramBonus) * cache.weight
                }
              }
            }
          }
        }
        let history = model.history(u, v)
        let backoff = history.backoff
        let score = prevScore[s]
        let state = Int32(truncatingIfNeeded: s)
        // The state's row of cells: reached by every state ending in the same reading.
        let bestRow = best.base + pair
        let fromRow = from.base + pair
        let pairRow = pairLogProb.base + pair
        let scores = candidateScores.base
        // What the language model gives each candidate after this state, when the
        // history has trigrams (else it is `backoff + pairRow[k]`).
        let lm = trigram.base
        var trigrams = true
        if history.trigrams.isEmpty {
          trigrams = false
        } else if history.trigrams.count <= 4 * c
          && (indexed || candidates.fill(candidateIds.base, c, setting: &indexed))
          && candidates.isUnique
        {
          // A history's trigrams are either read in one run and matched to the
          // candidates, or, for a history with many, probed for candidate by candidate.
          for k in 0..<c { lm[k] = backoff + pairRow[k] }
          for e in history.trigrams {
            let k = candidates.index(of: model.continuationId(e))
            if k >= 0 { lm[k] = model.continuationLogProb(e) }
          }
        } else {
          for k in 0..<c {
            lm[k] = model.trigramLogProb(u, v, candidateIds[k]) ?? backoff + pairRow[k]
          }
        }
        if bonuses {
          let bonusRow = pairBonus.base + pair
          // Only a state whose two readings are both sure in the cache can extend a run
          // (`cache.runBonus`); without one, the run adds 0, which changes no score.
          let runs =
            cache.trigrams.count > 0 && cache.unigram(u) > 0 && cache.unigram(v) > 0
          if runs {
            let runValue = cache.trigramBonus * cache.weight
            let run = runBonus.base
            for k in 0..<c {
              // The language model's term in `lm` either way, then what each run adds.
              if !trigrams { lm[k] = backoff + pairRow[k] }
              run[k] =
                sure[k] > 0 && cache.trigrams[LanguageModel.pack(u, v, candidateIds[k])] != nil
                ? runValue : 0
            }
            let scoreLanes = SIMD8<Float>(repeating: score)
            Decoder.relax(
              bestRow, fromRow, state, c,
              lanes: {
                scoreLanes
                  + (Decoder.load(lm, $0) + Decoder.load(bonusRow, $0) + Decoder.load(run, $0))
                  + Decoder.load(scores, $0)
              },
              value: { score + (lm[$0] + bonusRow[$0] + run[$0]) + scores[$0] })
          } else if trigrams {
            let scoreLanes = SIMD8<Float>(repeating: score)
            Decoder.relax(
              bestRow, fromRow, state, c,
              lanes: {
                scoreLanes + (Decoder.load(lm, $0) + Decoder.load(bonusRow, $0))
                  + Decoder.load(scores, $0)
              },
              value: { score + (lm[$0] + bonusRow[$0]) + scores[$0] })
          } else {
            let scoreLanes = SIMD8<Float>(repeating: score)
            let backoffLanes = SIMD8<Float>(repeating: backoff)
            Decoder.relax(
              bestRow, fromRow, state, c,
              lanes: {
                scoreLanes
                  + ((backoffLanes + Decoder.load(pairRow, $0)) + Decoder.load(bonusRow, $0))
                  + Decoder.load(scores, $0)
              },
              value: { score + ((backoff + pairRow[$0]) + bonusRow[$0]) + scores[$0] })
          }
        } else if trigrams {
          // Both bonuses are 0 here, and adding 0 changes no score. Ties keep the first
          // state: only a strictly better value replaces a cell's.
          let scoreLanes = SIMD8<Float>(repeating: score)
          Decoder.relax(
            bestRow, fromRow, state, c,
            lanes: { scoreLanes + Decoder.load(lm, $0) + Decoder.load(scores, $0) },
            value: { score + lm[$0] + scores[$0] })
        } else {
          let scoreLanes = SIMD8<Float>(repeating: score)
          let backoffLanes = SIMD8<Float>(repeating: backoff)
          Decoder.relax(
            bestRow, fromRow, state, c,
            lanes: {
              scoreLanes + (backoffLanes + Decoder.load(pairRow, $0)) + Decoder.load(scores, $0)
            },
            value: { score + (backoff + pairRow[$0]) + scores[$0] })
        }
      }
      if indexed { candidates.empty(candidateIds.base, c) }
      // The `beam` best states, best first; among equal scores the first written first.
      var keptCount = 0
      if rowCount &* c > beam {
        // Once the beam is full, a cell must beat its last state to enter.
        var full = false
        var last: Float = 0
        for r in 0..<rowCount {
          let pair = Int(rows[r]) &* c
          let row = best.base + pair
          var k = 0
          while k < c {
            // Eight cells none of which can enter are passed over together.
            if full && k &+ 8 <= c
              && all(Decoder.load(row, k) .<= SIMD8<Float>(repeating: last))
            {
              k &+= 8
              continue
            }
            let value = row[k]
            defer { k &+= 1 }
            if full && value <= last { continue }
            var at = keptCount
            while at > 0, best[Int(kept[at &- 1])] < value {
              kept[at] = kept[at &- 1]
              at &-= 1
            }
            kept[at] = Int32(truncatingIfNeeded: pair &+ k)
            keptCount = min(keptCount &+ 1, beam)
            if keptCount == beam {
              full = true
              last = best[Int(kept[beam &- 1])]
            }
          }
        }
      } else {
        for r in 0..<rowCount {
          let pair = Int(rows[r]) &* c
          for k in 0..<c {
            kept[keptCount] = Int32(truncatingIfNeeded: pair &+ k)
            keptCount &+= 1
          }
        }
      }
      if gap > 0 && keptCount > 1 {
        // Kept in order: only the states within `gap` of the best.
        var top = -Float.infinity
        for slot in 0..<keptCount { top = max(top, best[Int(kept[slot])]) }
        var count = 0
        for slot in 0..<keptCount where best[Int(kept[slot])] >= top - gap {
          kept[count] = kept[slot]
          count &+= 1
        }
        keptCount = count
      }
      for slot in 0..<keptCount {
        let cell = Int(kept[slot])
        prevA[slot] = Int32(cell / c)
        prevB[slot] = Int32(cell % c)
        prevScore[slot] = best[cell]
        backs[i &* width &+ slot] = from[cell]
        stateB[i &* width &+ slot] = Int32(cell % c)
      }
      stateCount = keptCount
      for r in 0..<rowCount {
        let pair = Int(rows[r]) * c
        for cell in pair..<pair + c { best[cell] = -.infinity }
      }
    }
    // Close the sentence and trace back.
    let end = Vocabulary.Special.sentenceEnd.rawValue
    var bestState = 0
    var bestValue = -Float.infinity
    for s in 0..<stateCount {
      let u = n >= 2 ? lattice[n - 2].ids[Int(prevA[s])] : start
      let v = lattice[n - 1].ids[Int(prevB[s])]
      let value = prevScore[s] + score(end, u, v, cache)
      if value > bestValue {
        bestValue = value
        bestState = s
      }
    }
    var path = [Int](repeating: 0, count: n)
    var s = bestState
    for i in stride(from: n - 1, through: 0, by: -1) {
      path[i] = Int(stateB[i * width + s])
      s = Int(backs[i * width + s])
    }
    return path
  }

  /// Eight values from `base + k` on.
  @inline(__always) private static func load(_ base: UnsafePointer<Float>, _ k: Int) -> SIMD8<
    Float
  > {
    UnsafeRawPointer(base + k).loadUnaligned(as: SIMD8<Float>.self)
  }

  /// Raises each of a row's `count` cells to its value where that is strictly better,
  /// noting `state` as where it came from: eight cells at a time (`lanes` gives the values
  /// of cells k..<k+8, `value` of cell k alone, each adding in the same order, so the
  /// values are the same either way).
  @inline(__always) private static func relax(
    _ bestRow: UnsafeMutablePointer<Float>, _ fromRow: UnsafeMutablePointer<Int32>,
    _ state: Int32, _ count: Int, lanes: (Int) -> SIMD8<Float>, value: (Int) -> Float
  ) {
    var k = 0
    let stateLanes = SIMD8<Int32>(repeating: state)
    while k &+ 8 <= count {
      let values = lanes(k)
      let old = UnsafeRawPointer(bestRow + k).loadUnaligned(as: SIMD8<Float>.self)
      let better = values .> old
      UnsafeMutableRawPointer(bestRow + k).storeBytes(
        of: old.replacing(with: values, where: better), as: SIMD8<Float>.self)
      let from = UnsafeRawPointer(fromRow + k).loadUnaligned(as: SIMD8<Int32>.self)
      UnsafeMutableRawPointer(fromRow + k).storeBytes(
        of: from.replacing(with: stateLanes, where: better), as: SIMD8<Int32>.self)
      k &+= 8
    }
    while k < count {
      let cell = value(k)
      let better = cell > bestRow[k]
      bestRow[k] = better ? cell : bestRow[k]
      fromRow[k] = better ? state : fromRow[k]
      k &+= 1
    }
  }

  /// The chosen reading's posterior among its alternatives, with its neighbours on the
  /// best path fixed: every term of the path score that the position touches.
  /// `values` has room for the position's candidates.
  private func posterior(
    at i: Int, _ path: [Int], _ lattice: [Lattice], _ cache: DocumentCache,
    _ values: Scratch<Float>
  )
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
    // The three trigram terms, each found as `LanguageModel.logProb` would (the trigram if
    // its history has one, else the history's weight plus the bigram), with what does not
    // depend on the candidate looked up once.
    let before = model.history(u, v)
    let last = i + 1 < n
    let lowerAfter = last ? model.logProb(y, after: x) : 0
    let bonusAfter = last ? cache.bonus(y, after: x) : 0
    // The pairs (v, w) and (w, x) are each probed once: for the bigram and as a history.
    let suffixes = model.suffixesComplete
    let ids = lattice[i].ids
    let scores = lattice[i].scores
    for k in 0..<c {
      let w = ids.withUnsafeBufferPointer { $0[k] }
      let middle = model.pair(v, w)
      var first: Float
      if !before.trigrams.isEmpty, middle.stored || !suffixes,
        let t = model.trigramLogProb(u, v, w)
      {
        first = t
      } else {
        first = before.backoff + middle.logProb
      }
      let after = model.pair(w, x)
      var second: Float
      if !middle.trigrams.isEmpty, let t = model.trigramLogProb(v, w, x) {
        second = t
      } else {
        second = middle.backoff + after.logProb
      }
      var value =
        scores.withUnsafeBufferPointer { $0[k] }
        + (first + cache.bonus(w, after: v) + cache.runBonus(w, after: u, v))
        + (second + cache.bonus(x, after: w) + cache.runBonus(x, after: v, w))
      if last {
        var third: Float
        if !after.trigrams.isEmpty, let t = model.trigramLogProb(w, x, y) {
          third = t
        } else {
          third = after.backoff + lowerAfter
        }
        value += third + bonusAfter + cache.runBonus(y, after: w, x)
      }
      values[k] = value
    }
    let chosen = values[path[i]]
    var sum = 0.0
    for k in 0..<c { sum += exp(Double(values[k] - chosen)) }
    return 1 / sum
  }
}
