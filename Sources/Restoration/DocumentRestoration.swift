import Foundation
import VietnameseText

/// One document's restoration: choose a mode per block, build each sentence's candidate
/// lattice, decode once, learn what the document says with confidence, decode again with
/// that cache, and write the choices back token by token.
struct DocumentRestoration {
  let restorer: Restorer
  /// The lines as read, with commas misread as periods, Đ misread as eth and list dashes
  /// misread as symbols put back.
  let lines: [[Token]]
  /// Block number of each line (a page, or lines between blank lines).
  let blocks: [Int]
  /// The periods put back as commas, the eths as Đ and the symbols as dashes.
  let punctuationChanges: [TokenChange]
  /// The number of each distinct word, at each word's place in `lines`.
  let words: DocumentWords

  init(restorer: Restorer, lines: [[Token]], blocks: [Int]) {
    self.init(restorer: restorer, lines: lines, blocks: blocks, numbered: nil)
  }

  /// The tokenizer's lines with its numbers for their words, kept where no repair
  /// changes a word.
  init(restorer: Restorer, numbered: Tokenizer.NumberedLines, blocks: [Int]) {
    self.init(restorer: restorer, lines: numbered.tokens, blocks: blocks, numbered: numbered)
  }

  private init(
    restorer: Restorer, lines: [[Token]], blocks: [Int], numbered: Tokenizer.NumberedLines?
  ) {
    var repaired = lines
    var rewritten: [TokenRef] = []
    punctuationChanges =
      Self.commasReadAsPeriods(&repaired) + Self.strokesReadAsEth(&repaired, &rewritten)
      + Self.dashesReadAsSymbols(&repaired)
    self.restorer = restorer
    self.lines = repaired
    self.blocks = blocks
    words =
      numbered.map { DocumentWords(numbered: $0, lines: repaired, rewritten: rewritten) }
      ?? DocumentWords(lines: repaired)
  }

  struct Result {
    var tokens: [[Token]]
    var confidences: [[Double]]
    var changes: [TokenChange]
    var lineModes: [RestorationMode]
    /// Each line's tokens, their bytes copied into one string made at its final size
    /// (appending each text to a string cost about 340 instructions a token).
    var lines: [String] { tokens.map(Self.joined) }

    /// `lines`, where `input` holds the lines the tokens were cut from: a line no change
    /// touched is its input line (a line's tokens give the line back exactly, and every
    /// rewrite of a token is listed in `changes`), which spares joining it again.
    func lines(reusing input: [String]) -> [String] {
      var changed = [Bool](repeating: false, count: tokens.count)
      for change in changes { changed[change.line] = true }
      return tokens.indices.map { changed[$0] ? Self.joined(tokens[$0]) : input[$0] }
    }

    /// The texts of `line` one after another.
    static func joined(_ line: [Token]) -> String {
      var count = 0
      for token in line { count += token.text.utf8.count }
      if count == 0 { return "" }
      return String(unsafeUninitializedCapacity: count) { buffer in
        var end = 0
        for token in line {
          var text = token.text
          text.withUTF8 { bytes in
            guard let source = bytes.baseAddress else { return }
            (buffer.baseAddress! + end).initialize(from: source, count: bytes.count)
            end += bytes.count
          }
        }
        return end
      }
    }
  }

  /// Each distinct lower-case spelling's candidates, and the state table the document's
  /// searches share (emptied after each, not allocated anew).
  struct CandidateMemo {
    /// Each spelling's list in full (0) and light (1) mode, at the spelling's number.
    var lists: [[[(id: Int32, logProb: Float)]?]] = [[], []]
    /// The lower-case spellings, numbered by the bytes of their composed form (Strings
    /// equal as Strings share a number, as they shared a String-keyed table's entry).
    var spellings = ByteTable()
    var states: SearchStates
    /// Each spelling's uncut English-model readings, which both kinds of proposal check.
    var readings: [String: [(id: Int32, logProb: Float)]] = [:]
    /// Each distinct word's parse as a syllable (outer `nil`: not parsed yet; inner: no
    /// syllable), at the word's class: the mode choice and the plans of every (mode,
    /// capital line) table ask for the same words.
    var parses: [ParsedWord??]

    init(states: SearchStates, words: Int) {
      self.states = states
      parses = [ParsedWord??](repeating: nil, count: words)
    }

    /// A word that parses as a syllable, with the vocabulary's id of that syllable.
    struct ParsedWord {
      var id: Int32?
    }

    /// The parse of `text` (`Syllable(text)`), of word class `word`, made once per
    /// document.
    /// The number of the spelling `lower`, given on first sight.
    mutating func spelling(_ lower: String) -> Int {
      var composed =
        DocumentWords.isComposed(lower) ? lower : lower.precomposedStringWithCanonicalMapping
      let number = Int(composed.withUTF8 { spellings.find($0, tag: 0) }.number)
      if number == lists[0].count {
        lists[0].append(nil)
        lists[1].append(nil)
      }
      return number
    }

    mutating func parse(_ word: Int32, _ text: String, _ vocabulary: Vocabulary) -> ParsedWord? {
      if let known = parses[Int(word)] { return known }
      let parsed = Syllable(text).map { ParsedWord(id: vocabulary.id(of: $0.text)) }
      parses[Int(word)] = .some(parsed)  // a word that is no syllable is remembered too
      return parsed
    }

    /// The uncut readings of `lower`, searched once per document with the shared table.
    mutating func channelReadings(_ lower: String, _ restorer: Restorer) -> [(
      id: Int32, logProb: Float
    )] {
      if let known = readings[lower] { return known }
      let found = restorer.channelReadings(lower, states: &states)
      readings[lower] = found
      return found
    }
  }

  /// What the decoder may do with one token: its candidates, and which one (if any)
  /// means "leave the token as it is".
  struct Plan {
    var lattice: Lattice
    var keep: Int?
    var pattern = CasePattern.lower
  }

  var dictionary: RestorationDictionary { restorer.dictionary }
  var settings: Restorer.Settings { restorer.settings }

  func run(mode: RestorationMode, minimumBlockWords: Int) -> Result {
    var candidates = CandidateMemo(states: restorer.makeSearchStates(), words: words.classCount)
    let lineModes = chooseModes(mode, minimumBlockWords: minimumBlockWords, &candidates)
    let capital = capitalLines()
    let capitalWords = zip(words.texts, words.kinds).map(isCapitalWord)
    let sentences = SentenceSplitter.sentences(lines)
    // One table per (mode, capital line) pair, at the token's word class.
    var plans = [[Plan?]](repeating: [Plan?](repeating: nil, count: words.classCount), count: 4)
    // The plan of each class (numbers, punctuation): the token as it is.
    let fixedPlans = Vocabulary.Special.allCases.map {
      Plan(lattice: Lattice(ids: [$0.rawValue], scores: [0]), keep: 0)
    }
    var lattices: [[Plan]] = []
    lattices.reserveCapacity(sentences.count)
    for sentence in sentences {
      lattices.append(
        sentence.map { ref in
          plan(
            lines[ref.line][ref.index], wordClass(ref),
            light: lineModes[ref.line] == .light,
            capital: capital[ref.line]
              || inCapitalRun(line: ref.line, at: ref.index, capitalWords: capitalWords),
            &plans, &candidates, fixedPlans: fixedPlans)
        })
    }
    var cache = DocumentCache()
    // One index of a position's candidates for every sentence of the document.
    let table = restorer.decoder.makeCandidateTable()
    defer { table.free() }
    var choices = lattices.map {
      restorer.decoder.decode($0.map(\.lattice), cache: cache, table: table)
    }
    if settings.cacheWeight > 0 {
      cache = learnCache(lattices, choices)
      let proposed = addCacheProposals(
        &lattices, choices, sentences: sentences, lineModes: lineModes, &candidates
      )
      .union(
        addContextProposals(
          &lattices, choices, sentences: sentences, lineModes: lineModes, &candidates))
      // Only sentences with an unsure reading or a proposal can change under the cache.
      for s in lattices.indices
      where proposed.contains(s)
        || choices[s].contains(where: { $0.posterior < settings.cacheConfidence })
      {
        choices[s] = restorer.decoder.decode(
          lattices[s].map(\.lattice), cache: cache, table: table)
      }
    }
    var tokens = lines
    var confidences = lines.map { [Double](repeating: 1, count: $0.count) }
    var changes = punctuationChanges
    let lowered = lowerCasedByEvidence(
      sentences, lattices, choices, lineModes: lineModes, capital: capital)
    for (s, sentence) in sentences.enumerated() {
      for (p, ref) in sentence.enumerated() {
        let plan = lattices[s][p]
        let choice = choices[s][p]
        let lower = lowered[s][p]
        guard plan.lattice.ids.count > 1, choice.index != plan.keep || lower else { continue }
        let original = lines[ref.line][ref.index].text
        let syllable = dictionary.vocabulary.text(of: plan.lattice.ids[choice.index])
        let pattern =
          lower || readsLAsCapitalI(original, syllable, sentence, at: p)
          ? CasePattern.lower : plan.pattern
        let replacement = pattern.apply(to: syllable)
        guard replacement != original else { continue }
        tokens[ref.line][ref.index].text = replacement
        confidences[ref.line][ref.index] = choice.posterior
        changes.append(
          TokenChange(
            line: ref.line, original: original, replacement: replacement,
            confidence: choice.posterior))
      }
    }
    questionMarksReadForHooks(&tokens, &changes, lineModes: lineModes)
    restoreStrokes(&tokens, &changes)
    restoreNumerals(&tokens, &changes)
    changes.sort { $0.line < $1.line }
    return Result(tokens: tokens, confidences: confidences, changes: changes, lineModes: lineModes)
  }

  /// `plans` caches each distinct token's plan, `candidates` each distinct lower-case
  /// spelling's candidates ("Ké", "ké" and "KÉ" share one search): plans repeat words.
  private func plan(
    _ token: Token, _ number: Int32, light: Bool, capital: Bool, _ plans: inout [[Plan?]],
    _ candidates: inout CandidateMemo, fixedPlans: [Plan]
  ) -> Plan {
    let vocabulary = dictionary.vocabulary
    // Made only when needed: for a word it parses the syllable, which a known plan spares.
    var fixed: Plan {
      let unit = vocabulary.fixedUnit(token) ?? 0
      // A class's plan is shared (made once per document), not made per token.
      return unit < fixedPlans.count
        ? fixedPlans[Int(unit)] : Plan(lattice: Lattice(ids: [unit], scores: [0]), keep: 0)
    }
    // English-model OCR writes "ở" as "6" and "lệ" as "18": a short number may be a word.
    let digits = token.kind == .number && !light && token.text.count <= 2
    guard token.kind == .word || digits else { return fixed }
    let table = (light ? 2 : 0) + (capital ? 1 : 0)
    if let known = plans[table][Int(number)] { return known }
    let made =
      makePlan(token.text, number, light: light, capital: capital, number: digits, &candidates)
      ?? fixed
    plans[table][Int(number)] = made
    return made
  }

  private func makePlan(
    _ text: String, _ word: Int32, light: Bool, capital: Bool, number: Bool,
    _ cache: inout CandidateMemo
  ) -> Plan? {
    let vocabulary = dictionary.vocabulary
    let other = Vocabulary.Special.otherWord.rawValue
    let lower = text.lowercased()
    guard let pattern = number ? .lower : outputPattern(text, lower: lower, capital: capital)
    else { return nil }
    let own: Int32?
    if lower.utf8.allSatisfy({ $0 < 0x80 }), vocabulary.id(of: lower) == nil {
      // An ASCII word parses, if at all, to its own letters in lower case (no marks, level
      // tone), which the vocabulary does not hold: the parse can be spared.
      own = nil
    } else {
      own = cache.parse(word, text, vocabulary)?.id
    }
    let spelling = cache.spelling(lower)
    let found: [(id: Int32, logProb: Float)]
    if let known = cache.lists[light ? 1 : 0][spelling] {
      found = known
    } else {
      found = restorer.rankedCandidates(lower, light: light, states: &cache.states)
      cache.lists[light ? 1 : 0][spelling] = found
    }
    // Sized for the readings, the word's own syllable and the keep or number unit.
    var ids: [Int32] = []
    var scores: [Float] = []
    ids.reserveCapacity(found.count + 2)
    scores.reserveCapacity(found.count + 2)
    var keep: Int?
    if let own {
      keep = 0
      ids.append(own)
      let ownScore = found.first { $0.id == own }?.logProb
      scores.append(
        light
          ? 0
          : (ownScore ?? (found.first?.logProb ?? 0) - settings.candidateFloor)
            * settings.channelWeight)
    }
    for c in found where c.id != own {
      ids.append(c.id)
      let score = c.logProb * settings.channelWeight
      scores.append(light && own != nil ? score - settings.lightPenalty : score)
    }
    if number {
      for k in scores.indices { scores[k] -= settings.digitWordPenalty }
      keep = ids.count
      ids.append(Vocabulary.Special.number.rawValue)
      scores.append(0)
    } else if own == nil {
      keep = ids.count
      ids.append(other)
      scores.append(settings.keepPenalty)
    }
    return Plan(lattice: Lattice(ids: ids, scores: scores), keep: keep, pattern: pattern)
  }

  /// The cache: for each sure reading, its share among the sure readings of the same
  /// unaccented skeleton, and the pairs of sure neighbours.
  private func learnCache(_ lattices: [[Plan]], _ choices: [[Choice]]) -> DocumentCache {
    let vocabulary = dictionary.vocabulary
    var counts = [Float](repeating: 0, count: vocabulary.count)
    var bigrams = IntegerMap()
    var trigrams = IntegerMap()
    var seen: [Int32] = []
    for s in lattices.indices {
      var previous: Int32?
      var beforePrevious: Int32?
      // Plans read in place (a copy of each cost a retain and a release of its arrays).
      for p in lattices[s].indices {
        let choice = choices[s][p]
        let id = lattices[s][p].lattice.ids[choice.index]
        guard vocabulary.isSyllable(id), choice.posterior >= settings.cacheConfidence else {
          previous = nil
          beforePrevious = nil
          continue
        }
        if counts[Int(id)] == 0 { seen.append(id) }
        counts[Int(id)] += 1
        if let previous, lattices[s][p].lattice.ids.count > 1 {
          bigrams.insert(LanguageModel.pack(previous, id), 1)
          if let beforePrevious {
            trigrams.insert(LanguageModel.pack(beforePrevious, previous, id), 1)
          }
        }
        beforePrevious = previous
        previous = id
      }
    }
    var totals: [String: Float] = [:]
    let skeletons = seen.map { VietnameseFolding.fold(vocabulary.text(of: $0)) }
    for (id, skeleton) in zip(seen, skeletons) { totals[skeleton, default: 0] += counts[Int(id)] }
    var unigrams = [Float](repeating: 0, count: vocabulary.count)
    for (id, skeleton) in zip(seen, skeletons) {
      unigrams[Int(id)] = counts[Int(id)] / (totals[skeleton]! + 1)
    }
    return DocumentCache(
      unigrams: unigrams, bigrams: bigrams, bigramBonus: settings.cacheBigramBonus,
      trigrams: trigrams, trigramBonus: settings.cacheTrigramBonus, weight: settings.cacheWeight)
  }
}
