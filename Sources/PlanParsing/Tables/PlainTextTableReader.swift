/// Rebuilds appendix tables from line-sliced OCR text (no boxes): each printed line
/// holds a slice of every column, and the row number ("TT") sits on the row's middle
/// line. Rows are anchored on their numbers (kept in sequence, so that an OCR misread
/// of one number does not lose the row), group rows on their roman numerals; the lines
/// between two anchors are shared out so that each row has about as many lines below
/// its number as above; each line is cut into the text column and the columns to its
/// right where a "|" rule or the start of an agency's name is. Best effort: the records
/// carry a low confidence.
struct PlainTextTableReader: Sendable {
  // Regex literals are built anew each time they are evaluated; these run per line.
  nonisolated(unsafe) private static let yearNumber =
    #/(19|20)\d\d/#

  let agencies: AgencyNormalizer
  static let confidence = 0.35

  func tables(_ lines: ArraySlice<TextLine>, appendix: AppendixBlock) -> [RebuiltTable] {
    let holdsTasks = Self.holdsTasks(lines, appendix: appendix)
    if DottedRowReader.applies(Array(lines)) {
      return DottedRowReader(agencies: agencies).tables(Array(lines), holdsTasks: holdsTasks)
    }
    let all = Array(lines)
    // Cells in flow, if reading them so gives most rows an agency and a deadline;
    // line-sliced OCR text read so does not.
    if holdsTasks, CellFlowReader.applies(all) {
      let tables = CellFlowReader(agencies: agencies).tables(all, holdsTasks: holdsTasks)
      let cells = tables.flatMap(\.rows).compactMap { row -> [ColumnRole: String]? in
        if case .record(_, let cells) = row.kind { cells } else { nil }
      }
      let complete = cells.filter { $0[.lead] != nil && $0[.deadline] != nil }.count
      if !cells.isEmpty, complete * 2 >= cells.count { return tables }
    }
    let headers = Self.headerLines(all)
    let content = all.indices.filter { !all[$0].isBlank && !headers.contains($0) }.map { all[$0] }
    guard !content.isEmpty else { return [] }
    let anchors = AnchorFinder().anchors(content)
    guard anchors.contains(where: { !$0.isGroup }) else { return [] }
    let splitter = ColumnSplitter(agencies: agencies)
    var rows: [TableRow] = []
    // Per record row: its unit and target when its lines end with them, and its lines.
    var values: [TrailingValues.Found?] = []
    var texts: [[String]] = []
    for (n, anchor) in anchors.enumerated() {
      let end =
        n + 1 < anchors.count
        ? anchors[n + 1].start : min(content.count, anchor.line + anchor.linesAbove + 4)
      let range = anchor.start..<max(anchor.line + 1, end)
      if anchor.isGroup {
        // Specks OCR read beside a numeral ("11 A s £" for "II") are no part of the
        // title the lines around it give.
        let rest = range.count > 1 && AnchorFinder.isGarbage(anchor.rest) ? "" : anchor.rest
        let title = range.map { i in i == anchor.line ? rest : content[i].text }
          .joined(separator: " ").collapsingWhitespace.trimmingPunctuation
        rows.append(
          TableRow(
            kind: .group(number: anchor.number, title: title), page: content[anchor.line].page))
        continue
      }
      var parts: [(text: String, right: String)] = []
      for i in range {
        let text = i == anchor.line ? anchor.rest : content[i].text
        parts.append(splitter.split(text, previousRight: parts.last?.right ?? ""))
      }
      splitter.joinWrappedNames(&parts)
      let text = parts.map(\.text).joined(separator: " ").collapsingWhitespace
      let right = parts.map(\.right).filter { !$0.isEmpty }
      let anchorRight = parts[anchor.linesAbove].right
      let cells =
        holdsTasks
        ? splitter.taskCells(right, anchorRight: anchorRight)
        : [.lead: right.joined(separator: " ")]
      var all = cells
      all[.text] = text
      rows.append(
        TableRow(kind: .record(number: anchor.number, cells: all), page: content[anchor.line].page))
      values.append(
        holdsTasks
          ? nil : TrailingValues().find(in: parts.map(\.text), preferring: anchor.linesAbove))
      texts.append(parts.map(\.text))
    }
    if !holdsTasks { Self.takeValueColumns(&rows, values: values, texts: texts) }
    // Text sliced line by line across the columns is OCR's reading of a scan.
    return [
      RebuiltTable(
        holdsTasks: holdsTasks, rows: rows, confidence: Self.confidence, readByOCR: true)
    ]
  }

  /// Moves the unit and target that end most rows' lines into their own columns; a
  /// table where few rows end so has no such columns.
  static func takeValueColumns(
    _ rows: inout [TableRow], values: [TrailingValues.Found?], texts: [[String]]
  ) {
    let records = rows.indices.filter { if case .record = rows[$0].kind { true } else { false } }
    guard records.count == values.count, values.compactMap({ $0 }).count * 2 >= records.count
    else { return }
    for (k, r) in records.enumerated() {
      guard let found = values[k], case .record(let number, var cells) = rows[r].kind else {
        continue
      }
      var lines = texts[k]
      lines[found.line] = found.remainder
      cells[.text] = lines.joined(separator: " ").collapsingWhitespace
      cells[.target] = found.target
      if let unit = found.unit { cells[.unit] = unit }
      rows[r].kind = .record(number: number, cells: cells)
    }
  }

  /// The lines of column headers: those that name columns, and around them the pieces
  /// of a header OCR broke over lines, one cell name to a line ("Yêu cầu kết quả",
  /// "Thời gian thực", "Đơn vị chủ", "TT") — a run of such pieces is a header when
  /// together they name columns.
  static func headerLines(_ lines: [TextLine]) -> Set<Int> {
    let filled = lines.indices.filter { !lines[$0].isBlank }
    var headers = Set(filled.filter { isHeader(lines[$0].key) })
    var run: [Int] = []
    func closeRun() {
      let key = run.map { lines[$0].key }.joined(separator: " ")
      if run.contains(where: headers.contains) || (run.count >= 2 && isHeader(key)) {
        headers.formUnion(run)
      }
      run = []
    }
    for i in filled {
      if headers.contains(i) || isHeaderPiece(lines[i].text, lenient: true) {
        run.append(i)
      } else {
        closeRun()
      }
    }
    closeRun()
    return headers
  }

  /// A short line made of column-header words ("Đơn vị", "Nội dung chỉ tiêu"); words
  /// of one letter are OCR's reading of the rules.
  static func isHeaderPiece(_ text: String, lenient: Bool = false) -> Bool {
    let words = text.split(separator: " ").filter { $0.filter(\.isLetter).count >= 2 }
    guard !words.isEmpty else { return text.foldKey.trimmingPunctuation == "tt" }
    let misses = words.filter { !GeometryTableBuilder.isHeaderWord(String($0)) }.count
    // Leniently, one OCR-garbled word in four ("Pon vi phéi", "dwgc").
    if lenient { return misses * 4 <= words.count && words.count - misses >= 2 || misses == 0 }
    return words.count <= 5 && misses == 0
  }

  /// A repeated header line: several header words and no year.
  static func isHeader(_ key: String) -> Bool {
    let words = [
      "tt ", "nhiem vu", "co quan", "chu tri", "phoi h", "ket qua", "thoi han", "hoan thanh",
      "chi tieu", "chi ticu", "theo doi", "danh gia", "thuc hien", "thue hien",
    ]
    let hits = words.filter { key.contains($0) }.count
    return hits >= 2 && key.firstMatch(of: Self.yearNumber) == nil && key.count < 90
      && !key.contains("%")
  }

  static func holdsTasks(_ lines: ArraySlice<TextLine>, appendix: AppendixBlock) -> Bool {
    // The column header ("TT Nhiệm vụ …", "TT Chỉ tiêu …"), not a heading above the
    // table that may name both ("Chỉ tiêu các nhiệm vụ trọng tâm").
    for line in lines.prefix(15) where isHeader(line.key) {
      guard line.key.hasPrefix("t") || line.key.contains("co quan chu tri") else { continue }
      let words = line.key.split(separator: " ").prefix(4).joined(separator: " ")
      if words.contains("chi tieu") || words.contains("chi ticu") { return false }
      if line.key.contains("nhiem vu") { return true }
    }
    let title = (appendix.title ?? "").foldKey
    return !title.contains("chi tieu")
  }
}
