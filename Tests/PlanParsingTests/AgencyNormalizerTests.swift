import PlanModel
import PlanParsing
import Testing

@Suite struct AgencyNormalizerTests {
  let normalizer = AgencyNormalizer(dictionary: TestSupport.dictionary)

  func names(_ list: String) -> [String] { normalizer.agencies(in: list).map(\.name) }

  @Test func dictionaryLoads() {
    #expect(TestSupport.dictionary.count > 100)
  }

  @Test func splitsOnSemicolons() {
    #expect(
      names("Sở Khoa học và Công nghệ; Sở Nội vụ.") == ["Sở Khoa học và Công nghệ", "Sở Nội vụ"])
  }

  @Test func listNameWithCommasIsOneAgency() {
    #expect(names("Các Sở, ban, ngành; UBND cấp xã") == ["Các Sở, ban, ngành", "UBND cấp xã"])
    #expect(names("Các Sở, ban, ngành, UBND cấp xã") == ["Các Sở, ban, ngành", "UBND cấp xã"])
    #expect(names("Các sở, ban, ngành") == ["Các Sở, ban, ngành"])
  }

  @Test func commaInsideAnAgencyNameDoesNotSplit() {
    #expect(
      names("Sở Văn hóa, Thể thao và Du lịch, Sở Khoa học và Công nghệ")
        == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ"])
  }

  @Test func commaBetweenAgenciesSplits() {
    #expect(
      names("Công an tỉnh, Thuế tỉnh, Ngân hàng nhà nước Khu vực IV")
        == ["Công an tỉnh", "Thuế tỉnh", "Ngân hàng Nhà nước Khu vực 4"])
  }

  @Test func aliasesMapToCanonicalName() {
    let agencies = normalizer.agencies(in: "VP UBND tỉnh; Văn phòng Ủy ban nhân dân tỉnh")
    #expect(agencies == [Agency(name: "Văn phòng UBND tỉnh", raw: "VP UBND tỉnh")])
    #expect(names("Sở KH&CN") == ["Sở Khoa học và Công nghệ"])
    #expect(names("UBND các xã, phường") == ["UBND cấp xã"])
  }

  @Test func matchingSurvivesLostOrWrongDiacritics() {
    #expect(names("Van phong UBND tinh") == ["Văn phòng UBND tỉnh"])
    #expect(names("Cac So, ban, nganh; UBND cap xa") == ["Các Sở, ban, ngành", "UBND cấp xã"])
    #expect(names("Sé Khoa hoc va Cong nghé") == ["Sở Khoa học và Công nghệ"])
    #expect(names("S¢ Khoa hoc va Cong ngh¢") == ["Sở Khoa học và Công nghệ"])
  }

  @Test func unknownAgencyKeepsItsPrintedName() {
    let agencies = normalizer.agencies(in: "Trung tâm Điều hành thông minh;")
    #expect(
      agencies == [
        Agency(name: "Trung tâm Điều hành thông minh", raw: "Trung tâm Điều hành thông minh")
      ])
  }

  @Test func ocrMarksAreRepairedFromTheDictionarysSpelling() {
    // OCR read the well-formed but wrong "chỉ" for the printed "chi".
    let read = normalizer.agencies(in: "Các chỉ bộ trực thuộc; UBND XA", readByOCR: true)
    #expect(read.map(\.raw) == ["Các chi bộ trực thuộc", "UBND XÃ"])
    #expect(read.map(\.name) == ["Các chi bộ trực thuộc", "UBND xã"])
    // Letters OCR garbled within the near-match distance take the known spelling.
    #expect(
      normalizer.agencies(in: "S¢ Khoa hoc va Cong nghé", readByOCR: true).map(\.raw)
        == ["Sở Khoa học và Công nghệ"])
    // Text that is not OCR keeps its marks as printed; names the dictionary does not
    // know keep theirs whatever the source.
    #expect(
      normalizer.agencies(in: "Các chỉ bộ trực thuộc").map(\.raw) == ["Các chỉ bộ trực thuộc"])
    #expect(
      normalizer.agencies(in: "Tổ công nghệ số cộng đông", readByOCR: true).map(\.raw)
        == ["Tổ công nghệ số cộng đông"])
  }

  @Test func andBetweenTwoAgenciesSplits() {
    #expect(names("Sở Tài chính và các sở, ngành") == ["Sở Tài chính", "Các Sở, ban, ngành"])
    #expect(names("Sở Khoa học và Công nghệ") == ["Sở Khoa học và Công nghệ"])
    #expect(
      names("UBND cấp xã và các cơ quan, đơn vị liên quan")
        == ["UBND cấp xã", "Các cơ quan, đơn vị liên quan"])
  }
}
