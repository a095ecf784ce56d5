/// One token's candidate search: a depth-first walk of the syllable trie that consumes the
/// token chunk by chunk through the learned confusions, with unexplained edits where they
/// are allowed, keeping for every syllable reached its best path score.
///
/// What it finds does not depend on the order of the walk: every syllable whose best path
/// scores at least `bound` at the end (the best score found less `floor`, and never below
/// 1.5 × `floor`) is found with that best score. That is what lets the walk prune
/// aggressively: a path is dropped as soon as even the best imaginable rest of the token
/// (`reach`) cannot bring it up to the bound.
///
/// The walk runs in passes allowing 0, 1, then 2 edits, and the pass allowing `r` edits
/// looks only for paths that use exactly `r`: every path with fewer was explored by an
/// earlier pass against a bound no higher, so whatever it could record is recorded. A
/// state must therefore still spend all the edits it has left, which is what `reach`
/// counts on (an edit costs `editLogProb`, and no reading of a chunk scores above 0), and
/// a state dominates another only with the same number of edits left.
struct CandidateSearch {
  let trie: TrieBuffers
  let sources: UnsafePointer<ChannelModel.Source>
  let groupStarts: UnsafePointer<Int32>
  let length: Int
  let floor: Float
  /// Candidates wanted: once this many syllables are found, one scoring below all of them
  /// cannot make the list.
  let limit: Int
  var recordsSinceRanking = 0
  let editLogProb: Float
  /// For the chunk of `k` scalars at `position`, at index `position * 3 + k - 1`: the
  /// letters its sources start with (empty when the channel has no sources for it), where
  /// its groups of sources by first letter start in `groupStarts`, and its best source's
  /// log-probability (-∞ when none). Allocated per search and freed by `finish`.
  let chunkLetters: UnsafeMutablePointer<LetterSet>
  let chunkGroups: UnsafeMutablePointer<Int32>
  let chunkBest: UnsafeMutablePointer<Float>
  /// For each chunk, at index `chunk * 128 + code`, how many of its first letters come
  /// before `code` (set only for the letters in `chunkLetters`): which of the chunk's
  /// groups starts with that letter, read instead of counted bit by bit.
  let chunkRanks: UnsafeMutablePointer<UInt8>
  /// Each chunk's groups ranked by their best source in `ranked` (empty when the channel
  /// has no sources for it): chunk `c`'s at `rankedStart[c] ..< rankedEnd[c]`.
  let ranked: ChannelModel.RankedGroups
  let rankedStart: UnsafeMutablePointer<Int32>
  let rankedEnd: UnsafeMutablePointer<Int32>
  /// For each position, the letters a chunk starting there or later and ending the token
  /// can write last: with no edit left to write it, a syllable ends with one of them.
  let finalLetters: UnsafeMutablePointer<LetterSet>
  /// The most the token's rest from `position` can add spending exactly the `r` edits left,
  /// at index `r * (length + 1) + position`: the best chunking by each chunk's best source
  /// and edits, whatever the trie allows. An upper bound, so pruning on it loses nothing.
  let reach: UnsafeMutablePointer<Float>
  /// How few and how many letters can still come after reading the token up to `position`
  /// with at most `r` edits left, at index `r * (length + 1) + position`: over every way of
  /// reading the rest through the chunks' sources (each writes one or two letters) and
  /// edits (a dropped scalar writes none, a replaced one or a dropped letter one), whatever
  /// the scores and the trie allow (`countLettersToCome`).
  /// As a set: bit `n` when `n` letters can come (bit 31: 31 or more).
  let countsToCome: UnsafeMutablePointer<UInt32>
  /// For a state with no edits left at each position, at `position * 3 ..< position * 3 +
  /// 3`: the chunks there ranked by the most they can add to a path (their best source, and
  /// that plus `reach` with no edits after them, whichever is less), best first, -∞ past
  /// the last, each with the letters of the chunks up to it. The chunks a path can still
  /// read toward the bound are a prefix (what `viableLetters` finds, with one comparison a
  /// chunk).
  let spentMost: UnsafeMutablePointer<Float>
  let spentLetters: UnsafeMutablePointer<LetterSet>
  var bound: Float
  var maxEdits = 0
  /// Best score seen at each (position, node) for each number of edits left (all of which
  /// a path must still spend), over every pass so far; and the syllables reached, with
  /// their best path score.
  var table: StateTable
  /// Room for float rounding between a path's running sum and `reach`.
  static let margin: Float = 1e-3

  /// `table` is an empty state table with found slots for the whole vocabulary, allowing
  /// `maxEdits` edits; the trie's and the channel's buffers must outlive the search.
  init(
    model: ChannelModel, trie: TrieBuffers, sources: UnsafePointer<ChannelModel.Source>,
    groupStarts: UnsafePointer<Int32>, ranked: ChannelModel.RankedGroups, token: [UInt32],
    limit: Int, floor: Float,
    editLogProb: Float, maxEdits: Int, table: StateTable
  ) {
    self.table = table
    self.limit = max(limit, 1)
    self.trie = trie
    self.sources = sources
    self.groupStarts = groupStarts
    length = token.count
    self.floor = floor
    self.editLogProb = editLogProb
    bound = -floor * 1.5
    let chunks = token.count * 3
    chunkLetters = .allocate(capacity: chunks)
    chunkLetters.initialize(repeating: LetterSet(), count: chunks)
    chunkGroups = .allocate(capacity: chunks)
    chunkGroups.initialize(repeating: 0, count: chunks)
    chunkBest = .allocate(capacity: chunks)
    chunkBest.initialize(repeating: -.infinity, count: chunks)
    chunkRanks = .allocate(capacity: chunks * LetterSet.capacity)
    chunkRanks.initialize(repeating: 0, count: chunks * LetterSet.capacity)
    self.ranked = ranked
    rankedStart = .allocate(capacity: chunks)
    rankedStart.initialize(repeating: 0, count: chunks)
    rankedEnd = .allocate(capacity: chunks)
    rankedEnd.initialize(repeating: 0, count: chunks)
    finalLetters = .allocate(capacity: token.count + 1)
    finalLetters.initialize(repeating: LetterSet(), count: token.count + 1)
    reach = .allocate(capacity: (max(maxEdits, 0) + 1) * (token.count + 1))
    countsToCome = .allocate(capacity: (max(maxEdits, 0) + 1) * (token.count + 1))
    spentMost = .allocate(capacity: chunks)
    spentMost.initialize(repeating: -.infinity, count: chunks)
    spentLetters = .allocate(capacity: chunks)
    spentLetters.initialize(repeating: LetterSet(), count: chunks)
    var chunkFewest = [UInt8](repeating: 0, count: chunks)
    var chunkMost = [UInt8](repeating: 0, count: chunks)
    for position in 0..<token.count {
      var key: UInt64 = 0
      for k in 1...min(3, token.count - position) {
        key |= UInt64(token[position + k - 1]) << (21 * UInt64(k - 1))
        guard let range = model.chunkRanges[key] else { continue }
        let chunk = position * 3 + k - 1
        chunkLetters[chunk] = model.rangeLetters[Int(range)]
        chunkGroups[chunk] = model.groupBase[Int(range)]
        chunkBest[chunk] = model.rangeBest[Int(range)]
        chunkFewest[chunk] = model.rangeFewestLetters[Int(range)]
        chunkMost[chunk] = model.rangeMostLetters[Int(range)]
        rankedStart[chunk] = model.rankedBase[Int(range)]
        rankedEnd[chunk] = model.rankedBase[Int(range) + 1]
        if position + k == token.count {
          for p in 0...position { finalLetters[p].formUnion(model.rangeLastLetters[Int(range)]) }
        }
        var rank: UInt8 = 0
        var low = chunkLetters[chunk].low
        var high = chunkLetters[chunk].high
        while low | high != 0 {
          let code: Int
          if low != 0 {
            code = low.trailingZeroBitCount
            low &= low &- 1
          } else {
            code = 64 + high.trailingZeroBitCount
            high &= high &- 1
          }
          chunkRanks[chunk * LetterSet.capacity + code] = rank
          rank += 1
        }
      }
    }
    countLettersToCome(chunkFewest, chunkMost, maxEdits: max(maxEdits, 0))
    // `reach` with no edits left is the same in every pass.
    computeReach()
    rankSpentChunks()
  }

  /// Fills `countsToCome` for up to `maxEdits` edits: first for exactly `r` edits (a chunk
  /// counts only if some source of it can match, `chunkMost` above 0; its sources write
  /// `chunkFewest` or `chunkMost` letters, each 1 or 2), then for at most `r`.
  private func countLettersToCome(_ chunkFewest: [UInt8], _ chunkMost: [UInt8], maxEdits: Int) {
    let width = length + 1
    // `counts` with `letters` more written; a count beyond 31 stays in bit 31.
    func adding(_ letters: Int, to counts: UInt32) -> UInt32 {
      guard letters > 0, counts != 0 else { return counts }
      let overflow: UInt32 = counts >> UInt32(32 - letters) != 0 ? 1 << 31 : 0
      return counts << UInt32(letters) | overflow | (counts & 1 << 31)
    }
    var exact = [UInt32](repeating: 0, count: (maxEdits + 1) * width)
    for r in 0...maxEdits {
      // At the token's end, the edits left can only write letters the OCR dropped.
      exact[r * width + length] = adding(r, to: 1)
      for position in stride(from: length - 1, through: 0, by: -1) {
        var counts: UInt32 = 0
        for k in 1...min(3, length - position) {
          let chunk = position * 3 + k - 1
          guard chunkMost[chunk] > 0 else { continue }
          let after = exact[r * width + position + k]
          counts |= adding(Int(chunkFewest[chunk]), to: after)
          counts |= adding(Int(chunkMost[chunk]), to: after)
        }
        if r > 0 {
          let next = exact[(r - 1) * width + position + 1]
          counts |= next  // a scalar that stands for nothing
          counts |= adding(1, to: next)  // a scalar read in place of a letter
          counts |= adding(1, to: exact[(r - 1) * width + position])  // a letter dropped
        }
        exact[r * width + position] = counts
      }
    }
    for position in 0...length {
      var counts: UInt32 = 0
      for r in 0...maxEdits {
        counts |= exact[r * width + position]
        countsToCome[r * width + position] = counts
      }
    }
  }

  /// Fills `spentMost` and `spentLetters` from `reach` with no edits left (an insertion
  /// sort of at most three chunks per position, in place).
  private func rankSpentChunks() {
    for position in 0..<length {
      let ranked = position * 3
      var count = 0
      for k in 1...min(3, length - position) {
        let chunk = position * 3 + k - 1
        let best = chunkBest[chunk]
        guard best > -.infinity else { continue }
        let most = min(best, best + reach[position + k])
        var i = count
        while i > 0 && spentMost[ranked + i - 1] < most {
          spentMost[ranked + i] = spentMost[ranked + i - 1]
          spentLetters[ranked + i] = spentLetters[ranked + i - 1]
          i -= 1
        }
        spentMost[ranked + i] = most
        spentLetters[ranked + i] = chunkLetters[chunk]
        count += 1
      }
      for i in stride(from: 1, to: count, by: 1) {
        spentLetters[ranked + i].formUnion(spentLetters[ranked + i - 1])
      }
    }
  }

  /// Frees the search's own buffers and hands back the state table, emptied, for the next
  /// search. The search must not be used after.
  mutating func finish() -> StateTable {
    chunkLetters.deallocate()
    chunkGroups.deallocate()
    chunkBest.deallocate()
    chunkRanks.deallocate()
    rankedStart.deallocate()
    rankedEnd.deallocate()
    finalLetters.deallocate()
    reach.deallocate()
    countsToCome.deallocate()
    spentMost.deallocate()
    spentLetters.deallocate()
    table.reset()
    return table
  }

  /// Walks the trie from its root for paths with exactly `maxEdits` unexplained edits; what
  /// an earlier run found (and the bound it set) is kept. Runs must allow 0, 1, 2, …
  /// edits in turn (never more than the search was made for): a run leaves paths with
  /// fewer edits to the earlier ones.
  mutating func run(maxEdits: Int) {
    self.maxEdits = maxEdits
    computeReach()
    // A pass starts from the highest bound what earlier passes found allows.
    if table.foundCount >= limit && recordsSinceRanking > 0 { raiseBoundToLimit() }
    if maxEdits == 0 {
      if admitsSpent(0, trie.root, 0) { visitSpent(0, trie.root, 0) }
    } else if admits(0, trie.root, 0, 0) {
      visit(0, trie.root, 0, 0)
    }
  }

  /// The syllables found, best first (ties by id), at most `limit`, none worse than `floor`
  /// below the best. Unless `ordered`, the same readings come in no particular order (for
  /// a caller that ranks them anew: only which of them make the limit is worked out).
  func ranked(limit: Int, ordered: Bool = true) -> [(id: Int32, logProb: Float)] {
    let count = table.foundCount
    guard count > 0, limit > 0 else { return [] }
    let ids = table.foundIDs
    let scores = table.foundScores
    var top = -Float.infinity
    for i in 0..<count { top = max(top, scores[i]) }
    // Those worse than `floor` below the best are a suffix of the ranking: cut them before
    // sorting. Each is sorted by one integer key, its score's order (0 and -0 alike)
    // descending, then its id; only the first `limit` keys need to be in order.
    let cut = top - floor
    let keys = table.rankKeys
    var n = 0
    for i in 0..<count where scores[i] >= cut {
      let bits = (scores[i] + 0).bitPattern
      let ascending = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
      keys[n] = UInt64(~ascending) << 32 | UInt64(UInt32(bitPattern: ids[i]))
      n += 1
    }
    let kept = min(n, limit)
    if ordered {
      CandidateSearch.sortPrefix(UnsafeMutableBufferPointer(start: keys, count: n), kept)
    } else if kept < n {
      CandidateSearch.selectPrefix(UnsafeMutableBufferPointer(start: keys, count: n), kept)
    }
    let slots = table.foundSlots
    return [(id: Int32, logProb: Float)](unsafeUninitializedCapacity: kept) {
      buffer, initialized in
      for j in 0..<kept {
        let id = Int32(bitPattern: UInt32(truncatingIfNeeded: keys[j]))
        buffer.initializeElement(at: j, to: (id, scores[Int(slots[Int(id)])]))
      }
      initialized = kept
    }
  }

  private mutating func computeReach() {
    let width = length + 1
    for r in 0...maxEdits {
      // At the token's end, the edits left can only write letters the OCR dropped.
      reach[r * width + length] = Float(r) * editLogProb
      for position in stride(from: length - 1, through: 0, by: -1) {
        var best = -Float.infinity
        for k in 1...min(3, length - position) {
          best = max(best, chunkBest[position * 3 + k - 1] + reach[r * width + position + k])
        }
        if r > 0 {
          best = max(best, editLogProb + reach[(r - 1) * width + position + 1])
          best = max(best, editLogProb + reach[(r - 1) * width + position])
        }
        reach[r * width + position] = best
      }
    }
  }

  mutating func record(_ id: Int32, _ logProb: Float) {
    let i = table.foundSlots[Int(id)]
    if i >= 0 {
      guard logProb > table.foundScores[Int(i)] else { return }
      table.foundScores[Int(i)] = logProb
    } else {
      let n = table.foundCount
      table.foundSlots[Int(id)] = Int32(n)
      table.foundIDs[n] = id
      table.foundScores[n] = logProb
      table.foundCount = n + 1
    }
    bound = max(bound, logProb - floor)
    recordsSinceRanking += 1
    if table.foundCount >= limit && recordsSinceRanking >= 32 { raiseBoundToLimit() }
  }

  /// Raises the bound to the `limit`-th best score found. Scores found only grow toward
  /// the syllables' best, so this never exceeds the `limit`-th best of the final list; a
  /// path scoring below it cannot enter the list (one scoring equal still may, by id).
  mutating func raiseBoundToLimit() {
    recordsSinceRanking = 0
    // Only scores above the bound can raise it: with fewer than `limit` of them, the
    // `limit`-th best is not above the bound; with more, it is the `limit`-th of them.
    let current = bound
    let ranking = table.ranking
    var n = 0
    for i in 0..<table.foundCount where table.foundScores[i] > current {
      ranking[n] = table.foundScores[i]
      n += 1
    }
    guard n >= limit else { return }
    bound = max(
      bound,
      CandidateSearch.largest(limit, in: UnsafeMutableBufferPointer(start: ranking, count: n)))
  }
}
