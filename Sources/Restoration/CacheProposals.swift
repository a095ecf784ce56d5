import Foundation
import VietnameseText

/// Readings the document's own sure phrases propose for a token whose candidate list lacks
/// them. A list keeps a token's likeliest readings by channel and unigram prior, so a
/// reading the scan garbled badly ("16" for "lễ", whose "6" the table knows for "ệ" only)
/// may be cut from it; where the same document read the run "trong lễ hội" surely
/// elsewhere and the token sits between "trong" and "hội", the middle of that run is
/// offered to the second pass when the channel can read the token as it at all.
extension DocumentRestoration {
  /// Adds the proposals to the lattices of English-model lines, in place: only at a
  /// position read unsurely between two syllables the first pass chose (sure or not: the
  /// run itself was read surely elsewhere), and only readings the channel reaches from
  /// the token (learned confusions and up to the usual unexplained edits).
  /// A short number, which the first pass keeps surely, may be offered one too. Returns
  /// the sentences to decode again: those given a proposal, and those where a run reads
  /// the position otherwise than the first pass did.
  func addCacheProposals(
    _ lattices: inout [[Plan]], _ choices: [[Choice]], sentences: [[TokenRef]],
    lineModes: [RestorationMode], _ memo: inout CandidateMemo
  ) -> Set<Int> {
    let vocabulary = dictionary.vocabulary
    let sure = settings.cacheConfidence
    func id(_ s: Int, _ p: Int) -> Int32? {
      let choice = choices[s][p]
      let id = lattices[s][p].lattice.ids[choice.index]
      return vocabulary.isSyllable(id) && choice.posterior >= sure ? id : nil
    }
    func chosen(_ s: Int, _ p: Int) -> Int32? {
      let id = lattices[s][p].lattice.ids[choices[s][p].index]
      return vocabulary.isSyllable(id) ? id : nil
    }
    // The middles of sure runs of three, by their outer pair, in the order found.
    // Lists at their pair's number in an integer map (a Dictionary's hashing cost more).
    var pairs = IntegerMap()
    var middles = RunMiddles()
    for s in lattices.indices where lattices[s].count >= 3 {
      for p in 1..<(lattices[s].count - 1) {
        guard let a = id(s, p - 1), let x = id(s, p), let c = id(s, p + 1) else { continue }
        let key = LanguageModel.pack(a, c)
        if let n = pairs[key] {
          middles.add(x, to: n)
        } else {
          pairs.insert(key, middles.makeList(x))
        }
      }
    }
    guard middles.lists > 0 else { return [] }
    var changed = Set<Int>()
    for s in lattices.indices where lattices[s].count >= 3 {
      for p in 1..<(lattices[s].count - 1) {
        // Read in place: copying a position's plan or token cost a retain and a release
        // of each of its arrays and strings at every position.
        let ref = sentences[s][p]
        guard lineModes[ref.line] == .full, lattices[s][p].lattice.ids.count > 1,
          choices[s][p].posterior < sure || lines[ref.line][ref.index].kind == .number,
          let a = chosen(s, p - 1), let c = chosen(s, p + 1),
          let list = pairs[LanguageModel.pack(a, c)]
        else { continue }
        let proposed = middles.list(list)
        let plan = lattices[s][p]
        let token = lines[ref.line][ref.index]
        // A sentence whose reading here differs from the run's is decoded again, even when
        // the run's reading is in the list already.
        let chosen = plan.lattice.ids[choices[s][p].index]
        if proposed.contains(where: { $0 != chosen }) { changed.insert(s) }
        let missing = proposed.filter { !plan.lattice.ids.contains($0) }
        guard !missing.isEmpty else { continue }
        let lower = token.text.lowercased()
        let readings = memo.channelReadings(lower, restorer)
        let penalty = token.kind == .number ? settings.digitWordPenalty : 0
        for x in missing {
          // The reading's best channel score, looked up in the token's readings: a
          // position asks for one or two readings, fewer than a table of them all costs.
          var found: Float?
          for r in readings where r.id == x { found = max(found ?? r.logProb, r.logProb) }
          guard let score = found else { continue }
          lattices[s][p].lattice.ids.append(x)
          lattices[s][p].lattice.scores.append(score * settings.channelWeight - penalty)
          changed.insert(s)
        }
      }
    }
    return changed
  }
}

/// Lists of distinct ids kept in one flat store, each in the order its ids came: the
/// middles of the document's sure runs by their outer pair. Most pairs have one middle,
/// and an array for each cost an allocation and a release.
struct RunMiddles {
  /// Each entry's id and the entry after it in its list (-1: the last).
  private var ids: [Int32] = []
  private var next: [Int32] = []
  /// Each list's first and last entry.
  private var heads: [Int32] = []
  private var tails: [Int32] = []

  /// How many lists there are.
  var lists: Int { heads.count }

  /// Starts a list holding `id`; returns its number.
  mutating func makeList(_ id: Int32) -> Int32 {
    let entry = Int32(ids.count)
    ids.append(id)
    next.append(-1)
    heads.append(entry)
    tails.append(entry)
    return Int32(heads.count - 1)
  }

  /// Adds `id` at the end of list `n` unless the list holds it.
  mutating func add(_ id: Int32, to n: Int32) {
    var e = heads[Int(n)]
    while e >= 0 {
      if ids[Int(e)] == id { return }
      e = next[Int(e)]
    }
    let entry = Int32(ids.count)
    ids.append(id)
    next.append(-1)
    next[Int(tails[Int(n)])] = entry
    tails[Int(n)] = entry
  }

  /// The ids of list `n`, in the order they came.
  func list(_ n: Int32) -> [Int32] {
    var found: [Int32] = []
    var e = heads[Int(n)]
    while e >= 0 {
      found.append(ids[Int(e)])
      e = next[Int(e)]
    }
    return found
  }
}

extension DocumentRestoration {
  /// Readings the context proposes for a word the first pass left as printed, unsurely, or
  /// read as a syllable with a posterior below `contextProposalPosterior`, in an
  /// English-model line. The list is cut by channel and unigram prior, so a rare reading
  /// the scan garbled ("We" for "Kế" in "thực hiện Kế hoạch") can be missing from it; the
  /// channel's uncut readings are ranked instead by channel and the language model's
  /// pair with each chosen neighbour, and the best few are offered to the second pass.
  /// Returns the sentences given a proposal.
  func addContextProposals(
    _ lattices: inout [[Plan]], _ choices: [[Choice]], sentences: [[TokenRef]],
    lineModes: [RestorationMode], _ memo: inout CandidateMemo
  ) -> Set<Int> {
    guard settings.contextProposals > 0 else { return [] }
    let vocabulary = dictionary.vocabulary
    let model = restorer.decoder.model
    let other = Vocabulary.Special.otherWord.rawValue
    var changed = Set<Int>()
    for s in lattices.indices {
      for p in lattices[s].indices {
        let ref = sentences[s][p]
        // Read in place until the position qualifies (a copy of the plan cost a retain and
        // a release of both its arrays at every position).
        guard lineModes[ref.line] == .full, lattices[s][p].lattice.ids.count > 1 else { continue }
        let choice = choices[s][p]
        let keep = lattices[s][p].keep
        let keptUnsurely =
          keep.map { lattices[s][p].lattice.ids[$0] == other && choice.index == $0 } == true
          // A sure keep would send its whole sentence to a second decoding for little: on
          // the rough `eng` set they mend 4 more words, for 5–12% of full restoration's speed.
          && choice.posterior < settings.cacheConfidence
        // A syllable chosen with little certainty may be the best of a list that lacks the
        // right reading, as a kept word may.
        let syllableUnsure =
          choice.posterior < settings.contextProposalPosterior
          && vocabulary.isSyllable(lattices[s][p].lattice.ids[choice.index])
        guard keptUnsurely || syllableUnsure else { continue }
        let plan = lattices[s][p]
        let before =
          p > 0 ? chosenId(s, p - 1, lattices, choices) : Vocabulary.Special.sentenceStart.rawValue
        let after =
          p + 1 < lattices[s].count
          ? chosenId(s, p + 1, lattices, choices) : Vocabulary.Special.sentenceEnd.rawValue
        let lower = lines[ref.line][ref.index].text.lowercased()
        // The best few by score, earlier readings first among equals (what a stable sort's
        // prefix gives), kept as they come instead of sorting every reading; the list is
        // searched only for a reading good enough to enter.
        var best = BestScored<(id: Int32, logProb: Float)>(limit: settings.contextProposals)
        for c in memo.channelReadings(lower, restorer) where vocabulary.isSyllable(c.id) {
          let score =
            c.logProb * settings.channelWeight + model.logProb(c.id, after: before)
            + model.logProb(after, after: c.id)
          guard best.admits(score), !plan.lattice.ids.contains(c.id) else { continue }
          best.insert(c, score: score)
        }
        for c in best.items {
          lattices[s][p].lattice.ids.append(c.id)
          lattices[s][p].lattice.scores.append(c.logProb * settings.channelWeight)
          changed.insert(s)
        }
      }
    }
    return changed
  }

  private func chosenId(_ s: Int, _ p: Int, _ lattices: [[Plan]], _ choices: [[Choice]]) -> Int32 {
    lattices[s][p].lattice.ids[choices[s][p].index]
  }
}

/// The `limit` items with the highest scores, best first and, among equal scores, in the
/// order they were offered: the prefix of a stable sort by descending score.
struct BestScored<Item> {
  let limit: Int
  private(set) var items: [Item] = []
  private var scores: [Float] = []

  init(limit: Int) {
    self.limit = limit
    items.reserveCapacity(limit + 1)
    scores.reserveCapacity(limit + 1)
  }

  /// Whether an item with `score` would enter: it must beat the last kept one when the
  /// list is full (an equal score came later, and loses).
  func admits(_ score: Float) -> Bool {
    limit > 0 && (scores.count < limit || score > scores[scores.count - 1])
  }

  /// Offers an item; it goes after every kept item with a score at least as high.
  mutating func insert(_ item: Item, score: Float) {
    guard admits(score) else { return }
    var i = scores.count
    while i > 0 && scores[i - 1] < score { i -= 1 }
    scores.insert(score, at: i)
    items.insert(item, at: i)
    if scores.count > limit {
      scores.removeLast()
      items.removeLast()
    }
  }
}
