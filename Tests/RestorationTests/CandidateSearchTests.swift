import Testing
import VietnameseText

@testable import Restoration

/// The candidate search prunes hard (bounds from the best reading, from the limit-th
/// reading, from what the rest of the token can still score, from the letters a trie node
/// continues with). None of that may change what it finds: on a small inventory its lists
/// must equal those of a naive reference that scores every syllable on its own by dynamic
/// programming over all alignments, without any pruning.

/// The learned confusions plus the mark variants the channel adds, keyed by OCR chunk.
private func referenceTable(_ confusions: [Confusion], alphabet: Set<Unicode.Scalar>, unseen: Float)
  -> [[Unicode.Scalar]: [(source: [Unicode.Scalar], logProb: Float)]]
{
  var table: [[Unicode.Scalar]: [(source: [Unicode.Scalar], logProb: Float)]] = [:]
  for c in confusions {
    table[Array(c.ocr.unicodeScalars), default: []].append(
      (Array(c.source.unicodeScalars), c.logProb))
  }
  for letter in alphabet {
    for variant in alphabet
    where VietnameseFolding.fold(String(variant)) == VietnameseFolding.fold(String(letter)) {
      if table[[letter]]?.contains(where: { $0.source == [variant] }) == true { continue }
      table[[letter], default: []].append(([variant], variant == letter ? unseen / 2 : unseen))
    }
  }
  return table.filter { $0.key.count <= 3 }.mapValues { $0.filter { $0.source.count <= 2 } }
}

/// The best score of reading `syllable` as `token`: the maximum over every alignment of
/// confusions and up to `edits` unexplained edits, each path summed left to right.
private func referenceScore(
  _ token: [Unicode.Scalar], _ syllable: [Unicode.Scalar], edits: Int, editLogProb: Float,
  _ table: [[Unicode.Scalar]: [(source: [Unicode.Scalar], logProb: Float)]]
) -> Float {
  let n = token.count
  let m = syllable.count
  var best = [[[Float]]](
    repeating: [[Float]](repeating: [Float](repeating: -.infinity, count: edits + 1), count: m + 1),
    count: n + 1)
  best[0][0][0] = 0
  for i in 0...n {
    for j in 0...m {
      for e in 0...edits where best[i][j][e] > -.infinity {
        let score = best[i][j][e]
        func offer(_ i2: Int, _ j2: Int, _ e2: Int, _ value: Float) {
          if value > best[i2][j2][e2] { best[i2][j2][e2] = value }
        }
        for l in 1...3 where i + l <= n {
          for source in table[Array(token[i..<i + l])] ?? []
          where j + source.source.count <= m
            && Array(syllable[j..<j + source.source.count]) == source.source
          {
            offer(i + l, j + source.source.count, e, score + source.logProb)
          }
        }
        guard e < edits else { continue }
        if i < n { offer(i + 1, j, e + 1, score + editLogProb) }
        if j < m { offer(i, j + 1, e + 1, score + editLogProb) }
        if i < n, j < m { offer(i + 1, j + 1, e + 1, score + editLogProb) }
      }
    }
  }
  return best[n][m].max()!
}

/// What `ChannelModel.candidates` promises, computed the slow way from every syllable's
/// reference score (`scores`, by vocabulary index).
private func referenceCandidates(
  _ token: String, scores: [Float], limit: Int, floor: Float
) -> [(id: Int32, logProb: Float)] {
  let length = token.unicodeScalars.count
  guard length > 0, length <= 12 else { return [] }
  var found: [(id: Int32, logProb: Float)] = []
  for (i, score) in scores.enumerated() where score >= -floor * 1.5 {
    found.append((Int32(i + Vocabulary.Special.allCases.count), score))
  }
  found.sort { $0.logProb > $1.logProb || ($0.logProb == $1.logProb && $0.id < $1.id) }
  guard let top = found.first?.logProb else { return [] }
  return Array(found.prefix(limit).filter { $0.logProb >= top - floor })
}

/// A small inventory: the syllables of the words below (with all their marks) and a
/// spread of others as distractors.
private func smallVocabulary() -> Vocabulary {
  let full = TestSupport.restorer.dictionary.vocabulary.syllables
  let skeletons: Set<String> = [
    "so", "doi", "chuyen", "luc", "nang", "khoa", "long", "vu", "tinh", "nhiem", "hien", "nguoi",
    "le", "la", "o", "u", "thuc", "cac", "trien", "te", "kinh", "phat", "va", "ke", "hoach",
  ]
  var picked: [String] = []
  for (i, s) in full.enumerated() where i % 97 == 0 || skeletons.contains(VietnameseFolding.fold(s))
  {
    picked.append(s)
  }
  return Vocabulary(syllables: picked)
}

private let tokens = [
  "s6", "d6i", "chuyén", "lwc", "khoéa", "1ong", "vx", "nhiem", "tinh", "6", "18", "ii", "nguoj",
  "hiên", "b", "xyz", "ngườii", "thuc", "kinh", "phat", "trién", "13", "ké", "hoach",
]

@Test(arguments: [ChannelKind.lostDiacritics, .keptDiacritics])
func candidatesEqualANaiveSearchOnASmallInventory(kind: ChannelKind) {
  let dictionary = TestSupport.restorer.dictionary
  let vocabulary = smallVocabulary()
  let trie = SyllableTrie(vocabulary: vocabulary)
  let unseen: Float = kind == .lostDiacritics ? -7 : -9
  let confusions = dictionary.confusions[kind.rawValue]
  let channel = ChannelModel(confusions: confusions, trie: trie, unseenMarkLogProb: unseen)
  let table = referenceTable(confusions, alphabet: trie.alphabet, unseen: unseen)
  var nonEmpty = 0
  for token in tokens {
    let scalars = Array(token.unicodeScalars)
    let edits = scalars.count <= 2 ? 1 : 2
    let scores = vocabulary.syllables.map {
      referenceScore(scalars, Array($0.unicodeScalars), edits: edits, editLogProb: -8, table)
    }
    // A wide list, the decoder's settings, and a short list that makes the limit prune.
    for (limit, floor) in [(80, Float(12)), (5, Float(12)), (12, Float(6))] {
      let fast = channel.candidates(
        for: token, limit: limit, floor: floor, maxEdits: 2, editLogProb: -8)
      let slow = referenceCandidates(token, scores: scores, limit: limit, floor: floor)
      if !slow.isEmpty { nonEmpty += 1 }
      #expect(
        fast.map(\.id) == slow.map(\.id) && fast.map(\.logProb) == slow.map(\.logProb),
        "\(token) (limit \(limit), floor \(floor)): \(fast.map { vocabulary.text(of: $0.id) }) vs \(slow.map { vocabulary.text(of: $0.id) })"
      )
    }
  }
  // The comparison means something only if most tokens have readings.
  #expect(nonEmpty > tokens.count * 2)
}

/// The node reached from the root by the letters of `prefix`.
private func trieNode(_ trie: SyllableTrie, _ prefix: String) throws -> Int {
  var node = trie.root
  for scalar in prefix.unicodeScalars {
    let code = try #require(trie.code(of: scalar.value))
    node = try #require(trie.child(node, code))
  }
  return Int(node)
}

/// The trie knows how many letters below a node the nearest and farthest syllables end,
/// which lets the search drop a path whose unread scalars cannot make up such a syllable.
@Test func trieNodesKnowHowFarTheirSyllablesEnd() throws {
  let trie = SyllableTrie(vocabulary: Vocabulary(syllables: ["a", "an", "anh", "ba", "bang"]))
  func node(_ prefix: String) throws -> Int { try trieNode(trie, prefix) }
  let expected: [(String, UInt8, UInt8)] = [
    ("", 1, 4), ("a", 0, 2), ("an", 0, 1), ("anh", 0, 0), ("b", 1, 3), ("ban", 1, 1),
  ]
  for (prefix, nearest, farthest) in expected {
    let n = try node(prefix)
    #expect(trie.nearestEnd[n] == nearest, "nearest end below '\(prefix)'")
    #expect(trie.farthestEnd[n] == farthest, "farthest end below '\(prefix)'")
  }
}

/// The trie knows which letters the syllables strictly below a node end with, which lets
/// the search drop a path whose token ends in no chunk that could write such a letter.
@Test func trieNodesKnowTheLastLettersBelowThem() throws {
  let trie = SyllableTrie(vocabulary: Vocabulary(syllables: ["a", "an", "anh", "ba", "bang"]))
  let expected: [(String, String)] = [
    ("", "aghn"), ("a", "hn"), ("an", "h"), ("anh", ""), ("b", "ag"), ("ban", "g"),
  ]
  for (prefix, letters) in expected {
    let codes = try letters.unicodeScalars.map { try #require(trie.code(of: $0.value)) }
    #expect(
      trie.lastLetters[try trieNode(trie, prefix)].codes == codes.sorted(),
      "last letters below '\(prefix)'")
  }
}

/// The search's state table answers as a plain dictionary of scores would, through the
/// growth of the table: a state improves only on a better score than the one recorded with
/// as many edits left.
@Test func searchStatesAnswerAsADictionaryOfScores() {
  var generator = SystemRandomNumberGenerator()
  var states = SearchStates(maxEdits: 2, capacity: 16)
  var reference: [UInt64: [Float]] = [:]
  for _ in 0..<20000 {
    let key = UInt64.random(in: 0..<3000, using: &generator) << 8
    let left = Int.random(in: 0...2, using: &generator)
    let logProb = Float(Int.random(in: -40...0, using: &generator)) / 4
    var row = reference[key] ?? [-.infinity, -.infinity, -.infinity]
    let expected = row[left] < logProb
    if expected { row[left] = logProb }
    reference[key] = row
    #expect(states.improves(key, logProb, editsLeft: left) == expected)
  }
  #expect(states.count == reference.count)
  for (key, row) in reference {
    for e in 0...2 { #expect(states.score(key, editsLeft: e) == row[e]) }
  }
}

/// The search raises its bound to the limit-th best score found by quickselect: it must
/// give the same value as sorting, duplicates and all.
@Test func quickselectFindsTheKthLargestScore() {
  var generator = SystemRandomNumberGenerator()
  for _ in 0..<300 {
    let count = Int.random(in: 1...200, using: &generator)
    let spread = Int.random(in: 1...50, using: &generator)
    let values = (0..<count).map { _ in Float(Int.random(in: 0..<spread, using: &generator)) / 3 }
    let sorted = values.sorted(by: >)
    let k = Int.random(in: 1...count, using: &generator)
    var scratch = values
    let found = scratch.withUnsafeMutableBufferPointer { CandidateSearch.largest(k, in: $0) }
    #expect(found == sorted[k - 1])
  }
}

/// The channel keeps a chunk's sources grouped by first letter so that the search reads
/// only the groups a trie node continues with: each group must hold exactly the chunk's
/// sources with that letter, best first, and the chunk's best score must be its best
/// source's, or the bound on the rest of a token would be wrong.
@Test(arguments: [ChannelKind.lostDiacritics, .keptDiacritics])
func channelGroupsEveryChunkSourcesByFirstLetterBestFirst(kind: ChannelKind) {
  let channel = TestSupport.restorer.channels[kind.rawValue]
  var grouped = 0
  for r in channel.rangeStarts.indices {
    let start = Int(channel.rangeStarts[r])
    let all = channel.sources[start..<start + Int(channel.rangeCounts[r])]
    let letters = channel.rangeLetters[r]
    let codes = (0..<UInt8(LetterSet.capacity)).filter { letters.contains($0) }
    #expect(Set(all.map(\.first)) == Set(codes))
    for (rank, code) in codes.enumerated() {
      let g = Int(channel.groupBase[r]) + rank
      let group = channel.sources[Int(channel.groupStarts[g])..<Int(channel.groupStarts[g + 1])]
      #expect(!group.isEmpty && group.allSatisfy { $0.first == code })
      #expect(group.map(\.logProb) == group.map(\.logProb).sorted(by: >))
      #expect(group.count == all.filter { $0.first == code }.count)
      grouped += 1
    }
    if let best = all.map(\.logProb).max() { #expect(channel.rangeBest[r] >= best) }
  }
  #expect(grouped > 1000)
}

/// Each chunk's groups, ranked by their best source, give the letters the chunk can read
/// at a given score as a prefix: the ranking is best first, each entry adds one letter, and
/// the last holds them all. The chunk's last letters are those its sources end with.
@Test(arguments: [ChannelKind.lostDiacritics, .keptDiacritics])
func channelRanksEveryChunksGroupsBestFirst(kind: ChannelKind) {
  let channel = TestSupport.restorer.channels[kind.rawValue]
  for r in channel.rangeStarts.indices {
    let ranked = Int(channel.rankedBase[r])..<Int(channel.rankedBase[r + 1])
    #expect(ranked.count == channel.rangeLetters[r].codes.count)
    let start = Int(channel.rangeStarts[r])
    var last = LetterSet()
    for source in channel.sources[start..<start + Int(channel.rangeCounts[r])] {
      last.insert(source.second != ChannelModel.Source.noLetter ? source.second : source.first)
    }
    #expect(channel.rangeLastLetters[r] == last)
    guard let final = ranked.last else { continue }
    #expect(channel.rankedLetters[final] == channel.rangeLetters[r])
    #expect(channel.rankedBest[ranked.first!] <= channel.rangeBest[r])
    for g in ranked.dropFirst() {
      #expect(channel.rankedBest[g] <= channel.rankedBest[g - 1])
      #expect(channel.rankedLetters[g].codes.count == channel.rankedLetters[g - 1].codes.count + 1)
      let (now, before) = (channel.rankedLetters[g], channel.rankedLetters[g - 1])
      #expect(now.low & before.low == before.low && now.high & before.high == before.high)
    }
  }
}

/// A document's searches share one state table, emptied after each search: a search run
/// with a table that earlier searches used must find what it finds with a fresh one.
@Test func aReusedStateTableFindsWhatAFreshOneFinds() {
  let channel = TestSupport.restorer.channels[ChannelKind.lostDiacritics.rawValue]
  var states = SearchStates(maxEdits: 2)
  for token in tokens + tokens.reversed() {
    let fresh = channel.candidates(
      for: token, limit: 80, floor: 12, maxEdits: 2, editLogProb: -8)
    let reused = channel.candidates(
      for: token, limit: 80, floor: 12, maxEdits: 2, editLogProb: -8, states: &states)
    #expect(fresh.map(\.id) == reused.map(\.id), "\(token)")
    #expect(fresh.map(\.logProb) == reused.map(\.logProb), "\(token)")
    #expect(states.count == 0)
    #expect(!states.foundSlots.contains { $0 >= 0 })
  }
}

/// The state table is held in raw buffers but stays a value: a copy that is changed (or
/// grows) gets buffers of its own, and the original keeps what it had.
@Test func aCopiedStateTableIsChangedApartFromItsOriginal() {
  var original = SearchStates(maxEdits: 1, capacity: 16)
  #expect(original.improves(7 << 4, -2, editsLeft: 1) == true)
  var copy = original
  #expect(copy.improves(7 << 4, -1, editsLeft: 1) == true)
  // Enough keys to make the copy grow several times.
  for key in 0..<200 { #expect(copy.improves(UInt64(key + 100) << 4, -3, editsLeft: 0) == true) }
  #expect(original.score(7 << 4, editsLeft: 1) == -2)
  #expect(original.score(150 << 4, editsLeft: 0) == -.infinity)
  #expect(original.count == 1)
  #expect(copy.score(7 << 4, editsLeft: 1) == -1)
  #expect(copy.score(150 << 4, editsLeft: 0) == -3)
  #expect(copy.count == 201)
  // The original still takes new states of its own.
  #expect(original.improves(150 << 4, -5, editsLeft: 0) == true)
  #expect(copy.score(150 << 4, editsLeft: 0) == -3)
}

/// The search orders what it found by a partial quicksort: the first `prefix` keys must be
/// the smallest in order, whatever the size, the duplicates and the input's order, and the
/// keys must only be moved.
@Test func aPartialSortPutsTheSmallestKeysFirstInOrder() {
  forRandomKeyArrays { values, prefix in
    var sorted = values
    sorted.withUnsafeMutableBufferPointer { CandidateSearch.sortPrefix($0, prefix) }
    #expect(Array(sorted.prefix(prefix)) == Array(values.sorted().prefix(prefix)))
    #expect(sorted.sorted() == values.sorted())
  }
}

/// The search finds a child's place among its parent's children from two table reads: for
/// every node of the real inventory and every letter code, that must be the count of the
/// node's letters below the code, and `child` must find exactly the node's children.
@Test func aChildsPlaceFromTheRankTablesIsTheCountOfLettersBelowIt() {
  let trie = TestSupport.restorer.channels[ChannelKind.lostDiacritics.rawValue].trie
  var mismatches = 0
  var children = 0
  trie.withBuffers { buffers in
    for node in 0..<Int32(trie.terminal.count) {
      let set = trie.childLetters[Int(node)]
      for code in 0..<UInt8(LetterSet.capacity) {
        if buffers.rank(node, set, code) != set.count(below: code) { mismatches += 1 }
        if let child = buffers.child(node, code) {
          children += 1
          if trie.child(node, code) != child { mismatches += 1 }
        } else if set.contains(code) {
          mismatches += 1
        }
      }
    }
  }
  #expect(mismatches == 0)
  #expect(children == trie.childNodes.count)
}
