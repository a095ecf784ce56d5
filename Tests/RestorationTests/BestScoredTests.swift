import Testing

@testable import Restoration

/// The context's proposals keep the best few readings as they come: they must be the
/// prefix of sorting every reading by descending score, as the proposals were chosen
/// before, ties (which are common: few distinct scores here) included.
@Test func bestScoredKeepsWhatASortedPrefixKeeps() {
  var generator = SystemRandomNumberGenerator()
  for round in 0..<2000 {
    let count = Int.random(in: 0...40, using: &generator)
    let distinct = round % 3 == 0 ? 3 : 50
    let scores = (0..<count).map { _ in Float(Int.random(in: 0..<distinct, using: &generator)) / 4 }
    let limit = Int.random(in: 0...6, using: &generator)
    var best = BestScored<Int>(limit: limit)
    for (i, score) in scores.enumerated() { best.insert(i, score: score) }
    let expected = Array(
      scores.enumerated().map { ($0.offset, $0.element) }
        .sorted { $0.1 > $1.1 }.prefix(limit).map(\.0))
    #expect(best.items == expected, "\(scores) limit \(limit)")
  }
}
