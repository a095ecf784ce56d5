import Foundation

/// A small PDF written byte by byte, for tests that need pages of chosen kinds: a real
/// text layer, a page whose text layer is junk over visible letters (so it is OCR'd), a
/// page too large to render, a blank page.
struct TestPDF {
  /// One page to write.
  enum Page {
    /// Helvetica text whose text layer reads as it prints.
    case text(String)
    /// Helvetica letters (20 points: stems shorter than a table rule) under an invisible run of currency signs ("¤"), as a
    /// scanner's junk layer: junk to the triage, plain letters to OCR.
    case junkLayer(String)
    /// A page with no text, 14400 points square (the largest PDF allows): too large to
    /// render at 300 dpi.
    case oversized
  }

  var pages: [Page]

  /// Writes the PDF to a fresh file in the temporary folder and returns its path.
  func write(name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("extraction-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try Data(bytes()).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// The file's bytes: catalog (1), page tree (2), font (3), then a page and its content
  /// stream per page.
  func bytes() -> [UInt8] {
    var objects: [String] = []
    let kids = pages.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
    objects.append(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for (index, page) in pages.enumerated() {
      let contentObject = 5 + 2 * index
      let box: String
      let content: String
      switch page {
      case .text(let text):
        box = "0 0 612 792"
        content = "BT /F1 12 Tf 72 700 Td (\(text)) Tj ET"
      case .junkLayer(let text):
        box = "0 0 612 792"
        // 0xA4 is "¤" in WinAnsi; text rendering mode 3 draws nothing.
        let junk = String(repeating: "\\244", count: 40)
        content =
          "BT /F1 20 Tf 72 600 Td (\(text)) Tj ET BT 3 Tr /F1 12 Tf 72 300 Td (\(junk)) Tj ET"
      case .oversized:
        box = "0 0 14400 14400"
        content = ""
      }
      objects.append(
        "<< /Type /Page /Parent 2 0 R /MediaBox [\(box)] "
          + "/Resources << /Font << /F1 3 0 R >> >> /Contents \(contentObject) 0 R >>")
      objects.append(stream(content))
    }
    var out = Array("%PDF-1.4\n".utf8)
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(out.count)
      out += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
    }
    let xref = out.count
    var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets {
      table += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n"
    }
    table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return out + Array(table.utf8)
  }

  private func stream(_ body: String) -> String {
    "<< /Length \(body.utf8.count) >>\nstream\n\(body)\nendstream"
  }
}
