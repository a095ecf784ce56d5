import Testing

@testable import Restoration

/// A search's readings are handed to the prior's ranking in no particular order, and the
/// ranking puts only the readings it keeps in order: neither may change what a list holds.

/// A selection keeps the `prefix` smallest keys first, in any order: they must be the same
/// keys a full sort puts first, whatever the size, the duplicates and the input's order,
/// and the keys must only be moved.
@Test func aSelectionPutsTheSmallestKeysFirst() {
  forRandomKeyArrays { values, prefix in
    var selected = values
    selected.withUnsafeMutableBufferPointer { CandidateSearch.selectPrefix($0, prefix) }
    #expect(selected.prefix(prefix).sorted() == Array(values.sorted().prefix(prefix)))
    #expect(selected.sorted() == values.sorted())
  }
}

/// The prior's ranking must give the prefix of a sort by key (descending) and id, with many
/// equal keys, keys of either sign and zero of either sign, ids above 16 bits (the standard
/// sort's path) and readings in any order.
@Test func theRankingIsThePrefixOfASortByKeyAndId() {
  var generator = SystemRandomNumberGenerator()
  for round in 0..<300 {
    let count = Int.random(in: 0...300, using: &generator)
    let idRange: Range<Int32> = round % 4 == 3 ? 0..<200_000 : 0..<20_000
    var ids = Set<Int32>()
    while ids.count < count { ids.insert(Int32.random(in: idRange, using: &generator)) }
    let readings = ids.shuffled(using: &generator).map { id -> (id: Int32, logProb: Float) in
      (id, Float(Int.random(in: -40...0, using: &generator)) / 4)
    }
    let keyOf: ((id: Int32, logProb: Float)) -> Float = {
      $0.id % 7 == 0 ? -0.0 : $0.logProb + Float($0.id % 5) / 2 - 1
    }
    let expected = readings.sorted {
      keyOf($0) > keyOf($1) || (keyOf($0) == keyOf($1) && $0.id < $1.id)
    }
    let prefix = Int.random(in: 0...count + 3, using: &generator)
    let ranked = CandidateRanking.ranked(readings, prefix: prefix, key: keyOf)
    let wanted = expected.prefix(prefix)
    #expect(ranked.map(\.id) == wanted.map(\.id))
    #expect(ranked.map(\.logProb) == wanted.map(\.logProb))
  }
}

/// Asking the channel for its readings in no particular order gives the same readings with
/// the same scores as asking for them best first.
@Test func unorderedReadingsAreTheOrderedOnes() {
  let channel = TestSupport.restorer.channels[ChannelKind.lostDiacritics.rawValue]
  var states = SearchStates(maxEdits: 2)
  for token in ["s6", "d6i", "chuyén", "nguoj", "ngườii", "tinh", "hoach", "b", "13", "ii"] {
    for limit in [5, 24, 160] {
      let ordered = channel.candidates(
        for: token, limit: limit, floor: 12, maxEdits: 2, editLogProb: -9, states: &states)
      let unordered = channel.candidates(
        for: token, limit: limit, floor: 12, maxEdits: 2, editLogProb: -9, states: &states,
        ordered: false)
      let sorted = unordered.sorted {
        $0.logProb > $1.logProb || ($0.logProb == $1.logProb && $0.id < $1.id)
      }
      #expect(sorted.map(\.id) == ordered.map(\.id), "\(token) \(limit)")
      #expect(sorted.map(\.logProb) == ordered.map(\.logProb), "\(token) \(limit)")
    }
  }
}
