import Foundation
import VietnameseText

/// Builds `restoration.bin` from clean text, the learned confusion counts and the
/// hand-written sources in `dictionaries/sources/`, so that anyone can rebuild it and see
/// where every entry came from (run by `scripts/build-dictionaries`).
public struct DictionaryBuilder: Sendable {
  /// One training text and how many times its sentences count.
  public struct TrainingText: Sendable {
    /// The file.
    public var path: String
    /// Lines to leave out (1-based, inclusive), for held-out evaluation text.
    public var excludedLines: [ClosedRange<Int>]
    /// How many times each sentence counts.
    public var weight: Float

    /// Describes one training text.
    public init(path: String, excludedLines: [ClosedRange<Int>] = [], weight: Float = 1) {
      self.path = path
      self.excludedLines = excludedLines
      self.weight = weight
    }
  }

  /// The clean texts.
  public var texts: [TrainingText]
  /// `confusions.tsv` written by scripts/train-confusions.
  public var confusionsPath: String
  /// One foreign word per line.
  public var foreignWordsPath: String
  /// One acronym per line, upper case as printed ("AI", "IOC").
  public var acronymsPath: String

  /// Describes a build.
  public init(
    texts: [TrainingText], confusionsPath: String, foreignWordsPath: String, acronymsPath: String
  ) {
    self.texts = texts
    self.confusionsPath = confusionsPath
    self.foreignWordsPath = foreignWordsPath
    self.acronymsPath = acronymsPath
  }

  /// Builds the dictionary and returns its bytes, with a summary line for the log.
  public func build() throws(RestorationError) -> (bytes: [UInt8], summary: String) {
    let vocabulary = Vocabulary(syllables: SyllableInventory().syllables)
    var lm = LanguageModelBuilder(vocabularySize: vocabulary.count)
    var evidence = AbbreviationEvidence()
    var sentences = 0
    var syllables = 0
    for text in texts {
      let lines = try Self.read(text.path).split(separator: "\n", omittingEmptySubsequences: false)
      var kept: [String] = []
      for (i, line) in lines.enumerated()
      where !text.excludedLines.contains(where: { $0.contains(i + 1) }) {
        kept.append(String(line).precomposedStringWithCanonicalMapping)
      }
      for sentence in SentenceSplitter.units(of: kept, vocabulary: vocabulary, evidence: &evidence)
      {
        lm.add(sentence: sentence, weight: text.weight)
        sentences += 1
        syllables += sentence.count { vocabulary.isSyllable($0) }
      }
    }
    let confusions = try Self.confusionTables(confusionsPath)
    let foreign = Set(
      try Self.read(foreignWordsPath).split(separator: "\n").map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    let base = RestorationDictionary(
      vocabulary: vocabulary, model: lm.build(), confusions: confusions,
      dStrokeForms: evidence.dStrokeForms(),
      acronyms: evidence.acronyms().union(try Self.list(acronymsPath)), foreignWords: foreign)
    var dictionary = base
    dictionary.skeletons = Restorer(dictionary: dictionary).precomputedSkeletons()
    dictionary.forms = Restorer(dictionary: dictionary).precomputedForms()
    dictionary.lightForms = Restorer(dictionary: dictionary).precomputedLightForms()
    let summary =
      "\(vocabulary.syllables.count) syllables, \(sentences) sentences, \(syllables) training syllables, "
      + "\(dictionary.model.bigrams.keys.count)/\(dictionary.model.trigrams.keys.count) bigram/trigram slots, "
      + "confusions eng \(confusions[0].count) vie \(confusions[1].count), "
      + "đ-forms \(dictionary.dStrokeForms.count), acronyms \(dictionary.acronyms.count), "
      + "skeletons \(dictionary.skeletons.keys.count) (\(dictionary.skeletons.ids.count) candidates), "
      + "likely OCR forms \(dictionary.forms.count) (\(dictionary.forms.candidateCount) candidates), "
      + "light-mode syllables \(dictionary.lightForms.count) (\(dictionary.lightForms.candidateCount) candidates)"
    return (dictionary.encoded(), summary)
  }

  /// The entries of a one-per-line list, without comments and blank lines.
  static func list(_ path: String) throws(RestorationError) -> [String] {
    try read(path).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }

  static func read(_ path: String) throws(RestorationError) -> String {
    do {
      return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .unreadableInput(
        path: path, reason: "cannot read training input: \(error.localizedDescription)")
    }
  }

  /// Turns chunk counts into log P(ocr | source) per OCR model.
  static func confusionTables(_ path: String) throws(RestorationError) -> [[Confusion]] {
    var counts: [[String: [String: Float]]] = [[:], [:]]
    for row in try read(path).split(separator: "\n") where !row.hasPrefix("#") {
      let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count == 4, let n = Float(f[3]) else {
        throw .unreadableInput(path: path, reason: "malformed row: \(row)")
      }
      let kind = f[0] == "eng" ? ChannelKind.lostDiacritics : .keptDiacritics
      counts[kind.rawValue][f[1], default: [:]][f[2], default: 0] += n
    }
    return counts.map { table in
      var result: [Confusion] = []
      for (source, row) in table where !source.isEmpty && source.allSatisfy(\.isLetter) {
        let total = row.values.reduce(0, +) + 1
        for (ocr, n) in row where !ocr.isEmpty && ocr.count <= 3 {
          result.append(Confusion(source: source, ocr: ocr, logProb: log(n / total)))
        }
      }
      return result.sorted { ($0.ocr, $0.source) < ($1.ocr, $1.source) }
    }
  }
}

/// What the training text says about abbreviations: which are written with Đ ("QĐ",
/// "HĐND") and which capitals occur inside ordinary sentences (acronyms).
struct AbbreviationEvidence {
  private var withStroke: [String: [String: Int]] = [:]
  private var withoutStroke: [String: Int] = [:]
  private var capitals: [String: Int] = [:]

  mutating func observe(_ token: Token, inCapitalLine: Bool) {
    guard token.kind == .code || token.kind == .word else { return }
    for segment in token.text.split(whereSeparator: { !$0.isLetter }) where segment.count >= 2 {
      let s = String(segment)
      guard Tokenizer.isAbbreviation(segment) else { continue }
      let key = s.replacingOccurrences(of: "Đ", with: "D").replacingOccurrences(of: "đ", with: "d")
      // A capitalized syllable ("ĐỘ" of "CHẾ ĐỘ", "ĐU") is a word, not an abbreviation:
      // learning it as a form would turn every "BỘ" or "DU" of a heading into it.
      if key != s, Syllable(s) == nil {
        withStroke[key, default: [:]][s, default: 0] += 1
      } else {
        withoutStroke[key, default: 0] += 1
      }
      if !inCapitalLine, token.kind == .word, s == s.uppercased() { capitals[s, default: 0] += 1 }
    }
  }

  /// Forms written with Đ at least twice and four times as often as without.
  func dStrokeForms() -> [String: String] {
    var result: [String: String] = [:]
    for (key, forms) in withStroke {
      guard let (form, n) = forms.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else {
        continue
      }
      if n >= 2, n >= 4 * (withoutStroke[key] ?? 0) { result[key] = form }
    }
    return result
  }

  /// Capitalized abbreviations seen at least twice inside ordinary sentences.
  func acronyms() -> Set<String> { Set(capitals.filter { $0.value >= 2 }.keys) }
}
