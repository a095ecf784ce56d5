/// Classifying a chunk scalar by scalar. A document's distinct chunks are each classified
/// once, yet walking their characters (an array of them, grapheme breaking, a property
/// lookup per character and per test) cost about 13,000 instructions a chunk. When every
/// scalar of the chunk is in `SimpleScalars`, each character is one scalar with the
/// table's properties, so the same rules read off an array of scalars give the same tokens.
extension Tokenizer {
  /// `classifyByCharacters`'s tokens, or `nil` when a scalar of `chunk` lies outside
  /// `SimpleScalars` (then the characters must be walked).
  static func classifyByScalars(_ chunk: String) -> [Token]? {
    // Most chunks are letters alone: a word, no address (it has no dot, at sign or colon).
    var lettersOnly = true
    for scalar in chunk.unicodeScalars {
      guard let f = SimpleScalars.flags(scalar.value) else { return nil }
      if !f.contains(.letter) || f.contains(.number) { lettersOnly = false }
    }
    if lettersOnly { return [Token(kind: .word, text: chunk)] }
    var scalars: [UInt32] = []
    var flags: [SimpleScalars.Flags] = []
    // offsets[k] is the UTF-8 offset of scalar k; the last entry is the chunk's length.
    var offsets: [Int] = [0]
    let count = chunk.utf8.count
    scalars.reserveCapacity(count)
    flags.reserveCapacity(count)
    offsets.reserveCapacity(count + 1)
    for scalar in chunk.unicodeScalars {
      let f = SimpleScalars.flags(scalar.value)!
      scalars.append(scalar.value)
      flags.append(f)
      offsets.append(offsets[offsets.count - 1] + UTF8.width(scalar))
    }
    if isAddress(chunk) { return [Token(kind: .address, text: chunk)] }
    let bytes = Array(chunk.utf8)
    func text(_ from: Int, _ to: Int) -> String {
      String(decoding: bytes[offsets[from]..<offsets[to]], as: UTF8.self)
    }
    var start = 0
    var end = scalars.count
    while start < end,
      isEdge(scalars[start]) || scalars[start] == Mark.hyphen
        || scalars[start] == Mark.apostrophe || scalars[start] == Mark.rightQuote
    {
      start += 1
    }
    while end > start,
      isEdge(scalars[end - 1]) || scalars[end - 1] == Mark.hyphen
        || scalars[end - 1] == Mark.slash
    {
      end -= 1
    }
    var tokens: [Token] = []
    if start > 0 { tokens.append(Token(kind: .punctuation, text: text(0, start))) }
    if end > start {
      if end < scalars.count, scalars[end] == Mark.closingParenthesis, end - start == 1,
        flags[start].contains(.letter), start == 0
      {
        tokens.append(Token(kind: .marker, text: text(start, end)))
      } else {
        classifyCore(scalars[start..<end], flags[start..<end], text(start, end), into: &tokens)
      }
    }
    if end < scalars.count {
      tokens.append(Token(kind: .punctuation, text: text(end, scalars.count)))
    }
    return tokens
  }

  /// `classifyCore` over the core's scalars; `core` is their text.
  private static func classifyCore(
    _ scalars: ArraySlice<UInt32>, _ flags: ArraySlice<SimpleScalars.Flags>, _ core: String,
    into tokens: inout [Token]
  ) {
    let hasDigit = flags.contains { $0.contains(.number) }
    let hasLetter = flags.contains { $0.contains(.letter) }
    if !hasLetter, hasDigit,
      zip(scalars, flags).allSatisfy({ $1.contains(.number) || isNumberSymbol($0) })
    {
      tokens.append(Token(kind: .number, text: core))
      return
    }
    guard scalars.contains(where: isJoiner) else {
      // A bar standing alone is a table's ruling line read by OCR, not a letter.
      let wordLike =
        hasLetter
        || (scalars.contains(where: isLetterLike) && !scalars.allSatisfy { $0 == Mark.bar })
      tokens.append(Token(kind: wordLike ? .word : .punctuation, text: core))
      return
    }
    // The segments between joiners, empty ones left out, as ranges of scalar indices.
    var segments: [Range<Int>] = []
    var segmentStart = scalars.startIndex
    for i in scalars.indices where isJoiner(scalars[i]) {
      if i > segmentStart { segments.append(segmentStart..<i) }
      segmentStart = i + 1
    }
    if scalars.endIndex > segmentStart { segments.append(segmentStart..<scalars.endIndex) }
    // Single letters joined by periods are an abbreviation ("v.v" for "vân vân"), no words.
    let initials =
      segments.count > 1 && !scalars.contains(where: { $0 != Mark.period && isJoiner($0) })
      && segments.allSatisfy { $0.count == 1 }
    let abbreviations =
      segments.count > 1
      && segments.allSatisfy { range in
        range.count >= 2 && flags[range].lazy.filter { $0.contains(.uppercase) }.count >= 2
      }
    if hasDigit || initials || abbreviations {
      tokens.append(Token(kind: .code, text: core))
      return
    }
    // Words joined by a slash or hyphen ("trình/Kế", "Multi-Agent"): each word on its own.
    let bytes = Array(core.utf8)
    var byte = 0
    var wordStart = 0
    for s in scalars {
      let width = UTF8.width(Unicode.Scalar(s)!)
      if isJoiner(s) {
        if byte > wordStart {
          tokens.append(
            Token(kind: .word, text: String(decoding: bytes[wordStart..<byte], as: UTF8.self)))
        }
        tokens.append(
          Token(
            kind: .punctuation,
            text: String(decoding: bytes[byte..<(byte + width)], as: UTF8.self)))
        wordStart = byte + width
      }
      byte += width
    }
    if byte > wordStart {
      tokens.append(
        Token(kind: .word, text: String(decoding: bytes[wordStart..<byte], as: UTF8.self)))
    }
  }

  /// `edgePunctuation` as scalars.
  @inline(__always) static func isEdge(_ s: UInt32) -> Bool {
    switch s {
    // . , ; : ! ? ( ) [ ] " * and “ ” ‘ « » …
    case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x28, 0x29, 0x5B, 0x5D, 0x22, 0x2A,
      0x201C, 0x201D, 0x2018, 0xAB, 0xBB, 0x2026:
      return true
    default: return false
    }
  }

  /// `joiners` as scalars: / - . –
  @inline(__always) static func isJoiner(_ s: UInt32) -> Bool {
    s == 0x2F || s == 0x2D || s == 0x2E || s == 0x2013
  }

  /// `letterLikeSymbols` as scalars: $ ¢ § € £ ¥ @ | ' ’
  @inline(__always) static func isLetterLike(_ s: UInt32) -> Bool {
    switch s {
    case 0x24, 0xA2, 0xA7, 0x20AC, 0xA3, 0xA5, 0x40, 0x7C, 0x27, 0x2019: return true
    default: return false
    }
  }

  /// The symbols a number may hold besides digits: . , / - : %
  @inline(__always) private static func isNumberSymbol(_ s: UInt32) -> Bool {
    s == 0x2E || s == 0x2C || s == 0x2F || s == 0x2D || s == 0x3A || s == 0x25
  }
}

/// The scalars the rules above name.
private enum Mark {
  static let hyphen: UInt32 = 0x2D
  static let apostrophe: UInt32 = 0x27
  static let rightQuote: UInt32 = 0x2019
  static let slash: UInt32 = 0x2F
  static let closingParenthesis: UInt32 = 0x29
  static let bar: UInt32 = 0x7C
  static let period: UInt32 = 0x2E
}
