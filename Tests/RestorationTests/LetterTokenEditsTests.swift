import Testing

@testable import Restoration

private func sameList(
  _ a: [(id: Int32, logProb: Float)], _ b: [(id: Int32, logProb: Float)]
) -> Bool {
  a.map(\.id) == b.map(\.id) && a.map(\.logProb) == b.map(\.logProb)
}

/// A full-mode token of five letters or more alone that no precomputed list holds is
/// searched with `letterTokenEdits` unexplained edits; a shorter one, one with a symbol or
/// a digit inside, and every token under `letterTokenEdits` 2, with `maxEdits`. The
/// stored lists stay the search's own with `maxEdits`.
@Test func aTokenOfLettersAloneIsSearchedWithOneEdit() throws {
  let restorer = TestSupport.restorer
  let twoEdits = try #require(restorer.adjusting("letterTokenEdits", to: 2))
  var states = restorer.makeSearchStates()
  for token in ["dunig", "hidne", "thlen"] {
    #expect(restorer.dictionary.forms.candidates(of: token) == nil, "\(token)")
    let one = restorer.searchCandidates(token, light: false, states: &states, edits: 1)
    let two = restorer.searchCandidates(token, light: false, states: &states)
    // The second edit finds readings the first cannot, so the lists tell the two apart.
    #expect(!sameList(one, two), "\(token)")
    #expect(sameList(restorer.rankedCandidates(token, light: false, states: &states), one))
    #expect(sameList(twoEdits.rankedCandidates(token, light: false, states: &states), two))
  }
  for token in ["kh;li", "d1ch9", "xhqa", "dnug"] {
    #expect(restorer.dictionary.forms.candidates(of: token) == nil, "\(token)")
    let one = restorer.searchCandidates(token, light: false, states: &states, edits: 1)
    let two = restorer.searchCandidates(token, light: false, states: &states)
    #expect(!sameList(one, two), "\(token)")
    #expect(sameList(restorer.rankedCandidates(token, light: false, states: &states), two))
  }
}
