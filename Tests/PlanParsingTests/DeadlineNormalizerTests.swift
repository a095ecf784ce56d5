import PlanModel
import PlanParsing
import Testing

@Suite struct DeadlineNormalizerTests {
  let normalizer = DeadlineNormalizer()

  func check(_ raw: String, _ kind: DeadlineKind, _ start: String?, _ end: String?) {
    let d = normalizer.normalize(raw)
    #expect(d.kind == kind, "\(raw)")
    #expect(d.start == start, "\(raw)")
    #expect(d.end == end, "\(raw)")
  }

  @Test func months() {
    check("Tháng 02/2026", .month, "2026-02-01", "2026-02-28")
    check("Tháng 6/2026", .month, "2026-06-01", "2026-06-30")
    check("Tháng 12/2025", .month, "2025-12-01", "2025-12-31")
    check("tháng 2 năm 2028", .month, "2028-02-01", "2028-02-29")
    check("Thang 11/2026", .month, "2026-11-01", "2026-11-30")
    check("Tháng \n12/2025", .month, "2025-12-01", "2025-12-31")
  }

  @Test func quarters() {
    check("Quý I/2026", .quarter, "2026-01-01", "2026-03-31")
    check("Quý II/2026", .quarter, "2026-04-01", "2026-06-30")
    check("Quý III/2026", .quarter, "2026-07-01", "2026-09-30")
    check("Quý IV/2026", .quarter, "2026-10-01", "2026-12-31")
    check("Quy IV/2026", .quarter, "2026-10-01", "2026-12-31")
    check("Quý 3 năm 2026", .quarter, "2026-07-01", "2026-09-30")
  }

  @Test func quarterWithOcrOnesForI() {
    check("Quy 111/2026", .quarter, "2026-07-01", "2026-09-30")
    check("Quy 1V/2026", .quarter, "2026-10-01", "2026-12-31")
  }

  @Test func years() {
    check("2026", .year, "2026-01-01", "2026-12-31")
    check("Năm 2026", .year, "2026-01-01", "2026-12-31")
    check("Trong năm 2027", .year, "2027-01-01", "2027-12-31")
  }

  @Test func dates() {
    check("30/6/2026", .date, "2026-06-30", "2026-06-30")
    check("Trước ngày 15/12/2026", .date, "2026-12-15", "2026-12-15")
    check("ngày 30 tháng 12 năm 2025", .date, "2025-12-30", "2025-12-30")
    check("31/02/2026", .unspecified, nil, nil)
  }

  @Test func ranges() {
    check("2026-2030", .range, "2026-01-01", "2030-12-31")
    check("Giai đoạn 2026-2030", .range, "2026-01-01", "2030-12-31")
    check("Giai đoan 2026 - 2030", .range, "2026-01-01", "2030-12-31")
    check("2025 – 2030", .range, "2025-01-01", "2030-12-31")
  }

  @Test func recurring() {
    check("Thường xuyên", .recurring, nil, nil)
    check("Hàng năm", .recurring, nil, nil)
    check("Hằng năm", .recurring, nil, nil)
    check("Thuong xuyén", .recurring, nil, nil)
  }

  @Test func conditionInParenthesesBecomesNote() {
    let d = normalizer.normalize("Thường xuyên (Sau khi có hướng dẫn của Trung ương)")
    #expect(d.kind == .recurring)
    #expect(d.note == "Sau khi có hướng dẫn của Trung ương")
    #expect(d.raw == "Thường xuyên (Sau khi có hướng dẫn của Trung ương)")
    let dated = normalizer.normalize("2026 (sau khi có quy định)")
    #expect(dated.kind == .year)
    #expect(dated.note == "sau khi có quy định")
  }

  @Test func unknownWordsAreUnspecified() {
    for raw in ["Khi có yêu cầu", "Quy /2026", "5,6 55", ""] {
      let d = normalizer.normalize(raw)
      #expect(d.kind == .unspecified, "\(raw)")
      #expect(d.start == nil && d.end == nil)
    }
  }
}
