import Testing

@testable import VietnameseText

@Test(arguments: [
  "Ké hoach s6 12535/KH-UBND ngay 30 thang 12 nim 2025 cua UBND tinh Phii Tho",
  "  a) Chương trình/Kế hoạch  (xem: https://dichvucong.gov.vn),  email abc@phutho.gov.vn.",
  "Nghị quyết số 57-NQ/TW ngày 22/12/2024; kinh tế - xã hội 2026-2030\t",
])
func tokensRoundTrip(line: String) {
  #expect(Tokenizer.tokenize(line).map(\.text).joined() == line)
}

@Test func tokenKinds() {
  let tokens = Tokenizer.tokenize("b) Số 12535/KH-UBND, ngày 30/12/2025 (QD-TTg) s6 B¢ www.abc.vn")
    .filter {
      $0.kind != .space
    }
  let kinds = tokens.map(\.kind)
  #expect(
    kinds == [
      .marker, .punctuation, .word, .code, .punctuation, .word, .number, .punctuation, .code,
      .punctuation, .word, .word, .address,
    ])
  #expect(tokens[2].text == "Số")
  #expect(tokens[10].text == "s6")
}
