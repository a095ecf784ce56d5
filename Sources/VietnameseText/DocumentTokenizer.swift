/// The tokenizer for a whole document, numbering its words on the way.
extension Tokenizer {
  /// A document's tokens, and a number for each word and number token: tokens with the
  /// same bytes and kind share it, others do not; any other token has -1.
  package struct NumberedLines {
    package var tokens: [[Token]] = []
    package var words: [[Int32]] = []
    /// Each number's text and kind.
    package var texts: [String] = []
    package var kinds: [Token.Kind] = []
  }

  /// `tokenize(lines:)`, numbering the words as each distinct chunk is classified (the
  /// chunk's bytes were hashed already): numbering each token anew cost about 400
  /// instructions a word.
  package static func numberingWords(lines: [String]) -> NumberedLines {
    var known = ChunkMemo()
    var result = NumberedLines()
    result.tokens.reserveCapacity(lines.count)
    result.words.reserveCapacity(lines.count)
    var chunkWords: [Int32] = []
    for line in lines {
      chunkWords.removeAll(keepingCapacity: true)
      let tokens: [Token]
      if var byScalars = tokenizeByScalars(
        line,
        classifyingBytes: { known.tokens(for: $0, words: &chunkWords) })
      {
        markLeadingNumeral(&byScalars)
        tokens = byScalars
      } else {
        // The scalar cut gave up part way: its chunks' numbers are dropped.
        chunkWords.removeAll(keepingCapacity: true)
        tokens = tokenizeByCharacters(line) { chunk in
          var chunk = chunk
          return chunk.withUTF8 { known.tokens(for: $0, words: &chunkWords) }
        }
      }
      // Spacing tokens come between the chunks' tokens, whose numbers came in order; a
      // word made a leading numeral (a marker) has none.
      var words = [Int32](repeating: -1, count: tokens.count)
      var next = 0
      for (t, token) in tokens.enumerated() where token.kind != .space {
        if token.kind == .word || token.kind == .number { words[t] = chunkWords[next] }
        next += 1
      }
      result.tokens.append(tokens)
      result.words.append(words)
    }
    result.texts = known.wordTexts
    result.kinds = known.wordKinds
    return result
  }
}
