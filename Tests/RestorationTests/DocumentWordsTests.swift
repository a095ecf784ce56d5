import Foundation
import Testing
import VietnameseText

@testable import Restoration

/// Random words over letters with and without marks, capitals, digits, symbols, combining
/// marks and signs that compose to letters (Kelvin, Ångström).
private func randomWords(_ count: Int) -> [String] {
  var generator = SystemRandomNumberGenerator()
  let alphabet: [String] = [
    "a", "A", "e", "ế", "Ế", "o", "ơ", "đ", "Đ", "n", "g", "h", "K", "\u{212A}", "Å", "\u{212B}",
    "\u{302}", "\u{301}", "\u{323}", "1", "6", "$", "¢", "-", ".", "ß", "ǅ",
  ]
  return (0..<count).map { _ in
    (0..<Int.random(in: 1...5, using: &generator)).map { _ in
      alphabet.randomElement(using: &generator)!
    }.joined()
  }
}

/// Tokens of equal bytes and kind share a number, tokens of other bytes or kind do not,
/// and tokens other than words and numbers get none; numbers stay right past the table's
/// growth (thousands of words).
@Test func documentWordsNumberEachDistinctTextOnce() {
  let words = randomWords(3000) + (0..<2000).map { "w\($0)" }
  let lines = stride(from: 0, to: words.count, by: 7).map {
    Tokenizer.tokenize(words[$0..<min($0 + 7, words.count)].joined(separator: " ") + ", 12")
  }
  let table = DocumentWords(lines: lines)
  var seen: [String: Int32] = [:]
  var texts = Set<[UInt8]>()
  for (l, line) in lines.enumerated() {
    for (t, token) in line.enumerated() {
      let number = table.numbers[l][t]
      guard token.kind == .word || token.kind == .number else {
        #expect(number == -1)
        continue
      }
      #expect(Array(table.texts[Int(number)].utf8) == Array(token.text.utf8))
      #expect(table.kinds[Int(number)] == token.kind)
      let key = "\(token.kind)|" + token.text.utf8.map { String($0) }.joined(separator: ",")
      if let known = seen[key] { #expect(known == number) } else { seen[key] = number }
      texts.insert(Array(token.text.utf8) + [token.kind == .word ? 1 : 2])
    }
  }
  #expect(table.count == texts.count)
  #expect(table.count > 2500)
}

/// Two numbers share a class exactly when their texts are equal as Strings (canonically
/// equivalent), as the String-keyed tables the classes stand in for saw them.
@Test func documentWordsClassesAreStringEquality() {
  var words = randomWords(1500)
  // Each word again decomposed, and again composed: equal Strings in other bytes.
  words += words.map(\.decomposedStringWithCanonicalMapping)
  words += words.map(\.precomposedStringWithCanonicalMapping)
  words += ["ế", "e\u{302}\u{301}", "K", "\u{212A}", "tinh", "Tinh"]
  let tokens = words.map { Token(kind: .word, text: $0) }
  let table = DocumentWords(lines: [tokens])
  let numbers = table.numbers[0]
  var byClass: [Int32: String] = [:]
  var classOf: [String: Int32] = [:]
  for (token, number) in zip(tokens, numbers) {
    let c = table.classes[Int(number)]
    if let text = byClass[c] { #expect(text == token.text) } else { byClass[c] = token.text }
    if let known = classOf[token.text] { #expect(known == c) } else { classOf[token.text] = c }
  }
  #expect(table.classCount == classOf.count)
  #expect(
    table.classes[Int(numbers[words.count - 5])] == table.classes[Int(numbers[words.count - 6])])
  #expect(
    table.classes[Int(numbers[words.count - 1])] != table.classes[Int(numbers[words.count - 2])])
}

/// A text the scalar test calls composed is its own composed form.
@Test func composedTextsAreTheirOwnComposedForm() {
  var covered = 0
  var scalars = (0..<0x300).compactMap(Unicode.Scalar.init)
  scalars += (0x1E00...0x1EFF).compactMap(Unicode.Scalar.init)
  scalars += (0x2010...0x205E).compactMap(Unicode.Scalar.init)
  scalars += (0x20A0...0x20C0).compactMap(Unicode.Scalar.init)
  for scalar in scalars {
    for text in [String(scalar), "a" + String(scalar), String(scalar) + "e", "Ơ" + String(scalar)]
    where DocumentWords.isComposed(text) {
      covered += 1
      #expect(
        Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(text.utf8),
        "\(scalar.value)")
    }
  }
  #expect(covered > 3000)
  for word in randomWords(3000) where DocumentWords.isComposed(word) {
    #expect(Array(word.precomposedStringWithCanonicalMapping.utf8) == Array(word.utf8))
  }
  #expect(!DocumentWords.isComposed("e\u{302}"))
  #expect(!DocumentWords.isComposed("\u{212A}"))
}

/// An output line is its tokens' texts one after another, whatever they hold.
@Test func resultLinesJoinTheTokenTexts() {
  var generator = SystemRandomNumberGenerator()
  let texts = ["", " ", "tinh", "Đồng", "e\u{302}\u{301}", "👍🏽", String(repeating: "ử", count: 40)]
  for _ in 0..<500 {
    let line = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
      Token(kind: .word, text: texts.randomElement(using: &generator)!)
    }
    let joined = DocumentRestoration.Result.joined(line)
    #expect(Array(joined.utf8) == Array(line.map(\.text).joined().utf8))
  }
}

/// The capital lines found through each distinct word's letter counts are those
/// `SentenceSplitter.isCapitalLine` finds line by line, and a word is in a capital run
/// exactly when it and a visible neighbour are all-capital words that are no acronyms.
@Test func capitalLinesAndRunsMatchTheTokenWalk() {
  var generator = SystemRandomNumberGenerator()
  let words = [
    "KE", "HOACH", "Kế", "hoạch", "UBND", "BỘ", "TỔ", "nam", "2025", "KT.", "CHU", "TICH", "VNeID",
  ]
  let lines = (0..<400).map { _ in
    Tokenizer.tokenize(
      (0..<Int.random(in: 0...6, using: &generator)).map { _ in
        words.randomElement(using: &generator)!
      }.joined(separator: " "))
  }
  let engine = DocumentRestoration(
    restorer: TestSupport.restorer, lines: lines, blocks: lines.map { _ in 0 })
  #expect(engine.capitalLines() == engine.lines.map(SentenceSplitter.isCapitalLine))
  #expect(engine.capitalLines().contains(true) && engine.capitalLines().contains(false))
  let capitalWords = zip(engine.words.texts, engine.words.kinds).map(engine.isCapitalWord)
  var runs = 0
  for (l, line) in engine.lines.enumerated() {
    for t in line.indices {
      func capital(_ token: Token) -> Bool { engine.isCapitalWord(token.text, kind: token.kind) }
      let before = line[..<t].last { $0.kind != .space }
      let after = line[(t + 1)...].first { $0.kind != .space }
      let expected =
        capital(line[t]) && (before.map(capital) == true || after.map(capital) == true)
      #expect(engine.inCapitalRun(line: l, at: t, capitalWords: capitalWords) == expected)
      if expected { runs += 1 }
    }
  }
  #expect(runs > 0)
}

/// A document numbered by the tokenizer keeps its numbers where no repair changed a word,
/// and the words the eth repair rewrote ("Ðiều" → "Điều") are numbered anew: every word's
/// number names its own text and kind, and classes are String equality.
@Test func tokenizerNumbersSurviveTheRepairs() {
  let lines = [
    "Ðiều 1. Ðiều chỉnh kế hoạch, Điều 2 QĐÐ-TTg", "II. MUC TIEU", "ke hoach. thuc hien Điều",
    "~ Phoi hop e\u{302}\u{301} ế",
  ]
  let engine = DocumentRestoration(
    restorer: TestSupport.restorer, numbered: Tokenizer.numberingWords(lines: lines),
    blocks: lines.map { _ in 0 })
  var classOf: [String: Int32] = [:]
  var dieu = 0  // two rewritten, two printed so
  for (l, line) in engine.lines.enumerated() {
    for (t, token) in line.enumerated() {
      let number = engine.words.numbers[l][t]
      guard token.kind == .word || token.kind == .number else {
        #expect(number == -1)
        continue
      }
      #expect(Array(engine.words.texts[Int(number)].utf8) == Array(token.text.utf8))
      #expect(engine.words.kinds[Int(number)] == token.kind)
      let c = engine.words.classes[Int(number)]
      if let known = classOf[token.text] { #expect(known == c) } else { classOf[token.text] = c }
      if token.text == "Điều" { dieu += 1 }
    }
  }
  #expect(dieu == 4)
  #expect(Set(classOf.values).count == classOf.count)
}

/// The candidate lists are kept at a number per lower-case spelling: two spellings share
/// one exactly when they are equal as Strings, as the String-keyed table's entries were.
@Test func spellingNumbersAreStringEquality() {
  var memo = DocumentRestoration.CandidateMemo(
    states: TestSupport.restorer.makeSearchStates(), words: 0)
  var words = randomWords(2000).map { $0.lowercased() }
  words += words.map(\.decomposedStringWithCanonicalMapping)
  words += ["ké", "ke\u{301}", "i\u{307}", "İ".lowercased()]
  var numberOf: [String: Int] = [:]
  var seen = Set<Int>()
  for word in words {
    let number = memo.spelling(word)
    if let known = numberOf[word] {
      #expect(known == number, "\(word)")
    } else {
      #expect(!seen.contains(number), "\(word)")
      numberOf[word] = number
      seen.insert(number)
    }
  }
  #expect(memo.lists[0].count == numberOf.count && memo.lists[1].count == numberOf.count)
  #expect(memo.spelling("ké") == memo.spelling("ke\u{301}"))
}

/// A line no change touched is written as its input line: that must be what joining its
/// tokens gives, on seed text in every mode and on lines the input repairs rewrite
/// (periods read for commas, eths, dashes read as symbols, odd spacing).
@Test func unchangedLinesAreTheirInputLines() throws {
  var lines = [
    "ke hoach. thuc hien", "Ðiều 1. Ðiều chỉnh", "~ Phoi hop voi So", "  a \u{301}b\t c  ", "",
    "QD-TTg HDND", "Quy 111/2026", "xi? ly", "Kế hoạch số 12/KH-UBND",
  ]
  for seed in ["000_54cb3cf436728393.txt", "002_3f3b1f3921e80161.txt"] {
    let text = try String(contentsOfFile: TestSupport.shared + "/seeds/" + seed, encoding: .utf8)
    lines += text.components(separatedBy: "\n").prefix(400)
  }
  for mode in RestorationMode.allCases {
    let engine = DocumentRestoration(
      restorer: TestSupport.restorer, numbered: Tokenizer.numberingWords(lines: lines),
      blocks: lines.map { _ in 0 })
    let result = engine.run(mode: mode, minimumBlockWords: 30)
    let reused = result.lines(reusing: lines)
    #expect(reused == result.lines)
    #expect(zip(reused, result.lines).allSatisfy { Array($0.utf8) == Array($1.utf8) })
    #expect(zip(reused, lines).contains { $0 == $1 } && zip(reused, lines).contains { $0 != $1 })
  }
}
