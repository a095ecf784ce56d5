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

/// A search's bounds on the letters still to come must hold every count a reading of the
/// token's rest can write: checked against a forward walk over (position, edits spent,
/// letters written) that tries every chunk with a source that can match and every edit.
@Test func lettersToComeHoldEveryCountAReadingWrites() {
  let channel = TestSupport.restorer.channels[ChannelKind.lostDiacritics.rawValue]
  var states = SearchStates(maxEdits: 2)
  var tight = 0
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
            let bounds = search.lettersToCome(position, editsLeft: r)
            if let low = all.min(), let high = all.max() {
              #expect(bounds.fewest == low && bounds.most == high, "\(token) at \(position), \(r)")
              if high - low < 2 * (n - position) + r - max(n - position - r + 2, 0) / 3 {
                tight += 1
              }
            } else {
              #expect(
                bounds.fewest == Int(UInt8.max) && bounds.most == 0, "\(token) at \(position)")
            }
          }
        }
        return search.finish()
      }
    }
    states.put(table)
  }
  // The bounds are tighter than what scalars and edits alone allow somewhere.
  #expect(tight > 20)
}
