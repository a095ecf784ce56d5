/// Byte strings numbered in the order first seen, found by an open-addressing table of
/// FNV-1a hashes (the tokenizer's chunk memo numbers its chunks and words with it).
package struct ByteTable: Sendable {
  /// The keys' bytes, key k at `bytes[starts[k]..<starts[k + 1]]`, with its hash and tag.
  private var bytes: [UInt8] = []
  private var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  private var tags: [UInt8] = []
  /// Key numbers by hash slot (-1: empty), at most half full.
  private var slots = [Int32](repeating: -1, count: 1024)

  /// An empty table.
  package init() {}

  /// An empty table with room for `keys` keys of `bytes` bytes in all, so that filling
  /// it does not grow it.
  package init(keys: Int, bytes: Int) {
    var slotCount = 1024
    while slotCount < keys * 2 + 2 { slotCount *= 2 }
    slots = [Int32](repeating: -1, count: slotCount)
    self.bytes.reserveCapacity(bytes)
    starts.reserveCapacity(keys + 1)
    hashes.reserveCapacity(keys)
    tags.reserveCapacity(keys)
  }

  /// How many keys there are.
  package var count: Int { hashes.count }

  /// The number of the key `key` with `tag` (keys with other tags are other keys), and
  /// whether it was new.
  @inline(__always)
  package mutating func find(_ key: UnsafeBufferPointer<UInt8>, tag: UInt8) -> (
    number: Int32, new: Bool
  ) {
    if (count + 1) * 2 > slots.count { grow() }
    let (hash, slot, found) = locate(key, tag: tag)
    if let found { return (found, false) }
    let k = Int32(count)
    slots[slot] = k
    bytes.append(contentsOf: key)
    starts.append(bytes.count)
    hashes.append(hash)
    tags.append(tag)
    return (k, true)
  }

  /// The number of the key `key` with `tag`, `nil` when the table does not hold it.
  package func number(of key: UnsafeBufferPointer<UInt8>, tag: UInt8) -> Int32? {
    locate(key, tag: tag).number
  }

  /// FNV-1a over the bytes, seeded with `tag`, then mixed so that the high half spreads.
  @inline(__always) private static func hash(_ key: UnsafeBufferPointer<UInt8>, tag: UInt8)
    -> UInt64
  {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(tag)
    for b in key { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
    return hash &* 0x9E37_79B9_7F4A_7C15
  }

  /// The key's hash, and either its number or the empty slot where it would go.
  @inline(__always) private func locate(_ key: UnsafeBufferPointer<UInt8>, tag: UInt8) -> (
    hash: UInt64, slot: Int, number: Int32?
  ) {
    let hash = ByteTable.hash(key, tag: tag)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash >> 32) & mask
    while true {
      let k = Int(slots[slot])
      if k < 0 { return (hash, slot, nil) }
      if hashes[k] == hash, tags[k] == tag, same(k, key) { return (hash, slot, Int32(k)) }
      slot = (slot + 1) & mask
    }
  }

  private func same(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[k]
    guard starts[k + 1] - start == key.count else { return false }
    for i in 0..<key.count where bytes[start + i] != key[i] { return false }
    return true
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (k, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash >> 32) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(k)
    }
  }
}
