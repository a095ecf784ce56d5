/// The candidate search's memory of the states it has been in: for each state key (a trie
/// node and a position in the token), the best score a path reached it with for each
/// number of edits it had left. A path that reaches a state no better than an earlier one
/// with as many edits left leads nowhere new.
///
/// One open-addressing table holds each key beside its scores, so that looking a state up
/// and recording it is one probe, with no second table to index and no array to grow per
/// state.
struct SearchStates {
  private var keys: [UInt64]
  private var scores: [Float]
  /// Scores per state: one per number of edits, 0 through the most any pass allows.
  private let stride: Int
  private(set) var count = 0
  /// The slots taken, so that `reset` clears only those: one table then serves every
  /// search of a document without being allocated and filled anew for each.
  private var taken: [Int32] = []
  /// Where each syllable found sits in the search's list of readings, by vocabulary id (-1
  /// when not found yet): an array the size of the vocabulary, made once per table and
  /// cleared entry by entry, answers without hashing.
  var foundSlots: [Int32] = []

  init(maxEdits: Int, capacity: Int = 4096) {
    stride = max(maxEdits, 0) + 1
    var size = 16
    while size < capacity { size *= 2 }
    keys = [UInt64](repeating: NGramTable.empty, count: size)
    scores = [Float](repeating: -.infinity, count: size * stride)
  }

  /// Records that a path reached `key` scoring `logProb` with `editsLeft` edits left; false
  /// (and nothing recorded) when a path already reached it at least as well with as many
  /// left.
  @inline(__always) mutating func improves(_ key: UInt64, _ logProb: Float, editsLeft: Int)
    -> Bool
  {
    let mask = keys.count - 1
    var slot = NGramTable.slot(key, mask: mask)
    let stride = self.stride
    while true {
      let k = keys[slot]
      if k == key {
        let base = slot * stride
        if scores[base + editsLeft] >= logProb { return false }
        scores[base + editsLeft] = logProb
        return true
      }
      if k == NGramTable.empty {
        // The table grows only when a key is added (most calls find theirs).
        if (count + 1) * 2 > keys.count { return growAndAdd(key, logProb, editsLeft: editsLeft) }
        add(key, logProb, editsLeft: editsLeft, at: slot)
        return true
      }
      slot = (slot + 1) & mask
    }
  }

  @inline(__always) private mutating func add(
    _ key: UInt64, _ logProb: Float, editsLeft: Int, at slot: Int
  ) {
    keys[slot] = key
    count += 1
    taken.append(Int32(slot))
    let base = slot * stride
    for e in 0..<stride { scores[base + e] = -.infinity }
    scores[base + editsLeft] = logProb
  }

  /// Adds a key known to be absent after doubling the table; true.
  private mutating func growAndAdd(_ key: UInt64, _ logProb: Float, editsLeft: Int) -> Bool {
    grow()
    let mask = keys.count - 1
    var slot = NGramTable.slot(key, mask: mask)
    while keys[slot] != NGramTable.empty { slot = (slot + 1) & mask }
    add(key, logProb, editsLeft: editsLeft, at: slot)
    return true
  }

  /// The best score recorded for `key` with exactly `editsLeft` edits left (-∞ when none).
  func score(_ key: UInt64, editsLeft: Int) -> Float {
    let mask = keys.count - 1
    var slot = NGramTable.slot(key, mask: mask)
    while keys[slot] != NGramTable.empty {
      if keys[slot] == key { return scores[slot * stride + editsLeft] }
      slot = (slot + 1) & mask
    }
    return -.infinity
  }

  /// Forgets every state, and the syllables `found` (the search's list), keeping the
  /// table's room.
  mutating func reset(found: [(id: Int32, logProb: Float)]) {
    for slot in taken { keys[Int(slot)] = NGramTable.empty }
    taken.removeAll(keepingCapacity: true)
    count = 0
    for f in found { foundSlots[Int(f.id)] = -1 }
  }

  /// Makes `foundSlots` hold every id below `vocabularySize`.
  mutating func prepareFoundSlots(vocabularySize: Int) {
    if foundSlots.count < vocabularySize {
      foundSlots = [Int32](repeating: -1, count: vocabularySize)
    }
  }

  /// Whether the table tells apart as many numbers of edits as a search with `maxEdits`
  /// needs (more do no harm: scores for edits a search never has stay -∞).
  func fits(maxEdits: Int) -> Bool { stride > max(maxEdits, 0) }

  private mutating func grow() {
    var bigger = SearchStates(maxEdits: stride - 1, capacity: keys.count * 2)
    let newMask = bigger.keys.count - 1
    for (old, key) in keys.enumerated() where key != NGramTable.empty {
      var slot = NGramTable.slot(key, mask: newMask)
      while bigger.keys[slot] != NGramTable.empty { slot = (slot + 1) & newMask }
      bigger.keys[slot] = key
      bigger.taken.append(Int32(slot))
      for e in 0..<stride { bigger.scores[slot * stride + e] = scores[old * stride + e] }
    }
    bigger.count = count
    bigger.foundSlots = foundSlots
    self = bigger
  }
}
