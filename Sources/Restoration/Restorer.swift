import Foundation
import PlanModel
import VietnameseText

/// How much the corrector may change.
public enum RestorationMode: String, Sendable, Hashable, CaseIterable, Codable {
  /// Decide per page (or block of lines) from how many words carry diacritics.
  case auto
  /// The text lost its diacritics (English-model OCR): restore every syllable.
  case full
  /// The text has its diacritics: keep every valid syllable unless the evidence against it
  /// is overwhelming, and repair only what is not a syllable.
  case light
}

/// One word the corrector changed.
public struct TokenChange: Sendable, Hashable, Codable {
  /// The line (0-based, in the input's numbering; for pages, within the page).
  public var line: Int
  /// The token as it was.
  public var original: String
  /// The token as restored.
  public var replacement: String
  /// Posterior of the replacement among the candidates considered, 0...1.
  public var confidence: Double
}

/// Restored lines of text with what was changed and the mode chosen for each block.
public struct RestoredText: Sendable {
  /// One output line per input line.
  public var lines: [String]
  /// Every changed token, in reading order.
  public var changes: [TokenChange]
  /// The mode applied to each input line (`full` or `light`).
  public var lineModes: [RestorationMode]
}

/// Restored pages of a document: each word keeps its box and carries its `correction`.
public struct RestoredDocument: Sendable {
  /// The pages, word geometry unchanged.
  public var pages: [PageLayout]
  /// The mode applied to each page, by page number.
  public var pageModes: [Int: RestorationMode]
  /// Changed words whose confidence is below ``Restorer/reviewThreshold``, with their page.
  public var review: [(page: Int, change: TokenChange)]
}

/// The restoration stage: restores Vietnamese diacritics and undoes OCR confusions with a
/// noisy-channel model (learned confusions × syllable trigram model, adapted to the
/// document), keeping case, punctuation, spacing and protected tokens (numbers, codes,
/// addresses, acronyms, foreign words, list markers). Load once, use for many documents.
public struct Restorer: Sendable {
  /// Changes below this confidence are listed for review.
  public var reviewThreshold = 0.6
  let dictionary: RestorationDictionary
  let channels: [ChannelModel]
  let decoder: Decoder
  let settings: Settings
  /// Tells OCR's case noise ("dGi") from words written in mixed case ("VNeID").
  let caseNoise: CaseNoise
  private let skeletonIndex: [String: Int]
  /// Whether the dictionary's precomputed lists hold what this restorer's search finds:
  /// they were made with the default search settings.
  private let precomputedApplies: Bool
  /// The same for the light-mode lists, made with the default light-mode settings.
  private let precomputedLightApplies: Bool
  /// The unigram of a syllable the training text never holds.
  let unseenLogProb: Float

  /// The decoder's weights (natural-log units), set on the synthetic held-out sets of
  /// `scripts/eval-restore`, never on the devset.
  struct Settings: Sendable {
    /// Candidates kept per token, ranked by channel and unigram prior: for a bare skeleton
    /// ("tinh", lists precomputed) and in light mode, and for another token in full mode
    /// (a misreading, "thy" for "thực"). Misreadings gain from the longer list (rough `eng`
    /// set 95.80% at 12, 95.88% at 24, flat beyond); skeletons lose (mild `eng` 98.56% at
    /// 12, 98.39% at 24, damage 0.148% → 0.191%); light mode stays within 0.01 point.
    var candidateLimit = 12
    var misreadingCandidateLimit = 24
    /// Readings the channel search returns, best first by channel score alone, before the
    /// unigram prior ranks them.
    var searchLimit = 160
    /// Readings added to a bare skeleton's list from beyond its cut: the best ones with
    /// more letters than the skeleton (an OCR engine lost one: "tien" for "triển", "hai"
    /// for "khai"), which the skeleton's own rare mark variants ("tiển") crowd out. Synthetic
    /// sets at 0–4: mild `eng` 98.94, 99.00, 99.00, 99.00, 99.00%; rough `eng` 96.73, 96.82,
    /// 96.84, 96.84, 96.84%; `vie` sets and damage unchanged. Taking the next readings
    /// whatever their length instead costs mild `eng` 0.08 point ("da" read as "và").
    var skeletonLongerReadings = 2
    /// What ranking a list's readings costs a syllable the training text never holds
    /// (its unigram at the floor): "nụm", "nưm" crowd "nam" out of "num"'s list.
    var unseenRankPenalty: Float = 5
    /// Candidates worse than the best channel score by more than this are dropped.
    var candidateFloor: Float = 12
    /// Score of leaving a token that is no syllable as it is (a name, a garbled word).
    /// (−10: mild `eng` set 98.58% → 98.62%, damage 0.148% → 0.106%, against −11; −9 and
    /// −12 give 98.60% and 98.58%.)
    var keepPenalty: Float = -10
    /// Light mode: what replacing a valid syllable costs on top of its channel score
    /// (7: the lowest that leaves clean text unchanged on the synthetic sets; 6 damages it).
    var lightPenalty: Float = 7
    /// Weight of the document cache in the second pass (0 turns it off).
    var cacheWeight: Float = 2
    /// What a pair of sure neighbours adds to the second's cache share: a document repeats
    /// its phrases, not only its words (rough `eng` set at 0, 0.5, 1, 1.5, 2, 3: 96.03,
    /// 96.23, 96.33, 96.33, 96.34, 96.35%; mild `eng` 98.54, 98.62, 98.62, 98.60, 98.54,
    /// 98.54%; rough `vie` 96.84, 97.01, 97.03, 97.05, 97.05, 97.07%; no damage on clean
    /// text, damage on the `eng` sets falling as it grows).
    var cacheBigramBonus: Float = 1.5
    /// What a run of three sure neighbours adds to the third's bonus where the run comes
    /// again (0 turns it off): "văn minh trong 18 hội" read "trong lễ hội" where that run
    /// was read surely. Synthetic sets at 0, 1, 1.5, 2, 3, 4: mild `eng` 99.00, 99.02,
    /// 99.02, 99.02, 99.00, 99.00%; rough `eng` 96.84, 96.85, 96.88, 96.89, 96.89, 96.90%;
    /// rough `vie` 97.23, 97.29, 97.31, 97.32, 97.32, 97.32%; damage down on the `eng` sets,
    /// none on clean text and the `vie` sets.
    var cacheTrigramBonus: Float = 2
    /// What reading a one- or two-digit number as a word costs ("6" for "ở").
    var digitWordPenalty: Float = 4
    /// Unexplained edits allowed per token in full and in light mode.
    var maxEdits = 2
    var lightEdits = 2
    /// Log-probability of one unexplained edit.
    var editLogProb: Float = -9
    /// The same in light mode (the Vietnamese-model channel).
    var vieEditLogProb: Float = -8
    /// Readings at least this sure feed the document cache.
    var cacheConfidence = 0.9
    /// Readings the context proposes, per word the first pass left as printed.
    var contextProposals = 4
    /// First-pass posterior below which a chosen syllable also gets the context's
    /// proposals (0: only words left as printed get them). Rough `eng` at 0, 0.3, 0.4,
    /// 0.5: 97.32, 97.34, 97.36, 97.36%, the other sets and all damage unchanged;
    /// `Restorer.restore` instructions +4.9% at 0.4.
    var contextProposalPosterior = 0.4
    /// Share of well-formed marked syllables above which a block is in light mode.
    var markedShareForLight = 0.45
    /// English-model channel: a mark change the training never showed.
    var unseenMark: Float = -7
    /// The same for the Vietnamese-model channel, whose marks are mostly right.
    var vieUnseenMark: Float = -9
    /// What a misreading learned for a vowel with one tone costs more for the same vowel
    /// with another tone, in each model's channel (`nil`: not used). Rough synthetic sets
    /// (eng at 0–6: 95.07, 95.40, 95.63, 95.75, 95.73, 95.70, 95.65%; vie at 0–4: 96.97,
    /// 96.89, 96.87, 96.86, 96.84%; none: 95.64 and 96.78%), no damage on clean text.
    var toneVariantShift: Float? = 3
    var vieToneVariantShift: Float? = 0
    /// Scale of channel scores against the language model.
    var channelWeight: Float = 1
    /// States kept per position by the Viterbi beam.
    var beam = 10
    /// Viterbi states more than this below their position's best are dropped; 0 keeps
    /// the `beam` best whatever their scores.
    var decoderGap: Float = 16
  }

  /// Loads the dictionaries from `folder`, or from where ``DictionaryLocator`` finds them.
  public init(dictionaryFolder folder: String? = nil) throws(RestorationError) {
    let located: String
    if let folder { located = folder } else { located = try DictionaryLocator.locate() }
    let path = (located as NSString).appendingPathComponent(RestorationDictionary.fileName)
    guard FileManager.default.fileExists(atPath: path) else {
      throw .corruptDictionary(path: path, reason: "missing; run scripts/build-dictionaries")
    }
    try self.init(dictionary: RestorationDictionary(contentsOf: path))
  }

  init(dictionary: RestorationDictionary, settings: Settings = Settings()) {
    self.dictionary = dictionary
    self.settings = settings
    let trie = SyllableTrie(vocabulary: dictionary.vocabulary)
    channels = [
      ChannelModel(
        confusions: dictionary.confusions[0], trie: trie, unseenMarkLogProb: settings.unseenMark,
        toneVariantShift: settings.toneVariantShift),
      ChannelModel(
        confusions: dictionary.confusions[1], trie: trie, unseenMarkLogProb: settings.vieUnseenMark,
        toneVariantShift: settings.vieToneVariantShift),
    ]
    decoder = Decoder(model: dictionary.model, beam: settings.beam, gap: settings.decoderGap)
    var index: [String: Int] = [:]
    index.reserveCapacity(dictionary.skeletons.keys.count)
    for (i, key) in dictionary.skeletons.keys.enumerated() { index[key] = i }
    skeletonIndex = index
    caseNoise = CaseNoise(
      confusions: dictionary.confusions[ChannelKind.lostDiacritics.rawValue],
      skeletons: index)
    let standard = Settings()
    // What both kinds of list are cut and ranked by, then each mode's channel and edits.
    let ranking =
      settings.candidateLimit == standard.candidateLimit
      && settings.searchLimit == standard.searchLimit
      && settings.candidateFloor == standard.candidateFloor
      && settings.unseenRankPenalty == standard.unseenRankPenalty
    precomputedApplies =
      ranking && settings.misreadingCandidateLimit == standard.misreadingCandidateLimit
      && settings.maxEdits == standard.maxEdits && settings.editLogProb == standard.editLogProb
      && settings.unseenMark == standard.unseenMark
      && settings.toneVariantShift == standard.toneVariantShift
      && settings.skeletonLongerReadings == standard.skeletonLongerReadings
    precomputedLightApplies =
      ranking && settings.lightEdits == standard.lightEdits
      && settings.vieEditLogProb == standard.vieEditLogProb
      && settings.vieUnseenMark == standard.vieUnseenMark
      && settings.vieToneVariantShift == standard.vieToneVariantShift
    // Every syllable the training text never holds shares the lowest unigram, the floor.
    let unigram = dictionary.model.unigramLogProbs
    unseenLogProb =
      (Int(Vocabulary.Special.allCases.count)..<unigram.count).map { unigram[$0] }.min() ?? 0
  }

  /// The candidates of a lower-case token, best first by channel and unigram prior: from
  /// the tables precomputed for bare skeletons ("tinh", "nguoi"), for likely OCR forms
  /// of frequent syllables ("nguời") and, in light mode, for the syllables the training
  /// text holds ("người"), else by searching.
  func rankedCandidates(_ lower: String, light: Bool, states: inout SearchStates)
    -> [(id: Int32, logProb: Float)]
  {
    if light, precomputedLightApplies, let found = dictionary.lightForms.candidates(of: lower) {
      return found
    }
    if !light, let i = skeletonIndex[lower] {
      guard precomputedApplies else {
        // The stored lists' length, so the two paths differ only in their settings.
        return searchCandidates(lower, light: false, states: &states, skeleton: true)
      }
      let table = dictionary.skeletons
      return (Int(table.offsets[i])..<Int(table.offsets[i + 1])).map {
        (table.ids[$0], table.logProbs[$0])
      }
    }
    if !light, precomputedApplies, let found = dictionary.forms.candidates(of: lower) {
      return found
    }
    return searchCandidates(lower, light: light, states: &states)
  }

  func searchCandidates(_ lower: String, light: Bool) -> [(id: Int32, logProb: Float)] {
    var states = makeSearchStates()
    return searchCandidates(lower, light: light, states: &states)
  }

  /// Every reading the English-model channel finds for a lower-case token, uncut by the
  /// unigram prior (up to 2,000): what a reading the document proposes is checked against.
  func channelReadings(_ lower: String, states: inout SearchStates) -> [(
    id: Int32, logProb: Float
  )] {
    channels[ChannelKind.lostDiacritics.rawValue].candidates(
      for: lower, limit: 2000, floor: settings.candidateFloor, maxEdits: settings.maxEdits,
      editLogProb: settings.editLogProb, states: &states)
  }

  /// A state table for searches in either mode, to keep between them.
  func makeSearchStates() -> SearchStates {
    SearchStates(maxEdits: max(settings.maxEdits, settings.lightEdits))
  }

  /// The search's candidates; `states` is a state table kept between searches. A bare
  /// skeleton's list (`skeleton`) is cut at `candidateLimit` and takes longer readings
  /// from beyond its cut; a misreading's is cut at `misreadingCandidateLimit`.
  func searchCandidates(
    _ lower: String, light: Bool, states: inout SearchStates, skeleton: Bool = false
  ) -> [(id: Int32, logProb: Float)] {
    let channel = channels[
      light ? ChannelKind.keptDiacritics.rawValue : ChannelKind.lostDiacritics.rawValue]
    let raw = channel.candidates(
      for: lower, limit: settings.searchLimit, floor: settings.candidateFloor,
      maxEdits: light ? settings.lightEdits : settings.maxEdits,
      editLogProb: light ? settings.vieEditLogProb : settings.editLogProb,
      states: &states, ordered: false)
    // The channel alone cannot tell "dân" from "đàn" in "dan"; keep the candidates the
    // language model's unigram prior also favours.
    let unigram = dictionary.model.unigramLogProbs
    let unseen = unseenLogProb
    let penalty = settings.unseenRankPenalty
    let cut =
      skeleton || light ? settings.candidateLimit : settings.misreadingCandidateLimit
    // Readings equal in key and id are equal in everything, so the order is the same
    // whatever the sort: only the first `cut` need to be put in order (all of them for a
    // skeleton, which reads past its cut).
    let ranked = CandidateRanking.ranked(raw, prefix: skeleton ? raw.count : cut) {
      let u = unigram[Int($0.id)]
      return $0.logProb + u - (u <= unseen ? penalty : 0)
    }
    guard skeleton, settings.skeletonLongerReadings > 0, ranked.count > cut else {
      return Array(ranked.prefix(cut))
    }
    let length = lower.unicodeScalars.count
    let longer = ranked[cut...].lazy.filter {
      VietnameseFolding.fold(self.dictionary.vocabulary.text(of: $0.id)).unicodeScalars.count
        > length
    }
    return Array(ranked.prefix(cut)) + longer.prefix(settings.skeletonLongerReadings)
  }

  /// Candidate lists of every bare skeleton of the inventory, for the dictionary file.
  func precomputedSkeletons() -> SkeletonTable {
    var keys = Set<String>()
    for s in dictionary.vocabulary.syllables { keys.insert(VietnameseFolding.fold(s)) }
    var table = SkeletonTable()
    var states = SearchStates(maxEdits: settings.maxEdits)
    for key in keys.sorted() {
      table.keys.append(key)
      for c in searchCandidates(key, light: false, states: &states, skeleton: true) {
        table.ids.append(c.id)
        table.logProbs.append(c.logProb)
      }
      table.offsets.append(UInt32(table.ids.count))
    }
    return table
  }

  /// Restores lines of text (one output line per input line). With `auto`, the mode is
  /// chosen per block of lines separated by blank lines.
  public func restore(lines: [String], mode: RestorationMode = .auto) -> RestoredText {
    var blocks: [Int] = []
    var block = 0
    for line in lines {
      if line.allSatisfy(\.isWhitespace) { block += 1 }
      blocks.append(block)
    }
    let engine = DocumentRestoration(
      restorer: self, numbered: Tokenizer.numberingWords(lines: lines), blocks: blocks)
    let result = engine.run(mode: mode, minimumBlockWords: 30)
    return RestoredText(
      lines: result.lines(reusing: lines), changes: result.changes, lineModes: result.lineModes)
  }

  /// Restores a document's pages word by word, keeping every box; the mode is chosen per
  /// page. Each changed word gets a ``Correction``.
  public func restore(pages: [PageLayout], mode: RestorationMode = .auto) -> RestoredDocument {
    var tokenLines: [[Token]] = []
    var blocks: [Int] = []
    var owners: [[Int]] = []  // word index of each token
    var lineIndex: [(page: Int, line: Int)] = []
    for (p, page) in pages.enumerated() {
      for (l, line) in page.lines.enumerated() {
        var tokens: [Token] = []
        var owner: [Int] = []
        for (w, word) in line.words.enumerated() {
          if w > 0 {
            tokens.append(Token(kind: .space, text: " "))
            owner.append(-1)
          }
          for t in Tokenizer.tokenize(word.text) {
            tokens.append(t)
            owner.append(w)
          }
        }
        tokenLines.append(tokens)
        owners.append(owner)
        blocks.append(p)
        lineIndex.append((p, l))
      }
    }
    let engine = DocumentRestoration(restorer: self, lines: tokenLines, blocks: blocks)
    let result = engine.run(mode: mode, minimumBlockWords: 1)
    var restored = pages
    var pageModes: [Int: RestorationMode] = [:]
    for (i, (p, l)) in lineIndex.enumerated() {
      pageModes[pages[p].number] = result.lineModes[i]
      var texts = [String](repeating: "", count: pages[p].lines[l].words.count)
      var confidence = [Double](repeating: 1, count: texts.count)
      for (t, token) in result.tokens[i].enumerated() where owners[i][t] >= 0 {
        texts[owners[i][t]] += token.text
        confidence[owners[i][t]] = min(confidence[owners[i][t]], result.confidences[i][t])
      }
      for (w, word) in pages[p].lines[l].words.enumerated() where texts[w] != word.text {
        restored[p].lines[l].words[w].text = texts[w]
        restored[p].lines[l].words[w].correction = Correction(
          original: word.text, confidence: confidence[w])
      }
    }
    var review: [(page: Int, change: TokenChange)] = []
    for change in result.changes where change.confidence < reviewThreshold {
      let (p, l) = lineIndex[change.line]
      var local = change
      local.line = l
      review.append((pages[p].number, local))
    }
    return RestoredDocument(pages: restored, pageModes: pageModes, review: review)
  }
}
