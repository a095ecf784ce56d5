import PlanModel

/// Rebuilds tables from word boxes (text layer or OCR): finds the header row, derives
/// column spans from the header words, groups the words below into rows anchored on
/// the numbers of the "TT" column, recognises group rows (roman numerals), drops
/// repeated headers and page numbers, and stitches a row that continues across a page
/// break onto the row it continues.
struct GeometryTableBuilder: Sendable {
  // Regex literals are built anew each time they are evaluated; these run per line.
  nonisolated(unsafe) private static let rowNumber =
    #/\d{1,3}(\.\d{1,3}){0,2}/#

  /// A line of words that share a vertical band on one page, left to right.
  struct VisualLine {
    var page: Int
    var words: [Word]
    var top: Double { words.map { $0.box!.y }.min() ?? 0 }
    var bottom: Double { words.map { $0.box!.maxY }.max() ?? 0 }
    var height: Double { words.map { $0.box!.height }.max() ?? 0 }
  }

  /// A column: its role, header text, the horizontal extent of its header words and
  /// where it ends on the right (the boundary with the next column).
  struct Column {
    var role: ColumnRole
    var header: String
    var minX: Double
    var maxX: Double
    var right = Double.infinity
  }

  /// Puts each boundary between two columns in the widest run of x positions that no
  /// body word crosses (the white "river" of the ruling), between their header words;
  /// header words alone mislead, since a short header sits centred in a wide column.
  static func placeBoundaries(_ columns: inout [Column], body: [Word]) {
    for k in columns.indices.dropLast() {
      let from = columns[k].maxX
      let to = columns[k + 1].minX
      guard to > from + 1 else {
        columns[k].right = (from + to) / 2
        continue
      }
      let boxes = body.compactMap(\.box).filter { $0.maxX > from && $0.x < to }
      var best = (crossings: Int.max, start: from, end: from)
      var x = from
      var run: (crossings: Int, start: Double)? = nil
      while x <= to {
        let crossings = boxes.filter { $0.x < x && $0.maxX > x }.count
        if let r = run, r.crossings == crossings {
          // The run continues.
        } else {
          run = (crossings, x)
        }
        if crossings < best.crossings
          || (crossings == best.crossings && x - run!.start > best.end - best.start)
        {
          best = (crossings, run!.start, x)
        }
        x += 1
      }
      columns[k].right = (best.start + best.end) / 2
    }
  }

  func tables(_ lines: ArraySlice<TextLine>) -> [RebuiltTable] {
    let visual = Self.visualLines(lines)
    var tables: [RebuiltTable] = []
    var columns: [Column] = []
    var rows: [TableRow] = []
    var cells: [ColumnRole: [String]] = [:]
    var anchor: (number: String, page: Int, isGroup: Bool)? = nil
    var origin = TextOrigin.textLayer

    func closeRow() {
      guard let a = anchor else { return }
      let joined = cells.mapValues { $0.joined(separator: " ").collapsingWhitespace }
      if a.isGroup {
        let title = ColumnRole.allCases.compactMap { joined[$0] }.filter { !$0.isEmpty }
          .joined(separator: " ")
        rows.append(TableRow(kind: .group(number: a.number, title: title), page: a.page))
      } else {
        rows.append(TableRow(kind: .record(number: a.number, cells: joined), page: a.page))
      }
      anchor = nil
      cells = [:]
    }
    func closeTable() {
      closeRow()
      if !rows.isEmpty {
        let holdsTasks = Self.holdsTasks(columns)
        tables.append(
          RebuiltTable(
            holdsTasks: holdsTasks, rows: rows, confidence: origin == .ocr ? 0.8 : 0.95,
            readByOCR: origin == .ocr))
      }
      rows = []
    }

    var i = 0
    // Lines since the last row number: the current row's continuation, or the top of
    // the next row when its number is centred on it; settled at the next row number.
    var pending: [VisualLine] = []
    var lastAdded: VisualLine? = nil
    var groupCount = 0
    var rowCount = 0
    var numberless = false
    var rowGap = 0.0
    var previousLine: VisualLine? = nil
    while i < visual.count {
      if let header = Self.header(at: i, in: visual) {
        var found = Self.columns(visual[header])
        let body = visual[header.upperBound...].prefix { $0.page == visual[header.lowerBound].page }
        Self.placeBoundaries(&found, body: body.flatMap(\.words))
        if !Self.sameColumns(found, columns) {
          for l in pending where anchor != nil || !rows.isEmpty { add(l) }
          pending = []
          closeTable()
          groupCount = 0
          rowCount = 0
        }
        // A repeated header may sit a little differently, or have lost its "TT" to OCR.
        columns = found
        numberless = !found.contains { $0.role == .number }
        rowGap = Self.rowGap(Array(body))
        previousLine = nil
        i = header.upperBound
        continue
      }
      let line = visual[i]
      i += 1
      guard !columns.isEmpty else { continue }
      origin = line.words.first?.origin ?? origin
      if Self.isPageNumber(line, columns: columns) { continue }
      let numberWord = line.words.first {
        Self.role(of: $0, columns) == .number
          && !$0.text.trimmingCharacters(in: Self.rulingMarks).isEmpty
      }
      let ocr = line.words.first?.origin == .ocr
      let before = previousLine
      previousLine = line
      var found = numberWord.flatMap { Self.rowNumber($0.text, ocr: ocr) }
      if numberless, found == nil,
        before == nil || line.top - before!.bottom > rowGap
      {
        // No TT column on this page (OCR lost it): rows are told apart by the white
        // space between them.
        found = (String(rowCount + 1), false)
      }
      guard var kind = found else {
        pending.append(line)
        continue
      }
      // OCR misreads row numbers and numerals ("H" for II, "s;" for 3): on OCR'd pages
      // the TT column's numbering runs in sequence, so a misread takes the expected value.
      if kind.isGroup {
        groupCount += 1
        if ocr { kind.number = AnchorFinder.romanNumeral(groupCount) }
        rowCount = 0
      } else {
        rowCount += 1
        if ocr, kind.number != String(rowCount) { kind.number = String(rowCount) }
      }
      let split =
        anchor == nil && rows.isEmpty
        ? (previous: [], next: pending)
        : Self.splitPending(pending, before: line, after: lastAdded)
      for l in split.previous { add(l) }
      closeRow()
      anchor = (kind.number, line.page, kind.isGroup)
      for l in split.next { add(l) }
      pending = []
      add(line, skipping: numberless ? nil : numberWord)
    }
    for l in pending where anchor != nil || !rows.isEmpty { add(l) }
    closeTable()
    return tables

    func add(_ line: VisualLine, skipping skipped: Word? = nil) {
      if anchor == nil, let last = rows.popLast() {
        // A continuation at the top of a page: reopen the last row.
        switch last.kind {
        case .record(let number, let c):
          anchor = (number, last.page, false)
          cells = c.mapValues { [$0] }
        case .group(let number, let title):
          anchor = (number, last.page, true)
          cells = [.text: [title]]
        }
      }
      lastAdded = line
      for word in line.words where word != skipped {
        // OCR reads the ruling between cells as "|", "[", "]" or "_", alone or stuck to a
        // word.
        let text = word.text.trimmingCharacters(in: Self.rulingMarks)
        guard !text.isEmpty else { continue }
        let role = Self.role(of: word, columns) ?? .other
        cells[role, default: []].append(text)
      }
    }
  }

  /// What OCR makes of the rules between and under cells, and of specks ("`"); no word
  /// of a plan's table begins or ends with them.
  static let rulingMarks = "|[]_`"

  /// Splits lines between two rows at the widest vertical gap (rows are separated by
  /// more space than the lines of one cell).
  static func splitPending(
    _ pending: [VisualLine], before line: VisualLine, after last: VisualLine?
  ) -> (previous: [VisualLine], next: [VisualLine]) {
    guard !pending.isEmpty else { return ([], []) }
    let all = (last.map { [$0] } ?? []) + pending + [line]
    let offset = last == nil ? 0 : 1
    var best = (gap: -Double.infinity, index: all.count - 1)
    for k in 1..<all.count {
      // A row that opens a page starts there; otherwise a page break never splits: what
      // opens a page continues the row before it.
      let pageBreak = all[k].page != all[k - 1].page
      let gap =
        pageBreak ? (k == all.count - 1 ? 1e9 : -1e9) : all[k].top - all[k - 1].bottom
      if gap > best.gap + 0.5 { best = (gap, k) }
    }
    let cut = max(0, best.index - offset)
    return (Array(pending[..<cut]), Array(pending[cut...]))
  }

  /// Words grouped into visual lines per page, by vertical overlap.
  static func visualLines(_ lines: ArraySlice<TextLine>) -> [VisualLine] {
    var byPage: [Int: [Word]] = [:]
    var pages: [Int] = []
    for line in lines {
      if byPage[line.page] == nil { pages.append(line.page) }
      // A ruling read as "|" has the box of the rule, not of a line of text.
      byPage[line.page, default: []] += line.words.filter {
        $0.box != nil && !$0.text.trimmingCharacters(in: Self.rulingMarks).isEmpty
      }
    }
    var result: [VisualLine] = []
    for page in pages {
      let words = byPage[page]!.sorted { $0.box!.midY < $1.box!.midY }
      var current: [Word] = []
      for word in words {
        if let last = current.last,
          abs(word.box!.midY - current.map { $0.box!.midY }.reduce(0, +) / Double(current.count))
            > 0.5 * max(word.box!.height, last.box!.height)
        {
          result.append(VisualLine(page: page, words: current.sorted { $0.box!.x < $1.box!.x }))
          current = []
        }
        current.append(word)
      }
      if !current.isEmpty {
        result.append(VisualLine(page: page, words: current.sorted { $0.box!.x < $1.box!.x }))
      }
    }
    return result
  }

  static let headerVocabulary: Set<String> = [
    "tt", "stt", "so", "ten", "nhiem", "vu", "chi", "tieu", "noi", "dung", "don", "vi", "tinh",
    "co", "quan", "chu", "tri", "phoi", "hop", "ket", "qua", "thuc", "hien", "thoi", "han",
    "hoan", "thanh", "gian", "san", "pham", "theo", "doi", "danh", "gia", "muc", "tri/theo",
    "du", "kien", "ghi", "chu/theo", "tri/", "dvt", "kinh", "phi", "nguon", "tien", "do",
    "nam", "ke", "hoach", "yeu", "cau", "dat", "duoc",
  ]

  static func isHeaderWord(_ text: String) -> Bool {
    let key = text.foldKey.trimmingPunctuation
    if key.count == 4, key.allSatisfy(\.isNumber) { return true }  // "Chỉ tiêu năm 2026"
    return key.split(separator: "/").allSatisfy { headerVocabulary.contains(String($0)) }
      && !key.isEmpty
  }

  /// The header band around line `i`: lines made only of header words, one of them
  /// holding "TT"/"STT" and at least one other column name.
  static func header(at i: Int, in lines: [VisualLine]) -> Range<Int>? {
    guard lines[i].words.allSatisfy({ isHeaderWord($0.text) }) else { return nil }
    var end = i
    while end < lines.count, lines[end].page == lines[i].page,
      lines[end].words.allSatisfy({ isHeaderWord($0.text) })
    {
      end += 1
    }
    let words = lines[i..<end].flatMap(\.words)
    let hasNumber = words.contains { ["tt", "stt"].contains($0.text.foldKey.trimmingPunctuation) }
    let columns = Self.columns(Array(lines[i..<end]))
    let named = columns.filter { $0.role != .other }.count
    guard (hasNumber && named >= 2) || named >= 3 else { return nil }
    return i..<end
  }

  /// Columns from header words: words overlapping horizontally (or closer than about
  /// an em) form one column's name.
  static func columns(_ lines: some Collection<VisualLine>) -> [Column] {
    let words = lines.flatMap(\.words).sorted { $0.box!.x < $1.box!.x }
    var clusters: [(minX: Double, maxX: Double, words: [Word])] = []
    for word in words {
      let box = word.box!
      if let last = clusters.last, box.x <= last.maxX + 0.7 * box.height {
        clusters[clusters.count - 1].maxX = max(last.maxX, box.maxX)
        clusters[clusters.count - 1].words.append(word)
      } else {
        clusters.append((box.x, box.maxX, [word]))
      }
    }
    let columns = clusters.map { cluster in
      let text = cluster.words.sorted {
        abs($0.box!.midY - $1.box!.midY) > $0.box!.height / 2
          ? $0.box!.midY < $1.box!.midY : $0.box!.x < $1.box!.x
      }.map(\.text).joined(separator: " ")
      return Column(
        role: ColumnRole.of(header: text) ?? .other, header: text, minX: cluster.minX,
        maxX: cluster.maxX)
    }
    var placed = columns
    placeBoundaries(&placed, body: [])
    return placed
  }

  /// The white space that separates rows rather than the lines of a cell: between the
  /// narrowest and the widest gap between lines when they differ clearly, else most of
  /// a line's height.
  static func rowGap(_ lines: [VisualLine]) -> Double {
    let gaps = zip(lines, lines.dropFirst()).map { $1.top - $0.bottom }.filter { $0 > -5 }
    let height = lines.map(\.height).sorted().dropFirst(lines.count / 2).first ?? 10
    guard let low = gaps.min(), let high = gaps.max(), high > 1.5 * max(low, 1) else {
      return 0.6 * height
    }
    return (low + high) / 2
  }

  /// Whether two headers name the same columns (a "TT" lost by OCR aside).
  static func sameColumns(_ a: [Column], _ b: [Column]) -> Bool {
    let a = a.filter { $0.role != .number }
    let b = b.filter { $0.role != .number }
    return a.count == b.count && zip(a, b).allSatisfy { $0.role == $1.role }
  }

  /// The column a word falls in: the one whose span (widened to the midpoints between
  /// neighbouring header spans) holds the word's left edge.
  static func role(of word: Word, _ columns: [Column]) -> ColumnRole? {
    guard let box = word.box, !columns.isEmpty else { return nil }
    let x = box.x + min(box.width / 2, 4)
    for column in columns where x < column.right { return column.role }
    return columns.last?.role
  }

  /// A row number ("1", "2.5") or a group's roman numeral in the TT column. On OCR'd
  /// pages any short token there starts a row: letters that OCR makes of roman numerals
  /// ("H", "IH", "l") a group row, anything else a numbered row.
  static func rowNumber(_ text: String, ocr: Bool) -> (number: String, isGroup: Bool)? {
    var t = text
    while let last = t.last, ".:)".contains(last) { t.removeLast() }
    if t.wholeMatch(of: Self.rowNumber) != nil { return (t, false) }
    if AnchorFinder.roman(t) != nil, t.allSatisfy({ "IVX".contains($0) }) { return (t, true) }
    guard ocr, !t.isEmpty, t.count <= 3 else { return nil }
    if t.allSatisfy({ "IVXHlL|[]".contains($0) }) { return (t, true) }
    return (t, false)
  }

  static func isPageNumber(_ line: VisualLine, columns: [Column]) -> Bool {
    guard line.words.count == 1, let word = line.words.first, word.text.allSatisfy(\.isNumber)
    else { return false }
    return role(of: word, columns) != .number
  }

  static func holdsTasks(_ columns: [Column]) -> Bool {
    let roles = Set(columns.map(\.role))
    if roles.contains(.output) || roles.contains(.cooperating) { return true }
    let text = columns.first { $0.role == .text }?.header.foldKey ?? ""
    return text.contains("nhiem vu") && !text.contains("chi tieu")
  }
}
