import PlanModel

/// One line of the document in reading order, with its page, its folded key (for
/// matching whatever the diacritics) and its words (for tables built from geometry).
struct TextLine: Sendable {
  /// The page (from 1).
  var page: Int
  /// The line's text, whitespace collapsed.
  var text: String
  /// The folded key of `text`.
  var key: String
  /// The words with their boxes, when the source has geometry.
  var words: [Word]

  var isBlank: Bool { text.isEmpty }

  init(page: Int, line: Line) {
    self.page = page
    self.words = line.words
    self.text = line.text.collapsingWhitespace
    self.key = text.foldKey
  }

  init(page: Int, text: String) {
    self.page = page
    self.words = []
    self.text = text.collapsingWhitespace
    self.key = self.text.foldKey
  }
}

extension Array where Element == PageLayout {
  /// Every line of every page, in order.
  var textLines: [TextLine] {
    flatMap { page in page.lines.map { TextLine(page: page.number, line: $0) } }
  }
}
