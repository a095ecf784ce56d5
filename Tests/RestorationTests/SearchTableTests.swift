import Testing

@testable import Restoration

/// A state with no edits left reads the letters its chunks can still reach from the chunks
/// ranked once per search, with one comparison a chunk. Pruning on them must stay
/// admissible: they must hold every letter the chunk-by-chunk test finds, and no more than
/// that test finds with the bound a few margins lower.
@Test func rankedChunksAdmitTheLettersTheChunkByChunkTestAdmits() {
  let channel = TestSupport.restorer.channels[ChannelKind.lostDiacritics.rawValue]
  var states = SearchStates(maxEdits: 2)
  var compared = 0
  var nonEmpty = 0
  for token in ["s6", "d6i", "chuyén", "nguoj", "ngườii", "tinh", "hoach", "b", "13", "kinh"] {
    let scalars = token.unicodeScalars.map(\.value)
    var table = states.take()
    table.prepareFoundSlots(vocabularySize: channel.trie.idLimit)
    table = channel.trie.withBuffers { trie in
      channel.withSourceBuffers { sources, groupStarts, ranked in
        var search = CandidateSearch(
          model: channel, trie: trie, sources: sources, groupStarts: groupStarts,
          ranked: ranked, token: scalars, limit: 160, floor: 12, editLogProb: -9, maxEdits: 2,
          table: table)
        let margin = CandidateSearch.margin
        for bound: Float in [-18, -13.5, -9, -4.25, -1] {
          for position in 0..<scalars.count {
            for step in 0...80 {
              let logProb = -Float(step) / 4
              search.bound = bound
              let ranked = search.spentViableLetters(position, logProb)
              let exact = search.viableLetters(position, logProb, search.maxEdits)
              search.bound = bound - 3 * margin
              let looser = search.viableLetters(position, logProb, search.maxEdits)
              #expect(
                ranked.low & exact.low == exact.low && ranked.high & exact.high == exact.high,
                "\(token) at \(position), \(logProb) against \(bound)")
              #expect(
                looser.low & ranked.low == ranked.low && looser.high & ranked.high == ranked.high,
                "\(token) at \(position), \(logProb) against \(bound)")
              compared += 1
              if ranked != LetterSet() { nonEmpty += 1 }
            }
          }
        }
        return search.finish()
      }
    }
    states.put(table)
  }
  #expect(compared > 10_000)
  // Most of the comparisons must be between letter sets with something in them.
  #expect(nonEmpty > compared / 4)
}

/// A search's sets of the letter counts still to come must be exactly the counts a reading
/// of the token's rest can write: checked against sets built from every chunk with a
/// source that can match and every edit, for exactly and then at most so many edits.
@Test func lettersToComeAreEveryCountAReadingWrites() {
  let channel = TestSupport.restorer.channels[ChannelKind.lostDiacritics.rawValue]
  var states = SearchStates(maxEdits: 2)
  var narrow = 0
  for token in ["s6", "d6i", "chuyén", "nguoj", "ngườii", "tinh", "hoach", "b", "13", "rnẽ", "x@y"]
  {
    let scalars = token.unicodeScalars.map(\.value)
    let n = scalars.count
    // Letters a chunk's sources write, by chunk (position * 3 + k - 1); empty when none
    // can match.
    var written = [Set<Int>](repeating: [], count: n * 3)
    for position in 0..<n {
      for k in 1...min(3, n - position) {
        let key = ChannelModel.pack(Array(scalars[position..<position + k]))
        guard let range = channel.chunkRanges[key] else { continue }
        let start = Int(channel.rangeStarts[Int(range)])
        for source in channel.sources[start..<start + Int(channel.rangeCounts[Int(range)])] {
          written[position * 3 + k - 1].insert(
            source.second != ChannelModel.Source.noLetter ? 2 : 1)
        }
      }
    }
    // counts[p][e]: the letters a reading of scalars[p...] with exactly e edits can write.
    var counts = [[Set<Int>]](repeating: [[], [], []], count: n + 1)
    for e in 0...2 { counts[n][e] = [e] }
    for position in stride(from: n - 1, through: 0, by: -1) {
      for e in 0...2 {
        var found = Set<Int>()
        for k in 1...min(3, n - position) {
          for w in written[position * 3 + k - 1] {
            for c in counts[position + k][e] { found.insert(c + w) }
          }
        }
        if e > 0 {
          for c in counts[position + 1][e - 1] { found.formUnion([c, c + 1]) }
          for c in counts[position][e - 1] { found.insert(c + 1) }
        }
        counts[position][e] = found
      }
    }
    var table = states.take()
    table.prepareFoundSlots(vocabularySize: channel.trie.idLimit)
    table = channel.trie.withBuffers { trie in
      channel.withSourceBuffers { sources, groupStarts, ranked in
        var search = CandidateSearch(
          model: channel, trie: trie, sources: sources, groupStarts: groupStarts,
          ranked: ranked, token: scalars, limit: 160, floor: 12, editLogProb: -9, maxEdits: 2,
          table: table)
        for position in 0...n {
          for r in 0...2 {
            let all = counts[position][0...r].reduce(Set<Int>()) { $0.union($1) }
            let mask = all.reduce(UInt32(0)) { $0 | 1 << UInt32(min($1, 31)) }
            #expect(
              search.lettersToCome(position, editsLeft: r) == mask,
              "\(token) at \(position), \(r): \(all.sorted())")
            // Narrower than what scalars and edits alone allow, ⌈(s − r) / 3⌉ to 2s + r.
            let s = n - position
            if all.count < 2 * s + r - max(s - r + 2, 0) / 3 + 1 { narrow += 1 }
          }
        }
        return search.finish()
      }
    }
    states.put(table)
  }
  #expect(narrow > 20)
}

/// A trie node knows at which depths below it syllables end: exactly the lengths of its
/// syllables less its own depth.
@Test func trieNodesKnowTheDepthsTheirSyllablesEndAt() {
  let words = ["a", "an", "anh", "ba", "bang", "nghiêng", "nghe"]
  let trie = SyllableTrie(vocabulary: Vocabulary(syllables: words))
  for word in words {
    let scalars = Array(word.unicodeScalars)
    var node = trie.root
    for (depth, scalar) in [Unicode.Scalar?](scalars.map { $0 } + [nil]).enumerated() {
      let prefix = String(String.UnicodeScalarView(scalars[0..<depth]))
      let expected = words.filter { $0.hasPrefix(prefix) && $0.unicodeScalars.count >= depth }
        .reduce(UInt32(0)) { $0 | 1 << UInt32($1.unicodeScalars.count - depth) }
      #expect(trie.endDepths[Int(node)] == expected, "\(prefix)")
      guard let scalar, let code = trie.code(of: scalar.value), let next = trie.child(node, code)
      else { break }
      node = next
    }
  }
}
