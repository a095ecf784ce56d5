import VietnameseText

/// A comma read as a period: OCR at low resolution loses a comma's tail ("kết nối. liên
/// thông"). Plan text starts every sentence with a capital, so a period glued to a word
/// and followed by a word in lower case on the same line was a comma. Left
/// alone: a period after a one-letter word ("v.v. các"), or before anything but a word.
extension DocumentRestoration {
  static func commasReadAsPeriods(_ lines: inout [[Token]]) -> [TokenChange] {
    var changes: [TokenChange] = []
    // The last period glued to a word, waiting for the next visible token.
    var pending: (line: Int, index: Int)?
    for l in lines.indices {
      for t in lines[l].indices where lines[l][t].kind != .space {
        let token = lines[l][t]
        if let p = pending {
          if token.kind == .word, let first = token.text.first, first.isLetter,
            first.isLowercase
          {
            lines[p.line][p.index].text = ","
            changes.append(
              TokenChange(line: p.line, original: ".", replacement: ",", confidence: 0.9))
          }
          pending = nil
        }
        if token.kind == .punctuation, token.text == ".", t > 0, lines[l][t - 1].kind == .word,
          lines[l][t - 1].text.count >= 2
        {
          pending = (l, t)
        }
      }
      // Across a line break the evidence is weaker: tables and lists break there.
      pending = nil
    }
    return changes
  }
}
