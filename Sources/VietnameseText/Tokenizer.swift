/// One piece of a line of text. Concatenating the tokens of a line gives the line back
/// exactly, spacing included.
public struct Token: Sendable, Hashable {
  /// What a piece of text is, which decides whether the corrector may touch it.
  public enum Kind: Sendable, Hashable {
    /// Spaces and tabs.
    case space
    /// A word that may be a Vietnamese syllable, possibly misread ("tinh", "s6", "B¢").
    case word
    /// A number or a date ("2025", "30/12/2025", "1.234,5").
    case number
    /// A document code or compound abbreviation ("12535/KH-UBND", "57-NQ/TW", "QD-TTg").
    case code
    /// An e-mail or web address.
    case address
    /// A list marker ("a)", "b)", "đ)") or a heading's Roman numeral at the start of a line
    /// ("II.", "V |"): structure, not a syllable.
    case marker
    /// Punctuation and other symbols.
    case punctuation
  }

  /// What the token is.
  public var kind: Kind
  /// The token's exact text.
  public var text: String

  /// Creates a token.
  public init(kind: Kind, text: String) {
    self.kind = kind
    self.text = text
  }
}

/// Splits a line into syllables, punctuation, numbers, codes and addresses, keeping every
/// character so the line round-trips.
public enum Tokenizer {
  /// Symbols an English-model OCR writes for Vietnamese letters ("$6" for "số", "B¢" for
  /// "Bộ"): inside a word they belong to it.
  static let letterLikeSymbols: Set<Character> = ["$", "¢", "§", "€", "£", "¥", "@", "|", "'", "’"]
  /// Punctuation that may wrap a word without being part of it.
  static let edgePunctuation: Set<Character> = [
    ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "\"", "“", "”", "‘", "«", "»", "…", "*",
  ]

  /// What joins the words of a compound or the segments of a code.
  static let joiners: Set<Character> = ["/", "-", ".", "–"]

  /// Tokenizes one line (no line breaks inside).
  public static func tokenize(_ line: String) -> [Token] {
    tokenize(line, classifying: classify)
  }

  /// Tokenizes the lines of one document. A document repeats its words, so each distinct
  /// chunk between spaces is classified once.
  public static func tokenize(lines: [String]) -> [[Token]] {
    numberingWords(lines: lines).tokens
  }

  private static func tokenize(_ line: String, classifying: (String) -> [Token]) -> [Token] {
    if var tokens = tokenizeByScalars(line, classifying: classifying) {
      markLeadingNumeral(&tokens)
      return tokens
    }
    return tokenizeByCharacters(line, classifying: classifying)
  }

  /// The line cut at its spacing character by character: the reference that
  /// `tokenizeByScalars` must agree with.
  static func tokenizeByCharacters(_ line: String, classifying: (String) -> [Token]) -> [Token] {
    var tokens: [Token] = []
    var chunk = ""
    var spaces = ""
    for c in line {
      // ASCII is answered without the Unicode property tables.
      let space = c.asciiValue.map { $0 == 32 || (9...13).contains($0) } ?? c.isWhitespace
      if space {
        if !chunk.isEmpty {
          tokens.append(contentsOf: classifying(chunk))
          chunk = ""
        }
        spaces.append(c)
      } else {
        if !spaces.isEmpty {
          tokens.append(Token(kind: .space, text: spaces))
          spaces = ""
        }
        chunk.append(c)
      }
    }
    if !chunk.isEmpty { tokens.append(contentsOf: classifying(chunk)) }
    if !spaces.isEmpty { tokens.append(Token(kind: .space, text: spaces)) }
    markLeadingNumeral(&tokens)
    return tokens
  }

  /// The line cut at its spacing scalar by scalar from its UTF-8 bytes, without grapheme
  /// breaking (most of the cost of walking characters); `nil` when a grapheme could hold
  /// both spacing and something else, which only a scalar next to a spacing one can make
  /// (" \u{301}": a combining mark joins the space before it). Then the characters must
  /// be walked. Otherwise each character is a run of scalars of one kind, so cutting
  /// between scalars cuts where cutting between characters does.
  static func tokenizeByScalars(_ line: String, classifying: (String) -> [Token]) -> [Token]? {
    tokenizeByScalars(line) { classifying(String(decoding: $0, as: UTF8.self)) }
  }

  /// `tokenizeByScalars` handing each chunk over as its bytes.
  static func tokenizeByScalars(
    _ line: String, classifyingBytes: (UnsafeBufferPointer<UInt8>) -> [Token]
  ) -> [Token]? {
    var line = line
    return line.withUTF8 { bytes -> [Token]? in
      var tokens: [Token] = []
      let count = bytes.count
      // About a word and a space for every six bytes of plan text.
      tokens.reserveCapacity(count / 3 + 2)
      var runStart = 0
      var runIsSpace = false
      var previous: UInt32 = 0
      var previousIsSpace = false
      var i = 0
      func flush(_ end: Int) {
        guard end > runStart else { return }
        let run = UnsafeBufferPointer(rebasing: bytes[runStart..<end])
        if runIsSpace {
          // Most spacing is one space, written without decoding it.
          let text = run.count == 1 && run[0] == 0x20 ? " " : String(decoding: run, as: UTF8.self)
          tokens.append(Token(kind: .space, text: text))
        } else {
          // Most chunks are one token, appended alone (appending an array of them cost
          // about 200 instructions a chunk).
          let chunkTokens = classifyingBytes(run)
          if chunkTokens.count == 1 {
            tokens.append(chunkTokens[0])
          } else {
            tokens.append(contentsOf: chunkTokens)
          }
        }
      }
      while i < count {
        let lead = bytes[i]
        let scalar: UInt32
        let width: Int
        if lead < 0x80 {
          scalar = UInt32(lead)
          width = 1
        } else if lead < 0xE0 {
          scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
          width = 2
        } else if lead < 0xF0 {
          scalar =
            UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6
            | UInt32(bytes[i + 2] & 0x3F)
          width = 3
        } else {
          scalar =
            UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
            | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
          width = 4
        }
        let space: Bool
        if scalar < 0x80 {
          space = scalar == 32 || (9...13).contains(scalar)
        } else if scalar < 0x300 || (0x1E00...0x1EFF).contains(scalar) {
          // Latin letters and the Vietnamese ones: the property lookup cost about 300
          // instructions a scalar, and only U+0085 and U+00A0 here are spacing.
          space = scalar == 0x85 || scalar == 0xA0
        } else {
          space = Unicode.Scalar(scalar)?.properties.isWhitespace ?? false
        }
        if i > 0 {
          // A scalar next to a spacing one must be one that never joins a grapheme with
          // it (not a combining mark, a joiner, a spacing mark or a prefix).
          if space && !previousIsSpace && !separates(previous) { return nil }
          if previousIsSpace && !space && !separates(scalar) { return nil }
          if space != previousIsSpace {
            flush(i)
            runStart = i
          }
        }
        runIsSpace = space
        previous = scalar
        previousIsSpace = space
        i += width
      }
      flush(count)
      return tokens
    }
  }

  /// Whether a scalar stands as a character of its own beside a space: ASCII, and blocks
  /// with no combining, joining, spacing or prefixed marks (Latin letters with their
  /// Vietnamese forms, general punctuation, currency and letter-like symbols).
  @inline(__always) private static func separates(_ scalar: UInt32) -> Bool {
    scalar < 0x80 || (0xA0...0x2FF).contains(scalar) || (0x1E00...0x1EFF).contains(scalar)
      || (0x2010...0x2027).contains(scalar) || (0x2030...0x205E).contains(scalar)
      || (0x20A0...0x20C0).contains(scalar) || (0x2100...0x214F).contains(scalar)
  }

  /// A Roman numeral opening a line ("I. MỤC TIÊU", "V | PHÁT TRIỂN", "X NÂNG CAO") numbers
  /// a heading or a table's group row: it is structure, and reading it as a word ("V" as
  /// "và", "X" as "xã") would lose the numbering. It counts as one when punctuation, an
  /// all-capital word or the end of the line follows it.
  static func markLeadingNumeral(_ tokens: inout [Token]) {
    guard let first = tokens.firstIndex(where: { $0.kind != .space }),
      tokens[first].kind == .word, looksLikeRomanNumeral(tokens[first].text)
    else { return }
    let next = tokens[(first + 1)...].first { $0.kind != .space }
    let numbering: Bool
    switch next?.kind {
    case nil, .punctuation, .marker: numbering = true
    case .word: numbering = next!.text.count > 1 && next!.text == next!.text.uppercased()
    default: numbering = false
    }
    if numbering { tokens[first].kind = .marker }
  }

  /// Whether `text` is a Roman numeral, or OCR's reading of one that is no Vietnamese
  /// syllable ("H" or "IH" for "II" or "III", "Il" for "II", "Iv" for "IV").
  static func looksLikeRomanNumeral(_ text: String) -> Bool {
    // Either kind starts with the byte of a capital I, V, X, H or L (a first character
    // that is one of them starts so): nearly every line's first word is passed over here.
    guard let first = text.utf8.first, "IVXHL".utf8.contains(first) else { return false }
    if isRomanNumeral(text) { return true }
    guard text.count <= 4, text.first?.isUppercase == true,
      text.allSatisfy({ "IVXHLl1ivx".contains($0) })
    else { return false }
    return Syllable(text) == nil
  }

  /// Whether `text` is a Roman numeral from I to XXXIX written in capitals.
  static func isRomanNumeral(_ text: String) -> Bool {
    RomanNumeral.value(of: text) != nil
  }

  /// Classifies one whitespace-free chunk, splitting off punctuation around it.
  static func classify(_ chunk: String) -> [Token] {
    classifyByScalars(chunk) ?? classifyByCharacters(chunk)
  }

  /// `classify` walking characters: the reference `classifyByScalars` must agree with,
  /// and the way for a chunk holding scalars outside `SimpleScalars`.
  static func classifyByCharacters(_ chunk: String) -> [Token] {
    if isAddress(chunk) { return [Token(kind: .address, text: chunk)] }
    var chars = Array(chunk)
    var lead: [Character] = []
    var trail: [Character] = []
    while let c = chars.first, edgePunctuation.contains(c) || c == "-" || c == "'" || c == "’" {
      lead.append(chars.removeFirst())
    }
    while let c = chars.last, edgePunctuation.contains(c) || c == "-" || c == "/" {
      trail.insert(chars.removeLast(), at: 0)
    }
    var tokens: [Token] = []
    if !lead.isEmpty { tokens.append(Token(kind: .punctuation, text: String(lead))) }
    if !chars.isEmpty {
      let core = String(chars)
      if trail.first == ")", chars.count == 1, chars[0].isLetter, lead.isEmpty {
        tokens.append(Token(kind: .marker, text: core))
      } else {
        tokens.append(contentsOf: classifyCore(core))
      }
    }
    if !trail.isEmpty { tokens.append(Token(kind: .punctuation, text: String(trail))) }
    return tokens
  }

  private static func classifyCore(_ core: String) -> [Token] {
    let hasDigit = core.contains(where: \.isNumber)
    let hasLetter = core.contains(where: \.isLetter)
    if !hasLetter, hasDigit, core.allSatisfy({ $0.isNumber || ".,/-:%".contains($0) }) {
      return [Token(kind: .number, text: core)]
    }
    let joiners = Tokenizer.joiners
    guard core.contains(where: joiners.contains) else {
      // A bar standing alone is a table's ruling line read by OCR, not a letter.
      let wordLike =
        hasLetter
        || (core.contains(where: letterLikeSymbols.contains) && !core.allSatisfy { $0 == "|" })
      return [Token(kind: wordLike ? .word : .punctuation, text: core)]
    }
    let segments = core.split(whereSeparator: joiners.contains)
    // Single letters joined by periods are an abbreviation ("v.v" for "vân vân"), no words.
    let initials =
      segments.count > 1 && !core.contains(where: { $0 != "." && joiners.contains($0) })
      && segments.allSatisfy { $0.count == 1 }
    if hasDigit || initials || (segments.count > 1 && segments.allSatisfy(isAbbreviation)) {
      return [Token(kind: .code, text: core)]
    }
    // Words joined by a slash or hyphen ("trình/Kế", "Multi-Agent"): each word on its own.
    var tokens: [Token] = []
    var current = ""
    for c in core {
      if joiners.contains(c) {
        if !current.isEmpty { tokens.append(Token(kind: .word, text: current)) }
        current = ""
        tokens.append(Token(kind: .punctuation, text: String(c)))
      } else {
        current.append(c)
      }
    }
    if !current.isEmpty { tokens.append(Token(kind: .word, text: current)) }
    return tokens
  }

  /// An abbreviation segment of a code: two or more letters, at least two of them capitals
  /// ("KH", "UBND", "TTg", "CTr").
  public static func isAbbreviation(_ segment: Substring) -> Bool {
    segment.count >= 2 && segment.filter(\.isUppercase).count >= 2
  }

  static func isAddress(_ chunk: String) -> Bool {
    // Every address has a dot or an at sign, or starts with "http": most words have none.
    guard
      chunk.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "@") })
        || chunk.utf8.first == UInt8(ascii: "h") || chunk.utf8.first == UInt8(ascii: "H")
    else { return false }
    // Past that, an address needs an at sign, a start of "http" or "www", or a dot before a
    // domain's first letter (".vn", ".com", ".gov", ".org", ".net"): a word with a full
    // stop has none. Only the letters themselves lower-case to those ASCII letters.
    let utf8 = chunk.utf8
    let first = utf8.first ?? 0
    if !utf8.contains(UInt8(ascii: "@")), !"hHwW".utf8.contains(first) {
      var previousIsDot = false
      var domainStart = false
      for byte in utf8 {
        if previousIsDot && "vVcCgGoOnN".utf8.contains(byte) {
          domainStart = true
          break
        }
        previousIsDot = byte == UInt8(ascii: ".")
      }
      if !domainStart { return false }
    }
    let lower = chunk.lowercased()
    if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") {
      return true
    }
    // An e-mail's domain has a dot between letters: "b@." is an English model's "bộ.".
    if let at = lower.firstIndex(of: "@"), at != lower.startIndex {
      let domain = lower[lower.index(after: at)...].drop { $0 == "." }
      let inner = domain.reversed().drop { edgePunctuation.contains($0) }
      if inner.contains(".") && inner.first != "." { return true }
    }
    let domains = [".vn", ".com", ".gov", ".org", ".net"]
    return lower.contains(".")
      && domains.contains { lower.hasSuffix($0) || lower.contains($0 + "/") }
  }
}
