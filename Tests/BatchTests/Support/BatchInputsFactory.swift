import Foundation

/// Builds input folders for end-to-end batch tests: small, fast, distinct documents.
struct BatchInputsFactory {
  let root: URL

  func write(_ relative: String, _ data: Data) throws {
    let url = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  func copy(fixture name: String, to relative: String) throws {
    try write(relative, try Data(contentsOf: URL(fileURLWithPath: IngestProcess.fixture(name))))
  }

  /// A plain-text plan (already-OCR'd text), pages separated by form feeds.
  static func textPlan(_ number: Int, pages: Int = 2) -> Data {
    let page = { (index: Int) in
      """
      ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
      Số: \(number)/KH-UBND
      KẾ HOẠCH số \(number), trang \(index)
      Thực hiện chuyển đổi số năm 2026 của đơn vị số \(number).
      1. Mục tiêu: tối thiểu \(80 + number % 20)% hồ sơ trực tuyến.
      """
    }
    return Data((1...pages).map(page).joined(separator: "\u{0C}").utf8)
  }

  /// A born-digital PDF plan with a text layer.
  static func pdfPlan(_ number: Int, pages: Int = 2) -> Data {
    MinimalPDF.make(
      pages: (1...pages).map { index in
        [
          "UY BAN NHAN DAN TINH QUANG TRI", "So: \(number)/KH-UBND",
          "KE HOACH so \(number), trang \(index)",
          "Thuc hien chuyen doi so nam 2026 cua don vi so \(number).",
          "1. Muc tieu: toi thieu \(80 + number % 20)% ho so truc tuyen.",
        ]
      })
  }

  /// Every `.json` file under `folder` (hidden folders excluded), by relative path.
  static func outputs(in folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
    for path in paths where path.hasSuffix(".json") && !path.hasPrefix(".") {
      result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
    }
    return result
  }
}
