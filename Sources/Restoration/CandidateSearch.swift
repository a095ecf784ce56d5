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
  private let trie: SyllableTrie
  private let sources: [ChannelModel.Source]
  private let groupStarts: [Int32]
  private let length: Int
  private let floor: Float
  /// Candidates wanted: once this many syllables are found, one scoring below all of them
  /// cannot make the list.
  private let limit: Int
  private var recordsSinceRanking = 0
  private let editLogProb: Float
  /// For the chunk of `k` scalars at `position`, at index `position * 3 + k - 1`: the
  /// letters its sources start with (empty when the channel has no sources for it), where
  /// its groups of sources by first letter start in `groupStarts`, and its best source's
  /// log-probability (-∞ when none).
  private var chunkLetters: [LetterSet]
  private var chunkGroups: [Int32]
  private var chunkBest: [Float]
  /// For each chunk, at index `chunk * 128 + code`, how many of its first letters come
  /// before `code` (set only for the letters in `chunkLetters`): which of the chunk's
  /// groups starts with that letter, read instead of counted bit by bit.
  private var chunkRanks: [UInt8]
  /// The most the token's rest from `position` can add spending exactly the `r` edits left,
  /// at index `r * (length + 1) + position`: the best chunking by each chunk's best source
  /// and edits, whatever the trie allows. An upper bound, so pruning on it loses nothing.
  private var reach: [Float] = []
  /// Syllables reached, with their best path score.
  private(set) var found: [(id: Int32, logProb: Float)] = []
  /// Scratch for ranking the scores found.
  private var ranking: [Float] = []
  private var bound: Float
  private var maxEdits = 0
  /// Best score seen at each (position, node) for each number of edits left (all of which
  /// a path must still spend), over every pass so far.
  private var states: SearchStates
  /// Room for float rounding between a path's running sum and `reach`.
  private static let margin: Float = 1e-3

  /// `states` is an empty state table to use (one that an earlier search left, reset).
  init(
    model: ChannelModel, token: [UInt32], limit: Int, floor: Float, editLogProb: Float,
    maxEdits: Int, states: SearchStates
  ) {
    self.states = states.fits(maxEdits: maxEdits) ? states : SearchStates(maxEdits: maxEdits)
    self.states.prepareFoundSlots(vocabularySize: model.trie.idLimit)
    self.limit = max(limit, 1)
    trie = model.trie
    sources = model.sources
    groupStarts = model.groupStarts
    length = token.count
    self.floor = floor
    self.editLogProb = editLogProb
    bound = -floor * 1.5
    chunkLetters = [LetterSet](repeating: LetterSet(), count: token.count * 3)
    chunkGroups = [Int32](repeating: 0, count: token.count * 3)
    chunkBest = [Float](repeating: -.infinity, count: token.count * 3)
    chunkRanks = [UInt8](repeating: 0, count: token.count * 3 * LetterSet.capacity)
    for position in 0..<token.count {
      var key: UInt64 = 0
      for k in 1...min(3, token.count - position) {
        key |= UInt64(token[position + k - 1]) << (21 * UInt64(k - 1))
        guard let range = model.chunkRanges[key] else { continue }
        let chunk = position * 3 + k - 1
        chunkLetters[chunk] = model.rangeLetters[Int(range)]
        chunkGroups[chunk] = model.groupBase[Int(range)]
        chunkBest[chunk] = model.rangeBest[Int(range)]
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
  }

  /// Hands back the state table, emptied, for the next search.
  mutating func releaseStates() -> SearchStates {
    states.reset(found: found)
    let released = states
    states = SearchStates(maxEdits: 0, capacity: 0)
    return released
  }

  /// Walks the trie from its root for paths with exactly `maxEdits` unexplained edits; what
  /// an earlier run found (and the bound it set) is kept. Runs must allow 0, 1, 2, …
  /// edits in turn: a run leaves paths with fewer edits to the earlier ones.
  mutating func run(maxEdits: Int) {
    self.maxEdits = maxEdits
    computeReach()
    // A pass starts from the highest bound what earlier passes found allows.
    if found.count >= limit && recordsSinceRanking > 0 { raiseBoundToLimit() }
    if admits(0, trie.root, 0, 0) { visit(0, trie.root, 0, 0) }
  }

  /// The `k`-th largest of `values` (1 ≤ k ≤ count), found by quickselect; the order of
  /// `values` is lost.
  static func largest(_ k: Int, in values: inout [Float]) -> Float {
    let target = k - 1
    values.withUnsafeMutableBufferPointer { v in
      var lo = 0
      var hi = v.count - 1
      // Hoare partitions, largest first: after one, v[lo...j] ≥ pivot ≥ v[i...hi] and
      // anything between j and i equals the pivot.
      while lo < hi {
        let pivot = v[(lo + hi) / 2]
        var i = lo
        var j = hi
        while i <= j {
          while v[i] > pivot { i += 1 }
          while v[j] < pivot { j -= 1 }
          if i <= j {
            v.swapAt(i, j)
            i += 1
            j -= 1
          }
        }
        if target <= j {
          hi = j
        } else if target >= i {
          lo = i
        } else {
          break
        }
      }
    }
    return values[target]
  }

  private mutating func computeReach() {
    let width = length + 1
    reach = [Float](repeating: -.infinity, count: (maxEdits + 1) * width)
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

  /// Records a state; false when an earlier path, in this pass or an earlier one, reached
  /// it at least as well with as many edits left. An earlier pass explored all that such a
  /// path could reach spending those edits, against a bound no higher than today's, so the
  /// later path can find nothing better. (One with more edits left must spend them all,
  /// so it does not stand for a path with fewer.)
  @inline(__always) private mutating func improves(
    _ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int
  ) -> Bool {
    states.improves(
      UInt64(UInt32(node)) << 4 | UInt64(position), logProb, editsLeft: maxEdits - edits)
  }

  private mutating func record(_ id: Int32, _ logProb: Float) {
    let i = states.foundSlots[Int(id)]
    if i >= 0 {
      guard logProb > found[Int(i)].logProb else { return }
      found[Int(i)].logProb = logProb
    } else {
      states.foundSlots[Int(id)] = Int32(found.count)
      found.append((id, logProb))
    }
    bound = max(bound, logProb - floor)
    recordsSinceRanking += 1
    if found.count >= limit && recordsSinceRanking >= 32 { raiseBoundToLimit() }
  }

  /// Raises the bound to the `limit`-th best score found. Scores found only grow toward
  /// the syllables' best, so this never exceeds the `limit`-th best of the final list; a
  /// path scoring below it cannot enter the list (one scoring equal still may, by id).
  private mutating func raiseBoundToLimit() {
    recordsSinceRanking = 0
    // Only scores above the bound can raise it: with fewer than `limit` of them, the
    // `limit`-th best is not above the bound; with more, it is the `limit`-th of them.
    ranking.removeAll(keepingCapacity: true)
    let current = bound
    for f in found where f.logProb > current { ranking.append(f.logProb) }
    guard ranking.count >= limit else { return }
    bound = max(bound, CandidateSearch.largest(limit, in: &ranking))
  }

  /// Whether a syllable can still end below `node` after reading the token's last
  /// `scalars` with `edits` edits left. A confusion reads 1 to 3 scalars as 1 or 2 letters
  /// and an edit reads at most one scalar and writes at most one letter, so the letters
  /// still to come number from ⌈(scalars − edits) / 3⌉ to 2 × scalars + edits.
  @inline(__always) private func canEnd(_ node: Int32, _ scalars: Int, _ edits: Int) -> Bool {
    canEnd(node, CandidateSearch.lettersToCome(scalars, edits))
  }

  /// How few and how many letters can still come after reading `scalars` with `edits`.
  @inline(__always) private static func lettersToCome(_ scalars: Int, _ edits: Int)
    -> (fewest: Int, most: Int)
  {
    (max(scalars - edits + 2, 0) / 3, 2 * scalars + edits)
  }

  /// `canEnd` with the letters to come worked out once for many nodes.
  @inline(__always) private func canEnd(_ node: Int32, _ letters: (fewest: Int, most: Int))
    -> Bool
  {
    Int(trie.farthestEnd[Int(node)]) >= letters.fewest
      && Int(trie.nearestEnd[Int(node)]) <= letters.most
  }

  /// Whether a state reached scoring `logProb` can lead anywhere, tested before the walk
  /// steps into it (a call and a state-table probe cost more than these tests; most states
  /// an edit leads to are dead ends): a syllable must be able to end below the node, and
  /// either an edit is still affordable, or the token is read and a syllable ends here, or
  /// some chunk at `position` can still reach the bound and starts with a letter the node
  /// continues with. Whatever fails here would record and visit nothing, so skipping it
  /// (and not recording it as a state) loses nothing: a later path to the same state with
  /// no more edits left and no better score would fail the same tests.
  @inline(__always) private func admits(
    _ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int
  ) -> Bool {
    guard canEnd(node, length - position, maxEdits - edits) else { return false }
    if edits < maxEdits, logProb + editLogProb >= bound { return true }
    if position == length { return trie.terminal[Int(node)] >= 0 }
    return trie.childLetters[Int(node)].intersects(viableLetters(position, logProb, edits))
  }

  /// `admits` for many nodes reached alike, with `viable` from `viableLetters` computed
  /// once for them all (the bound only rises meanwhile, so the set stays a superset).
  @inline(__always) private func admits(
    _ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int, viable: LetterSet,
    letters: (fewest: Int, most: Int)
  ) -> Bool {
    guard canEnd(node, letters) else { return false }
    if edits < maxEdits, logProb + editLogProb >= bound { return true }
    if position == length { return trie.terminal[Int(node)] >= 0 }
    return trie.childLetters[Int(node)].intersects(viable)
  }

  /// The letters the chunks at `position` start with, of those chunks that can still bring
  /// a path scoring `logProb` after `edits` edits up to the bound.
  @inline(__always) private func viableLetters(_ position: Int, _ logProb: Float, _ edits: Int)
    -> LetterSet
  {
    var viable = LetterSet()
    guard position < length else { return viable }
    let rest = (maxEdits - edits) * (length + 1) + position
    for k in 1...min(3, length - position) {
      let chunk = position * 3 + k - 1
      let best = logProb + chunkBest[chunk]
      if best < bound || best + reach[rest + k] + CandidateSearch.margin < bound { continue }
      viable.formUnion(chunkLetters[chunk])
    }
    return viable
  }

  /// Steps into a state that `admits` let through.
  private mutating func visit(_ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int) {
    if edits == maxEdits, position == length {
      // Without edits left, the rest of the token must be read through the confusions.
      let id = trie.terminal[Int(node)]
      if id >= 0 { record(id, logProb) }
      return
    }
    guard improves(position, node, logProb, edits) else { return }
    let width = length + 1
    if position == length {
      let id = trie.terminal[Int(node)]
      if id >= 0 { record(id, logProb) }
    } else {
      let rest = (maxEdits - edits) * width + position
      let letters = trie.childLetters[Int(node)]
      let firstChild = Int(trie.childStart[Int(node)])
      for k in 1...min(3, length - position) {
        let chunk = position * 3 + k - 1
        let reachAfter = reach[rest + k]
        // No source of the chunk can do better than its best one.
        let best = logProb + chunkBest[chunk]
        if best < bound || best + reachAfter + CandidateSearch.margin < bound { continue }
        let chunkSet = chunkLetters[chunk]
        let groups = Int(chunkGroups[chunk])
        // Only the groups of sources starting with a letter the node continues with.
        var low = letters.low & chunkSet.low
        var high = letters.high & chunkSet.high
        while low | high != 0 {
          let code: UInt8
          if low != 0 {
            code = UInt8(low.trailingZeroBitCount)
            low &= low &- 1
          } else {
            code = UInt8(64 + high.trailingZeroBitCount)
            high &= high &- 1
          }
          let child = trie.childNodes[firstChild + letters.count(below: code)]
          let group = groups + Int(chunkRanks[chunk &* LetterSet.capacity &+ Int(code)])
          for e in Int(groupStarts[group])..<Int(groupStarts[group + 1]) {
            let source = sources[e]
            let next = logProb + source.logProb
            // A group is sorted best first: once one falls short, so do the rest.
            if next < bound || next + reachAfter + CandidateSearch.margin < bound { break }
            var target = child
            if source.second != ChannelModel.Source.noLetter {
              guard let second = trie.child(child, source.second) else { continue }
              target = second
            }
            if admits(position + k, target, next, edits) {
              visit(position + k, target, next, edits)
            }
          }
        }
      }
    }
    guard edits < maxEdits else { return }
    let next = logProb + editLogProb
    guard next >= bound else { return }
    let rest = (maxEdits - edits - 1) * width + position
    // An OCR character that stands for nothing (a speck, a split glyph), or one read in
    // place of a printed letter; a printed letter the OCR dropped.
    let consuming =
      position < length && next + reach[rest + 1] + CandidateSearch.margin >= bound
    let dropping = next + reach[rest] + CandidateSearch.margin >= bound
    if consuming, admits(position + 1, node, next, edits + 1) {
      visit(position + 1, node, next, edits + 1)
    }
    guard consuming || dropping else { return }
    let children = trie.childStart[Int(node)]..<trie.childStart[Int(node) + 1]
    let viableDropping = dropping ? viableLetters(position, next, edits + 1) : LetterSet()
    let viableConsuming = consuming ? viableLetters(position + 1, next, edits + 1) : LetterSet()
    let lettersDropping = CandidateSearch.lettersToCome(length - position, maxEdits - edits - 1)
    let lettersConsuming = CandidateSearch.lettersToCome(
      length - position - 1, maxEdits - edits - 1)
    for c in children {
      let child = trie.childNodes[Int(c)]
      if dropping,
        admits(
          position, child, next, edits + 1, viable: viableDropping, letters: lettersDropping)
      {
        visit(position, child, next, edits + 1)
      }
      if consuming,
        admits(
          position + 1, child, next, edits + 1, viable: viableConsuming,
          letters: lettersConsuming)
      {
        visit(position + 1, child, next, edits + 1)
      }
    }
  }
}
