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
  /// Numbers given here by bytes: number `offset + k` is key k of the table (the numbers
  /// below `offset` came from the tokenizer).
  private var byBytes = ByteTable()
  private var offset: Int32 = 0
  /// Classes by the bytes of their texts' composed form (NFC).
  private var byComposed = ByteTable()

  /// Numbers the words of `lines` by hashing each one's bytes.
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

  /// Takes the tokenizer's numbers for the words of `lines`, which are `numbered.tokens`
  /// with the tokens at `rewritten` changed (a repair): those are numbered anew.
  init(numbered: Tokenizer.NumberedLines, lines: [[Token]], rewritten: [TokenRef]) {
    numbers = numbered.words
    texts = numbered.texts
    offset = Int32(texts.count)
    kinds = numbered.kinds
    classes.reserveCapacity(texts.count)
    for text in texts { classes.append(classOf(text)) }
    for ref in rewritten {
      let token = lines[ref.line][ref.index]
      numbers[ref.line][ref.index] =
        token.kind == .word || token.kind == .number ? number(of: token) : -1
    }
  }

  /// How many numbers there are.
  var count: Int { texts.count }

  /// The number of `token`'s text and kind, given on first sight.
  private mutating func number(of token: Token) -> Int32 {
    var text = token.text
    let (k, new) = text.withUTF8 { byBytes.find($0, tag: token.kind == .word ? 1 : 2) }
    guard new else { return k + offset }
    texts.append(token.text)
    kinds.append(token.kind)
    classes.append(classOf(token.text))
    return Int32(texts.count - 1)
  }

  /// The class of `text`, made on first sight of its composed form.
  private mutating func classOf(_ text: String) -> Int32 {
    var composed = Self.isComposed(text) ? text : text.precomposedStringWithCanonicalMapping
    let (c, _) = composed.withUTF8 { byComposed.find($0, tag: 0) }
    classCount = byComposed.count
    return c
  }

  /// Whether `text` is its own composed form (NFC), told from its scalars: every scalar
  /// below U+0300 (ASCII, Latin-1, Latin Extended-A and B, spacing modifiers), in Latin
  /// Extended Additional (the Vietnamese letters), general punctuation or currency
  /// symbols is its own composed form and composes with none of them; a text of those
  /// alone is composed. Any other text (a combining mark, a Kelvin sign) is composed by
  /// Foundation.
  static func isComposed(_ text: String) -> Bool {
    // Most texts are answered from their bytes: ASCII, two-byte scalars below U+0300
    // (lead bytes C2–CB) and Latin Extended Additional (E1 B8–BB).
    let byBytes = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      var i = 0
      while i < bytes.count {
        let lead = bytes[i]
        if lead < 0x80 {
          i += 1
        } else if lead >= 0xC2 && lead <= 0xCB {
          i += 2
        } else if lead == 0xE1 && i + 1 < bytes.count && bytes[i + 1] >= 0xB8
          && bytes[i + 1] <= 0xBB
        {
          i += 3
        } else {
          return false
        }
      }
      return true
    }
    if byBytes == true { return true }
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
