import PlanModel
import PlanParsing
import Testing

/// Seed 002's "Phụ lục II", as pdftotext gives a born-digital table: each row's cells one
/// after another (text, lead, cooperating, result, deadline), in two parts ("1. Nhóm
/// nhiệm vụ trọng tâm", "2. Nhiệm vụ chủ yếu") whose groups both count from I. What is
/// asserted was read off the seed's text.
@Suite(.enabled(if: TestSupport.seed("002_") != nil)) struct SeedCellFlowTests {
  static let tasks: [String: PlanTask] = {
    let pages = TestSupport.plainTextPages(TestSupport.seed("002_") ?? "")
    let plan = PlanParser(agencies: TestSupport.dictionary).parse(pages)
    return Dictionary(
      plan.tasks.filter { $0.appendix == "Phụ lục II" }.map { ($0.id, $0) },
      uniquingKeysWith: { a, _ in a })
  }()

  @Test func everyRowOfBothPartsIsATask() {
    // Part 1: 51 rows (groups I–VII, VII a task itself); part 2: rows 1–122 and the
    // sub-rows 16.1–16.3, 17.1–17.5, 29.1–29.2, 92.1–92.4.
    #expect(Self.tasks.count == 51 + 122 + 14)
    #expect(Self.tasks.keys.filter { $0.hasPrefix("PL2-1-") }.count == 51)
    #expect(Self.tasks.values.allSatisfy { $0.confidence < 0.95 })
  }

  @Test func groupNumberingRestartsInTheSecondPart() throws {
    let first = try #require(Self.tasks["PL2-1-I-1"])
    let second = try #require(Self.tasks["PL2-2-I-1"])
    #expect(first.section?.title == "Chuyển đổi số lĩnh vực cải cách hành chính")
    #expect(second.section?.title?.hasPrefix("Nâng cao nhận thức, đột phá") == true)
    #expect(Self.tasks["PL2-2-II-14"] != nil)
    #expect(Self.tasks["PL2-2-VIII-122"] != nil)
  }

  @Test func cellsGoToTheirColumns() throws {
    let row = try #require(Self.tasks["PL2-1-I-1"])
    #expect(row.text.hasPrefix("Chuẩn hóa các Trung tâm Phục vụ hành chính công"))
    #expect(row.lead.map(\.name) == ["Văn phòng UBND tỉnh"])
    #expect(row.cooperating.map(\.name) == ["UBND cấp xã"])
    #expect(row.output?.hasPrefix("Trung tâm Phục vụ hành chính công các cấp") == true)
    #expect(row.deadline?.raw == "Tháng 12/2025")
    #expect(row.deadline?.kind == .month)

    // Result and deadline printed on one line: "Nền tảng số được áp dụng Quý II/2026".
    let joined = try #require(Self.tasks["PL2-2-I-5"])
    #expect(joined.lead.map(\.name) == ["Sở Khoa học và Công nghệ"])
    #expect(joined.cooperating.map(\.name) == ["Các Sở, ban, ngành", "UBND cấp xã"])
    #expect(joined.output == "Nền tảng số được áp dụng")
    #expect(joined.deadline?.kind == .quarter)

    let sub = try #require(Self.tasks["PL2-2-III-29.1"])
    #expect(sub.lead.map(\.name) == ["Văn phòng UBND tỉnh", "Công an tỉnh"])
    #expect(sub.deadline?.raw == "Nhiệm vụ thường xuyên")
  }

  @Test func aRowCutByAPageBreakIsJoined() throws {
    // Row 3 of group I starts on one line with every column's first words, and the
    // rest of each cell follows the repeated header.
    let row = try #require(Self.tasks["PL2-1-I-3"])
    #expect(row.text.hasSuffix("kết nối với IOC của tỉnh"))
    #expect(row.lead.map(\.name) == ["Văn phòng UBND tỉnh"])
    #expect(row.deadline?.raw == "Giai đoạn 2026-2030")
  }
}
