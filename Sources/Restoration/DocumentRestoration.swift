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

  init(restorer: Restorer, lines: [[Token]], blocks: [Int]) {
    var repaired = lines
    punctuationChanges =
      Self.commasReadAsPeriods(&repaired) + Self.strokesReadAsEth(&repaired)
      + Self.dashesReadAsSymbols(&repaired)
    self.restorer = restorer
    self.lines = repaired
    self.blocks = blocks
  }

  struct Result {
    var tokens: [[Token]]
    var confidences: [[Double]]
    var changes: [TokenChange]
    var lineModes: [RestorationMode]
    /// Each line's tokens appended into one string sized up front (joining an array of
    /// the texts built that array first and grew the string as it went).
    var lines: [String] {
      tokens.map { line in
        var text = ""
        text.reserveCapacity(line.reduce(0) { $0 + $1.text.utf8.count })
        for token in line { text += token.text }
        return text
      }
    }
  }

  /// Each distinct lower-case spelling's candidates, and the state table the document's
  /// searches share (emptied after each, not allocated anew).
  struct CandidateMemo {
    var lists: [String: [(id: Int32, logProb: Float)]] = [:]
    var states: SearchStates
    /// Each spelling's uncut English-model readings, which both kinds of proposal check.
    var readings: [String: [(id: Int32, logProb: Float)]] = [:]
    /// Each distinct word's parse as a syllable, `nil` when it is none: the mode choice and
    /// the plans of every (mode, capital line) table ask for the same words.
    var parses: [String: ParsedWord?] = [:]

    /// A word that parses as a syllable, with the vocabulary's id of that syllable.
    struct ParsedWord {
      var id: Int32?
    }

    /// The parse of `text` (`Syllable(text)`), made once per document.
    mutating func parse(_ text: String, _ vocabulary: Vocabulary) -> ParsedWord? {
      if let known = parses[text] { return known }
      let parsed = Syllable(text).map { ParsedWord(id: vocabulary.id(of: $0.text)) }
      parses[text] = .some(parsed)  // a word that is no syllable is remembered too
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

  /// Whether the word at `index` stands next to another all-capital word that is no
  /// known acronym and has a vowel ("KT. CHU TICH" on a line that also holds lower-case
  /// text, as when OCR joins the "Nơi nhận" column with the signer's): such a run is a
  /// heading or a title written in capitals, so the word keeps its capitals rather than
  /// being read as one word of a lower-case sentence.
  func inCapitalRun(_ tokens: [Token], at index: Int) -> Bool {
    func capitalWord(_ token: Token) -> Bool {
      token.kind == .word && !token.text.hasASCIILowercase && token.text.count >= 2
        && token.text == token.text.uppercased()
        && !dictionary.acronyms.contains(token.text)
        && VietnameseFolding.fold(token.text).contains(where: "aeiouy".contains)
    }
    guard capitalWord(tokens[index]) else { return false }
    let before = tokens[..<index].last { $0.kind != .space }
    let after = tokens[(index + 1)...].first { $0.kind != .space }
    return [before, after].contains { $0.map(capitalWord) ?? false }
  }

  var dictionary: RestorationDictionary { restorer.dictionary }
  var settings: Restorer.Settings { restorer.settings }

  func run(mode: RestorationMode, minimumBlockWords: Int) -> Result {
    var candidates = CandidateMemo(states: restorer.makeSearchStates())
    let lineModes = chooseModes(mode, minimumBlockWords: minimumBlockWords, &candidates)
    let capital = lines.map(SentenceSplitter.isCapitalLine)
    let sentences = SentenceSplitter.sentences(lines)
    // One table per (mode, capital line) pair, keyed by the token's text.
    var plans = [[String: Plan]](repeating: [:], count: 4)
    var lattices: [[Plan]] = []
    for sentence in sentences {
      lattices.append(
        sentence.map { ref in
          plan(
            lines[ref.line][ref.index], light: lineModes[ref.line] == .light,
            capital: capital[ref.line]
              || inCapitalRun(lines[ref.line], at: ref.index),
            &plans, &candidates)
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

  /// Full restoration where few words carry diacritics, light correction elsewhere.
  private func chooseModes(
    _ mode: RestorationMode, minimumBlockWords: Int, _ memo: inout CandidateMemo
  ) -> [RestorationMode] {
    if mode != .auto { return lines.map { _ in mode } }
    // Counts by block number (blocks are numbered from 0 in line order).
    let blockCount = (blocks.max() ?? -1) + 1
    var marked = [Int](repeating: 0, count: blockCount)
    var words = [Int](repeating: 0, count: blockCount)
    var allMarked = 0
    var allWords = 0
    for (l, tokens) in lines.enumerated() {
      for token in tokens where token.kind == .word {
        // Most words are ASCII: letters and marks answered from the bytes.
        let ascii = token.text.asciiLettersOnly
        guard
          ascii
            ?? token.text.simpleLetterCounts.map({ $0.letters == token.text.unicodeScalars.count })
            ?? token.text.allSatisfy(\.isLetterQuickly)
        else { continue }
        // A mark counts only on a well-formed syllable: an English model sprinkles "é"
        // over words it cannot read ("Chuyén", "trién"), which is no sign of kept marks.
        // Each distinct word is parsed once: a document repeats its words.
        let hasMark = ascii == nil && memo.parse(token.text, dictionary.vocabulary) != nil
        words[blocks[l]] += 1
        allWords += 1
        if hasMark {
          marked[blocks[l]] += 1
          allMarked += 1
        }
      }
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

  /// `plans` caches each distinct token's plan, `candidates` each distinct lower-case
  /// spelling's candidates ("Ké", "ké" and "KÉ" share one search): plans repeat words.
  private func plan(
    _ token: Token, light: Bool, capital: Bool, _ plans: inout [[String: Plan]],
    _ candidates: inout CandidateMemo
  ) -> Plan {
    let vocabulary = dictionary.vocabulary
    // Made only when needed: for a word it parses the syllable, which a known plan spares.
    var fixed: Plan {
      Plan(lattice: Lattice(ids: [vocabulary.fixedUnit(token) ?? 0], scores: [0]), keep: 0)
    }
    // English-model OCR writes "ở" as "6" and "lệ" as "18": a short number may be a word.
    let digits = token.kind == .number && !light && token.text.count <= 2
    guard token.kind == .word || digits else { return fixed }
    let table = (light ? 2 : 0) + (capital ? 1 : 0)
    if let known = plans[table][token.text] { return known }
    let made =
      makePlan(token.text, light: light, capital: capital, number: digits, &candidates) ?? fixed
    plans[table][token.text] = made
    return made
  }

  private func makePlan(
    _ text: String, light: Bool, capital: Bool, number: Bool,
    _ cache: inout CandidateMemo
  ) -> Plan? {
    let vocabulary = dictionary.vocabulary
    let other = Vocabulary.Special.otherWord.rawValue
    guard let pattern = number ? .lower : outputPattern(text, capital: capital) else { return nil }
    let lower = text.lowercased()
    let own: Int32?
    if lower.utf8.allSatisfy({ $0 < 0x80 }), vocabulary.id(of: lower) == nil {
      // An ASCII word parses, if at all, to its own letters in lower case (no marks, level
      // tone), which the vocabulary does not hold: the parse can be spared.
      own = nil
    } else {
      own = cache.parse(text, vocabulary)?.id
    }
    let cacheKey = (light ? "L" : "F") + lower
    let found: [(id: Int32, logProb: Float)]
    if let known = cache.lists[cacheKey] {
      found = known
    } else {
      found = restorer.rankedCandidates(lower, light: light, states: &cache.states)
      cache.lists[cacheKey] = found
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
    for (s, plans) in lattices.enumerated() {
      var previous: Int32?
      var beforePrevious: Int32?
      for (p, plan) in plans.enumerated() {
        let choice = choices[s][p]
        let id = plan.lattice.ids[choice.index]
        guard vocabulary.isSyllable(id), choice.posterior >= settings.cacheConfidence else {
          previous = nil
          beforePrevious = nil
          continue
        }
        if counts[Int(id)] == 0 { seen.append(id) }
        counts[Int(id)] += 1
        if let previous, plan.lattice.ids.count > 1 {
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
