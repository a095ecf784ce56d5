import Foundation
import VietnameseText

/// Scores restored lines against gold lines with the same whitespace-separated tokens:
/// syllable accuracy, accuracy on syllables whose gold has diacritics, exact lines, and
/// changes made to text that was already right. Tone-placement variants compare equal
/// ("hoá" = "hóa").
public struct RestorationScore: Sendable, CustomStringConvertible {
  /// Gold tokens containing letters.
  public var syllables = 0
  /// Of those, output right.
  public var correct = 0
  /// Gold tokens with diacritics or đ.
  public var marked = 0
  /// Of those, output right.
  public var markedCorrect = 0
  /// Lines scored.
  public var lines = 0
  /// Lines entirely right.
  public var exactLines = 0
  /// Output tokens wrong where the input token was right (damage).
  public var damaged = 0
  /// Character edit distance of input and output to gold, summed.
  public var inputEdits = 0
  /// See `inputEdits`.
  public var outputEdits = 0
  /// Gold characters, for error rates.
  public var goldCharacters = 0

  /// Creates an empty score.
  public init() {}

  /// Syllable accuracy.
  public var accuracy: Double { Double(correct) / Double(max(syllables, 1)) }
  /// Accuracy on gold syllables with diacritics.
  public var markedAccuracy: Double { Double(markedCorrect) / Double(max(marked, 1)) }
  /// Share of lines entirely right.
  public var exactShare: Double { Double(exactLines) / Double(max(lines, 1)) }
  /// Damaged syllables per syllable.
  public var damageRate: Double { Double(damaged) / Double(max(syllables, 1)) }

  /// Adds one line: the input, the output and the gold.
  public mutating func add(input: String, output: String, gold: String) {
    let i = input.split(whereSeparator: \.isWhitespace)
    let o = output.split(whereSeparator: \.isWhitespace)
    let g = gold.split(whereSeparator: \.isWhitespace)
    lines += 1
    var exact = o.count == g.count
    for k in 0..<g.count {
      let goldToken = RestorationScore.canonical(g[k])
      let outputToken = k < o.count ? RestorationScore.canonical(o[k]) : ""
      let inputToken = k < i.count ? RestorationScore.canonical(i[k]) : ""
      if outputToken != goldToken { exact = false }
      guard g[k].contains(where: \.isLetter) else { continue }
      syllables += 1
      let right = outputToken == goldToken
      if right { correct += 1 }
      if g[k].unicodeScalars.contains(where: {
        $0.value > 0x7F && CharacterSet.letters.contains($0)
      }) {
        marked += 1
        if right { markedCorrect += 1 }
      }
      if !right, inputToken == goldToken { damaged += 1 }
    }
    if exact { exactLines += 1 }
    inputEdits += RestorationScore.editDistance(
      Array(input.trimmingCharacters(in: .whitespaces)), Array(gold))
    outputEdits += RestorationScore.editDistance(
      Array(output.trimmingCharacters(in: .whitespaces)), Array(gold))
    goldCharacters += gold.count
  }

  /// The token with each syllable in the output tone style.
  static func canonical(_ token: Substring) -> String {
    Tokenizer.tokenize(String(token)).map {
      $0.kind == .word ? Syllable.normalize($0.text) : $0.text
    }.joined()
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...max(b.count, 1) where j <= b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// A one-line report.
  public var description: String {
    let cerIn = Double(inputEdits) / Double(max(goldCharacters, 1)) * 100
    let cerOut = Double(outputEdits) / Double(max(goldCharacters, 1)) * 100
    return String(
      format:
        "syllables %d  accuracy %.2f%%  with diacritics %.2f%%  exact lines %.1f%%  damage %.3f%%  CER %.2f%% → %.2f%%",
      syllables, accuracy * 100, markedAccuracy * 100, exactShare * 100, damageRate * 100, cerIn,
      cerOut)
  }
}

/// The evaluation sets of `scripts/eval-restore`, read from the shared folder and the
/// repository's fixtures.
public enum RestorationEvaluation {
  /// Scores a devset file (`line_number, ocr_text, gold_text`) by restoring the whole seed
  /// document it was taken from, as the pipeline would, and comparing the gold lines.
  public static func scoreDevset(
    _ restorer: Restorer, tsv: String, seed: String
  ) throws(RestorationError) -> RestorationScore {
    let seedLines = try read(seed).split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0).precomposedStringWithCanonicalMapping
    }
    let output = restorer.restore(lines: seedLines).lines
    var score = RestorationScore()
    for row in try read(tsv).split(separator: "\n").dropFirst() {
      let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count == 3, let n = Int(f[0]), n >= 1, n <= output.count else {
        throw .unreadableInput(path: tsv, reason: "malformed row: \(row.prefix(60))")
      }
      score.add(
        input: f[1], output: output[n - 1], gold: f[2].precomposedStringWithCanonicalMapping)
    }
    return score
  }

  /// Scores a fixture of (ocr, gold) lines, restored together as one text; the lines not
  /// restored exactly are returned for error analysis.
  public static func scorePairs(_ restorer: Restorer, tsv: String) throws(RestorationError)
    -> (score: RestorationScore, errors: [String])
  {
    let rows = try read(tsv).split(separator: "\n").dropFirst().map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    let pairs = rows.filter { $0.count == 2 }
    let output = restorer.restore(lines: pairs.map { $0[0].precomposedStringWithCanonicalMapping })
      .lines
    var score = RestorationScore()
    var errors: [String] = []
    for (k, p) in pairs.enumerated() {
      let gold = p[1].precomposedStringWithCanonicalMapping
      score.add(input: p[0], output: output[k], gold: gold)
      if RestorationScore.canonical(Substring(output[k]))
        != RestorationScore.canonical(Substring(gold))
      {
        errors.append("\(k + 1)\n  in:   \(p[0])\n  out:  \(output[k])\n  gold: \(gold)")
      }
    }
    return (score, errors)
  }

  /// Damage on clean text: the held-out lines fed unchanged must come out unchanged.
  public static func scoreClean(_ restorer: Restorer, lines: [String]) -> RestorationScore {
    let output = restorer.restore(lines: lines).lines
    var score = RestorationScore()
    for (k, line) in lines.enumerated() { score.add(input: line, output: output[k], gold: line) }
    return score
  }

  /// The held-out clean lines of seed 002 named in `dictionaries/sources/heldout.tsv`.
  public static func heldOutLines(root: String, shared: String) throws(RestorationError) -> [String]
  {
    var result: [String] = []
    for row in try read(root + "/dictionaries/sources/heldout.tsv").split(separator: "\n")
    where !row.hasPrefix("#") {
      let f = row.split(separator: "\t").map(String.init)
      guard f.count == 3, f[0].hasPrefix("seeds/"), let a = Int(f[1]), let b = Int(f[2]) else {
        continue
      }
      let lines = try read(shared + "/" + f[0]).split(
        separator: "\n", omittingEmptySubsequences: false)
      result += lines[(a - 1)..<min(b, lines.count)].map {
        String($0).precomposedStringWithCanonicalMapping
      }
    }
    return result
  }

  static func read(_ path: String) throws(RestorationError) -> String {
    do {
      return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .unreadableInput(
        path: path, reason: "cannot read evaluation input: \(error.localizedDescription)")
    }
  }
}
