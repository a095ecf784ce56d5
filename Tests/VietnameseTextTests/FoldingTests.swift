import Foundation
import Testing

@testable import VietnameseText

@Test func foldingRemovesMarksAndCase() {
  #expect(VietnameseFolding.fold("Chuyển đổi số tỉnh Phú Thọ") == "chuyen doi so tinh phu tho")
  #expect(VietnameseFolding.fold("ĐỘC LẬP") == "doc lap")
  #expect(VietnameseFolding.fold("12535/KH-UBND") == "12535/kh-ubnd")
}

@Test func foldingByTableMatchesTheDecomposition() {
  // Every scalar the table covers, alone, between letters, before a mark and in capitals.
  for range in VietnameseFolding.tableRanges {
    for value in range {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for text in ["\(scalar)", "A\(scalar)b", "\(scalar)\u{0301}\u{0323}", "Đ\(scalar)Ư"] {
        #expect(VietnameseFolding.fold(text) == VietnameseFolding.foldByDecomposition(text))
      }
    }
  }
  // Text outside the table (Greek, a ligature, a dotted capital I) and decomposed text.
  for text in [
    "ΣΟΦΟΣ đường", "ﬁnh Tiếng", "İstanbul", "Chuyển đổi số".decomposedStringWithCanonicalMapping,
    "\t12535/KH-UBND ~_=", "QUỐC HỘI", "",
    String(decoding: (0x00...0x7F).map { UInt8($0) }, as: UTF8.self),
  ] {
    #expect(VietnameseFolding.fold(text) == VietnameseFolding.foldByDecomposition(text))
  }
}
