/// The parts of a plan, as ranges of its lines: the header block (issuer, number, place
/// and date, type, title), the preamble (legal bases), the body (the numbered sections),
/// the closing (recipients and signature) and each appendix.
struct DocumentBlocks: Sendable {
  var header: Range<Int>
  /// Index of the type line ("KẾ HOẠCH"), when found.
  var typeLine: Int?
  var title: Range<Int>
  var preamble: Range<Int>
  var body: Range<Int>
  var closing: Range<Int>
  var appendices: [AppendixBlock]
}

/// One appendix: the line of its label, its title and subtitle lines, and the lines
/// of its content (tables).
struct AppendixBlock: Sendable {
  var labelLine: Int
  var label: String
  var key: String
  var title: String?
  var subtitle: String?
  var content: Range<Int>
}

/// Cuts the lines of a plan into `DocumentBlocks`.
struct DocumentSegmenter: Sendable {
  /// Document types as their folded key and as they are written in running text.
  static let documentTypes: [(key: String, name: String)] = [
    ("ke hoach", "Kế hoạch"), ("quyet dinh", "Quyết định"), ("chuong trinh", "Chương trình"),
    ("chuong trinh hanh dong", "Chương trình hành động"), ("de an", "Đề án"),
    ("bao cao", "Báo cáo"), ("nghi quyet", "Nghị quyết"), ("chi thi", "Chỉ thị"),
    ("thong bao", "Thông báo"), ("huong dan", "Hướng dẫn"), ("cong van", "Công văn"),
  ]

  func segment(_ lines: [TextLine]) -> DocumentBlocks {
    let typeLine = lines.prefix(60).firstIndex { line in
      Self.documentTypes.contains { $0.key == line.key.trimmingPunctuation }
    }
    let headerEnd = typeLine ?? 0
    let title = titleRange(lines, after: typeLine)
    let closingStart = lines.indices.first { lines[$0].key.hasPrefix("noi nh") } ?? lines.count
    let appendices = appendixBlocks(
      lines, from: closingStart < lines.count ? closingStart : title.upperBound)
    let closingEnd = appendices.first?.labelLine ?? lines.count
    let bodyStart =
      lines[title.upperBound..<min(closingStart, closingEnd)].firstIndex {
        OutlineParser.heading($0.text)?.level == 1
      }
      ?? title.upperBound
    return DocumentBlocks(
      header: 0..<headerEnd, typeLine: typeLine, title: title,
      preamble: title.upperBound..<bodyStart,
      body: bodyStart..<min(closingStart, closingEnd),
      closing: min(closingStart, closingEnd)..<closingEnd,
      appendices: appendices)
  }

  /// Title lines: the first paragraph after the type line, continued over blank lines
  /// until a paragraph that opens the preamble ("Căn cứ", "Thực hiện", …) or a heading.
  private func titleRange(_ lines: [TextLine], after typeLine: Int?) -> Range<Int> {
    guard let typeLine else { return 0..<0 }
    var i = typeLine + 1
    while i < lines.count, lines[i].isBlank { i += 1 }
    let start = i
    var end = i
    var count = 0
    while end < lines.count, count < 8 {
      let line = lines[end]
      if line.isBlank {
        var next = end + 1
        while next < lines.count, lines[next].isBlank { next += 1 }
        guard next < lines.count, !Self.opensPreamble(lines[next].key),
          OutlineParser.heading(lines[next].text) == nil, next - end < 3
        else { break }
        end = next
        continue
      }
      if end > start, Self.opensPreamble(line.key) || line.key.hasPrefix("---") { break }
      end += 1
      count += 1
    }
    return start..<end
  }

  static func opensPreamble(_ key: String) -> Bool {
    ["can cu", "thuc hien", "tren co so", "theo de nghi", "xet de nghi", "thi hanh"].contains {
      key.hasPrefix($0)
    }
  }

  /// Appendix labels: a line that starts "Phụ lục" with a number and is not a reference
  /// to it from running text ("Phụ lục 1 kèm theo Kế hoạch)", "(Chi tiết tại Phụ lục 02)").
  private func appendixBlocks(_ lines: [TextLine], from start: Int) -> [AppendixBlock] {
    var labels: [(index: Int, label: String, key: String, rest: String)] = []
    // The prefix test first: a whole-line regex on each of thousands of lines is slow.
    for i in start..<lines.count where lines[i].key.hasPrefix("phu") {
      guard
        let m = lines[i].key.wholeMatch(
          of: #/phu\s*luc\s*([0-9]{1,2}|[ivxl1]{1,5})\s*[:.]?\s*(.*)/#)
      else { continue }
      let rest = String(m.2)
      if rest.contains("kem theo") || rest.hasSuffix(")") || rest.contains("tai phu luc") {
        continue
      }
      let numberEnd = lines[i].text.index(
        lines[i].text.startIndex,
        offsetBy: min(
          lines[i].text.count,
          lines[i].key.distance(from: lines[i].key.startIndex, to: m.1.endIndex)))
      let label = String(lines[i].text[..<numberEnd])
      labels.append(
        (
          i, label, Self.appendixKey(String(m.1)),
          String(lines[i].text[numberEnd...]).trimmingPunctuation
        ))
    }
    var blocks: [AppendixBlock] = []
    for (n, entry) in labels.enumerated() {
      let end = n + 1 < labels.count ? labels[n + 1].index : lines.count
      var i = entry.index + 1
      var titleLines: [String] = entry.rest.isEmpty ? [] : [entry.rest]
      var subtitle: String? = nil
      var subtitleTail: String? = nil
      // Title: the non-blank lines after the label up to the "(Ban hành kèm theo …)" line
      // or the table's first row; the subtitle may open a line and close on the next.
      while i < end, i - entry.index < 10 {
        let line = lines[i]
        i += 1
        if line.isBlank { continue }
        if line.key.hasSuffix(")"), !line.key.contains("(") {
          // OCR sometimes reads the subtitle's last line before its first.
          subtitleTail = line.text
          continue
        }
        if line.key.hasPrefix("(") || line.key.contains("kem theo") {
          var text = line.text
          if !text.contains(")") {
            if let tail = subtitleTail {
              text += " " + tail
            } else if i < end, !lines[i].isBlank, lines[i].text.count < 60 {
              text += " " + lines[i].text
              i += 1
            }
          }
          subtitle = text
          break
        }
        if Self.isTableStart(line) {
          i -= 1
          break
        }
        titleLines.append(line.text)
      }
      if subtitle == nil, titleLines.count > 3 { titleLines = Array(titleLines.prefix(3)) }
      blocks.append(
        AppendixBlock(
          labelLine: entry.index, label: entry.label, key: entry.key,
          title: titleLines.isEmpty ? nil : titleLines.joined(separator: " "), subtitle: subtitle,
          content: i..<end))
    }
    return blocks
  }

  static func isTableStart(_ line: TextLine) -> Bool {
    line.key.hasPrefix("tt ") || line.key == "tt" || line.key.hasPrefix("stt")
      || line.key.contains("co quan chu tri")
  }

  /// "01", "1", "I", "l" → "1"; "II", "2" → "2".
  static func appendixKey(_ number: String) -> String {
    if let n = Int(number) { return String(n) }
    let roman = String(number.map { "l1".contains($0) ? "i" : $0 })
    let values: [Character: Int] = ["i": 1, "v": 5, "x": 10]
    var total = 0
    var previous = 0
    for c in roman.reversed() {
      let v = values[c] ?? 0
      total += v < previous ? -v : v
      previous = max(previous, v)
    }
    return String(total)
  }
}
