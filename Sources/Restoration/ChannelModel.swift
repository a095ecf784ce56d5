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
    var first: UInt32
    var second: UInt32  // 0 when the piece is one letter
    var logProb: Float
  }
  /// For each OCR chunk (up to three scalars packed 21 bits apiece), the range of its
  /// sources in `sources`, best first. Integer keys keep string hashing out of the search.
  fileprivate let chunkRanges: IntegerMap
  fileprivate let rangeStarts: [Int32]
  fileprivate let rangeCounts: [Int32]
  fileprivate let sources: [Source]
  fileprivate let trie: SyllableTrie
  /// Cost of a mark change the training never showed (a lone vowel read with the wrong
  /// marks), so that rare syllables stay reachable.
  let unseenMarkLogProb: Float

  init(confusions: [Confusion], trie: SyllableTrie, unseenMarkLogProb: Float) {
    var table: [String: [(source: [Unicode.Scalar], logProb: Float)]] = [:]
    for c in confusions {
      table[c.ocr, default: []].append((Array(c.source.unicodeScalars), c.logProb))
    }
    // Every letter may also be itself or carry other marks than the OCR shows.
    var letters = Set<Character>()
    for s in trie.alphabet { letters.insert(Character(s)) }
    for letter in letters {
      let bare = ChannelModel.bareLetter(letter)
      for variant in letters where ChannelModel.bareLetter(variant) == bare {
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
    for (chunk, entries) in table.sorted(by: { $0.key < $1.key }) {
      let scalars = Array(chunk.unicodeScalars)
      guard scalars.count <= 3 else { continue }
      ranges.insert(ChannelModel.pack(scalars.map(\.value)), Int32(starts.count))
      starts.append(Int32(flat.count))
      let sorted = entries.filter { $0.source.count <= 2 }.sorted { $0.logProb > $1.logProb }
      counts.append(Int32(sorted.count))
      for e in sorted {
        flat.append(
          Source(
            first: e.source[0].value, second: e.source.count > 1 ? e.source[1].value : 0,
            logProb: e.logProb))
      }
    }
    chunkRanges = ranges
    rangeStarts = starts
    rangeCounts = counts
    sources = flat
    self.trie = trie
    self.unseenMarkLogProb = unseenMarkLogProb
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
  /// first, at most `limit`, none worse than `floor` below the best. Besides the learned
  /// confusions, up to `maxEdits` unexplained edits (a letter replaced, dropped or added,
  /// each at `editLogProb`) reach what scan noise does that the training never showed.
  func candidates(for token: String, limit: Int, floor: Float, maxEdits: Int, editLogProb: Float)
    -> [(id: Int32, logProb: Float)]
  {
    let scalars = token.unicodeScalars.map(\.value)
    guard !scalars.isEmpty, scalars.count <= 12 else { return [] }
    // A first pass without edits finds the best plain reading; its score bounds the
    // edit search, which otherwise explores every two-edit path.
    var search = Search(model: self, token: scalars, floor: floor, maxEdits: 0, editLogProb: editLogProb)
    search.run(0, trie.root, 0, 0)
    let edits = scalars.count <= 2 ? min(maxEdits, 1) : maxEdits
    if edits > 0 {
      search = Search(
        model: self, token: scalars, floor: floor, maxEdits: edits, editLogProb: editLogProb, after: search)
      search.run(0, trie.root, 0, 0)
    }
    let sorted = search.best.sorted {
      (a: (key: Int32, value: Float), b: (key: Int32, value: Float)) -> Bool in
      a.value > b.value || (a.value == b.value && a.key < b.key)
    }
    guard let top = sorted.first?.value else { return [] }
    return sorted.prefix(limit).filter { $0.value >= top - floor }.map { ($0.key, $0.value) }
  }

  /// A depth-first walk of the trie consuming the token, pruned by the best score so far.
  private struct Search {
    let model: ChannelModel
    let token: [UInt32]
    let floor: Float
    let maxEdits: Int
    let editLogProb: Float
    var best: [Int32: Float] = [:]
    var bound: Float

    init(
      model: ChannelModel, token: [UInt32], floor: Float, maxEdits: Int, editLogProb: Float
    ) {
      self.model = model
      self.token = token
      self.floor = floor
      self.maxEdits = maxEdits
      self.editLogProb = editLogProb
      bound = -floor * 1.5
    }

    init(
      model: ChannelModel, token: [UInt32], floor: Float, maxEdits: Int, editLogProb: Float,
      after previous: Search
    ) {
      self.init(model: model, token: token, floor: floor, maxEdits: maxEdits, editLogProb: editLogProb)
      best = previous.best
      bound = previous.bound
    }

    mutating func run(_ position: Int, _ node: Int32, _ logProb: Float, _ edits: Int) {
      let trie = model.trie
      if position == token.count {
        let id = trie.terminal[Int(node)]
        if id >= 0, logProb > best[id] ?? -.infinity {
          best[id] = logProb
          bound = max(bound, logProb - floor)
        }
      }
      if position < token.count {
        var key: UInt64 = 0
        for length in 1...min(3, token.count - position) {
          key |= UInt64(token[position + length - 1]) << (21 * UInt64(length - 1))
          guard let range = model.chunkRanges[key] else { continue }
          let start = Int(model.rangeStarts[Int(range)])
          for e in start..<start + Int(model.rangeCounts[Int(range)]) {
            let source = model.sources[e]
            let next = logProb + source.logProb
            if next < bound { break }
            guard var child = trie.child(node, source.first) else { continue }
            if source.second != 0 {
              guard let second = trie.child(child, source.second) else { continue }
              child = second
            }
            run(position + length, child, next, edits)
          }
        }
      }
      let next = logProb + editLogProb
      guard edits < maxEdits, next >= bound else { return }
      // An OCR character that stands for nothing (a speck, a split glyph).
      if position < token.count { run(position + 1, node, next, edits + 1) }
      for (_, child) in trie.children[Int(node)] {
        // A printed letter the OCR dropped, or read as something unrelated.
        run(position, child, next, edits + 1)
        if position < token.count { run(position + 1, child, next, edits + 1) }
      }
    }
  }
}

/// The inventory as a trie over Unicode scalars, for generating candidates letter by letter.
struct SyllableTrie: Sendable {
  private var edges = IntegerMap(capacity: 1 << 15)
  /// Each node's outgoing letters and child nodes.
  private(set) var children: [[(Unicode.Scalar, Int32)]] = [[]]
  /// Vocabulary id of the syllable ending at each node, or -1.
  private(set) var terminal: [Int32] = [-1]
  /// Every scalar used by the inventory.
  private(set) var alphabet: Set<Unicode.Scalar> = []
  let root: Int32 = 0

  init(vocabulary: Vocabulary) {
    for (i, s) in vocabulary.syllables.enumerated() {
      var node: Int32 = 0
      for scalar in s.unicodeScalars {
        alphabet.insert(scalar)
        let key = UInt64(UInt32(node)) << 21 | UInt64(scalar.value)
        if let next = edges[key] {
          node = next
        } else {
          let next = Int32(terminal.count)
          terminal.append(-1)
          children.append([])
          children[Int(node)].append((scalar, next))
          edges.insert(key, next)
          node = next
        }
      }
      terminal[Int(node)] = Int32(i + Vocabulary.Special.allCases.count)
    }
  }

  @inline(__always) func child(_ node: Int32, _ scalar: UInt32) -> Int32? {
    edges[UInt64(UInt32(node)) << 21 | UInt64(scalar)]
  }
}
