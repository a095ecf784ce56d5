/// Reads appendix tables from plain text whose rows are numbered within their groups,
/// as the text of a born-digital plan gives them: "1.1", "1.2" … under a heading
/// "1 Lĩnh vực Y tế", itself under a group "I Đến hết năm 2025". A row's cells follow
/// one another in reading order: its text, then the agency in charge at the end of the
/// row's last line or on a line of its own. A roman heading right above a column header
/// ("I. Chỉ tiêu các nhiệm vụ có tính trọng tâm" over "TT Chỉ tiêu …") opens a new table.
struct DottedRowReader: Sendable {
  let agencies: AgencyNormalizer
  /// Cells are rebuilt from reading order, not geometry: surer than line-sliced OCR
  /// text, less sure than word boxes.
  static let confidence = 0.6

  /// A plainly numbered line ("3 Xây dựng …", "12. …").
  nonisolated(unsafe) static let plainRow = #/^\d{1,2}\.?\s/#
  nonisolated(unsafe) static let dotted = #/^(\d{1,2}\.\d{1,2})\.?(?:\s+(.*))?$/#
  nonisolated(unsafe) static let heading = #/^(\d{1,2}|[IVX]{1,5})\.?\s+(\S.*)$/#

  /// Whether rows numbered "n.m" outnumber the plainly numbered lines of `lines`.
  static func applies(_ lines: [TextLine]) -> Bool {
    let dottedRows = lines.filter { $0.text.wholeMatch(of: dotted) != nil }.count
    let plainRows = lines.filter { $0.text.firstMatch(of: plainRow) != nil }.count
    return dottedRows >= 3 && dottedRows >= plainRows
  }

  func tables(_ lines: [TextLine], holdsTasks: Bool) -> [RebuiltTable] {
    var tables: [RebuiltTable] = []
    var rows: [TableRow] = []
    var current: (number: String, page: Int, lines: [String])? = nil
    var part: String? = nil
    func closeRow() {
      guard let row = current else { return }
      rows.append(
        TableRow(kind: .record(number: row.number, cells: cells(row.lines)), page: row.page))
      current = nil
    }
    func closeTable() {
      closeRow()
      if rows.contains(where: { if case .record = $0.kind { true } else { false } }) {
        tables.append(
          RebuiltTable(
            holdsTasks: holdsTasks, rows: rows, confidence: Self.confidence, part: part))
      }
      rows = []
    }
    let headings = Set(
      lines.compactMap {
        $0.text.wholeMatch(of: Self.dotted).map { m in
          String(m.1.split(separator: ".")[0])
        }
      })
    var afterHeader = false
    for (i, line) in lines.enumerated() where !line.isBlank {
      // A part's heading may itself name columns ("I. Chỉ tiêu các nhiệm vụ …").
      if let m = line.text.wholeMatch(of: Self.heading), Self.isRoman(String(m.1)),
        Self.headerFollows(lines, after: i)
      {
        closeTable()
        part = String(m.1)
        continue
      }
      if PlainTextTableReader.isHeader(line.key) {
        afterHeader = true
        continue
      }
      // The rest of a column header broken over lines ("đánh giá").
      if afterHeader, line.text.split(separator: " ").count <= 4,
        line.text.split(separator: " ").allSatisfy({
          GeometryTableBuilder.isHeaderWord(String($0))
        })
      {
        continue
      }
      afterHeader = false
      if let m = line.text.wholeMatch(of: Self.dotted) {
        closeRow()
        current = (String(m.1), line.page, m.2.map { [String($0)] } ?? [])
        continue
      }
      if let m = line.text.wholeMatch(of: Self.heading) {
        let number = String(m.1)
        let title = String(m.2).collapsingWhitespace.trimmingPunctuation
        if Self.isRoman(number) || headings.contains(number) {
          closeRow()
          rows.append(TableRow(kind: .group(number: number, title: title), page: line.page))
          continue
        }
      }
      // A page number between rows.
      if line.text.allSatisfy(\.isNumber) { continue }
      current?.lines.append(line.text)
    }
    closeTable()
    return tables
  }

  private static func isRoman(_ text: String) -> Bool {
    AnchorFinder.roman(text) != nil && text.allSatisfy(\.isUppercase)
  }

  /// Whether a column header is among the next non-blank lines after `i`.
  private static func headerFollows(_ lines: [TextLine], after i: Int) -> Bool {
    lines[(i + 1)...].filter { !$0.isBlank }.prefix(2).contains {
      PlainTextTableReader.isHeader($0.key)
    }
  }

  /// The text and the lead agency of a row's lines: the agency is the last line when it
  /// is one, else the longest tail of the last line that names known agencies.
  private func cells(_ lines: [String]) -> [ColumnRole: String] {
    var lines = lines.filter { !$0.isEmpty }
    var lead: String? = nil
    if let last = lines.last {
      if lines.count > 1, isAgencyList(last) {
        lead = last
        lines.removeLast()
      } else {
        let words = last.split(separator: " ").map(String.init)
        for p in words.indices.dropFirst() where words[p].first?.isUppercase == true {
          let tail = words[p...].joined(separator: " ")
          if isAgencyList(tail) {
            lead = tail
            lines[lines.count - 1] = words[..<p].joined(separator: " ")
            break
          }
        }
      }
    }
    var cells: [ColumnRole: String] = [.text: lines.joined(separator: " ").collapsingWhitespace]
    if let lead { cells[.lead] = lead }
    return cells
  }

  /// Whether every agency `text` lists is one the dictionary knows.
  private func isAgencyList(_ text: String) -> Bool {
    guard text.first?.isUppercase == true else { return false }
    let found = agencies.agencies(in: text)
    return !found.isEmpty && found.allSatisfy { agencies.dictionary.canonical($0.raw) != nil }
  }
}
