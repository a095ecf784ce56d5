import Testing

@testable import Extraction

@Suite struct TextLayerTriageTests {
  let vietnamese = """
    Căn cứ Nghị quyết số 06/NQ-HĐND ngày 10/12/2025 của Hội đồng nhân dân tỉnh về kế hoạch
    phát triển kinh tế - xã hội năm 2026; tỷ lệ lao động qua đào tạo đạt ≥ 72%.
    """

  @Test func realVietnameseTextIsKept() {
    #expect(TextLayerTriage.decide(text: vietnamese, imageCoverage: 0) == .useTextLayer)
  }

  @Test func goodVietnameseLayerOverAScanIsKept() {
    #expect(TextLayerTriage.decide(text: vietnamese, imageCoverage: 1) == .useTextLayer)
  }

  @Test func pageWithoutTextIsOCRd() {
    #expect(TextLayerTriage.decide(text: " \n ", imageCoverage: 1) == .ocr(reason: "no text layer"))
  }

  @Test func markLessLayerOverAScanIsOCRd() {
    let english =
      "Can cu Nghi quyet so 06/NQ-HDND ngay 10/12/2025 cua Hoi d0ng nhan d@n tinh ve ke hoach"
    guard case .ocr = TextLayerTriage.decide(text: english, imageCoverage: 0.98) else {
      Issue.record("a layer without Vietnamese marks over a scan must be OCR'd")
      return
    }
    // The same words as a born-digital page (no image) are taken as they are.
    #expect(TextLayerTriage.decide(text: english, imageCoverage: 0) == .useTextLayer)
  }

  @Test func legacyEncodingMojibakeIsOCRd() {
    // TCVN3 bytes shown as Latin-1, what a legacy Vietnamese font without ToUnicode gives.
    let mojibake = "KÕ ho¹ch ph¸t triÓn kinh tÕ - x· héi n¨m 2026 cña ñy ban nh©n d©n tØnh"
    guard case .ocr = TextLayerTriage.decide(text: mojibake, imageCoverage: 0) else {
      Issue.record("mojibake must be OCR'd")
      return
    }
  }

  @Test func glyphIdentifiersWithoutUnicodeAreOCRd() {
    let controls = String(repeating: "\u{03}\u{11}\u{1A}\u{05} ", count: 20)
    guard case .ocr = TextLayerTriage.decide(text: controls, imageCoverage: 0) else {
      Issue.record("control characters must be OCR'd")
      return
    }
    let symbols = String(repeating: "!\"#$ %&'( )*+, ", count: 10)
    guard case .ocr = TextLayerTriage.decide(text: symbols, imageCoverage: 0) else {
      Issue.record("a layer of punctuation must be OCR'd")
      return
    }
  }

  @Test func signalsCountMarkedWords() {
    let s = TextLayerTriage.signals(of: "Kế hoạch năm 2026 ABC")
    // "Kế", "hoạch", "năm" carry marks; "ABC" does not; "2026" has no letters.
    #expect(s.markedWordShare == 0.75)
    #expect(s.foreignShare == 0)
  }
}
