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
  /// The word number of each chunk's tokens (-1: a token that is no word or number),
  /// chunk k's at `chunkWords[wordStarts[k]..<wordStarts[k + 1]]` (one array for all: an
  /// array per chunk cost its allocation, and a retain and a release at every use).
  private var chunkWords: [Int32] = []
  private var wordStarts: [Int] = [0]
  /// The words and numbers seen, numbered by their bytes and kind.
  private var wordTable = ByteTable()
  /// Each word number's text and kind.
  private(set) var wordTexts: [String] = []
  private(set) var wordKinds: [Token.Kind] = []

  /// The tokens of `chunk` (whitespace-free), classified on first sight.
  mutating func tokens(for chunk: UnsafeBufferPointer<UInt8>) -> [Token] {
    classified[index(of: chunk)]
  }

  /// The tokens of `chunk`; the word number of each is appended to `words`.
  mutating func tokens(for chunk: UnsafeBufferPointer<UInt8>, words: inout [Int32]) -> [Token] {
    let k = index(of: chunk)
    for i in wordStarts[k]..<wordStarts[k + 1] { words.append(chunkWords[i]) }
    return classified[k]
  }

  /// The number of `chunk`, classified and its words numbered on first sight.
  private mutating func index(of chunk: UnsafeBufferPointer<UInt8>) -> Int {
    if (classified.count + 1) * 2 > slots.count { grow() }
    let hash = ChunkMemo.hash(chunk)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash >> 32) & mask
    while true {
      let k = Int(slots[slot])
      if k < 0 { break }
      if hashes[k] == hash && same(k, chunk) { return k }
      slot = (slot + 1) & mask
    }
    let made = Tokenizer.classify(String(decoding: chunk, as: UTF8.self))
    slots[slot] = Int32(classified.count)
    bytes.append(contentsOf: chunk)
    starts.append(bytes.count)
    hashes.append(hash)
    classified.append(made)
    for token in made { chunkWords.append(number(token)) }
    wordStarts.append(chunkWords.count)
    return classified.count - 1
  }

  /// The word number of a token of a new chunk, given on first sight of its text and kind.
  private mutating func number(_ token: Token) -> Int32 {
    guard token.kind == .word || token.kind == .number else { return -1 }
    var text = token.text
    let (n, new) = text.withUTF8 { wordTable.find($0, tag: token.kind == .word ? 1 : 2) }
    if new {
      wordTexts.append(token.text)
      wordKinds.append(token.kind)
    }
    return n
  }

  private func same(_ k: Int, _ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[k]
    guard starts[k + 1] - start == chunk.count else { return false }
    for i in 0..<chunk.count where bytes[start + i] != chunk[i] { return false }
    return true
  }

  /// FNV-1a over the bytes, mixed so that the high half spreads.
  private static func hash(_ chunk: UnsafeBufferPointer<UInt8>) -> UInt64 {
    ByteTable.hash(chunk)
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
