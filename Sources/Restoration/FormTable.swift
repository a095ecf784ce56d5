/// Precomputed candidate lists of likely OCR forms of frequent syllables ("nguòi",
/// "thuc", "duợc"), looked up by the token's UTF-8 bytes: a document's tokens that an
/// English model wrote in one of these forms skip the candidate search.
///
/// Stored as flat arrays (keys' bytes, an open-addressing table of key numbers, the
/// lists), so loading it is a few memory copies with no per-entry allocation.
struct FormTable: Sendable {
  /// The keys' UTF-8 bytes, key k at `keyBytes[keyStarts[k]..<keyStarts[k + 1]]`.
  var keyBytes: [UInt8] = []
  var keyStarts: [UInt32] = [0]
  /// Key numbers by hash slot (-1: empty); a power of two long, at most half full.
  var slots: [Int32] = [-1]
  /// Key k's candidates: `ids[listStarts[k]..<listStarts[k + 1]]` with `logProbs`.
  var listStarts: [UInt32] = [0]
  var ids: [UInt16] = []
  var logProbs: [Float] = []

  var count: Int { keyStarts.count - 1 }

  /// The table of `lists`, keyed by their lower-case forms (each form once).
  init(_ lists: [(form: String, candidates: [(id: Int32, logProb: Float)])]) {
    for (form, candidates) in lists {
      keyBytes.append(contentsOf: form.utf8)
      keyStarts.append(UInt32(keyBytes.count))
      for c in candidates {
        ids.append(UInt16(c.id))
        logProbs.append(c.logProb)
      }
      listStarts.append(UInt32(ids.count))
    }
    var size = 16
    while size < lists.count * 2 { size *= 2 }
    slots = [Int32](repeating: -1, count: size)
    for k in 0..<lists.count {
      let bytes = keyBytes[Int(keyStarts[k])..<Int(keyStarts[k + 1])]
      var slot = FormTable.hash(bytes) & (size - 1)
      while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(k)
    }
  }

  init() {}

  /// FNV-1a over the bytes, then a multiplicative mix so that the low bits spread.
  @inline(__always) static func hash<C: Collection<UInt8>>(_ bytes: C) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 32)
  }

  /// The key number of `form`, if the table holds it.
  func index(of form: String) -> Int? {
    var form = form
    return form.withUTF8 { bytes -> Int? in
      let mask = slots.count - 1
      var slot = FormTable.hash(bytes) & mask
      while true {
        let k = Int(slots[slot])
        if k < 0 { return nil }
        let start = Int(keyStarts[k])
        let end = Int(keyStarts[k + 1])
        if end - start == bytes.count {
          var same = true
          for i in 0..<bytes.count where keyBytes[start + i] != bytes[i] {
            same = false
            break
          }
          if same { return k }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The candidates stored for `form`, best first; `nil` when the table lacks it.
  func candidates(of form: String) -> [(id: Int32, logProb: Float)]? {
    guard let k = index(of: form) else { return nil }
    return (Int(listStarts[k])..<Int(listStarts[k + 1])).map {
      (Int32(ids[$0]), logProbs[$0])
    }
  }

  /// The form of key `k`.
  func form(_ k: Int) -> String {
    String(decoding: keyBytes[Int(keyStarts[k])..<Int(keyStarts[k + 1])], as: UTF8.self)
  }

  /// Whether the arrays fit together and every id is below `vocabularySize` (checked at
  /// load, so that a damaged file is refused rather than read out of bounds).
  func isConsistent(vocabularySize: Int) -> Bool {
    let n = keyStarts.count - 1
    guard n >= 0, listStarts.count == n + 1, ids.count == logProbs.count,
      Int(keyStarts.last ?? 0) == keyBytes.count, Int(listStarts.last ?? 0) == ids.count,
      slots.count.nonzeroBitCount == 1, slots.count > n,
      zip(keyStarts, keyStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
      zip(listStarts, listStarts.dropFirst()).allSatisfy({ $0 <= $1 })
    else { return false }
    // Every probe ends at an empty slot.
    return slots.contains(-1) && slots.allSatisfy { $0 >= -1 && $0 < n }
      && ids.allSatisfy { Int($0) < vocabularySize }
  }
}
