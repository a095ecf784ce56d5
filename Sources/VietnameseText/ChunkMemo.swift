/// The chunks of one document classified so far, keyed by their UTF-8 bytes: a chunk seen
/// before is found from its bytes, without making a String of it or hashing one (a
/// document repeats its words, and most of a line's cost was that String work).
struct ChunkMemo {
  /// The chunks seen, numbered by their bytes in the order first seen.
  private var chunkTable = ByteTable()
  /// Each chunk's tokens, at the chunk's number.
  private var classified: [[Token]] = []
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
    let (k, new) = chunkTable.find(chunk, tag: 0)
    if !new { return Int(k) }
    let made = Tokenizer.classify(String(decoding: chunk, as: UTF8.self))
    classified.append(made)
    for token in made { chunkWords.append(number(token)) }
    wordStarts.append(chunkWords.count)
    return Int(k)
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
}
