import Testing

@testable import PlanParsing

/// OCR misreadings undone in cells whose column says what they must hold.
@Suite struct OCRCellRepairTests {
  let repair = OCRCellRepair()

  @Test(arguments: [
    ("> 72%", "≥ 72%"), (">80%", "≥80%"), (">= 90%", "≥ 90%"), ("< 5%", "≤ 5%"),
    ("đạt > 90%", "đạt ≥ 90%"), ("100%", "100%"), ("≥ 80%", "≥ 80%"),
    ("> tiêu chuẩn", "> tiêu chuẩn"),
  ])
  func targetSigns(printed: String, expected: String) {
    #expect(repair.target(printed) == expected)
  }

  @Test(arguments: [
    ("Quý II1/2026", "Quý III/2026"), ("Quý l/2026", "Quý I/2026"), ("Quý 1I/2027", "Quý II/2027"),
    ("Quý 1/2026", "Quý 1/2026"), ("Quý IV/2026", "Quý IV/2026"),
    ("Tháng l1/2026", "Tháng 11/2026"),
    ("Tháng O6/2026", "Tháng 06/2026"), ("Thường xuyên", "Thường xuyên"),
  ])
  func deadlineNumerals(printed: String, expected: String) {
    #expect(repair.deadline(printed) == expected)
  }

  @Test func repairedDeadlineReadsAsItsQuarter() {
    let deadline = DeadlineNormalizer().normalize(repair.deadline("Quý II1/2026"))
    #expect(deadline.raw == "Quý III/2026")
    #expect(deadline.start == "2026-07-01" && deadline.end == "2026-09-30")
  }

  @Test func repairedTargetIsAtLeast() throws {
    let target = try #require(TargetNormalizer().target(in: repair.target("> 72%")))
    #expect(target.comparator == .atLeast && target.value == 72 && target.unit == "%")
  }
}
