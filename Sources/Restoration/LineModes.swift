import VietnameseText

/// What each line of a document is: written in capitals (a heading), part of a run of
/// capital words, restored in full or in light mode. Each distinct word is looked at
/// once, at its number.
extension DocumentRestoration {
  /// Whether the word at `index` stands next to another all-capital word that is no
  /// known acronym and has a vowel ("KT. CHU TICH" on a line that also holds lower-case
  /// text, as when OCR joins the "Nơi nhận" column with the signer's): such a run is a
  /// heading or a title written in capitals, so the word keeps its capitals rather than
  /// being read as one word of a lower-case sentence.
  /// `capitalWords` answers for each word number whether it is such a word.
  func inCapitalRun(line l: Int, at index: Int, capitalWords: [Bool]) -> Bool {
    let tokens = lines[l]
    let numbers = words.numbers[l]
    func capitalWord(_ t: Int) -> Bool { numbers[t] >= 0 && capitalWords[Int(numbers[t])] }
    guard capitalWord(index) else { return false }
    let before = tokens[..<index].lastIndex { $0.kind != .space }
    let after = tokens[(index + 1)...].firstIndex { $0.kind != .space }
    return before.map(capitalWord) == true || after.map(capitalWord) == true
  }

  /// Whether a token is an all-capital word that is no known acronym and has a vowel: what
  /// `inCapitalRun` looks for, answered once per distinct word.
  func isCapitalWord(_ text: String, kind: Token.Kind) -> Bool {
    kind == .word && !text.hasASCIILowercase && text.count >= 2
      && text == text.uppercased()
      && !dictionary.acronyms.contains(text)
      && VietnameseFolding.fold(text).contains(where: "aeiouy".contains)
  }

  /// The class of the word at `ref`, -1 for a token that is no word or number.
  func wordClass(_ ref: TokenRef) -> Int32 {
    let number = words.numbers[ref.line][ref.index]
    return number < 0 ? -1 : words.classes[Int(number)]
  }

  /// Whether each line is written in capitals (`SentenceSplitter.isCapitalLine`), its
  /// words' letters counted once per distinct word.
  func capitalLines() -> [Bool] {
    let counts = words.texts.indices.map { k in
      words.kinds[k] == .word
        ? SentenceSplitter.letterCounts(words.texts[k]) : (letters: 0, upper: 0)
    }
    return lines.indices.map { l in
      var letters = 0
      var upper = 0
      for (t, token) in lines[l].enumerated() where token.kind == .word {
        let c = counts[Int(words.numbers[l][t])]
        letters += c.letters
        upper += c.upper
      }
      return SentenceSplitter.isCapital(letters: letters, upper: upper)
    }
  }

  /// Full restoration where few words carry diacritics, light correction elsewhere.
  func chooseModes(
    _ mode: RestorationMode, minimumBlockWords: Int, _ memo: inout CandidateMemo
  ) -> [RestorationMode] {
    if mode != .auto { return lines.map { _ in mode } }
    // Counts by block number (blocks are numbered from 0 in line order).
    let blockCount = (blocks.max() ?? -1) + 1
    var marked = [Int](repeating: 0, count: blockCount)
    var words = [Int](repeating: 0, count: blockCount)
    var allMarked = 0
    var allWords = 0
    // What each distinct word counts as, worked out at its first sight: 0 not yet, 1 not
    // letters alone (not counted), 2 a word without a kept mark, 3 a word with one.
    var kinds = [UInt8](repeating: 0, count: self.words.count)
    for (l, tokens) in lines.enumerated() {
      for (t, token) in tokens.enumerated() where token.kind == .word {
        let number = self.words.numbers[l][t]
        if kinds[Int(number)] == 0 {
          kinds[Int(number)] = wordKind(number, token.text, &memo)
        }
        guard kinds[Int(number)] > 1 else { continue }
        let hasMark = kinds[Int(number)] == 3
        words[blocks[l]] += 1
        allWords += 1
        if hasMark {
          marked[blocks[l]] += 1
          allMarked += 1
        }
      }
    }
    func wordKind(_ number: Int32, _ text: String, _ memo: inout CandidateMemo) -> UInt8 {
      // Most words are ASCII: letters and marks answered from the bytes.
      let ascii = text.asciiLettersOnly
      guard
        ascii
          ?? text.simpleLetterCounts.map({ $0.letters == text.unicodeScalars.count })
          ?? text.allSatisfy(\.isLetterQuickly)
      else { return 1 }
      // A mark counts only on a well-formed syllable: an English model sprinkles "é"
      // over words it cannot read ("Chuyén", "trién"), which is no sign of kept marks.
      let parsed =
        ascii == nil
        && memo.parse(self.words.classes[Int(number)], text, dictionary.vocabulary) != nil
      return parsed ? 3 : 2
    }
    func decide(_ m: Int, _ w: Int) -> RestorationMode {
      Double(m) >= settings.markedShareForLight * Double(w) ? .light : .full
    }
    let overall = decide(allMarked, max(allWords, 1))
    return lines.indices.map { l in
      let w = words[blocks[l]]
      return w >= minimumBlockWords ? decide(marked[blocks[l]], w) : overall
    }
  }
}
