/// The chunks of one document classified so far, keyed by their UTF-8 bytes: a chunk seen
/// before is found from its bytes, without making a String of it or hashing one (a
/// document repeats its words, and most of a line's cost was that String work).
struct ChunkMemo {
  /// The chunks' bytes, chunk k at `bytes[starts[k]..<starts[k + 1]]`, with its hash.
  private var bytes: [UInt8] = []
  private var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  private var classified: [[Token]] = []
  /// Chunk numbers by hash slot (-1: empty), at most half full.
  private var slots = [Int32](repeating: -1, count: 1024)

  /// The tokens of `chunk` (whitespace-free), classified on first sight.
  mutating func tokens(for chunk: UnsafeBufferPointer<UInt8>) -> [Token] {
    if (classified.count + 1) * 2 > slots.count { grow() }
    let hash = ChunkMemo.hash(chunk)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash >> 32) & mask
    while true {
      let k = Int(slots[slot])
      if k < 0 { break }
      if hashes[k] == hash && same(k, chunk) { return classified[k] }
      slot = (slot + 1) & mask
    }
    let made = Tokenizer.classify(String(decoding: chunk, as: UTF8.self))
    slots[slot] = Int32(classified.count)
    bytes.append(contentsOf: chunk)
    starts.append(bytes.count)
    hashes.append(hash)
    classified.append(made)
    return made
  }

  private func same(_ k: Int, _ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[k]
    guard starts[k + 1] - start == chunk.count else { return false }
    for i in 0..<chunk.count where bytes[start + i] != chunk[i] { return false }
    return true
  }

  /// FNV-1a over the bytes, mixed so that the high half spreads.
  private static func hash(_ chunk: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in chunk { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h &* 0x9E37_79B9_7F4A_7C15
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
