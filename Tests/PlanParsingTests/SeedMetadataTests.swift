import PlanModel
import Testing

@testable import PlanParsing

/// Metadata of the seeds. 000 and 003 are OCR text without diacritics, so the tests
/// check what survives that: numbers, dates, place keys, the outline's numbering.
@Suite struct SeedMetadataTests {
  let parser = PlanParser(agencies: TestSupport.dictionary)

  func plan(_ prefix: String) throws -> Plan {
    let text = try #require(TestSupport.seed(prefix), "seed \(prefix) not found")
    return parser.parse(TestSupport.plainTextPages(text))
  }

  @Test func seed000() throws {
    let plan = try plan("000_")
    let d = plan.document
    #expect(d.number == "12535/KH-UBND")
    #expect(d.date == "2025-12-30")
    #expect(d.place.map { $0.foldKey.hasPrefix("ph") && $0.foldKey.hasSuffix("tho") } == true)
    #expect(d.type == "Kế hoạch")
    #expect(d.title?.foldKey.hasSuffix("2026") == true)
    #expect(d.legalBases.map(\.number).contains("2629/QD-TTg"))
    #expect(d.legalBases.first { $0.number == "2629/QD-TTg" }?.date == "2025-12-01")
    #expect(d.legalBases.first { $0.number == "57-NQ/TW" }?.kind == "Nghị quyết")
    #expect(d.signer?.name?.foldKey == "nguyen huy ngoc")
    #expect(d.recipients.count >= 8)
    #expect(d.appendices.map(\.key) == ["1", "2"])
    #expect(d.appendices.first?.subtitle?.contains("12535/KH-UBND") == true)
    #expect(plan.sections.map(\.number).prefix(2) == ["I", "III"])
    let goals = plan.sections.first?.children.first { $0.number == "2" }
    #expect(goals?.children.map(\.number) == ["2.1", "2.2", "2.3"])
  }

  @Test func seed003() throws {
    let plan = try plan("003_")
    let d = plan.document
    #expect(d.number == "27/KH-UBND")
    #expect(d.date == "2026-01-15")
    #expect(d.place?.foldKey == "ngoc son")
    #expect(d.type == "Kế hoạch")
    #expect(d.legalBases.first?.number == "17710/UBND-CNXDKH")
    #expect(d.legalBases.first?.date == "2025-10-13")
    #expect(d.appendices.map(\.key) == ["1", "2", "3"])
  }

  @Test func seed002() throws {
    let plan = try plan("002_")
    let d = plan.document
    #expect(d.type == "Kế hoạch")
    #expect(d.title?.hasPrefix("Thực hiện Nghị quyết số 71/NQ-CP") == true)
    #expect(d.title?.hasSuffix("(sau hợp nhất)") == true)
    #expect(
      d.legalBases.contains {
        $0.number == "57-NQ/TW" && $0.date == "2024-12-22" && $0.issuer == "Bộ Chính trị"
      })
    #expect(
      d.signer
        == Signer(name: "Nguyễn Huy Ngọc", title: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"))
    #expect(d.recipients.first == "Văn phòng Chính phủ (để b/c)")
    #expect(d.recipients.last == "Lưu: VT, VX4")
    #expect(d.appendices.map(\.label) == ["PHỤ LỤC I", "Phụ lục II"])
    #expect(
      d.appendices.first?.title
        == "CÁC CHỈ TIÊU CỤ THỂ VÀ PHÂN CÔNG NHIỆM VỤ THEO DÕI, ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN")
    #expect(plan.sections.map(\.number) == ["I", "II", "III", "IV", "V"])
  }

  @Test func bodyIndicatorsFromMucTieuCuThe() throws {
    let plan = try plan("000_")
    let body = plan.indicators.filter { $0.appendix == nil }
    #expect(body.count >= 15)
    #expect(body.allSatisfy { $0.target != nil && $0.section?.number?.hasPrefix("2.") == true })
  }
}
