import Foundation
import VietnameseText

/// The case a restored word is written in: the printed word's pattern, read through the
/// English model's case noise (capitals for marked vowels, "I" for "l", "¥" for "Ý").
extension DocumentRestoration {
  /// The case a restored word is written in; `nil` when the word must be left alone
  /// (acronyms, foreign words, "VNeID"). Capitals inside a word that stand for vowels
  /// ("NOi", "sOng": an English model reading "ộ", "ố") do not make it an acronym.
  /// `lower` is `printed.lowercased()`, made once by the caller.
  func outputPattern(_ printed: String, lower printedLower: String, capital: Bool) -> CasePattern? {
    // The yen sign is an English model's reading of a capital "Ý" (a Y with its mark).
    // Searching for it through Foundation cost more than the rest of this function, so
    // the bytes are asked first: a text holding it (C2 A5 in UTF-8) holds the byte A5.
    let yen = printed.utf8.contains(0xA5)
    let text = yen ? printed.replacingOccurrences(of: "¥", with: "Y") : printed
    let lower = yen ? text.lowercased() : printedLower
    if dictionary.foreignWords.contains(lower) { return nil }
    switch CasePattern(of: text) {
    case .mixed:
      let inner = text.dropFirst().filter(\.isUppercase)
      if text.count <= 7,
        inner.allSatisfy({ "AEIOUY".contains(VietnameseFolding.fold(String($0)).uppercased()) })
      {
        return text.first!.isUppercase ? .capitalized : .lower
      }
      // Other letters of the wrong case may be misread marked vowels too ("dGi", "PHi").
      switch restorer.caseNoise.pattern(of: text) {
      case nil: return nil
      case .upper?: return capital ? .upper : .capitalized
      case let pattern?: return pattern
      }
    case .upper:
      if dictionary.acronyms.contains(text) { return nil }
      // Inside an ordinary sentence only capitals that spell a syllable are restored, and
      // they are an English model's reading of a lower-case word ("BO" for "Bộ", "SO" for
      // "Sở"): written capitalized.
      if !capital {
        if Syllable(VietnameseFolding.fold(text)) != nil { return .capitalized }
        // Capitals after the first that stand for marked vowels ("SG" for "Sở", "BG" for
        // "Bộ"), when the word is no known acronym.
        return restorer.caseNoise.pattern(of: text) == nil ? nil : .capitalized
      }
      return .upper
    case .capitalized
    where capital && text.count > 1 && text.dropFirst().allSatisfy({ !$0.isLetter }):
      // One capital letter with digits or symbols for its marked vowels ("T6" for "TỔ",
      // "B¢" for "BỘ") in a heading written in capitals.
      return .upper
    case let pattern: return pattern
    }
  }

  /// Whether a capitalized word is an OCR engine's reading of a lower-case "l" as "I"
  /// ("pháp Iuat" for "pháp luật"): the reading starts with "l" and the word sits inside a
  /// sentence between lower-case words (after a word or a comma, before a lower-case word,
  /// punctuation or nothing), where a real capital would start a name ("tỉnh Lâm Đồng").
  func readsLAsCapitalI(
    _ original: String, _ syllable: String, _ sentence: [TokenRef], at p: Int
  ) -> Bool {
    // The letter after it may be a digit or a symbol the OCR wrote for a vowel ("I9i").
    // Nearly every word is passed over from its first byte (a character "I" starts so).
    guard original.utf8.first == UInt8(ascii: "I"), original.first == "I",
      let second = original.dropFirst().first, !second.isUppercase,
      syllable.first == "l", p > 0
    else { return false }
    let before = lines[sentence[p - 1].line][sentence[p - 1].index]
    let afterLower: Bool
    if p + 1 < sentence.count {
      let after = lines[sentence[p + 1].line][sentence[p + 1].index]
      afterLower = after.isLowerCaseWord || after.kind == .punctuation
    } else {
      afterLower = true
    }
    return (before.isLowerCaseWord || before.text == ",") && afterLower
  }
}

extension DocumentRestoration {
  /// The capitalized words of English-model lines that the document itself writes lower
  /// case after the same word: an English model prints "các", "khai", "án" as "Cac",
  /// "Khai", "An" inside a sentence, while a plan capitalizes "Kế hoạch", "Sở", "Ủy ban"
  /// mid-sentence on purpose. A word is written lower case only when, after the same
  /// preceding syllable, the document prints it lower case more often than capitalized,
  /// and it sits between lower-case words (or before an acronym, "báo Cáo UBND"), where
  /// no name starts. The answer is a flag for each position of each sentence.
  func lowerCasedByEvidence(
    _ sentences: [[TokenRef]], _ lattices: [[Plan]], _ choices: [[Choice]],
    lineModes: [RestorationMode], capital: [Bool]
  ) -> [[Bool]] {
    let vocabulary = dictionary.vocabulary
    // The case of each distinct word's first letter, worked out once (every position of
    // every sentence asks): 1 lower case, 2 upper case, 0 neither or no word.
    let firstCase = words.texts.indices.map { k -> UInt8 in
      let token = Token(kind: words.kinds[k], text: words.texts[k])
      if token.isLowerCaseWord { return 1 }
      guard token.kind == .word else { return 0 }
      if let first = token.text.simpleFirstCharacter { return first.contains(.uppercase) ? 2 : 0 }
      return token.text.first?.isUppercase == true ? 2 : 0
    }
    func startsLower(_ ref: TokenRef) -> Bool {
      let number = words.numbers[ref.line][ref.index]
      return number >= 0 && firstCase[Int(number)] == 1
    }
    func startsUpper(_ ref: TokenRef) -> Bool {
      let number = words.numbers[ref.line][ref.index]
      return number >= 0 && firstCase[Int(number)] == 2
    }
    // Per (preceding syllable, syllable): how often each is printed lower case / capitalized,
    // at the pair's number in an integer map (a Dictionary's hashing cost more).
    var pairs = IntegerMap()
    var lowerCounts: [Int] = []
    var upperCounts: [Int] = []
    func number(_ key: UInt64) -> Int {
      if let known = pairs[key] { return Int(known) }
      pairs.insert(key, Int32(lowerCounts.count))
      lowerCounts.append(0)
      upperCounts.append(0)
      return lowerCounts.count - 1
    }
    var candidates: [(sentence: Int, position: Int, key: UInt64)] = []
    for (s, sentence) in sentences.enumerated() {
      var previous: Int32?
      for (p, ref) in sentence.enumerated() {
        let id = lattices[s][p].lattice.ids[choices[s][p].index]
        let printedLower = startsLower(ref)
        defer { previous = vocabulary.isSyllable(id) && printedLower ? id : nil }
        guard let before = previous, vocabulary.isSyllable(id) else { continue }
        let key = LanguageModel.pack(before, id)
        if printedLower {
          lowerCounts[number(key)] += 1
        } else if startsUpper(ref) {
          upperCounts[number(key)] += 1
          let text = lines[ref.line][ref.index].text
          let after = p + 1 < sentence.count ? sentence[p + 1] : nil
          let afterLower =
            after.map {
              startsLower($0) || lines[$0.line][$0.index].kind == .punctuation
                || dictionary.acronyms.contains(lines[$0.line][$0.index].text)
            } ?? true
          if lineModes[ref.line] == .full, !capital[ref.line], afterLower,
            CasePattern(of: text) == .capitalized,
            Self.capitalMayBeLower(text, vocabulary.text(of: id))
          {
            candidates.append((s, p, key))
          }
        }
      }
    }
    // A flag per sentence position: the caller asks at every position, and a set of
    // positions hashed each one.
    var result = sentences.map { [Bool](repeating: false, count: $0.count) }
    for (s, p, key) in candidates {
      // The word's other occurrences are printed lower case more often than capitalized
      // (`upper` counts this one too).
      if let n = pairs[key].map(Int.init), lowerCounts[n] >= upperCounts[n] {
        result[s][p] = true
      }
    }
    return result
  }
}

extension DocumentRestoration {
  /// Capitals an English model prints for a lower-case letter: those with the lower case's
  /// shape ("C", "O", "S", "V", "X"), and a bare capital vowel for a marked vowel ("An" for
  /// "án"). "Kế" and "Phát" have a lower case of their own shape and stay capitalized.
  static func capitalMayBeLower(_ printed: String, _ syllable: String) -> Bool {
    guard let first = printed.first, let reading = syllable.first else { return false }
    if "COSUVWXZ".contains(first) { return true }
    return "AEIOUY".contains(first) && !reading.isASCII
  }
}

extension Token {
  /// A word that starts with a lower-case letter: a sentence goes on through it.
  /// (Asked of every token of a sentence: answered from the first scalar where it is a
  /// character of its own.)
  fileprivate var isLowerCaseWord: Bool {
    guard kind == .word else { return false }
    if let first = text.simpleFirstCharacter { return first.contains(.lowercase) }
    return text.first?.isLowercase == true
  }
}
