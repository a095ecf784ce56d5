/// The candidate search's memory of the states it has been in: for each state key (a trie
/// node and a position in the token), the best score a path reached it with for each
/// number of edits it had left. A path that reaches a state no better than an earlier one
/// with as many edits left leads nowhere new.
///
/// The table itself is a `StateTable` of raw buffers, so that the search's hot path makes
/// no uniqueness or bounds checks; this wrapper owns it and keeps value semantics (a copy
/// that is changed gets a table of its own). A search takes the table out for its walk and
/// puts it back, emptied.
struct SearchStates {
  /// Owns the buffers; frees them with the last copy that refers to them.
  private final class Storage {
    var table: StateTable
    init(_ table: StateTable) { self.table = table }
    deinit { table.deallocate() }
  }
  private var storage: Storage

  init(maxEdits: Int, capacity: Int = 4096) {
    storage = Storage(StateTable(stride: max(maxEdits, 0) + 1, capacity: capacity))
  }

  /// States recorded.
  var count: Int { storage.table.count }

  /// Where each syllable found sits in the search's list of readings, by vocabulary id (-1
  /// when not found yet).
  var foundSlots: [Int32] { storage.table.foundSlotsArray }

  /// Records that a path reached `key` scoring `logProb` with `editsLeft` edits left; false
  /// (and nothing recorded) when a path already reached it at least as well with as many
  /// left.
  mutating func improves(_ key: UInt64, _ logProb: Float, editsLeft: Int) -> Bool {
    makeUnique()
    return storage.table.improves(key, logProb, editsLeft: editsLeft)
  }

  /// The best score recorded for `key` with exactly `editsLeft` edits left (-∞ when none).
  func score(_ key: UInt64, editsLeft: Int) -> Float {
    storage.table.score(key, editsLeft: editsLeft)
  }

  /// Whether the table tells apart as many numbers of edits as a search with `maxEdits`
  /// needs (more do no harm: scores for edits a search never has stay -∞).
  func fits(maxEdits: Int) -> Bool { storage.table.stride > max(maxEdits, 0) }

  /// Moves the table out for a search, leaving an empty one in its place; the search must
  /// hand it back with `put`.
  mutating func take() -> StateTable {
    makeUnique()
    let table = storage.table
    storage.table = StateTable(stride: 1, capacity: 0)
    return table
  }

  /// Puts back a table that `take` moved out (emptied by the search).
  mutating func put(_ table: StateTable) {
    makeUnique()
    storage.table.deallocate()
    storage.table = table
  }

  private mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.table.copy()) }
  }
}

/// The state table's buffers: an open-addressing table holding each key beside its scores
/// (one per number of edits), so that looking a state up and recording it is one probe,
/// and the search's list of syllables found, with a slot per vocabulary id. A plain value
/// of pointers: exactly one owner (a `SearchStates`, or a search that took it) may use it.
struct StateTable {
  /// Scores per state: one per number of edits, 0 through the most any pass allows.
  let stride: Int
  private(set) var keys: UnsafeMutablePointer<UInt64>
  private var scores: UnsafeMutablePointer<Float>
  private var mask: Int
  private(set) var count = 0
  /// The slots taken, so that `reset` clears only those: one table then serves every
  /// search of a document without being filled anew for each. The table grows before it
  /// is half full, so half its slots (and one) always fit.
  private var taken: UnsafeMutablePointer<Int32>
  /// Where each syllable found sits in `foundIDs`, by vocabulary id (-1 when not found):
  /// an array the size of the vocabulary, made once per table and cleared entry by entry,
  /// answers without hashing. `foundIDs`, `foundScores` and `ranking` have as much room.
  private(set) var foundSlots: UnsafeMutablePointer<Int32>
  private(set) var foundIDs: UnsafeMutablePointer<Int32>
  private(set) var foundScores: UnsafeMutablePointer<Float>
  /// Scratch for ranking the scores found, and for sorting them by key.
  private(set) var ranking: UnsafeMutablePointer<Float>
  private(set) var rankKeys: UnsafeMutablePointer<UInt64>
  private(set) var vocabularySize = 0
  /// Syllables found by the present search.
  var foundCount = 0

  init(stride: Int, capacity: Int) {
    self.stride = stride
    var size = 16
    while size < capacity { size *= 2 }
    mask = size - 1
    keys = .allocate(capacity: size)
    keys.initialize(repeating: NGramTable.empty, count: size)
    scores = .allocate(capacity: size * stride)
    scores.initialize(repeating: -.infinity, count: size * stride)
    taken = .allocate(capacity: size / 2 + 1)
    foundSlots = .allocate(capacity: 0)
    foundIDs = .allocate(capacity: 0)
    foundScores = .allocate(capacity: 0)
    ranking = .allocate(capacity: 0)
    rankKeys = .allocate(capacity: 0)
  }

  /// Frees the buffers; the table must not be used after.
  func deallocate() {
    keys.deallocate()
    scores.deallocate()
    taken.deallocate()
    foundSlots.deallocate()
    foundIDs.deallocate()
    foundScores.deallocate()
    ranking.deallocate()
    rankKeys.deallocate()
  }

  /// A table with buffers of its own holding the same states and syllables found.
  func copy() -> StateTable {
    var other = StateTable(stride: stride, capacity: mask + 1)
    other.keys.update(from: keys, count: mask + 1)
    other.scores.update(from: scores, count: (mask + 1) * stride)
    other.taken.update(from: taken, count: count)
    other.count = count
    other.prepareFoundSlots(vocabularySize: vocabularySize)
    other.foundSlots.update(from: foundSlots, count: vocabularySize)
    other.foundIDs.update(from: foundIDs, count: foundCount)
    other.foundScores.update(from: foundScores, count: foundCount)
    other.foundCount = foundCount
    return other
  }

  /// Records that a path reached `key` scoring `logProb` with `editsLeft` edits left; false
  /// (and nothing recorded) when a path already reached it at least as well with as many
  /// left.
  @inline(__always) mutating func improves(_ key: UInt64, _ logProb: Float, editsLeft: Int)
    -> Bool
  {
    var slot = NGramTable.slot(key, mask: mask)
    while true {
      let k = keys[slot]
      if k == key {
        let score = scores + (slot &* stride &+ editsLeft)
        if score.pointee >= logProb { return false }
        score.pointee = logProb
        return true
      }
      if k == NGramTable.empty {
        // The table grows only when a key is added (most calls find theirs).
        if (count + 1) * 2 > mask + 1 { return growAndAdd(key, logProb, editsLeft: editsLeft) }
        add(key, logProb, editsLeft: editsLeft, at: slot)
        return true
      }
      slot = (slot &+ 1) & mask
    }
  }

  @inline(__always) private mutating func add(
    _ key: UInt64, _ logProb: Float, editsLeft: Int, at slot: Int
  ) {
    keys[slot] = key
    taken[count] = Int32(slot)
    count += 1
    let base = scores + slot &* stride
    for e in 0..<stride { base[e] = -.infinity }
    base[editsLeft] = logProb
  }

  /// Adds a key known to be absent after doubling the table; true.
  private mutating func growAndAdd(_ key: UInt64, _ logProb: Float, editsLeft: Int) -> Bool {
    grow()
    var slot = NGramTable.slot(key, mask: mask)
    while keys[slot] != NGramTable.empty { slot = (slot + 1) & mask }
    add(key, logProb, editsLeft: editsLeft, at: slot)
    return true
  }

  /// The best score recorded for `key` with exactly `editsLeft` edits left (-∞ when none).
  func score(_ key: UInt64, editsLeft: Int) -> Float {
    var slot = NGramTable.slot(key, mask: mask)
    while keys[slot] != NGramTable.empty {
      if keys[slot] == key { return scores[slot * stride + editsLeft] }
      slot = (slot + 1) & mask
    }
    return -.infinity
  }

  /// Forgets every state and the syllables found, keeping the table's room.
  mutating func reset() {
    for i in 0..<count { keys[Int(taken[i])] = NGramTable.empty }
    count = 0
    for i in 0..<foundCount { foundSlots[Int(foundIDs[i])] = -1 }
    foundCount = 0
  }

  /// Makes `foundSlots` (and the lists of syllables found) hold every id below
  /// `vocabularySize`.
  mutating func prepareFoundSlots(vocabularySize size: Int) {
    guard vocabularySize < size else { return }
    foundSlots.deallocate()
    foundIDs.deallocate()
    foundScores.deallocate()
    ranking.deallocate()
    rankKeys.deallocate()
    foundSlots = .allocate(capacity: size)
    foundSlots.initialize(repeating: -1, count: size)
    foundIDs = .allocate(capacity: size)
    foundScores = .allocate(capacity: size)
    ranking = .allocate(capacity: size)
    rankKeys = .allocate(capacity: size)
    vocabularySize = size
    foundCount = 0
  }

  var foundSlotsArray: [Int32] {
    Array(UnsafeBufferPointer(start: foundSlots, count: vocabularySize))
  }

  private mutating func grow() {
    let size = (mask + 1) * 2
    let newMask = size - 1
    let newKeys = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
    newKeys.initialize(repeating: NGramTable.empty, count: size)
    let newScores = UnsafeMutablePointer<Float>.allocate(capacity: size * stride)
    newScores.initialize(repeating: -.infinity, count: size * stride)
    let newTaken = UnsafeMutablePointer<Int32>.allocate(capacity: size / 2 + 1)
    for i in 0..<count {
      let old = Int(taken[i])
      let key = keys[old]
      var slot = NGramTable.slot(key, mask: newMask)
      while newKeys[slot] != NGramTable.empty { slot = (slot + 1) & newMask }
      newKeys[slot] = key
      newTaken[i] = Int32(slot)
      for e in 0..<stride { newScores[slot * stride + e] = scores[old * stride + e] }
    }
    keys.deallocate()
    scores.deallocate()
    taken.deallocate()
    keys = newKeys
    scores = newScores
    taken = newTaken
    mask = newMask
  }
}
