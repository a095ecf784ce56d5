import PlanModel
import Testing
import VietnameseText

@testable import PlanParsing

/// Appendix tables read from plain text, checked against what the seeds' text prints
/// (row counts and cells read off the text itself).
@Suite struct PlainTextTableTests {
  static func plan(_ prefix: String) -> Plan? {
    TestSupport.seed(prefix).map {
      PlanParser(agencies: TestSupport.dictionary).parse(TestSupport.plainTextPages($0))
    }
  }

  /// Seed 002 (a born-digital plan's text): "PHỤ LỤC I" holds two tables, "I. Chỉ tiêu
  /// các nhiệm vụ có tính trọng tâm" (77 rows numbered "1.1" … under "I Đến hết năm
  /// 2025" …) and "II. Chỉ tiêu thực hiện các nhiệm vụ chủ yếu" (97 rows).
  @Test(.enabled(if: TestSupport.seed("002_") != nil)) func seed002NumberedRows() throws {
    let plan = try #require(Self.plan("002_"))
    let rows = plan.indicators.filter { $0.appendix == "PHỤ LỤC I" }
    #expect(rows.count == 174)
    #expect(rows.filter { $0.id.hasPrefix("PL1-I-") }.count == 77)
    #expect(rows.filter { $0.id.hasPrefix("PL1-II-") }.count == 97)
    #expect(Set(rows.map(\.id)).count == rows.count)

    // "1.1 100% thủ tục hành chính … cấp tỉnh. Văn phòng UBND tỉnh"
    let first = try #require(rows.first { $0.id == "PL1-I-I-1.1" })
    #expect(first.number == "1.1")
    #expect(first.section == SectionRef(number: "1", title: "Lĩnh vực cải cách hành chính"))
    #expect(first.text.hasPrefix("100% thủ tục hành chính được thực hiện trên môi trường"))
    #expect(first.text.hasSuffix("trong phạm vi cấp tỉnh."))
    #expect(first.lead.map(\.name) == ["Văn phòng UBND tỉnh"])
    #expect(first.target?.value == 100 && first.target?.unit == "%")

    // "2.5" alone on its line, the text below it, the agency on a line of its own.
    let numberAlone = try #require(rows.first { $0.id == "PL1-I-I-2.5" })
    #expect(numberAlone.text.hasPrefix("Có ≥ 70% cơ sở giáo dục, đào tạo các cấp học"))
    #expect(numberAlone.lead.map(\.name) == ["Sở Giáo dục và Đào tạo"])
    #expect(numberAlone.target?.comparator == .atLeast && numberAlone.target?.value == 70)

    // "5.1 Chỉ số chuyển đổi số cấp tỉnh ≥ 0.70 Sở Khoa học và Công nghệ", second table.
    let index = try #require(rows.first { $0.id == "PL1-II-I-5.1" })
    #expect(index.text == "Chỉ số chuyển đổi số cấp tỉnh ≥ 0.70")
    #expect(index.lead.map(\.name) == ["Sở Khoa học và Công nghệ"])
    #expect(index.target?.value == 0.7 && index.target?.comparator == .atLeast)
    #expect(index.section?.title == "Phát triển chuyển đổi số")

    // The repeated column header across a page break ("TT Chỉ tiêu … / đánh giá") is
    // not read into any row.
    #expect(!rows.contains { $0.text.contains("Cơ quan chủ trì") || $0.text.hasSuffix("giá") })
  }

  /// Seed 003 (OCR of a scan): "Phu luc 1" lists 28 indicators under I (2), II (3) and
  /// III (23), with unit and target columns at the right ("% 60%").
  @Test(.enabled(if: TestSupport.seed("003_") != nil)) func seed003UnitAndTargetColumns() throws {
    let plan = try #require(Self.plan("003_"))
    let rows = plan.indicators.filter { $0.appendix == "Phu luc 1" }
    #expect(rows.count == 28)
    #expect(rows.filter { $0.section?.number == "III" }.count == 23)
    // "1 | Til¢ phu séng 5G trén dia ban % 60%"
    let first = try #require(rows.first)
    #expect(first.text == "Til¢ phu séng 5G trén dia ban")
    #expect(first.unit == "%")
    #expect(first.target?.raw == "60%" && first.target?.value == 60)
    // "21 | Quy mé kinh té sé trong GRDP % 18,7%"
    let share = try #require(rows.first { $0.section?.number == "III" && $0.number == "21" })
    #expect(share.text.hasPrefix("Quy mé kinh té sé trong GRDP"))
    #expect(share.unit == "%" && share.target?.raw == "18,7%")
    #expect(share.target?.value == 18.7)
    // Rows whose numbers OCR misread ("g" for 8, "0" for 20) are kept in sequence.
    let numbers = rows.filter { $0.section?.number == "III" }.map(\.number)
    #expect(numbers == (1...23).map(String.init))
    #expect(rows.allSatisfy { $0.confidence < 0.5 })
  }

  /// Seed 003's "Phu luc 2" (OCR of a scan, columns TT, Tên nhiệm vụ, Yêu cầu kết quả,
  /// Thời gian, Đơn vị chủ trì, Đơn vị phối hợp, Ghi chú): twelve tasks, the header that
  /// OCR broke into one cell name per line kept out of them.
  @Test(.enabled(if: TestSupport.seed("003_") != nil)) func seed003TaskTable() throws {
    let plan = try #require(Self.plan("003_"))
    let rows = plan.tasks.filter { $0.appendix == "Phu luc 2" }
    #expect(rows.map(\.number) == (1...12).map(String.init))
    // "… | Phong VH&XH | …" and "[COng an phudng chu …"
    #expect(rows[0].lead.map(\.name) == ["Phòng Văn hóa - Xã hội"])
    #expect(rows[8].lead.map(\.name) == ["Công an xã"])
    for row in rows {
      #expect(
        !VietnameseFolding.fold(row.text).contains("yeu cau ket qua"), "\(row.number): \(row.text)")
      #expect(
        !VietnameseFolding.fold(row.text).contains("thoi gian thuc"), "\(row.number): \(row.text)")
    }
  }
}

/// Cutting one line of line-sliced OCR text into the text column and the cells to its
/// right.
@Suite struct ColumnSplitterTests {
  let splitter = ColumnSplitter(agencies: AgencyNormalizer(dictionary: TestSupport.dictionary))

  @Test func aLeadNameWrappedOverTwoLinesIsJoined() {
    // The lead cell holds "Sở Khoa học và" on this line and "Công nghệ" on the next,
    // where the cooperating cell's "UBND cấp xã" is what marks the right-hand part.
    var parts = [
      splitter.split(
        "thu, phu hop véi cac quy dinh tai Khung Sé Khoa hoc va Cic S&, ban, nganh, | Quyét dinh ctia",
        previousRight: ""),
      splitter.split(
        "tric téng thé Qudc gia sd Cone nehe UBND cAp x4 UBND tinh 2026", previousRight: ""),
    ]
    #expect(parts[0].text == "thu, phu hop véi cac quy dinh tai Khung")
    splitter.joinWrappedNames(&parts)
    #expect(parts[0].right.hasPrefix("Sé Khoa hoc va Cone nehe Cic S&"))
    #expect(parts[1].text == "tric téng thé Qudc gia sd")
    let cells = splitter.taskCells(parts.map(\.right), anchorRight: parts[0].right)
    #expect(cells[.lead] == "Sé Khoa hoc va Cone nehe")
    // "Quyết định của UBND tỉnh" is the result, naming its issuer.
    #expect(cells[.cooperating]?.contains("UBND tinh") == false)
  }
}
