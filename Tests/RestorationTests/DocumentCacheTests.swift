import Testing

@testable import Restoration

/// A document read surely in one place settles the same run of words where OCR garbled a
/// word of it: "18" is the English model's reading of "lễ".
private let document = [
  "to chuc thuc hien nep song van minh trong le hoi tai dia phuong",
  "tuyen truyen nep song van minh trong le hoi den nguoi dan",
  "kiem tra viec thuc hien nep song van minh trong le hoi",
  "bao dam nep song van minh trong 18 hoi",
]

@Test func aRunOfThreeSureWordsSettlesTheSameRunElsewhere() throws {
  let restorer = TestSupport.restorer
  let withRuns = restorer.restore(lines: document).lines
  #expect(withRuns[3] == "bảo đảm nếp sống văn minh trong lễ hội")
  // The earlier lines are the evidence: without runs the garbled word is not settled.
  let withoutRuns = try #require(restorer.adjusting("cacheTrigramBonus", to: 0))
  #expect(withoutRuns.restore(lines: document).lines[3] != withRuns[3])
  // A sentence without the run is left as it was.
  #expect(
    restorer.restore(lines: ["bao dam an toan trong 18 hoi"]).lines[0]
      == withoutRuns.restore(lines: ["bao dam an toan trong 18 hoi"]).lines[0])
}

@Test func aRunCountsOnlyInTheOrderItWasRead() {
  var unigrams = [Float](repeating: 0, count: 8)
  for id in [1, 2, 3] { unigrams[id] = 0.5 }
  var trigrams = IntegerMap()
  trigrams.insert(LanguageModel.pack(1, 2, 3), 1)
  let cache = DocumentCache(
    unigrams: unigrams, trigrams: trigrams, trigramBonus: 2, weight: 2)
  #expect(cache.runBonus(3, after: 1, 2) == 4)
  #expect(cache.runBonus(1, after: 3, 2) == 0)
  #expect(cache.runBonus(4, after: 1, 2) == 0)
}

@Test func aRunTheDocumentReadsSurelyOffersItsMiddleToATokenWhoseListLacksIt() {
  // "16" is a number to the first pass; "trong lễ hội", read surely twice, offers "lễ".
  let restored = TestSupport.restore(
    "van minh trong le hoi va nep song van minh trong 1e hoi\n"
      + "thuc hien nep song van minh trong 16 hoi nam 2020\n"
      + "co 16 xa thuc hien nep song van minh")
  let lines = restored.components(separatedBy: "\n")
  #expect(lines[1] == "thực hiện nếp sống văn minh trong lễ hội năm 2020", "\(restored)")
  // A number no sure run speaks for stays a number.
  #expect(lines[2].hasPrefix("có 16 xã"), "\(restored)")
}

@Test func aWordLeftAsPrintedIsOfferedTheReadingsItsNeighboursPredict() {
  // "we" lists "trẻ", "xe", "về" … but not "kế", which "thực hiện … hoạch" predicts and the
  // channel reaches; names and foreign words stay as printed.
  let restored = TestSupport.restore(
    "to chuc trien khai thuc hien We hoach nay\n"
      + "dang tai tren trang Zalo cua tinh va Facebook")
  let lines = restored.components(separatedBy: "\n")
  #expect(lines[0] == "tổ chức triển khai thực hiện Kế hoạch này", "\(restored)")
  #expect(lines[1] == "đăng tải trên trang Zalo của tỉnh và Facebook", "\(restored)")
}

@Test func aSyllableChosenUnsurelyIsOfferedTheReadingsItsNeighboursPredict() throws {
  // "aéi" and "dé1" are read as "mới" and "dễ", unsurely, from lists without "đổi", which
  // "… mới sáng tạo" predicts and the channel reaches.
  let document = [
    "phat trien khoa hoc, cong nghe, aéi méi sang tao va chuyen doi so",
    "tuyen truyen ve dot pha, dé1 mdi sang tao",
  ]
  let restorer = TestSupport.restorer
  let lines = restorer.restore(lines: document).lines
  #expect(lines[0] == "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số")
  #expect(lines[1] == "tuyên truyền về đột phá, đổi mới sáng tạo")
  // Offered only to words left as printed, the syllables keep their first reading.
  let keepsOnly = try #require(restorer.adjusting("contextProposalPosterior", to: 0))
  let without = keepsOnly.restore(lines: document).lines
  #expect(without[0] != lines[0])
  #expect(without[1] != lines[1])
}
