import Foundation
import VietnameseText

/// The language model's vocabulary: a few classes for what is not a syllable (numbers,
/// codes, punctuation) followed by every syllable of the inventory, each an integer id.
public struct Vocabulary: Sendable {
  /// Ids of the classes that stand for tokens that are not syllables.
  public enum Special: Int32, CaseIterable, Sendable {
    case sentenceStart = 0
    case sentenceEnd, otherWord, number, code, comma, colon, dash, open, close,
      punctuation, marker
  }

  /// The syllables, lower case, output style; id = index + `Special.allCases.count`.
  public let syllables: [String]
  /// The syllables by the bytes of their composed form (NFC), so that a syllable is
  /// found by any text equal to it as a String, as a String-keyed table found it; hashing
  /// the bytes costs a fraction of hashing the String (13 million instructions a load).
  private let table: ByteTable
  /// The id of each key of `table`: the last syllable with that text, as a String-keyed
  /// table kept.
  private let tableIds: [Int32]

  /// Creates the vocabulary from inventory syllables.
  public init(syllables: [String]) {
    self.syllables = syllables
    var table = ByteTable(
      keys: syllables.count, bytes: syllables.reduce(0) { $0 + $1.utf8.count })
    var tableIds: [Int32] = []
    tableIds.reserveCapacity(syllables.count)
    let offset = Int32(Special.allCases.count)
    for (i, s) in syllables.enumerated() {
      var composed = DocumentWords.isComposed(s) ? s : s.precomposedStringWithCanonicalMapping
      let (k, new) = composed.withUTF8 { table.find($0, tag: 0) }
      if new { tableIds.append(Int32(i) + offset) } else { tableIds[Int(k)] = Int32(i) + offset }
    }
    self.table = table
    self.tableIds = tableIds
  }

  /// The number of ids.
  public var count: Int { syllables.count + Special.allCases.count }

  /// The id of a syllable written lower case in the output style.
  public func id(of syllable: String) -> Int32? {
    var composed =
      DocumentWords.isComposed(syllable)
      ? syllable : syllable.precomposedStringWithCanonicalMapping
    return composed.withUTF8 { table.number(of: $0, tag: 0) }.map { tableIds[Int($0)] }
  }

  /// The text of a syllable id (empty for a class).
  public func text(of id: Int32) -> String {
    let i = Int(id) - Special.allCases.count
    return i >= 0 ? syllables[i] : ""
  }

  /// Whether an id stands for a syllable rather than a class.
  public func isSyllable(_ id: Int32) -> Bool { Int(id) >= Special.allCases.count }

  /// The id of a token that the corrector will not change; `nil` for "." "!" "?" and "…",
  /// which end a sentence.
  func fixedUnit(_ token: Token) -> Int32? {
    switch token.kind {
    case .space: return nil
    case .number: return Special.number.rawValue
    case .code, .address: return Special.code.rawValue
    case .marker: return Special.marker.rawValue
    case .word:
      if let s = Syllable(token.text), let id = id(of: s.text) { return id }
      return Special.otherWord.rawValue
    case .punctuation:
      return Self.asciiPunctuationUnit(token.text) ?? Self.punctuationUnit(token.text)
    }
  }

  /// `fixedUnit` of punctuation, read character by character.
  static func punctuationUnit(_ t: String) -> Int32? {
    if t.contains(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" }) {
      return nil
    }
    switch t.first {
    case ",": return Special.comma.rawValue
    case ";", ":": return Special.colon.rawValue
    case "-", "–", "—": return Special.dash.rawValue
    case "(", "[", "“", "\"": return Special.open.rawValue
    case ")", "]", "”": return Special.close.rawValue
    default: return Special.punctuation.rawValue
    }
  }

  /// `fixedUnit` of ASCII punctuation, read from its bytes (each byte is a character of
  /// its own: a token holds no "\r\n"): `.some(nil)` for one that ends a sentence, `nil`
  /// for text that is not ASCII.
  static func asciiPunctuationUnit(_ text: String) -> Int32?? {
    guard let first = text.utf8.first, text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    if text.utf8.contains(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) { return .some(nil) }
    switch first {
    case UInt8(ascii: ","): return Special.comma.rawValue
    case UInt8(ascii: ";"), UInt8(ascii: ":"): return Special.colon.rawValue
    case UInt8(ascii: "-"): return Special.dash.rawValue
    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "\""): return Special.open.rawValue
    case UInt8(ascii: ")"), UInt8(ascii: "]"): return Special.close.rawValue
    default: return Special.punctuation.rawValue
    }
  }

  /// Whether a token ends a sentence.
  static func endsSentence(_ token: Token) -> Bool {
    // Asked from the bytes first: each of those characters holds its last byte (. ! ? and
    // A6 for "…", E2 80 A6), so most punctuation is passed over without walking characters.
    token.kind == .punctuation
      && token.text.utf8.contains(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F || $0 == 0xA6 })
      && token.text.contains(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" })
  }
}
