import PlanModel

/// Lays out synthetic table pages with word boxes, like a text layer would give them:
/// 10-point words, 12 points between the lines of a cell, 8 points of padding between
/// rows, each word 5 points per character wide.
struct SyntheticTable {
  var columnX: [Double]
  var origin: TextOrigin = .textLayer
  private(set) var pages: [PageLayout] = []
  private var lines: [Line] = []
  private var y = 40.0

  init(columnX: [Double], origin: TextOrigin = .textLayer) {
    self.columnX = columnX
    self.origin = origin
  }

  private func words(_ text: String, x: Double, y: Double) -> [Word] {
    var x = x
    return text.split(separator: " ").map { token in
      let width = Double(token.count) * 5
      defer { x += width + 3 }
      return Word(
        text: String(token), box: BoundingBox(x: x, y: y, width: width, height: 10),
        confidence: 1, origin: origin)
    }
  }

  /// A line of prose across the page.
  mutating func text(_ text: String, x: Double = 40) {
    lines.append(Line(words: words(text, x: x, y: y)))
    y += 16
  }

  /// A row: one string per column, "\n" separating the lines of a cell. With
  /// `centreNumber`, the first cell is placed on the row's middle line.
  mutating func row(_ cells: [String], centreNumber: Bool = false) {
    let split = cells.map {
      $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    let height = split.map(\.count).max() ?? 1
    for lineIndex in 0..<height {
      var lineWords: [Word] = []
      for (column, cellLines) in split.enumerated() {
        var index = lineIndex
        if column == 0, centreNumber { index = lineIndex - (height - 1) / 2 }
        guard index >= 0, index < cellLines.count, !cellLines[index].isEmpty else { continue }
        lineWords += words(cellLines[index], x: columnX[column], y: y)
      }
      if !lineWords.isEmpty { lines.append(Line(words: lineWords)) }
      y += 12
    }
    y += 8
  }

  /// Ends the page (with a page number at its foot when given).
  mutating func pageBreak(pageNumber: String? = nil) {
    if let pageNumber { lines.append(Line(words: words(pageNumber, x: 300, y: 800))) }
    pages.append(
      PageLayout(number: pages.count + 1, width: 595, height: 842, origin: origin, lines: lines))
    lines = []
    y = 40
  }
}
