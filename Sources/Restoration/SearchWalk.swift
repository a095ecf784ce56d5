/// The candidate search's walk: stepping from state to state through the trie, pruned by
/// the bound, `reach` and the state table (see `CandidateSearch`). Every read is through a
/// pointer at an index the trie, the channel or the token's tables give, so the hot path
/// makes no bounds or uniqueness checks.
///
/// A state with no edits left (most states of the passes that allow edits are reached
/// after spending them) is stepped into by `visitSpent`, which has no edit branch.
extension CandidateSearch {
  /// How few and how many letters can still come after reading the token up to
  /// `position` with `editsLeft` edits left (from the token's tables).
  @inline(__always) func lettersToCome(_ position: Int, editsLeft: Int) -> UInt32 {
    countsToCome[editsLeft &* (length &+ 1) &+ position]
  }

  /// Whether a syllable can still end below `node` after reading the token up to
  /// `position` with `editsLeft` edits left: some syllable below it ends as many letters
  /// down as can still come (`countsToCome`).
  @inline(__always) func canEnd(_ node: Int32, _ position: Int, editsLeft: Int) -> Bool {
    trie.endDepths[Int(node)] & lettersToCome(position, editsLeft: editsLeft) != 0
  }

  /// Whether a syllable can still end below `node` with `letters` (a set of counts, as
  /// in `countsToCome`) still to come.
  @inline(__always) func canEnd(_ node: Int32, _ letters: UInt32) -> Bool {
    trie.endDepths[Int(node)] & letters != 0
  }

  /// Whether a state reached scoring `logProb` can lead anywhere, tested before the walk
  /// steps into it (a call and a state-table probe cost more than these tests; most states
  /// an edit leads to are dead ends): a syllable must be able to end below the node, and
  /// either an edit is still affordable, or the token is read and a syllable ends here, or
  /// some chunk at `position` can still reach the bound and starts with a letter the node
  /// continues with, and a chunk that ends the token can write the last letter of some
  /// syllable below the node (with no edit left, that chunk writes it). Whatever fails
  /// here would record and visit nothing, so skipping it
  /// (and not recording it as a state) loses nothing: a later path to the same state with
  /// no more edits left and no better score would fail the same tests.
  @inline(__always) func admits(
    _ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int
  ) -> Bool {
    guard canEnd(node, position, editsLeft: maxEdits - edits) else { return false }
    if edits < maxEdits, logProb + editLogProb >= bound { return true }
    if position == length { return trie.terminal[Int(node)] >= 0 }
    guard trie.lastLetters[Int(node)].intersects(finalLetters[position]) else { return false }
    return trie.childLetters[Int(node)].intersects(viableLetters(position, logProb, edits))
  }

  /// `admits` for a state with no edits left.
  @inline(__always) func admitsSpent(_ position: Int, _ node: Int32, _ logProb: Float) -> Bool {
    guard canEnd(node, position, editsLeft: 0) else { return false }
    if position == length { return trie.terminal[Int(node)] >= 0 }
    guard trie.lastLetters[Int(node)].intersects(finalLetters[position]) else { return false }
    return trie.childLetters[Int(node)].intersects(spentViableLetters(position, logProb))
  }

  /// `viableLetters` for a state with no edits left (`position` before the token's end),
  /// read from the ranked chunks: those that can still add at least `bound - logProb`,
  /// with twice the margin so that the subtraction's rounding can only admit more.
  @inline(__always) func spentViableLetters(_ position: Int, _ logProb: Float) -> LetterSet {
    let need = bound - logProb - 2 * CandidateSearch.margin
    let ranked = position &* 3
    guard spentMost[ranked] >= need else { return LetterSet() }
    guard spentMost[ranked &+ 1] >= need else { return spentLetters[ranked] }
    guard spentMost[ranked &+ 2] >= need else { return spentLetters[ranked &+ 1] }
    return spentLetters[ranked &+ 2]
  }

  /// `admits` for many nodes reached alike, with `viable` from `viableLetters` computed
  /// once for them all (the bound only rises meanwhile, so the set stays a superset).
  @inline(__always) func admits(
    _ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int, viable: LetterSet,
    letters: UInt32
  ) -> Bool {
    guard canEnd(node, letters) else { return false }
    if edits < maxEdits, logProb + editLogProb >= bound { return true }
    if position == length { return trie.terminal[Int(node)] >= 0 }
    guard trie.lastLetters[Int(node)].intersects(finalLetters[position]) else { return false }
    return trie.childLetters[Int(node)].intersects(viable)
  }

  /// The letters the chunks at `position` start with, of those chunks that can still bring
  /// a path scoring `logProb` after `edits` edits up to the bound; with `ranked`, only the
  /// letters of their groups whose best source can (tighter, and worth its cost where one
  /// set serves all the children an edit leads to).
  @inline(__always) func viableLetters(
    _ position: Int, _ logProb: Float, _ edits: Int, ranked byGroup: Bool = false
  ) -> LetterSet {
    var viable = LetterSet()
    guard position < length else { return viable }
    let rest = reach + ((maxEdits - edits) &* (length &+ 1) &+ position)
    let chunk = position &* 3
    for k in 1...min(3, length - position) {
      let best = logProb + chunkBest[chunk &+ k &- 1]
      let reachAfter = rest[k]
      if best < bound || best + reachAfter + CandidateSearch.margin < bound { continue }
      guard byGroup else {
        viable.formUnion(chunkLetters[chunk &+ k &- 1])
        continue
      }
      // The groups are ranked best first: those that can still reach the bound are a
      // prefix, and the last of it holds all their letters.
      var reaching = -1
      for g in Int(rankedStart[chunk &+ k &- 1])..<Int(rankedEnd[chunk &+ k &- 1]) {
        let groupBest = logProb + ranked.best[g]
        if groupBest < bound || groupBest + reachAfter + CandidateSearch.margin < bound { break }
        reaching = g
      }
      if reaching >= 0 { viable.formUnion(ranked.letters[reaching]) }
    }
    return viable
  }

  /// The state's key in the state table.
  @inline(__always) static func key(_ position: Int, _ node: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: node)) << 4 | UInt64(position)
  }

  /// Steps into a state with no edits left that `admitsSpent` let through: the rest of
  /// the token must be read through the confusions.
  mutating func visitSpent(_ position: Int, _ node: Int32, _ logProb: Float) {
    if position == length {
      let id = trie.terminal[Int(node)]
      if id >= 0 { record(id, logProb) }
      return
    }
    // With one scalar left, reading it only records syllables (which keep their best
    // score), and a path that comes back is rarer than the probe that would turn it away.
    guard
      position &+ 1 == length
        || table.improves(CandidateSearch.key(position, node), logProb, editsLeft: 0)
    else { return }
    readChunksSpent(position, node, logProb)
  }

  /// Steps into a state with edits left that `admits` let through.
  mutating func visit(_ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int) {
    guard
      table.improves(CandidateSearch.key(position, node), logProb, editsLeft: maxEdits - edits)
    else { return }
    if position == length {
      let id = trie.terminal[Int(node)]
      if id >= 0 { record(id, logProb) }
    } else {
      readChunks(position, node, logProb, edits)
    }
    spendEdit(position, node, logProb, edits)
  }

  /// Steps into `node`'s states reached by reading a chunk at `position` through one of
  /// its sources, with edits left.
  mutating func readChunks(_ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int) {
    readChunks(position, node, logProb, edits, spent: false)
  }

  /// `readChunks` for a state with no edits left.
  mutating func readChunksSpent(_ position: Int, _ node: Int32, _ logProb: Float) {
    readChunks(position, node, logProb, maxEdits, spent: true)
  }

  /// Steps into `node`'s states reached by reading a chunk at `position` through one of
  /// its sources; `spent` when `edits` is all the pass allows.
  @inline(__always) mutating func readChunks(
    _ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int, spent: Bool
  ) {
    let rest = reach + ((maxEdits - edits) &* (length &+ 1) &+ position)
    let letters = trie.childLetters[Int(node)]
    let children = trie.childNodes + Int(trie.childStart[Int(node)])
    for k in 1...min(3, length - position) {
      let chunk = position &* 3 &+ k &- 1
      let reachAfter = rest[k]
      // No source of the chunk can do better than its best one.
      let best = logProb + chunkBest[chunk]
      if best < bound || best + reachAfter + CandidateSearch.margin < bound { continue }
      // One threshold for the chunk's sources, from the bound as it is now: it only rises
      // meanwhile, so this prunes no more than testing each source against it would, and
      // a source read still scores at least the bound the search had when it came (never
      // below the first, 1.5 × `floor`), as every syllable recorded must.
      let lowest = max(bound, bound - reachAfter - CandidateSearch.margin)
      let chunkSet = chunkLetters[chunk]
      let groups = groupStarts + Int(chunkGroups[chunk])
      let ranks = chunkRanks + chunk &* LetterSet.capacity
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
        let child = children[trie.rank(node, letters, code)]
        let group = groups + Int(ranks[Int(code)])
        let end = Int(group[1])
        var e = Int(group[0])
        while e < end {
          let source = sources[e]
          e &+= 1
          let next = logProb + source.logProb
          // A group is sorted best first: once one falls short, so do the rest.
          if next < lowest { break }
          var target = child
          if source.second != ChannelModel.Source.noLetter {
            guard let second = trie.child(child, source.second) else { continue }
            target = second
          }
          if spent {
            if position + k == length {
              // What `admitsSpent` and `visitSpent` come to at the token's end.
              let id = trie.terminal[Int(target)]
              if id >= 0 { record(id, next) }
            } else if admitsSpent(position + k, target, next) {
              visitSpent(position + k, target, next)
            }
          } else if admits(position + k, target, next, edits) {
            visit(position + k, target, next, edits)
          }
        }
      }
    }
  }

  /// Steps into the states an unexplained edit at this state leads to: an OCR character
  /// that stands for nothing (a speck, a split glyph), or one read in place of a printed
  /// letter; a printed letter the OCR dropped.
  @inline(__always) mutating func spendEdit(
    _ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int
  ) {
    let next = logProb + editLogProb
    guard next >= bound else { return }
    let width = length + 1
    let rest = (maxEdits - edits - 1) * width + position
    let consuming =
      position < length && next + reach[rest + 1] + CandidateSearch.margin >= bound
    let dropping = next + reach[rest] + CandidateSearch.margin >= bound
    let last = edits + 1 == maxEdits
    if consuming {
      if last {
        if admitsSpent(position + 1, node, next) { visitSpent(position + 1, node, next) }
      } else if admits(position + 1, node, next, edits + 1) {
        visit(position + 1, node, next, edits + 1)
      }
    }
    // The children's syllables end one letter less deep than the node's: where none of
    // them ends as many letters down as can come, no child is worth testing.
    let childDepths = trie.endDepths[Int(node)] >> 1
    let lettersDropping = lettersToCome(position, editsLeft: maxEdits - edits - 1)
    let lettersConsuming =
      consuming ? lettersToCome(position + 1, editsLeft: maxEdits - edits - 1) : 0
    let droppingChildren = dropping && childDepths & lettersDropping != 0
    let consumingChildren = consuming && childDepths & lettersConsuming != 0
    guard consumingChildren || droppingChildren else { return }
    let children = Int(trie.childStart[Int(node)])..<Int(trie.childStart[Int(node) + 1])
    let viableDropping =
      droppingChildren ? viableLetters(position, next, edits + 1, ranked: true) : LetterSet()
    let viableConsuming =
      consumingChildren
      ? viableLetters(position + 1, next, edits + 1, ranked: true) : LetterSet()
    for c in children {
      let child = trie.childNodes[c]
      if droppingChildren,
        admits(
          position, child, next, edits + 1, viable: viableDropping, letters: lettersDropping)
      {
        if last {
          visitSpent(position, child, next)
        } else {
          visit(position, child, next, edits + 1)
        }
      }
      if consumingChildren,
        admits(
          position + 1, child, next, edits + 1, viable: viableConsuming,
          letters: lettersConsuming)
      {
        if last {
          visitSpent(position + 1, child, next)
        } else {
          visit(position + 1, child, next, edits + 1)
        }
      }
    }
  }
}
