import Foundation
import PlanModel

/// Already-OCR'd text: one page per form feed, lines as given, words split on spaces,
/// no boxes.
enum PlainTextPages {
  static func pages(from input: InputFile) throws(ExtractionError) -> [PageLayout] {
    guard let decoded = String(validating: input.bytes, as: UTF8.self) else {
      throw ExtractionError(.unsupported, file: input.displayPath, reason: "not UTF-8 text")
    }
    let text = decoded.precomposedStringWithCanonicalMapping
      .replacingOccurrences(of: "\r\n", with: "\n")
    var chunks = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
    // A form feed closing the last page does not open an empty one.
    if chunks.count > 1, chunks.last?.allSatisfy(\.isWhitespace) == true { chunks.removeLast() }
    return chunks.enumerated().map { index, chunk in
      var rows = chunk.split(separator: "\n", omittingEmptySubsequences: false)
      if rows.last?.isEmpty == true { rows.removeLast() }
      let lines = rows.map { row in
        Line(
          words: row.split(whereSeparator: \.isWhitespace).map {
            Word(text: String($0), box: nil, confidence: 1, origin: .plainText)
          })
      }
      return PageLayout(
        number: index + 1, width: nil, height: nil, origin: .plainText, lines: lines)
    }
  }
}
