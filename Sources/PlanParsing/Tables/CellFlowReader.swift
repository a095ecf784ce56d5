/// Reads appendix tables from plain text that gives a row's cells one after another
/// (the text column's lines, then the lead agency's, the cooperating agencies', …), as
/// pdftotext gives a born-digital table: cells are blocks of short lines between blank
/// lines, two cells on one baseline sometimes share a line, and a row cut by a page
/// break starts again at the text column after the repeated header. Rows are anchored on
/// their numbers ("12" alone or "12 Xây dựng …"), in sequence; groups on roman numerals
/// ("II", "III."); a numbered heading right above a column header ("2. Nhiệm vụ chủ
/// yếu") opens a new part whose groups count again from I. The columns come in the
/// order the header names them, and `CellFlowSegmenter` shares each row's words out.
struct CellFlowReader: Sendable {
  let agencies: AgencyNormalizer
  /// Cells are rebuilt from reading order and what their words look like: surer than
  /// line-sliced OCR text, less sure than word boxes.
  static let confidence = 0.6

  /// One step of the appendix's text once repeated headers are taken out.
  enum Item {
    /// A line, and whether a column header comes next (after blank lines).
    case line(TextLine, beforeHeader: Bool)
    case blank
    case pageBreak
  }

  nonisolated(unsafe) static let rowPattern = #/^(\d{1,3})\.?(?:\s+(\S.*))?$/#
  nonisolated(unsafe) static let groupPattern = #/^([IVX]{1,5})\.?(?:\s+(\S.*))?$/#
  nonisolated(unsafe) static let subrowPattern = #/^(\d{1,3})\.(\d{1,2})\.?(?:\s+(\S.*))?$/#
  nonisolated(unsafe) static let partPattern = #/^(\d{1,2}|[IVX]{1,4})\.\s+(\S.*)$/#

  /// Whether `lines` read as cells in flow: a column header, and blank lines between
  /// the cells' blocks (line-sliced OCR text fills nearly every line).
  static func applies(_ lines: [TextLine]) -> Bool {
    guard lines.count >= 20, lines.contains(where: { PlainTextTableReader.isHeader($0.key) })
    else { return false }
    return Double(lines.filter(\.isBlank).count) >= 0.2 * Double(lines.count)
  }

  func tables(_ lines: [TextLine], holdsTasks: Bool) -> [RebuiltTable] {
    guard let (template, columns) = Self.header(lines), columns.contains(where: { $0 != .text })
    else { return [] }
    let items = Self.items(lines, headerWords: template)
    let segmenter = CellFlowSegmenter(agencies: agencies, columns: columns)
    var tables: [RebuiltTable] = []
    var rows: [TableRow] = []
    var part: String? = nil
    func closeTable() {
      if rows.contains(where: { if case .record = $0.kind { true } else { false } }) {
        tables.append(
          RebuiltTable(holdsTasks: holdsTasks, rows: rows, confidence: Self.confidence, part: part))
      }
      rows = []
    }
    for anchor in Self.anchors(items) {
      switch anchor.kind {
      case .part(let number):
        closeTable()
        part = number
      case .group(let number, let rest):
        rows += groupRows(number, rest: rest, items: items[anchor.items], segmenter: segmenter)
      case .row(let number, let rest, let page):
        let cells = Self.fragments(rest: rest, items[anchor.items]).reduce(into: [:]) {
          cells, fragment in cells = segmenter.assign(fragment, continuing: cells)
        }
        rows.append(TableRow(kind: .record(number: number, cells: cells), page: page))
      }
    }
    closeTable()
    return tables
  }

  /// A group row; when cells of its own follow its title (a group that is itself a
  /// task, with its agencies and deadline), also a record numbered by the group.
  private func groupRows(
    _ number: String, rest: TextLine?, items: ArraySlice<Item>, segmenter: CellFlowSegmenter
  ) -> [TableRow] {
    let page = rest?.page ?? 1
    let fragments = Self.fragments(rest: rest, items)
    let all = fragments.flatMap { $0 }.map(\.text).joined(separator: " ").collapsingWhitespace
    if fragments.count == 1 {
      let cells = segmenter.assign(fragments[0], continuing: [:])
      if let lead = cells[.lead], !lead.isEmpty, cells[.deadline] != nil,
        let title = cells[.text]
      {
        return [
          TableRow(
            kind: .group(number: number, title: title.collapsingWhitespace.trimmingPunctuation),
            page: page),
          TableRow(kind: .record(number: number, cells: cells), page: page),
        ]
      }
    }
    return [TableRow(kind: .group(number: number, title: all.trimmingPunctuation), page: page)]
  }

  /// The words of a row (the anchor line's rest, then its items) as fragments cut at
  /// page breaks, each word marked with how it follows the one before.
  static func fragments(rest: TextLine?, _ items: ArraySlice<Item>) -> [[CellFlowSegmenter.Token]] {
    var fragments: [[CellFlowSegmenter.Token]] = [[]]
    var pending = CellFlowSegmenter.Break.line
    func add(_ text: String) {
      for (k, word) in text.split(separator: " ").enumerated() {
        fragments[fragments.count - 1].append(
          .init(text: String(word), breakBefore: k == 0 ? pending : .none))
      }
      pending = .line
    }
    if let rest { add(rest.text) }
    for item in items {
      switch item {
      case .line(let line, _): add(line.text)
      case .blank: if !fragments[fragments.count - 1].isEmpty { pending = .blank }
      case .pageBreak:
        if !fragments[fragments.count - 1].isEmpty { fragments.append([]) }
        pending = .line
      }
    }
    return fragments.filter { !$0.isEmpty }
  }
}

extension CellFlowReader {
  /// The first column header: how many header words it has (a repeated header is taken
  /// out word for word, whatever its line breaks) and the roles of its columns in order.
  static func header(_ lines: [TextLine]) -> (words: Int, columns: [ColumnRole])? {
    guard let start = lines.firstIndex(where: { PlainTextTableReader.isHeader($0.key) }) else {
      return nil
    }
    var words: [String] = []
    for line in lines[start...] {
      if line.isBlank { continue }
      let lineWords = line.text.split(separator: " ").map(String.init)
      guard lineWords.allSatisfy(GeometryTableBuilder.isHeaderWord) else { break }
      words += lineWords
    }
    let key = words.joined(separator: " ").foldKey
    let names: [(ColumnRole, [String])] = [
      (.text, ["nhiem vu", "noi dung", "chi tieu"]), (.lead, ["chu tri"]),
      (.cooperating, ["phoi hop"]), (.output, ["ket qua", "san pham"]),
      (.deadline, ["thoi gian", "thoi han", "tien do"]), (.other, ["ghi chu"]),
    ]
    let found = names.compactMap { role, spellings -> (ColumnRole, String.Index)? in
      let hits = spellings.compactMap { key.range(of: $0)?.lowerBound }
      return hits.min().map { (role, $0) }
    }
    return (words.count, found.sorted { $0.1 < $1.1 }.map(\.0))
  }

  /// The appendix's lines as items, every repeated header (the same number of header
  /// words as the first) turned into a page break and part headings marked.
  static func items(_ lines: [TextLine], headerWords: Int) -> [Item] {
    var items: [Item] = []
    var i = 0
    while i < lines.count {
      let line = lines[i]
      if PlainTextTableReader.isHeader(line.key) {
        var taken = 0
        var end = i
        while end < lines.count, taken < headerWords {
          let words = lines[end].text.split(separator: " ").map(String.init)
          guard lines[end].isBlank || words.allSatisfy(GeometryTableBuilder.isHeaderWord) else {
            break
          }
          taken += words.count
          end += 1
        }
        if taken > 0 {
          items.append(.pageBreak)
          i = end
          continue
        }
      }
      if line.isBlank {
        items.append(.blank)
      } else {
        let next = lines[(i + 1)...].first(where: { !$0.isBlank })
        items.append(
          .line(line, beforeHeader: next.map { PlainTextTableReader.isHeader($0.key) } ?? false))
      }
      i += 1
    }
    return items
  }

  struct Anchor {
    enum Kind {
      case part(String)
      case group(String, rest: TextLine?)
      case row(String, rest: TextLine?, page: Int)
    }
    var kind: Kind
    /// The items after the anchor's line that belong to it.
    var items: Range<Int>
  }

  /// Parts, groups and rows in order. A row number must follow the last one (or be 1
  /// in a new group); a number alone on its line may be off by one, as printed numbers
  /// sometimes are, and stays as printed.
  static func anchors(_ items: [Item]) -> [Anchor] {
    var anchors: [Anchor] = []
    var lastRow = 0
    var lastGroup = 0
    var lastSubrow = 0
    var groupStarted = false
    for (index, item) in items.enumerated() {
      guard case .line(let line, let beforeHeader) = item else { continue }
      let afterBlank: Bool = {
        guard index > 0 else { return true }
        if case .line = items[index - 1] { return false }
        return true
      }()
      if let m = line.text.wholeMatch(of: groupPattern),
        AnchorFinder.roman(String(m.1)) == lastGroup + 1,
        m.2.map({ $0.first?.isUppercase == true }) ?? afterBlank
      {
        lastGroup += 1
        groupStarted = true
        let rest = m.2.map { TextLine(page: line.page, text: String($0)) }
        anchors.append(Anchor(kind: .group(String(m.1), rest: rest), items: index + 1..<index + 1))
        continue
      }
      // A numbered heading over a column header opens a part ("2. Nhiệm vụ chủ yếu").
      if beforeHeader, let m = line.text.wholeMatch(of: partPattern) {
        anchors.append(Anchor(kind: .part(String(m.1)), items: index + 1..<index + 1))
        lastGroup = 0
        lastRow = 0
        continue
      }
      // "29.1", "29.2" … under row 29, whose text introduces them.
      if let m = line.text.wholeMatch(of: subrowPattern), Int(m.1) == lastRow,
        Int(m.2) == lastSubrow + 1
      {
        lastSubrow += 1
        let rest = m.3.map { TextLine(page: line.page, text: String($0)) }
        anchors.append(
          Anchor(
            kind: .row("\(m.1).\(m.2)", rest: rest, page: line.page), items: index + 1..<index + 1))
        continue
      }
      if let m = line.text.wholeMatch(of: rowPattern), let n = Int(m.1) {
        let expected = lastRow + 1
        var accept = n == expected || (groupStarted && n == 1)
        if let rest = m.2 {
          let opening = rest.first.map { $0.isUppercase || $0.isNumber } ?? false
          accept = accept && (opening || afterBlank)
        } else {
          accept = accept || abs(n - expected) == 1
        }
        if accept {
          lastRow = n
          lastSubrow = 0
          groupStarted = false
          let rest = m.2.map { TextLine(page: line.page, text: String($0)) }
          anchors.append(
            Anchor(
              kind: .row(String(m.1), rest: rest, page: line.page), items: index + 1..<index + 1))
        }
      }
    }
    // Each anchor owns the items up to the next one.
    for k in anchors.indices {
      let end = k + 1 < anchors.count ? anchors[k + 1].items.lowerBound - 1 : items.count
      let start = anchors[k].items.lowerBound
      anchors[k].items = start..<max(start, end)
    }
    return anchors
  }
}
