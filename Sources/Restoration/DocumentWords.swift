import Foundation
import VietnameseText

/// The distinct words of one document, each given a number: a document repeats its words,
/// and the plans, parses and case facts made per word are kept in arrays at that number
/// instead of in tables keyed by the word's text (hashing a String, above all one with
/// marks, cost hundreds of instructions a lookup). Words and numbers are numbered (a short
/// number may be read as a word); other tokens are not.
///
/// Two numberings: `numbers` tells texts apart by their bytes (and kind), so that a fact
/// worked out from a text's bytes or characters holds for every token with that number;
/// `classes` joins the texts that are equal as Strings (canonically equivalent: "ế" as
/// one scalar or as "e" and two marks), as the String-keyed tables they replace did.
struct DocumentWords {
  /// The number of each token of each line, -1 for a token that is not numbered.
  private(set) var numbers: [[Int32]] = []
  /// The text of each number.
  private(set) var texts: [String] = []
  /// The kind of each number's token.
  private(set) var kinds: [Token.Kind] = []
  /// The class of each number: numbers whose texts are equal as Strings share one.
  private(set) var classes: [Int32] = []
  /// How many classes there are.
  private(set) var classCount = 0
  private var byBytes = ByteTable()
  /// Classes by the bytes of their texts' composed form (NFC).
  private var byComposed = ByteTable()

  init(lines: [[Token]]) {
    numbers.reserveCapacity(lines.count)
    for line in lines {
      var row = [Int32](repeating: -1, count: line.count)
      for (t, token) in line.enumerated() where token.kind == .word || token.kind == .number {
        row[t] = number(of: token)
      }
      numbers.append(row)
    }
  }

  /// How many numbers there are.
  var count: Int { texts.count }

  /// The number of `token`'s text and kind, given on first sight.
  private mutating func number(of token: Token) -> Int32 {
    var text = token.text
    let (k, new) = text.withUTF8 { byBytes.find($0, tag: token.kind == .word ? 1 : 2) }
    guard new else { return k }
    texts.append(token.text)
    kinds.append(token.kind)
    var composed =
      Self.isComposed(token.text) ? token.text : token.text.precomposedStringWithCanonicalMapping
    let (c, _) = composed.withUTF8 { byComposed.find($0, tag: 0) }
    classes.append(c)
    classCount = byComposed.count
    return k
  }

  /// Whether `text` is its own composed form (NFC), told from its scalars: every scalar
  /// below U+0300 (ASCII, Latin-1, Latin Extended-A and B, spacing modifiers), in Latin
  /// Extended Additional (the Vietnamese letters), general punctuation or currency
  /// symbols is its own composed form and composes with none of them; a text of those
  /// alone is composed. Any other text (a combining mark, a Kelvin sign) is composed by
  /// Foundation.
  static func isComposed(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      let v = scalar.value
      guard
        v < 0x300 || (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v)
          || (0x2030...0x205E).contains(v) || (0x20A0...0x20C0).contains(v)
      else { return false }
    }
    return true
  }
}

/// Byte strings numbered in the order first seen, found by an open-addressing table of
/// FNV-1a hashes (the tokenizer's chunk memo finds its chunks the same way).
struct ByteTable {
  /// The keys' bytes, key k at `bytes[starts[k]..<starts[k + 1]]`, with its hash and tag.
  private var bytes: [UInt8] = []
  private var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  private var tags: [UInt8] = []
  /// Key numbers by hash slot (-1: empty), at most half full.
  private var slots = [Int32](repeating: -1, count: 1024)

  /// How many keys there are.
  var count: Int { hashes.count }

  /// The number of the key `key` with `tag` (keys with other tags are other keys), and
  /// whether it was new.
  @inline(__always)
  mutating func find(_ key: UnsafeBufferPointer<UInt8>, tag: UInt8) -> (number: Int32, new: Bool) {
    if (count + 1) * 2 > slots.count { grow() }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(tag)
    for b in key { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
    hash = hash &* 0x9E37_79B9_7F4A_7C15
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash >> 32) & mask
    while true {
      let k = Int(slots[slot])
      if k < 0 { break }
      if hashes[k] == hash, tags[k] == tag, same(k, key) { return (Int32(k), false) }
      slot = (slot + 1) & mask
    }
    let k = Int32(count)
    slots[slot] = k
    bytes.append(contentsOf: key)
    starts.append(bytes.count)
    hashes.append(hash)
    tags.append(tag)
    return (k, true)
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
