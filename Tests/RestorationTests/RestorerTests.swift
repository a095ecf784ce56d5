import PlanModel
import Testing
import VietnameseText

@testable import Restoration

@Test func restoresTextThatLostItsDiacritics() {
  #expect(
    TestSupport.restore("ke hoach chuyen doi so nam 2026") == "kế hoạch chuyển đổi số năm 2026")
  #expect(
    TestSupport.restore("Nang cao chat luong dich vu cong truc tuyen cho nguoi dan va doanh nghiep")
      == "Nâng cao chất lượng dịch vụ công trực tuyến cho người dân và doanh nghiệp")
}

@Test func keepsTheCasePattern() {
  #expect(TestSupport.restore("KE HOACH TO CHUC THUC HIEN") == "KẾ HOẠCH TỔ CHỨC THỰC HIỆN")
  #expect(TestSupport.restore("Uy ban nhan dan tinh Phu Tho") == "Ủy ban nhân dân tỉnh Phú Thọ")
  #expect(TestSupport.restore("UY BAN NHAN DAN TINH PHU THO") == "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ")
}

@Test func aCapitalIReadForLowerCaseLInsideASentenceIsWrittenLowerCase() {
  let inside = TestSupport.restore("thuc hien phap Iuat ve dat dai")
  #expect(inside.contains("pháp luật"), "\(inside)")
  // A capital before a capitalized word starts a name and stays.
  let name = TestSupport.restore("Uy ban nhan dan tinh Iang Son")
  #expect(name.hasSuffix("tỉnh Lạng Sơn"), "\(name)")
  // So does a sentence's first word.
  let first = TestSupport.restore("Iuat nay co hieu luc tu ngay ky")
  #expect(first.hasPrefix("Luật này"), "\(first)")
  // Before punctuation too, and with a digit the OCR wrote for the vowel.
  let digit = TestSupport.restore("loi dung le hoi de truc I9i, lam mat my quan")
  #expect(digit.contains("trục lợi,"), "\(digit)")
}

@Test func sentencesRunOnAcrossLineBreaksAndLinesStayLines() {
  let input = "Tang cuong bao dam an toan thong tin\nmang cho cac he thong thong tin  cua\n\ntinh."
  let output = TestSupport.restore(input)
  #expect(
    output == "Tăng cường bảo đảm an toàn thông tin\nmạng cho các hệ thống thông tin  của\n\ntỉnh.")
}

@Test func protectedTokensAreUntouched() {
  let line =
    "Theo Ke hoach so 12535/KH-UBND ngay 30/12/2025 va Nghi quyet 57-NQ/TW, UBND, TTHC, VNeID, GRDP, "
    + "IOC, LGSP, AI, IoT, Big Data, Blockchain; lien he abc@phutho.gov.vn hoac https://dichvucong.gov.vn"
  let output = TestSupport.restore(line)
  for kept in [
    "12535/KH-UBND", "30/12/2025", "57-NQ/TW", "UBND,", "TTHC,", "VNeID,", "GRDP,", "IOC,", "LGSP,",
    "AI,", "IoT,",
    "Big", "Data,", "Blockchain;", "abc@phutho.gov.vn", "https://dichvucong.gov.vn",
  ] {
    #expect(output.contains(kept), "\(kept) changed: \(output)")
  }
  #expect(output.hasPrefix("Theo Kế hoạch số"))
}

@Test func listMarkersAreStructure() {
  let output = TestSupport.restore("b) Xay dung co so du lieu\nd) Dao tao nguon nhan luc")
  #expect(output.hasPrefix("b) Xây dựng cơ sở dữ liệu"))
  #expect(output.contains("\nd) Đào tạo nguồn nhân lực"))
}

@Test func restoresTheStrokeOfDInCodesTheTrainingTextWritesWithIt() {
  let output = TestSupport.restore("Quyet dinh so 2629/QD-TTg cua Thu tuong Chinh phu")
  #expect(output.contains("2629/QĐ-TTg"))
}

@Test func capitalHeadingsKeepTheirWordsWhileCodesGetTheirStroke() {
  // "B" and "D" for "Đ" is an abbreviation's misreading ("QB-TTg"); a capital word that
  // is a syllable, like "BỘ" or "DU", is left as printed.
  let heading = "BỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
  #expect(TestSupport.restore(heading) == heading)
  #expect(TestSupport.restore("CHẾ ĐỘ BÁO CÁO CỦA BỘ CÔNG AN") == "CHẾ ĐỘ BÁO CÁO CỦA BỘ CÔNG AN")
  #expect(TestSupport.restore("Theo Quyết định số 12/QB-TTg ngày 5/1/2026").contains("12/QĐ-TTg"))
}

@Test func cleanTextComesOutUnchanged() {
  let clean = """
    Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, ngành, Ủy ban nhân dân các xã,
    phường theo dõi, đôn đốc việc thực hiện Kế hoạch; định kỳ hằng quý báo cáo kết quả về
    Ủy ban nhân dân tỉnh. Kinh phí thực hiện từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác.
    a) Hoàn thiện thể chế, chính sách; b) phát triển hạ tầng số, thanh toán không dùng tiền mặt.
    """
  let result = TestSupport.restorer.restore(lines: clean.components(separatedBy: "\n"))
  #expect(result.lines.joined(separator: "\n") == clean)
  #expect(result.lineModes.allSatisfy { $0 == .light })
  // Either tone placement is accepted as right, and left as written.
  #expect(
    TestSupport.restore("Tỉnh uỷ chỉ đạo số hoá, khoẻ mạnh") == "Tỉnh uỷ chỉ đạo số hoá, khoẻ mạnh")
}

@Test func lightModeRepairsWhatIsNotASyllable() {
  let result = TestSupport.restorer.restore(
    lines: ["Tập trung triển khai các nhiệm vụ chuyểm đổi số trên địa bàn tỉnh trong năm"],
    mode: .light)
  #expect(
    result.lines[0] == "Tập trung triển khai các nhiệm vụ chuyển đổi số trên địa bàn tỉnh trong năm"
  )
  #expect(result.changes.count == 1)
}

@Test func changesCarryConfidenceAndLowOnesAreReviewed() throws {
  let result = TestSupport.restorer.restore(lines: ["chuyen doi so tinh Phu Tho"])
  #expect(!result.changes.isEmpty)
  for change in result.changes {
    #expect(change.confidence > 0 && change.confidence <= 1)
    #expect(change.original != change.replacement)
  }
}

@Test func pagesKeepEveryBoxAndRecordCorrections() throws {
  func word(_ text: String, _ x: Double) -> Word {
    Word(
      text: text, box: BoundingBox(x: x, y: 10, width: 20, height: 10), confidence: 0.9,
      origin: .ocr)
  }
  let words = ["Ke", "hoach", "chuyen", "doi", "so", "12535/KH-UBND"].enumerated().map {
    word($1, Double($0) * 30)
  }
  let page = PageLayout(
    number: 3, width: 595, height: 842, origin: .ocr, lines: [Line(words: words)])
  let clean = PageLayout(
    number: 4, width: 595, height: 842, origin: .textLayer,
    lines: [
      Line(
        words: ["Kế", "hoạch", "chuyển", "đổi", "số", "năm", "2026", "của", "tỉnh"].map {
          word($0, 0)
        })
    ])
  let result = TestSupport.restorer.restore(pages: [page, clean])
  let restored = result.pages[0].lines[0].words
  #expect(restored.map(\.text) == ["Kế", "hoạch", "chuyển", "đổi", "số", "12535/KH-UBND"])
  #expect(restored.map(\.box) == words.map(\.box))
  #expect(restored[0].correction?.original == "Ke")
  #expect(restored[5].correction == nil)
  #expect(result.pageModes[3] == .full)
  #expect(result.pageModes[4] == .light)
  #expect(result.pages[1] == clean)
}

@Test func aRunOfCapitalsInsideAMixedLineKeepsItsCapitals() {
  // OCR joins the "Nơi nhận" column with the signer's title on one line.
  let line = "- Bộ Nội vụ (để b/c); KT. CHU TICH"
  let restored = TestSupport.restore(line, mode: .full)
  #expect(restored.hasSuffix("KT. CHỦ TỊCH"), "\(restored)")
}

/// A document's lines tokenized together (each distinct chunk classified once) give the
/// same tokens as each line tokenized on its own, on OCR text full of repeats, codes,
/// markers and odd spacing.
@Test func tokenizingADocumentAtOnceMatchesLineByLine() throws {
  var lines = try String(
    contentsOfFile: TestSupport.shared + "/seeds/000_54cb3cf436728393.txt", encoding: .utf8
  ).components(separatedBy: "\n")
  lines += [
    "I. MUC TIEU", "II. MUC TIEU", "a) tinh", "a) tinh\u{A0}thanh", "V | PHAT TRIEN",
    "12535/KH-UBND  ngay\t30/12/2025", "Email: abc@gmail.com, www.x.gov.vn", "",
  ]
  #expect(Tokenizer.tokenize(lines: lines) == lines.map(Tokenizer.tokenize))
}

/// The quick letter and capital tests agree with Unicode's on every ASCII character
/// (CR-LF included) and on Vietnamese letters, digits and symbols beyond ASCII.
@Test func quickCharacterTestsAgreeWithUnicode() {
  var characters = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
  characters += ["\r\n", "ắ", "Ặ", "đ", "Đ", "ư", "Ơ", "²", "¢", "§", "·", "\u{A0}", "１"]
  for c in characters {
    #expect(c.isLetterQuickly == c.isLetter, "isLetter of \(c.unicodeScalars.map(\.value))")
    #expect(
      c.isUppercaseQuickly == c.isUppercase, "isUppercase of \(c.unicodeScalars.map(\.value))")
  }
}

@Test func mixedCaseWordsStayButOCRCaseNoiseIsRestored() {
  // Written in mixed case on purpose: their odd capitals sit at a word boundary.
  let names = "VNeID, IoT, eKYC, iOS, TikTok, ZaloPay, eGov"
  let kept = TestSupport.restore("dang ky tai khoan \(names) cho nguoi dan")
  #expect(kept.contains(names), "\(kept)")
  // An English model writes a marked vowel as a capital ("G" for "ổ", "ộ") or a capital
  // word's marked vowel in lower case ("i" for "Ĩ").
  #expect(
    TestSupport.restore("chuyen dGi so, dGi mGi sang tao") == "chuyển đổi số, đổi mới sáng tạo")
  #expect(TestSupport.restore("Y NGHiA CUA KE HOACH") == "Ý NGHĨA CỦA KẾ HOẠCH")
}

@Test func romanNumeralsOfHeadingsAndQuartersAreReadBack() {
  #expect(TestSupport.restore("Ill. NHIEM VU VA GIAI PHAP") == "III. NHIỆM VỤ VÀ GIẢI PHÁP")
  let table = "Hoan thanh trong Quy 111/2026; bao cao Quy 1V/2026, Quy 2/2026 va quy 4"
  #expect(
    TestSupport.restore(table)
      == "Hoàn thành trong Quý III/2026; báo cáo Quý IV/2026, Quý 2/2026 và quý 4")
  // A quarter follows the word itself: after a comma, or after another word, "111" stays.
  let restored = TestSupport.restore("bao cao Quy, 111/2026 va Quyen 111/2026")
  #expect(restored.contains(", 111/2026") && restored.hasSuffix(" 111/2026"), "\(restored)")
}

@Test func aCapitalWithADigitForItsVowelIsWrittenInCapitalsInAHeading() {
  #expect(TestSupport.restore("IV. T6 CHUC THUC HIEN") == "IV. TỔ CHỨC THỰC HIỆN")
  #expect(TestSupport.restore("T6 chuc thuc hien") == "Tổ chức thực hiện")
}

@Test func aPeriodBeforeALowerCaseWordOnTheSameLineIsAComma() {
  #expect(
    TestSupport.restore("bảo đảm kết nối. liên thông dữ liệu. Các sở phối hợp")
      == "bảo đảm kết nối, liên thông dữ liệu. Các sở phối hợp")
  // A period after a one-letter word, or at a line's end, stays.
  let kept = "các chương trình, đề án, v.v. các nội dung khác.\nliên quan"
  #expect(TestSupport.restore(kept) == kept)
}

@Test func anEthIsTheVietnameseModelsReadingOfD() {
  #expect(
    TestSupport.restore("Theo Quyết định số 06/QĐÐ-TTg và Quyết định số 71/QÐ-BVHTTDL")
      == "Theo Quyết định số 06/QĐ-TTg và Quyết định số 71/QĐ-BVHTTDL")
  #expect(TestSupport.restore("Ðiều 5. Tổ chức thực hiện") == "Điều 5. Tổ chức thực hiện")
}

@Test func aRepairedPeriodIsAWordCorrectionOnAPage() {
  let texts = ["Bảo", "đảm", "kết", "nối.", "liên", "thông", "dữ", "liệu", "06/QĐÐ-TTg"]
  let (words, restored) = restoreOneOCRLine(texts)
  #expect(restored[3].text == "nối,")
  #expect(restored[3].correction?.original == "nối.")
  #expect(restored[8].text == "06/QĐ-TTg")
  #expect(restored.map(\.box) == words.map(\.box))
}

@Test func capitalsThatStandForAMarkedVowelInASentenceAreRestored() {
  // An English model writes the "ở" of "Sở" and the "ộ" of "Bộ" as a capital G.
  #expect(
    TestSupport.restore(
      "Phoi hop voi SG Khoa hoc va Cong nghe; cac SG, ban, nganh; BG truong Bo Noi vu")
      == "Phối hợp với Sở Khoa học và Công nghệ; các Sở, ban, ngành; Bộ trưởng Bộ Nội vụ")
  // Acronyms stay, known or not: their capitals are no readings of vowels.
  let acronyms = "UBND, TTHC, CNTT, KT, TM, TP, DN, SX, HTX, KCN"
  let kept = TestSupport.restore("bao cao \(acronyms) cua tinh")
  #expect(kept.contains(acronyms), "\(kept)")
}

@Test func aYenSignIsACapitalYWithItsMark() {
  #expect(TestSupport.restore("+ ¥ kien cua nguoi dan") == "+ Ý kiến của người dân")
  #expect(TestSupport.restore("II. ¥ NGHIA CUA KE HOACH") == "II. Ý NGHĨA CỦA KẾ HOẠCH")
  // A price keeps its currency sign.
  let price = TestSupport.restore("chi phi du kien la ¥100 moi thang")
  #expect(price.contains(" ¥100 "), "\(price)")
}

@Test func aListDashReadAsATildeOrAnEqualsSignIsADash() {
  let restored = TestSupport.restore(
    "~ Phoi hop voi cac so, nganh\n= Thoi gian: nam 2026\n_- Long ghep nhiem vu")
  #expect(restored == "- Phối hợp với các sở, ngành\n- Thời gian: năm 2026\n- Lồng ghép nhiệm vụ")
  // A form's blanks, a symbol before a number and one inside a line stay.
  let kept = TestSupport.restore("______ ngay\n~ 50% so voi nam 2025\nTong so = tong cac muc")
    .split(separator: "\n")
  #expect(
    kept[0].hasPrefix("______ ") && kept[1].hasPrefix("~ 50%") && kept[2].contains(" = "), "\(kept)"
  )
}

@Test func aRepairedListDashIsAWordCorrectionOnAPage() {
  let texts = ["_-", "Phối", "hợp", "với", "các", "sở"]
  let (words, restored) = restoreOneOCRLine(texts)
  #expect(restored.map(\.text) == ["-", "Phối", "hợp", "với", "các", "sở"])
  #expect(restored[0].correction?.original == "_-")
  #expect(restored.map(\.box) == words.map(\.box))
}

@Test func aWordThatLostALetterOfItsOnsetIsRestoredWhereTheSentenceNeedsIt() {
  // "tien" is a bare skeleton whose own mark variants ("tiền", "tiển") fill its list; the
  // longer reading the sentence needs must still be among its candidates.
  #expect(TestSupport.restore("to chuc tien khai ke hoach") == "tổ chức triển khai kế hoạch")
  #expect(TestSupport.restore("to chuc trien hai ke hoach") == "tổ chức triển khai kế hoạch")
  // A skeleton that is itself the right word keeps it.
  #expect(TestSupport.restore("so tien con lai") == "số tiền còn lại")
}

@Test func aSkeletonsListHoldsItsBestLongerReadingsBeyondItsCut() {
  let restorer = TestSupport.restorer
  var states = restorer.makeSearchStates()
  let list = restorer.rankedCandidates("tien", light: false, states: &states)
  #expect(list.count > restorer.settings.candidateLimit)
  #expect(list.contains { restorer.dictionary.vocabulary.text(of: $0.id) == "triển" })
}

/// Restores one OCR'd line of `texts` as a page; returns the words given and restored.
private func restoreOneOCRLine(_ texts: [String]) -> (given: [Word], restored: [Word]) {
  let words = texts.enumerated().map { i, text in
    Word(
      text: text, box: BoundingBox(x: Double(i) * 30, y: 10, width: 20, height: 10),
      confidence: 0.9, origin: .ocr)
  }
  let page = PageLayout(
    number: 1, width: 595, height: 842, origin: .ocr, lines: [Line(words: words)])
  return (words, TestSupport.restorer.restore(pages: [page]).pages[0].lines[0].words)
}

@Test func aShapeAlikeCapitalIsWrittenLowerCaseWhereTheDocumentWritesTheWordSo() {
  // "cac" after "bố" is printed lower case elsewhere: the capital is the OCR's.
  let lowered = TestSupport.restore(
    "cong bo cac thu tuc hanh chinh moi\nDon vi cong bo Cac thu tuc tren cong thong tin")
  #expect(lowered.hasSuffix("công bố các thủ tục trên cổng thông tin"), "\(lowered)")
  // Before an acronym too: it starts no name.
  let acronym = TestSupport.restore("dinh ky bao cao UBND tinh\nxay dung va bao Cao UBND tinh")
  #expect(acronym.hasSuffix("báo cáo UBND tỉnh"), "\(acronym)")
  // A name the document capitalizes more often than the phrase appears in lower case stays.
  let name = TestSupport.restore(
    "phoi hop voi So Khoa hoc va Cong nghe, So Tu phap\n"
      + "ung dung khoa hoc va cong nghe trong san xuat\n"
      + "bao cao So Khoa hoc va Cong nghe truoc ngay 15")
  #expect(name.hasPrefix("phối hợp với Sở Khoa học và Công nghệ,"), "\(name)")
  #expect(name.hasSuffix("báo cáo Sở Khoa học và Công nghệ trước ngày 15"), "\(name)")
}

@Test func aQuestionMarkReadForAHornInsideALineIsDropped() {
  let inside = TestSupport.restore("Can ct? Quyet dinh so 12/QD-UBND cua UBND tinh")
  #expect(inside.hasPrefix("Căn cứ Quyết định số"), "\(inside)")
  // A question mark that ends its line stays.
  let question = TestSupport.restore("Nguoi dan can lam gi de dang ky tai khoan?")
  #expect(question.hasSuffix("?"), "\(question)")
}

@Test func syllablesTheTrainingTextNeverHoldsDoNotCrowdAListOut() {
  // "num" has a dozen well-formed readings no text uses ("nụm", "nưm", "nủm"); "Nam",
  // one letter away, must still reach the language model.
  let restored = TestSupport.restore("Mat tran To quoc Viet Num tinh")
  #expect(restored == "Mặt trận Tổ quốc Việt Nam tỉnh", "\(restored)")
}
