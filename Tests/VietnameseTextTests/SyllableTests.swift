import Testing

@testable import VietnameseText

@Test(arguments: [
  "hóa", "khỏe", "thủy", "tuổi", "thuở", "khuyến", "hoàn", "ngoài", "khuỷu", "giữ",
  "gìn", "quốc", "quỳnh", "nghiêng", "đường", "yêu", "ứng", "giếng", "mùa", "của",
])
func decompositionRoundTrips(word: String) throws {
  let syllable = try #require(Syllable(word))
  #expect(syllable.text == word)
  #expect(Syllable(syllable.text) == syllable)
}

@Test func partsOfASyllable() throws {
  let s = try #require(Syllable("Nghiệp"))
  #expect(s.onset == "ngh")
  #expect(s.nucleus == "iê")
  #expect(s.coda == "p")
  #expect(s.tone == .dot)
  #expect(s.bare == "nghiep")
  let q = try #require(Syllable("quyết"))
  #expect(q.onset == "qu" && q.nucleus == "yê" && q.coda == "t" && q.tone == .acute)
}

@Test func tonePlacementUsesTheTraditionalStyle() {
  #expect(Syllable.normalize("hoá") == "hóa")
  #expect(Syllable.normalize("khoẻ") == "khỏe")
  #expect(Syllable.normalize("thuỷ") == "thủy")
  #expect(Syllable.normalize("Uỷ") == "Ủy")
  #expect(Syllable.normalize("Tỷ") == "Tỷ")
  #expect(Syllable.normalize("HOÁ") == "HÓA")
  // Closed syllables and marked vowels are not a matter of style.
  #expect(Syllable.normalize("hoàn") == "hoàn")
  #expect(Syllable.normalize("thuở") == "thuở")
}

@Test func malformedSyllablesAreRejected() {
  #expect(Syllable("ubnd") == nil)
  #expect(Syllable("blockchain") == nil)
  #expect(Syllable("ké") != nil)
  #expect(Syllable("kà") == nil)  // k only before i, e, ê, y
  #expect(Syllable("ghà") == nil)
  #expect(Syllable("tàp") == nil)  // a stop coda takes only sắc or nặng
  #expect(Syllable("tạp") != nil)
  #expect(Syllable("hóaà") == nil)
}

@Test func casePatternsAreKept() {
  #expect(CasePattern(of: "PHU") == .upper)
  #expect(CasePattern(of: "Phii") == .capitalized)
  #expect(CasePattern(of: "S6") == .capitalized)
  #expect(CasePattern(of: "VNeID") == .mixed)
  #expect(CasePattern(of: "PHU").apply(to: "phú") == "PHÚ")
  #expect(CasePattern(of: "Phii").apply(to: "phú") == "Phú")
}
