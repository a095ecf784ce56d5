import Testing

@testable import Restoration

/// Each class of OCR confusion the channel learned from rendered text read back by
/// Tesseract, checked on words in a sentence.
@Test func digitsAndSymbolsForLetters() {
  #expect(
    TestSupport.restore("Ke hoach s6 chuyen d6i s6 nam 2026")
      == "Kế hoạch số chuyển đổi số năm 2026")
}

@Test func aWForUHorn() {
  #expect(TestSupport.restore("nang cao nang lwc canh tranh") == "nâng cao năng lực cạnh tranh")
}

@Test func marksReadAsOtherMarks() {
  // An English model reads "ể", "ế", "ệ" alike as "é".
  #expect(
    TestSupport.restore("Chuyén d6i s6 va phat trién kinh té")
      == "Chuyển đổi số và phát triển kinh tế")
}

@Test func aLostStrokeOfD() {
  #expect(TestSupport.restore("dao tao nguon nhan luc") == "đào tạo nguồn nhân lực")
}

@Test func unexplainedNoiseIsEditedAway() {
  // A letter garbled by scan noise, beyond what the learned table knows.
  #expect(
    TestSupport.restore("thuc hien cac nhiem vx chuyen doi so")
      == "thực hiện các nhiệm vụ chuyển đổi số")
}

@Test func candidatesComeFromTheInventoryOnly() throws {
  let restorer = TestSupport.restorer
  let vocabulary = restorer.dictionary.vocabulary
  let found = restorer.channels[0].candidates(
    for: "tinh", limit: 40, floor: 12, maxEdits: 0, editLogProb: -8)
  let words = Set(found.map { vocabulary.text(of: $0.id) })
  #expect(words.isSuperset(of: ["tính", "tình", "tỉnh", "tinh", "tịnh", "tĩnh"]))
}

@Test func aMisreadingLearnedForOneToneHoldsForTheOthers() {
  // A table that learned "g" only for "ộ" reads "g" for "ổ" too, at a cost.
  var table: [String: [(source: [Unicode.Scalar], logProb: Float)]] = [
    "g": [(Array("ộ".unicodeScalars), -2), (Array("g".unicodeScalars), 0)],
    "uf": [(Array("ư".unicodeScalars), -3)],
  ]
  ChannelModel.addToneVariants(&table, shift: 3)
  func cost(_ ocr: String, _ source: String) -> Float? {
    table[ocr]?.first { String(String.UnicodeScalarView($0.source)) == source }?.logProb
  }
  #expect(cost("g", "ộ") == -2)
  #expect(cost("g", "ổ") == -5)
  #expect(cost("g", "ô") == -5)
  #expect(cost("g", "ợ") == nil)  // another vowel, not another tone
  #expect(cost("uf", "ử") == -6)
  #expect(table["g"]?.count == 7)
}

@Test func aMisreadingWithALetterLostStillFindsAFrequentWord() {
  // "thy" for "thực": the "ự" read as "y" and the "c" lost. Frequent readings one edit
  // away must stay among the candidates of such a token.
  #expect(
    TestSupport.restore("to chuc thy hien nhiem vu chuyen doi so")
      == "tổ chức thực hiện nhiệm vụ chuyển đổi số")
}
