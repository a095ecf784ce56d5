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
