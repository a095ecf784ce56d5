import VietnameseText

/// Where a token sits: its line and its index among the line's tokens.
struct TokenRef: Sendable, Hashable {
  var line: Int
  var index: Int
}

/// Cuts tokenized lines into sentences for the language model. A sentence runs on across
/// line breaks (plans wrap sentences over lines) and ends at ". ! ? …", at a blank line, or
/// at a line that closes with ";" or ":" (list items and paragraphs of legal text).
enum SentenceSplitter {
  static func sentences(_ lines: [[Token]]) -> [[TokenRef]] {
    var result: [[TokenRef]] = []
    var current: [TokenRef] = []
    current.reserveCapacity(32)
    func close() {
      // An empty sentence keeps its room (blank lines and sentence ends close often).
      guard !current.isEmpty else { return }
      result.append(current)
      // Room for a usual sentence at once, rather than growing it a few times.
      current = []
      current.reserveCapacity(32)
    }
    for (l, tokens) in lines.enumerated() {
      // Tokens are read in place (a copy of each cost a retain and a release).
      var lastVisible: Int?
      for i in tokens.indices where tokens[i].kind != .space {
        lastVisible = i
        if Vocabulary.endsSentence(tokens[i]) {
          close()
        } else {
          current.append(TokenRef(line: l, index: i))
        }
      }
      guard let lastIndex = lastVisible else {
        close()
        continue
      }
      let last = tokens[lastIndex]
      if last.kind == .punctuation,
        last.text.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") }),
        last.text.contains(where: { $0 == ";" || $0 == ":" })
      {
        close()
      }
    }
    close()
    return result
  }

  /// Whether a line is written in capitals (a heading): most of its letters are upper case.
  static func isCapitalLine(_ tokens: [Token]) -> Bool {
    var upper = 0
    var letters = 0
    for token in tokens where token.kind == .word {
      let counts = letterCounts(token.text)
      letters += counts.letters
      upper += counts.upper
    }
    return isCapital(letters: letters, upper: upper)
  }

  /// Whether a line with `letters` letters in its words, `upper` of them capitals, is
  /// written in capitals.
  static func isCapital(letters: Int, upper: Int) -> Bool {
    letters >= 4 && upper * 10 >= letters * 8
  }

  /// How many letters a word has, and how many of them are capitals.
  static func letterCounts(_ word: String) -> (letters: Int, upper: Int) {
    // An ASCII word's characters are its bytes (a word holds no "\r\n").
    if let counts = word.asciiLetterCounts { return counts }
    // Most other words are single-scalar characters, counted without grapheme breaking.
    if let counts = word.simpleLetterCounts { return counts }
    var letters = 0
    var upper = 0
    for c in word where c.isLetterQuickly {
      letters += 1
      if c.isUppercaseQuickly { upper += 1 }
    }
    return (letters, upper)
  }

  /// Training sentences as unit ids, noting abbreviation evidence on the way.
  static func units(
    of lines: [String], vocabulary: Vocabulary, evidence: inout AbbreviationEvidence
  ) -> [[Int32]] {
    let tokenized = lines.map(Tokenizer.tokenize)
    for tokens in tokenized {
      let capital = isCapitalLine(tokens)
      for token in tokens { evidence.observe(token, inCapitalLine: capital) }
    }
    return sentences(tokenized).map { refs in
      refs.compactMap { vocabulary.fixedUnit(tokenized[$0.line][$0.index]) }
    }
  }
}
