import Foundation

/// Small, valid, born-digital PDFs written byte by byte, with a correct cross-reference
/// table, so that tests can make as many distinct inputs (and mutations of them) as they
/// need without rendering anything.
enum MinimalPDF {
  /// A PDF with one page per entry of `pages`, each line set in Helvetica.
  static func make(pages: [[String]]) -> Data {
    var objects: [String] = []
    let pageCount = pages.count
    // 1: catalog, 2: page tree, 3: font, then a page and its content stream per page.
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    let kids = (0..<pageCount).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
    objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
    objects.append(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for (index, lines) in pages.enumerated() {
      let contentNumber = 5 + 2 * index
      objects.append(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
          + "/Resources << /Font << /F1 3 0 R >> >> /Contents \(contentNumber) 0 R >>")
      var stream = "BT /F1 12 Tf 72 770 Td 16 TL\n"
      for line in lines { stream += "(\(escape(line))) Tj T*\n" }
      stream += "ET"
      objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
    }
    var data = Data("%PDF-1.4\n".utf8)
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(data.count)
      data.append(Data("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8))
    }
    let xref = data.count
    var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets {
      table += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n"
    }
    table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    data.append(Data(table.utf8))
    return data
  }

  private static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
      .replacingOccurrences(of: ")", with: "\\)")
  }
}

/// A small deterministic random generator, so that a failing fuzz case can be replayed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
