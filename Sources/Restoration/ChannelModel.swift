import VietnameseText

/// One way an OCR engine writes a piece of a syllable: `source` (0–2 letters of the printed
/// syllable, lower case) came out as `ocr` (1–3 characters), with log-probability
/// `logProb` = log P(ocr | source), learned from rendered text read back by Tesseract.
struct Confusion: Sendable, Hashable {
  var source: String
  var ocr: String
  var logProb: Float
}

/// Which confusion table to read OCR with: an English model loses most diacritics, the
/// Vietnamese model keeps them and makes rarer, different mistakes.
enum ChannelKind: Int, Sendable {
  case lostDiacritics = 0
  case keptDiacritics = 1
}

/// The OCR channel P(ocr token | syllable), and the generation of the syllables an OCR
/// token may stand for: a walk over a trie of the inventory, consuming the token chunk by
/// chunk through the learned confusions.
struct ChannelModel: Sendable {
  /// One source piece (one or two letters) an OCR chunk may come from.
  struct Source: Sendable {
    /// Trie letter codes; `second` is `noLetter` when the piece is one letter.
    var first: UInt8
    var second: UInt8
    var logProb: Float
    /// `first` as a letter set, to test against a trie node's children (empty when the
    /// piece has a letter the inventory never uses: such a piece never matches).
    var letter: LetterSet
    static let noLetter = UInt8.max
  }
  /// For each OCR chunk (up to three scalars packed 21 bits apiece), the range of its
  /// sources in `sources`. Integer keys keep string hashing out of the search.
  let chunkRanges: IntegerMap
  let rangeStarts: [Int32]
  let rangeCounts: [Int32]
  /// A chunk's sources are grouped by their first letter (in code order), each group best
  /// first, so that the search reads only the groups a trie node continues with. Sources
  /// with a letter the inventory never uses are left out: they never match.
  let sources: [Source]
  /// The first letters of each range's groups.
  let rangeLetters: [LetterSet]
  /// Where each range's groups start: range r's group of rank g (its g-th letter) holds
  /// `sources[groupStarts[groupBase[r] + g] ..< groupStarts[groupBase[r] + g + 1]]`.
  let groupBase: [Int32]
  let groupStarts: [Int32]
  /// The best log-probability of each range's sources, those left out included (what the
  /// search's bound on the rest of a token counts on).
  let rangeBest: [Float]
  /// Each range's groups ranked by their best source, best first: range r's at
  /// `rankedBase[r] ..< rankedBase[r + 1]`, each with its best log-probability and the
  /// first letters of the groups up to it. The letters a chunk can still read toward a
  /// bound are those of the groups whose best can: a prefix of the ranking.
  let rankedBase: [Int32]
  let rankedBest: [Float]
  let rankedLetters: [LetterSet]
  /// The letters each range's sources end with.
  let rangeLastLetters: [LetterSet]
  /// How few and how many letters each range's sources write (1 or 2; 0 and 0 when it has
  /// none that can match).
  let rangeFewestLetters: [UInt8]
  let rangeMostLetters: [UInt8]
  let trie: SyllableTrie
  /// Cost of a mark change the training never showed (a lone vowel read with the wrong
  /// marks), so that rare syllables stay reachable.
  let unseenMarkLogProb: Float

  init(
    confusions: [Confusion], trie: SyllableTrie, unseenMarkLogProb: Float,
    toneVariantShift: Float? = nil
  ) {
    var table: [String: [(source: [Unicode.Scalar], logProb: Float)]] = [:]
    for c in confusions {
      table[c.ocr, default: []].append((Array(c.source.unicodeScalars), c.logProb))
    }
    ChannelModel.addToneVariants(&table, shift: toneVariantShift)
    // Every letter may also be itself or carry other marks than the OCR shows.
    var letters = Set<Character>()
    for s in trie.alphabet { letters.insert(Character(s)) }
    // Each letter folded once: folding is a Unicode decomposition, and this pairs every
    // letter with every other.
    var bareLetters: [Character: Character] = [:]
    for letter in letters { bareLetters[letter] = ChannelModel.bareLetter(letter) }
    for letter in letters {
      let bare = bareLetters[letter]
      for variant in letters where bareLetters[variant] == bare {
        let key = String(letter)
        let source = Array(String(variant).unicodeScalars)
        if table[key]?.contains(where: { $0.source == source }) == true { continue }
        let lp: Float = variant == letter ? unseenMarkLogProb / 2 : unseenMarkLogProb
        table[key, default: []].append((source, lp))
      }
    }
    var ranges = IntegerMap(capacity: table.count)
    var starts: [Int32] = []
    var counts: [Int32] = []
    var flat: [Source] = []
    var letterSets: [LetterSet] = []
    var bases: [Int32] = []
    var groups: [Int32] = []
    var best: [Float] = []
    var rankedBase: [Int32] = [0]
    var rankedBest: [Float] = []
    var rankedLetters: [LetterSet] = []
    var lastLetters: [LetterSet] = []
    var fewestLetters: [UInt8] = []
    var mostLetters: [UInt8] = []
    for (chunk, entries) in table.sorted(by: { $0.key < $1.key }) {
      let scalars = Array(chunk.unicodeScalars)
      guard scalars.count <= 3 else { continue }
      ranges.insert(ChannelModel.pack(scalars.map(\.value)), Int32(starts.count))
      starts.append(Int32(flat.count))
      let sorted = entries.filter { $0.source.count <= 2 }.sorted { $0.logProb > $1.logProb }
      best.append(sorted.first?.logProb ?? -.infinity)
      let known = sorted.map { ChannelModel.source($0.source, $0.logProb, trie) }
        .filter { $0.letter != LetterSet() }
      var letters = LetterSet()
      for source in known { letters.insert(source.first) }
      letterSets.append(letters)
      bases.append(Int32(groups.count))
      // Each group is sorted best first, so its first source is its best.
      var groupBests: [(code: UInt8, logProb: Float)] = []
      for code in letters.codes {
        groups.append(Int32(flat.count))
        flat.append(contentsOf: known.filter { $0.first == code })
        groupBests.append((code, flat[Int(groups[groups.count - 1])].logProb))
      }
      groups.append(Int32(flat.count))
      counts.append(Int32(flat.count) - starts[starts.count - 1])
      var last = LetterSet()
      for source in known {
        last.insert(source.second != Source.noLetter ? source.second : source.first)
      }
      lastLetters.append(last)
      let written = known.map { $0.second != Source.noLetter ? UInt8(2) : 1 }
      fewestLetters.append(written.min() ?? 0)
      mostLetters.append(written.max() ?? 0)
      // Ties keep the letters' order.
      var upTo = LetterSet()
      for group in groupBests.sorted(by: {
        $0.logProb > $1.logProb || ($0.logProb == $1.logProb && $0.code < $1.code)
      }) {
        upTo.insert(group.code)
        rankedBest.append(group.logProb)
        rankedLetters.append(upTo)
      }
      rankedBase.append(Int32(rankedBest.count))
    }
    chunkRanges = ranges
    rangeStarts = starts
    rangeCounts = counts
    sources = flat
    rangeLetters = letterSets
    groupBase = bases
    groupStarts = groups
    rangeBest = best
    self.rankedBase = rankedBase
    self.rankedBest = rankedBest
    self.rankedLetters = rankedLetters
    rangeLastLetters = lastLetters
    rangeFewestLetters = fewestLetters
    rangeMostLetters = mostLetters
    self.trie = trie
    self.unseenMarkLogProb = unseenMarkLogProb
  }

  /// A misreading learned for one toned vowel is one for the same vowel with another tone
  /// too: the tone mark is a small part of the glyph, and the training pages show the rare
  /// pairs ("ổ" read as "g", "ử" as "uf") too seldom to learn them ("dGi" for "đổi"). Each
  /// piece's other tones get the best log-probability learned for any tone of it, less
  /// `shift`; a pair learned for itself keeps its own. `nil` adds none.
  static func addToneVariants(
    _ table: inout [String: [(source: [Unicode.Scalar], logProb: Float)]], shift: Float?
  ) {
    guard let shift else { return }
    for (ocr, entries) in table {
      var known = Set(entries.map { String(String.UnicodeScalarView($0.source)) })
      var best: [String: Float] = [:]
      var variants: [String: [String]] = [:]
      for entry in entries {
        let piece = Array(String(String.UnicodeScalarView(entry.source)))
        // The piece's toned letter, or its one vowel when it has no tone ("ô" read as "6").
        let vowels = piece.indices.filter { Tone.variants(of: piece[$0]) != nil }
        let toned = vowels.filter { Tone.variants(of: piece[$0])![0] != piece[$0] }
        guard let t = toned.count == 1 ? toned[0] : (vowels.count == 1 ? vowels[0] : nil),
          let tones = Tone.variants(of: piece[t])
        else { continue }
        let key = String(piece[..<t]) + String(tones[0]) + String(piece[(t + 1)...])
        best[key] = max(best[key] ?? -.infinity, entry.logProb)
        variants[key] = tones.map { String(piece[..<t]) + String($0) + String(piece[(t + 1)...]) }
      }
      for (key, forms) in variants {
        for form in forms where !known.contains(form) {
          known.insert(form)
          table[ocr, default: []].append((Array(form.unicodeScalars), best[key]! - shift))
        }
      }
    }
  }

  /// A source piece in trie letter codes; one with a letter the inventory never uses gets
  /// an empty letter set, so that it never matches.
  private static func source(_ letters: [Unicode.Scalar], _ logProb: Float, _ trie: SyllableTrie)
    -> Source
  {
    let codes = letters.map { trie.code(of: $0.value) }
    let known = !codes.contains(nil)
    return Source(
      first: codes[0] ?? Source.noLetter,
      second: codes.count > 1 ? codes[1] ?? Source.noLetter : Source.noLetter,
      logProb: logProb, letter: known ? LetterSet(code: codes[0]) : LetterSet())
  }

  /// Calls `body` with `sources`, `groupStarts`, `rankedBest` and `rankedLetters` as
  /// pointers (valid only during the call).
  func withSourceBuffers<R>(
    _ body: (UnsafePointer<Source>, UnsafePointer<Int32>, RankedGroups) -> R
  ) -> R {
    sources.withUnsafeBufferPointer { sources in
      groupStarts.withUnsafeBufferPointer { groupStarts in
        rankedBest.withUnsafeBufferPointer { rankedBest in
          rankedLetters.withUnsafeBufferPointer { rankedLetters in
            body(
              base(sources), base(groupStarts),
              RankedGroups(best: base(rankedBest), letters: base(rankedLetters)))
          }
        }
      }
    }
  }

  /// `rankedBest` and `rankedLetters` as pointers, for the search.
  struct RankedGroups {
    let best: UnsafePointer<Float>
    let letters: UnsafePointer<LetterSet>
  }

  @inline(__always) static func pack(_ scalars: [UInt32]) -> UInt64 {
    var key: UInt64 = 0
    for (i, s) in scalars.enumerated() { key |= UInt64(s) << (21 * UInt64(i)) }
    return key
  }

  private static func bareLetter(_ c: Character) -> Character {
    VietnameseFolding.fold(String(c)).first ?? c
  }

  /// The syllables `token` (lower case) may stand for, with log P(token | syllable), best
  /// first (ties by id), at most `limit`, none worse than `floor` below the best nor than
  /// 1.5 × `floor` in all. Besides the learned confusions, up to `maxEdits` unexplained
  /// edits (a letter replaced, dropped or added, each at `editLogProb`; one for tokens of
  /// one or two letters) reach what scan noise does that the training never showed.
  func candidates(for token: String, limit: Int, floor: Float, maxEdits: Int, editLogProb: Float)
    -> [(id: Int32, logProb: Float)]
  {
    var states = SearchStates(maxEdits: maxEdits)
    return candidates(
      for: token, limit: limit, floor: floor, maxEdits: maxEdits, editLogProb: editLogProb,
      states: &states)
  }

  /// `candidates(for:…)` with a state table kept between searches (it comes back empty).
  /// Unless `ordered`, the same readings come in no particular order.
  func candidates(
    for token: String, limit: Int, floor: Float, maxEdits: Int, editLogProb: Float,
    states: inout SearchStates, ordered: Bool = true
  ) -> [(id: Int32, logProb: Float)] {
    let scalars = token.unicodeScalars.map(\.value)
    guard !scalars.isEmpty, scalars.count <= 12 else { return [] }
    // Passes with more and more edits: what fewer edits find raises the bound (the best
    // reading less `floor`, the `limit`-th reading) that prunes the costlier passes, which
    // otherwise explore every path with two edits.
    let edits = max(scalars.count <= 2 ? min(maxEdits, 1) : maxEdits, 0)
    if !states.fits(maxEdits: edits) { states = SearchStates(maxEdits: edits) }
    var table = states.take()
    table.prepareFoundSlots(vocabularySize: trie.idLimit)
    let found = trie.withBuffers { trieBuffers in
      withSourceBuffers { sources, groupStarts, ranked in
        var search = CandidateSearch(
          model: self, trie: trieBuffers, sources: sources, groupStarts: groupStarts,
          ranked: ranked, token: scalars, limit: limit, floor: floor, editLogProb: editLogProb,
          maxEdits: edits, table: table)
        for allowed in 0...edits { search.run(maxEdits: allowed) }
        let found = search.ranked(limit: limit, ordered: ordered)
        table = search.finish()
        return found
      }
    }
    states.put(table)
    return found
  }
}
