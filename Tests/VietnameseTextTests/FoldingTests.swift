import Testing

@testable import VietnameseText

@Test func foldingRemovesMarksAndCase() {
  #expect(VietnameseFolding.fold("Chuyển đổi số tỉnh Phú Thọ") == "chuyen doi so tinh phu tho")
  #expect(VietnameseFolding.fold("ĐỘC LẬP") == "doc lap")
  #expect(VietnameseFolding.fold("12535/KH-UBND") == "12535/kh-ubnd")
}
