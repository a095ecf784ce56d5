import Foundation
import Testing

@testable import Restoration

/// Tokens found in `restoration.bin`'s precomputed tables skip the candidate search, so
/// each stored list must be exactly what the search returns for its form: otherwise a
/// document would restore differently depending on which table a word happened to hit.
/// A dictionary built before a change to the search or to the confusions fails here
/// until `scripts/build-dictionaries` is run again.

private func sameList(
  _ a: [(id: Int32, logProb: Float)], _ b: [(id: Int32, logProb: Float)]
) -> Bool {
  a.map(\.id) == b.map(\.id) && a.map(\.logProb) == b.map(\.logProb)
}

/// Checks a spread of about 120 of `table`'s lists (they were made in frequency order of
/// the syllables) against the search in the given mode.
private func expectStoredListsAreSearched(_ table: FormTable, light: Bool) {
  let restorer = TestSupport.restorer
  var states = restorer.makeSearchStates()
  var checked = 0
  for k in stride(from: 0, to: table.count, by: max(table.count / 120, 1)) {
    let form = table.form(k)
    let stored = table.candidates(of: form)
    let searched = restorer.searchCandidates(form, light: light, states: &states)
    #expect(stored.map { sameList($0, searched) } == true, "\(form)")
    checked += 1
  }
  #expect(checked >= 120)
}

@Test func storedFormListsEqualWhatTheSearchFinds() {
  let table = TestSupport.restorer.dictionary.forms
  #expect(table.count > 10_000)
  expectStoredListsAreSearched(table, light: false)
}

@Test func storedLightListsEqualWhatTheSearchFinds() {
  let table = TestSupport.restorer.dictionary.lightForms
  // Every syllable of the training text that kept its marks: the common words of a plan.
  #expect(table.count > 1_500)
  for word in ["người", "của", "chuyển", "đổi", "số", "tỉnh"] {
    #expect(table.candidates(of: word) != nil, "\(word)")
  }
  expectStoredListsAreSearched(table, light: true)
}

@Test func storedSkeletonListsEqualWhatTheSearchFinds() {
  let restorer = TestSupport.restorer
  let table = restorer.dictionary.skeletons
  var states = restorer.makeSearchStates()
  for i in stride(from: 0, to: table.keys.count, by: max(table.keys.count / 100, 1)) {
    let stored = (Int(table.offsets[i])..<Int(table.offsets[i + 1])).map {
      (id: table.ids[$0], logProb: table.logProbs[$0])
    }
    // Bare skeletons keep the shorter list (`candidateLimit`), misreadings the longer one.
    let searched = restorer.searchCandidates(
      table.keys[i], light: false, states: &states, skeleton: true)
    #expect(sameList(stored, searched), "\(table.keys[i])")
  }
}

@Test func formTableFindsEveryKeyAndNothingElse() throws {
  let lists: [(form: String, candidates: [(id: Int32, logProb: Float)])] = (0..<300).map { n in
    ("f\(n)ừ", (0..<(n % 13)).map { (Int32(12 + n + $0), -Float($0) - 0.25) })
  }
  let table = FormTable(lists)
  #expect(table.count == 300)
  #expect(table.candidateCount == lists.reduce(0) { $0 + $1.candidates.count })
  for (form, candidates) in lists {
    #expect(table.candidates(of: form).map { sameList($0, candidates) } == true, "\(form)")
  }
  for absent in ["", "f", "f1", "f300ừ", "f1ư", "f12ừx"] {
    #expect(table.candidates(of: absent) == nil, "\(absent)")
  }
  #expect(FormTable([]).candidates(of: "a") == nil)
  // A list naming an id beyond the vocabulary counts as absent (the token is searched).
  let small = table.limited(to: 100)
  #expect(small.candidates(of: "f1ừ").map { sameList($0, lists[1].candidates) } == true)
  #expect(small.candidates(of: "f95ừ") == nil)
  // Written and read back in place, the table answers the same; cut short, it is refused.
  var w = ByteWriter()
  table.write(to: &w)
  var r = ByteReader(data: Data(w.bytes), path: "t")
  let read = try FormTable(reading: &r, idLimit: 1000)
  #expect(r.offset == w.bytes.count)
  for (form, candidates) in lists {
    #expect(read.candidates(of: form).map { sameList($0, candidates) } == true, "\(form)")
  }
  var short = ByteReader(data: Data(w.bytes.dropLast(6)), path: "t")
  #expect(throws: RestorationError.self) { try FormTable(reading: &short, idLimit: 1000) }
}

@Test func likelyFormsOfASyllableAreItsLikeliestWritings() {
  let restorer = TestSupport.restorer
  let writings = LikelyForms.writings(
    restorer.dictionary.confusions[ChannelKind.lostDiacritics.rawValue],
    letters: Set("nguoiờ".unicodeScalars), unseenMarkLogProb: -7)
  let chooser = LikelyForms()
  let forms = chooser.forms(of: "người", writings)
  // The syllable as printed and with its marks dropped are among the likeliest forms.
  #expect(forms.prefix(4).contains("người") && forms.prefix(4).contains("nguoi"))
  #expect(forms.count > 1 && forms.count <= chooser.perSyllable)
  #expect(Set(forms).count == forms.count)
}

@Test func precomputedListsAreNotUsedUnderOtherSearchSettings() throws {
  let misreadings = try #require(
    TestSupport.restorer.adjusting("misreadingCandidateLimit", to: 3))
  let table = misreadings.dictionary.forms
  let form = table.form(0)
  #expect(try #require(table.candidates(of: form)).count > 3)
  var states = misreadings.makeSearchStates()
  #expect(misreadings.rankedCandidates(form, light: false, states: &states).count <= 3)
  let skeletons = try #require(TestSupport.restorer.adjusting("candidateLimit", to: 3))
  #expect(skeletons.rankedCandidates("nguoi", light: false, states: &states).count <= 3)
}
