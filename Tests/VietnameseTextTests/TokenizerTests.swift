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

@Test(arguments: [
  "V | PHAT TRIEN DU LIEU SO", "II. MUC TIEU", "X NANG CAO NHAN THUC", "IV",
  "H NÂNG CAO CHẤT LƯỢNG ĐÀO TẠO", "IH. MỤC TIÊU", "Iv. T6 CHUC THUC HIEN",
])
func aRomanNumeralOpeningAHeadingIsStructure(line: String) {
  let first = Tokenizer.tokenize(line).first { $0.kind != .space }
  #expect(first?.kind == .marker)
}

@Test(arguments: ["Va cac co quan", "Xa hoi so", "V ban hanh", "Vi vay, cac xa"])
func aCapitalOpeningASentenceIsStillAWord(line: String) {
  let first = Tokenizer.tokenize(line).first { $0.kind != .space }
  #expect(first?.kind == .word)
}

@Test func aBarStandingAloneIsARuleNotALetter() {
  let tokens = Tokenizer.tokenize("Sở Nội vụ | Quý III/2026 |ong").filter { $0.kind != .space }
  #expect(tokens[3].kind == .punctuation)
  #expect(tokens.last?.kind == .word)
}

@Test func romanNumeralsRoundTripAndRefuseWhatIsNoNumeral() {
  for n in 1...RomanNumeral.largest {
    #expect(RomanNumeral.value(of: RomanNumeral.numeral(for: n)) == n)
  }
  #expect(RomanNumeral.numeral(for: 14) == "XIV")
  for text in ["", "IIII", "VX", "iv", "IC", "L", "XXXX", "H"] {
    #expect(RomanNumeral.value(of: text) == nil, "\(text)")
  }
}

@Test func anAtSignIsAnAddressOnlyWithADomain() {
  for address in ["abc@phutho.gov.vn", "abc@phutho.gov.vn.", "(so.khcn@phutho.gov.vn),"] {
    #expect(Tokenizer.tokenize(address).contains { $0.kind == .address }, "\(address)")
  }
  // An English model writes "ộ" as "@": "đồng bộ." read as "ding b@."
  let tokens = Tokenizer.tokenize("ding b@.").filter { $0.kind != .space }
  #expect(tokens.map(\.kind) == [.word, .word, .punctuation])
  #expect(tokens[1].text == "b@")
}

@Test func romanNumeralsMisreadByOCRAreReadBack() {
  for (text, numeral) in [
    ("Ill", "III"), ("1V", "IV"), ("I11", "III"), ("Il", "II"), ("H", "II"), ("Vl1", "VII"),
  ] {
    #expect(RomanNumeral.reading(of: text) == numeral, "\(text)")
  }
  // A numeral already, or no numeral at all.
  for text in ["III", "IV", "", "lll1", "Ho", "12"] {
    #expect(RomanNumeral.reading(of: text) == nil, "\(text)")
  }
}

@Test func singleLettersJoinedByPeriodsAreAnAbbreviation() {
  let tokens = Tokenizer.tokenize("đề án, v.v. các nội dung").filter { $0.kind != .space }
  #expect(tokens.contains { $0.kind == .code && $0.text == "v.v" }, "\(tokens)")
  // Words joined by a hyphen are still words.
  let words = Tokenizer.tokenize("a-b kế-hoạch").filter { $0.kind == .word }.map(\.text)
  #expect(words == ["a", "b", "kế", "hoạch"], "\(words)")
}
