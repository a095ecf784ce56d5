import PlanModel
import PlanParsing
import Testing

@Suite struct GeometryTableTests {
  let parser = PlanParser(agencies: TestSupport.dictionary)
  static let taskColumns: [Double] = [40, 70, 260, 340, 420, 500]
  static let taskHeader = [
    "TT", "Nhiệm vụ", "Cơ quan\nchủ trì", "Cơ quan\nphối hợp", "Kết quả\nthực hiện",
    "Thời hạn\nhoàn thành",
  ]

  func taskTable(centre: Bool = false) -> [PageLayout] {
    var t = SyntheticTable(columnX: Self.taskColumns)
    t.text("Phụ lục 02")
    t.text("CÁC NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN")
    t.text("(Ban hành kèm theo Kế hoạch số 12/KH-UBND ngày 30/12/2025)")
    t.row(Self.taskHeader)
    t.row(["I", "XÂY DỰNG, HOÀN THIỆN THỂ CHẾ"])
    t.row(
      [
        "1", "Ban hành Quyết định giao\nchỉ tiêu chuyển đổi số\ncho các cơ quan",
        "Sở Khoa học\nvà Công nghệ",
        "Các Sở, ban,\nngành; UBND\ncấp xã", "Quyết định\ncủa UBND tỉnh", "Tháng\n02/2026",
      ], centreNumber: centre)
    t.row(
      [
        "2", "Rà soát các chế độ\nbáo cáo", "VP UBND tỉnh", "Các Sở, ban,\nngành",
        "Báo cáo", "Quý III/2026",
      ], centreNumber: centre)
    t.row(["II", "PHÁT TRIỂN HẠ TẦNG SỐ"])
    t.row(
      [
        "1", "Nâng cấp Trung tâm dữ liệu\ntỉnh Phú Thọ và", "Sở Khoa học\nvà Công nghệ",
        "UBND cấp xã",
        "Hoàn thành,\nkhai thác", "2026-2030",
      ], centreNumber: centre)
    t.pageBreak(pageNumber: "2")
    t.row(Self.taskHeader)
    t.row(["", "mở rộng Nền tảng tích hợp", "", "", "sử dụng", ""])
    t.row(
      [
        "2", "Triển khai nền tảng số\ndùng chung", "Công an tỉnh", "Sở Tài chính", "Báo cáo",
        "Thường xuyên\n(sau khi có hướng\ndẫn của Trung ương)",
      ], centreNumber: centre)
    t.pageBreak(pageNumber: "3")
    return t.pages
  }

  func checkTasks(_ plan: Plan) {
    let tasks = plan.tasks
    #expect(tasks.map(\.id) == ["PL2-I-1", "PL2-I-2", "PL2-II-1", "PL2-II-2"])
    guard tasks.count == 4 else { return }
    #expect(tasks[0].text == "Ban hành Quyết định giao chỉ tiêu chuyển đổi số cho các cơ quan")
    #expect(tasks[0].section == SectionRef(number: "I", title: "XÂY DỰNG, HOÀN THIỆN THỂ CHẾ"))
    #expect(tasks[0].lead.map(\.name) == ["Sở Khoa học và Công nghệ"])
    #expect(tasks[0].cooperating.map(\.name) == ["Các Sở, ban, ngành", "UBND cấp xã"])
    #expect(tasks[0].output == "Quyết định của UBND tỉnh")
    #expect(tasks[0].deadline?.kind == .month)
    #expect(tasks[0].deadline?.end == "2026-02-28")
    #expect(tasks[1].lead == [Agency(name: "Văn phòng UBND tỉnh", raw: "VP UBND tỉnh")])
    #expect(tasks[1].deadline?.start == "2026-07-01")
    #expect(tasks[2].text == "Nâng cấp Trung tâm dữ liệu tỉnh Phú Thọ và mở rộng Nền tảng tích hợp")
    #expect(tasks[2].output == "Hoàn thành, khai thác sử dụng")
    #expect(tasks[2].deadline?.kind == .range)
    #expect(tasks[2].page == 1)
    #expect(tasks[3].page == 2)
    #expect(tasks[3].deadline?.kind == .recurring)
    #expect(tasks[3].deadline?.note == "sau khi có hướng dẫn của Trung ương")
    #expect(tasks.allSatisfy { $0.confidence >= 0.9 && $0.appendix == "Phụ lục 02" })
    #expect(plan.indicators.isEmpty)
  }

  @Test func topAlignedTaskTableAcrossAPageBreak() {
    checkTasks(parser.parse(taskTable()))
  }

  @Test func rowNumbersCentredOnTallRows() {
    checkTasks(parser.parse(taskTable(centre: true)))
  }

  @Test func appendixTitleAndSubtitle() {
    let appendix = parser.parse(taskTable()).document.appendices
    #expect(appendix.map(\.key) == ["2"])
    #expect(appendix.first?.title == "CÁC NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN")
    #expect(appendix.first?.subtitle?.hasPrefix("(Ban hành kèm theo") == true)
  }

  @Test func indicatorTableWithUnitColumn() {
    var t = SyntheticTable(columnX: [40, 70, 300, 360, 460], origin: .ocr)
    t.text("PHỤ LỤC I")
    t.text("CÁC CHỈ TIÊU CỤ THỂ")
    t.row(["TT", "Nội dung chỉ tiêu", "Đơn vị\ntính", "Cơ quan chủ trì", "Thời hạn"])
    t.row(["I", "Chính quyền số"])
    t.row(["1", "Tỷ lệ hồ sơ trực tuyến đạt\ntối thiểu 90%", "%", "Văn phòng\nUBND tỉnh", "2026"])
    t.row(["2", "Đào tạo 1.000 học viên/năm", "học viên", "Sở Nội vụ", "Hằng năm"])
    t.pageBreak()
    let indicators = parser.parse(t.pages).indicators
    #expect(indicators.count == 2)
    guard indicators.count == 2 else { return }
    #expect(indicators[0].appendix == "PHỤ LỤC I")
    #expect(indicators[0].section?.title == "Chính quyền số")
    #expect(
      indicators[0].target
        == Target(raw: "tối thiểu 90%", value: 90, unit: "%", comparator: .atLeast))
    #expect(indicators[0].unit == "%")
    #expect(indicators[0].lead.map(\.name) == ["Văn phòng UBND tỉnh"])
    #expect(indicators[0].deadline?.kind == .year)
    #expect(indicators[1].target?.value == 1000)
    #expect(indicators[1].deadline?.kind == .recurring)
    #expect(indicators.allSatisfy { $0.confidence == 0.8 })
  }
}
