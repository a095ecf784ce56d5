import PlanModel
import PlanParsing
import Testing

@Suite struct TargetNormalizerTests {
  let normalizer = TargetNormalizer()

  func check(
    _ text: String, _ value: Double?, _ unit: String?, _ comparator: TargetComparator,
    raw: String? = nil
  ) {
    let target = normalizer.target(in: text)
    #expect(target?.value == value, "\(text)")
    #expect(target?.unit == unit, "\(text)")
    #expect(target?.comparator == comparator, "\(text)")
    if let raw { #expect(target?.raw == raw, "\(text)") }
  }

  @Test func percentages() {
    check(
      "Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình đạt 100%.", 100, "%", .equal, raw: "100%")
    check("100% thủ tục hành chính được thực hiện trên môi trường điện tử", 100, "%", .equal)
    check("Tỷ lệ tăng trưởng đạt 18,7%", 18.7, "%", .equal, raw: "18,7%")
  }

  @Test func comparators() {
    check("Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 90%.", 90, "%", .atLeast, raw: "tối thiểu 90%")
    check("≥ 80% cơ sở giáo dục ứng dụng AI", 80, "%", .atLeast, raw: "≥ 80%")
    check("Có ≥ 70% cơ sở giáo dục thực hiện quản trị số", 70, "%", .atLeast)
    check("Tỷ lệ hộ nghèo không quá 2%", 2, "%", .atMost, raw: "không quá 2%")
    check("Tỷ lệ lỗi tối đa 5%", 5, "%", .atMost)
    check("Tỷ lệ đạt trên 80%", 80, "%", .greater)
    check("Ty le ho so dat toi thieu 95%", 95, "%", .atLeast)
  }

  @Test func plainNumbers() {
    check("Chỉ số chuyển đổi số cấp tỉnh đạt giá trị tối thiểu 0.72", 0.72, nil, .atLeast)
    check("Chỉ số đạt 0,72", 0.72, nil, .equal, raw: "0,72")
    check("Đào tạo 1.000 học viên/năm", 1000, "học viên/năm", .equal, raw: "1.000 học viên/năm")
  }

  @Test func shareOfNamedQuantity() {
    check("Tỷ trọng kinh tế số đạt tối thiểu 23% GRDP.", 23, "% GRDP", .atLeast)
  }

  @Test func textWithoutTargetHasNone() {
    #expect(normalizer.target(in: "Triển khai nền tảng số dùng chung của tỉnh") == nil)
  }
}
