/// An open-addressing hash table from packed n-gram keys to log-probabilities (and, for
/// contexts, back-off weights), laid out as flat arrays so it loads with a memory copy.
/// Lookups go through `slots`, the same table with each key beside its values, so that a
/// probe touches one cache line instead of one per array. A key missing from the table
/// (most pairs of candidate readings) is usually turned away by `filter`, which is small
/// enough to stay in the processor's cache where the slots are not.
struct NGramTable: Sendable {
  static let empty = UInt64.max
  var keys: [UInt64]
  var logProbs: [Float]
  /// Back-off weights; empty for the highest order.
  var backoffs: [Float]
  /// One n-gram (or an empty slot) with its values.
  struct Slot: Sendable {
    var key: UInt64
    var logProb: Float
    var backoff: Float
  }
  private(set) var slots: [Slot] = []
  private(set) var filter = KeyFilter(keys: [])

  init(keys: [UInt64], logProbs: [Float], backoffs: [Float]) {
    self.keys = keys
    self.logProbs = logProbs
    self.backoffs = backoffs
    interleave()
  }

  /// Builds a table holding `entries` at a load factor of about 0.6.
  init(entries: [(key: UInt64, logProb: Float, backoff: Float)], withBackoff: Bool) {
    var capacity = 16
    while capacity * 6 < entries.count * 10 { capacity *= 2 }
    keys = [UInt64](repeating: NGramTable.empty, count: capacity)
    logProbs = [Float](repeating: 0, count: capacity)
    backoffs = withBackoff ? [Float](repeating: 0, count: capacity) : []
    for e in entries {
      var slot = NGramTable.slot(e.key, mask: capacity - 1)
      while keys[slot] != NGramTable.empty { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = e.key
      logProbs[slot] = e.logProb
      if withBackoff { backoffs[slot] = e.backoff }
    }
    interleave()
  }

  private mutating func interleave() {
    filter = KeyFilter(keys: keys.filter { $0 != NGramTable.empty })
    let hasBackoffs = backoffs.count == keys.count
    slots = (0..<min(keys.count, logProbs.count)).map {
      Slot(key: keys[$0], logProb: logProbs[$0], backoff: hasBackoffs ? backoffs[$0] : 0)
    }
  }

  @inline(__always) static func slot(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
  }

  /// The slot holding `key`, if any.
  @inline(__always) func find(_ key: UInt64) -> Int? {
    if !filter.mayContain(key) { return nil }
    // Every index is masked to the table's power-of-two size: the reads need no check.
    return slots.withUnsafeBufferPointer { slots in
      let mask = slots.count &- 1
      var slot = NGramTable.slot(key, mask: mask)
      while true {
        let k = slots[slot].key
        if k == key { return slot }
        if k == NGramTable.empty { return nil }
        slot = (slot &+ 1) & mask
      }
    }
  }

  /// The slot at `index`, an index `find` returned.
  @inline(__always) func slot(at index: Int) -> Slot {
    slots.withUnsafeBufferPointer { $0[index] }
  }
}

/// A blocked Bloom filter over 64-bit keys at 12 or more bits per key: each key sets three
/// bits of one 64-bit word, all taken from one multiplicative hash, so that a test is one
/// multiply and one load (about 1–2% false positives). A key it rejects is certainly
/// absent, a key it accepts must still be looked up.
struct KeyFilter: Sendable {
  private var words: [UInt64]
  /// The word is the hash shifted right by `shift`, then by one more bit: 64 − log2 of
  /// the word count in all, which for a one-word filter leaves 0.
  private let shift: UInt64

  init(keys: [UInt64]) {
    var count = 1
    while count * 64 < keys.count * 12 { count *= 2 }
    // The word comes from the top bits of the hash, the three bit positions from bits
    // 24–41: they must not overlap.
    precondition(count <= 1 << 22, "key filter too large")
    words = [UInt64](repeating: 0, count: count)
    shift = UInt64(63 - count.trailingZeroBitCount)
    for key in keys {
      let (word, mask) = position(key)
      words[word] |= mask
    }
  }

  /// The key's word and its bits: independent of the bits `NGramTable.slot` takes from
  /// its own hash.
  @inline(__always) private func position(_ key: UInt64) -> (word: Int, mask: UInt64) {
    let h = (key ^ (key >> 29)) &* 0xFF51_AFD7_ED55_8CCD
    let mask =
      1 << ((h >> 24) & 63) | 1 << ((h >> 30) & 63) | 1 << ((h >> 36) & 63) as UInt64
    // A single shift by 64 (a one-word filter) would be undefined: `&>>` takes it
    // modulo 64.
    return (Int(truncatingIfNeeded: (h &>> shift) &>> 1), mask)
  }

  @inline(__always) func mayContain(_ key: UInt64) -> Bool {
    let (word, mask) = position(key)
    return words.withUnsafeBufferPointer { $0[word] & mask == mask }
  }
}

/// A growable open-addressing map from 64-bit keys to 32-bit values with a cheap
/// multiplicative hash: the standard Dictionary's seeded SipHash dominated decoding time.
struct IntegerMap: Sendable {
  private(set) var keys: [UInt64]
  private(set) var values: [Int32]
  private(set) var count = 0

  init(capacity: Int = 16) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    keys = [UInt64](repeating: NGramTable.empty, count: size)
    values = [Int32](repeating: 0, count: size)
  }

  @inline(__always) subscript(key: UInt64) -> Int32? {
    let mask = keys.count - 1
    var slot = NGramTable.slot(key, mask: mask)
    while true {
      let k = keys[slot]
      if k == key { return values[slot] }
      if k == NGramTable.empty { return nil }
      slot = (slot + 1) & mask
    }
  }

  mutating func insert(_ key: UInt64, _ value: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    let mask = keys.count - 1
    var slot = NGramTable.slot(key, mask: mask)
    while keys[slot] != NGramTable.empty && keys[slot] != key { slot = (slot + 1) & mask }
    if keys[slot] == NGramTable.empty { count += 1 }
    keys[slot] = key
    values[slot] = value
  }

  private mutating func grow() {
    var bigger = IntegerMap(capacity: keys.count)
    for (i, k) in keys.enumerated() where k != NGramTable.empty { bigger.insert(k, values[i]) }
    self = bigger
  }
}

/// A syllable trigram model with interpolated modified Kneser–Ney smoothing, stored in
/// back-off form: a seen n-gram has its interpolated probability, a seen context its
/// interpolation weight. Probabilities are natural logarithms.
struct LanguageModel: Sendable {
  var unigramLogProbs: [Float]
  var unigramBackoffs: [Float]
  var bigrams: NGramTable
  var trigrams: NGramTable
  /// The trigrams grouped by history, made when the model is loaded: the entries of the
  /// history in bigram slot j are `historyStart[j]..<historyStart[j + 1]` of
  /// `continuationIds` and `continuationLogProbs`. The decoder reads a history's few
  /// continuations in one run instead of probing the trigram table for every candidate.
  private(set) var historyStart: [Int32] = []
  private(set) var continuationIds: [Int32] = []
  private(set) var continuationLogProbs: [Float] = []
  /// The bigrams grouped by their first id, made when the model is loaded: those of v are
  /// `rowStart[v]..<rowStart[v + 1]` of `rowIds` (the second ids) and `rowLogProbs`. The
  /// decoder reads a reading's few bigrams in one run instead of probing the table for
  /// every candidate after it.
  private(set) var rowStart: [Int32] = []
  private(set) var rowIds: [Int32] = []
  private(set) var rowLogProbs: [Float] = []
  /// False when some trigram's history is missing from the bigram table, which the
  /// builder never writes: such a model is refused at load.
  private(set) var historiesComplete = true
  /// Whether every trigram's last two ids are a bigram of the table, as the builder
  /// writes them: then a pair (v, w) missing from the bigrams has no trigram (u, v, w),
  /// and the decoder need not probe for one.
  private(set) var suffixesComplete = true

  init(
    unigramLogProbs: [Float], unigramBackoffs: [Float], bigrams: NGramTable, trigrams: NGramTable
  ) {
    self.unigramLogProbs = unigramLogProbs
    self.unigramBackoffs = unigramBackoffs
    self.bigrams = bigrams
    self.trigrams = trigrams
    groupTrigramsByHistory()
    groupBigramsByFirstId()
  }

  private mutating func groupBigramsByFirstId() {
    let mask: UInt64 = (1 << 21) - 1
    let count = unigramLogProbs.count
    var starts = [Int32](repeating: 0, count: count + 1)
    for key in bigrams.keys where key != NGramTable.empty {
      let v = Int(key >> 21)
      if v < count { starts[v + 1] += 1 }
    }
    for v in 0..<count { starts[v + 1] += starts[v] }
    var next = starts
    rowIds = [Int32](repeating: 0, count: Int(starts[count]))
    rowLogProbs = [Float](repeating: 0, count: rowIds.count)
    for (j, key) in bigrams.keys.enumerated() where key != NGramTable.empty {
      let v = Int(key >> 21)
      guard v < count else { continue }
      let e = Int(next[v])
      next[v] += 1
      rowIds[e] = Int32(truncatingIfNeeded: key & mask)
      rowLogProbs[e] = bigrams.logProbs[j]
    }
    rowStart = starts
  }

  /// Entries of the model's arrays read without a bounds check, for the decoder's loops:
  /// every id it passes is a vocabulary id, every index one of a range the model gave.
  @inline(__always) func unigramLogProb(_ w: Int32) -> Float {
    unigramLogProbs.withUnsafeBufferPointer { $0[Int(w)] }
  }

  @inline(__always) func unigramBackoff(_ v: Int32) -> Float {
    unigramBackoffs.withUnsafeBufferPointer { $0[Int(v)] }
  }

  @inline(__always) func rowEntry(_ e: Int) -> (id: Int32, logProb: Float) {
    (rowIds.withUnsafeBufferPointer { $0[e] }, rowLogProbs.withUnsafeBufferPointer { $0[e] })
  }

  @inline(__always) func continuationId(_ e: Int) -> Int32 {
    continuationIds.withUnsafeBufferPointer { $0[e] }
  }

  @inline(__always) func continuationLogProb(_ e: Int) -> Float {
    continuationLogProbs.withUnsafeBufferPointer { $0[e] }
  }

  /// Where the bigrams with first id `v` are in `rowIds` and `rowLogProbs`.
  @inline(__always) func bigramRow(_ v: Int32) -> Range<Int> {
    Int(v) + 1 < rowStart.count ? Int(rowStart[Int(v)])..<Int(rowStart[Int(v) + 1]) : 0..<0
  }

  private mutating func groupTrigramsByHistory() {
    let mask: UInt64 = (1 << 21) - 1
    var slots = [Int32](repeating: -1, count: trigrams.keys.count)
    var counts = [Int32](repeating: 0, count: bigrams.keys.count + 1)
    for (t, key) in trigrams.keys.enumerated() where key != NGramTable.empty {
      // The builder stores every trigram history with the bigrams (see `history`).
      guard let j = bigrams.find(key >> 21) else {
        // Such a model is refused at load; its histories read as having no trigrams.
        historiesComplete = false
        historyStart = [Int32](repeating: 0, count: bigrams.keys.count + 1)
        return
      }
      slots[t] = Int32(j)
      counts[j + 1] += 1
      if suffixesComplete, bigrams.find(key & (1 << 42 - 1)) == nil { suffixesComplete = false }
    }
    for j in 0..<bigrams.keys.count { counts[j + 1] += counts[j] }
    historyStart = counts
    var next = counts
    continuationIds = [Int32](repeating: 0, count: Int(counts[bigrams.keys.count]))
    continuationLogProbs = [Float](repeating: 0, count: continuationIds.count)
    for (t, j) in slots.enumerated() where j >= 0 {
      let e = Int(next[Int(j)])
      next[Int(j)] += 1
      continuationIds[e] = Int32(truncatingIfNeeded: trigrams.keys[t] & mask)
      continuationLogProbs[e] = trigrams.logProbs[t]
    }
  }

  @inline(__always) static func pack(_ a: Int32, _ b: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: a)) << 21 | UInt64(UInt32(bitPattern: b))
  }

  @inline(__always) static func pack(_ a: Int32, _ b: Int32, _ c: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: a)) << 42 | UInt64(UInt32(bitPattern: b)) << 21
      | UInt64(UInt32(bitPattern: c))
  }

  /// log p(w | u v).
  @inline(__always) func logProb(_ w: Int32, after u: Int32, _ v: Int32) -> Float {
    if let i = trigrams.find(LanguageModel.pack(u, v, w)) { return trigrams.slot(at: i).logProb }
    var backoff: Float = 0
    if let j = bigrams.find(LanguageModel.pack(u, v)) { backoff = bigrams.slot(at: j).backoff }
    return backoff + logProb(w, after: v)
  }

  /// How a history (u v) backs off: its weight, and where its trigrams are in
  /// `continuationIds` (an empty range when it has none). Every trigram history is stored
  /// with the bigrams (a history seen only there gets an entry of its own), so a history
  /// not found there has no trigram.
  @inline(__always) func history(_ u: Int32, _ v: Int32) -> (backoff: Float, trigrams: Range<Int>) {
    if let j = bigrams.find(LanguageModel.pack(u, v)) {
      return (bigrams.slot(at: j).backoff, continuations(j))
    }
    return (0, 0..<0)
  }

  /// Where the trigrams of the history in bigram slot `j` are in `continuationIds`.
  /// `historyStart` has an entry past every slot, each no less than the one before.
  @inline(__always) private func continuations(_ j: Int) -> Range<Int> {
    historyStart.withUnsafeBufferPointer {
      Range(uncheckedBounds: (Int($0[j]), Int($0[j + 1])))
    }
  }

  /// What the bigram table holds for the pair (v, w), from one probe: log p(w | v), whether
  /// the pair is stored, and how (v w) backs off as a history (see `history`).
  @inline(__always) func pair(_ v: Int32, _ w: Int32)
    -> (logProb: Float, stored: Bool, backoff: Float, trigrams: Range<Int>)
  {
    if let j = bigrams.find(LanguageModel.pack(v, w)) {
      let slot = bigrams.slot(at: j)
      return (slot.logProb, true, slot.backoff, continuations(j))
    }
    return (unigramBackoff(v) + unigramLogProb(w), false, 0, 0..<0)
  }

  /// log p(w | u v) when the trigram was seen.
  @inline(__always) func trigramLogProb(_ u: Int32, _ v: Int32, _ w: Int32) -> Float? {
    trigrams.find(LanguageModel.pack(u, v, w)).map { trigrams.slot(at: $0).logProb }
  }

  /// log p(w | v) when the pair was seen.
  @inline(__always) func bigramLogProb(_ w: Int32, after v: Int32) -> Float? {
    bigrams.find(LanguageModel.pack(v, w)).map { bigrams.slot(at: $0).logProb }
  }

  /// log p(w | v).
  @inline(__always) func logProb(_ w: Int32, after v: Int32) -> Float {
    if let j = bigrams.find(LanguageModel.pack(v, w)) { return bigrams.slot(at: j).logProb }
    return unigramBackoff(v) + unigramLogProb(w)
  }
}
