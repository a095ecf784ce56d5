import Foundation
import VietnameseText

/// Repairs made to the OCR reading before it is decoded: a comma read as a period, the
/// eth Tesseract's Vietnamese model writes for Đ, and a list item's dash read as a tilde.
///
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

extension DocumentRestoration {
  /// The eth ("Ð", "ð") is no Vietnamese letter: Tesseract's Vietnamese model writes it
  /// for "Đ", "đ", at times beside the "Đ" it also wrote ("QĐÐ-TTg" for "QĐ-TTg"). Words
  /// and codes get the Vietnamese letter, once. The places of the tokens rewritten are
  /// added to `rewritten`.
  static func strokesReadAsEth(_ lines: inout [[Token]], _ rewritten: inout [TokenRef])
    -> [TokenChange]
  {
    var changes: [TokenChange] = []
    for l in lines.indices {
      for t in lines[l].indices
      where lines[l][t].kind == .word || lines[l][t].kind == .code {
        let text = lines[l][t].text
        guard text.unicodeScalars.contains(where: { $0 == "\u{D0}" || $0 == "\u{F0}" }) else {
          continue
        }
        let repaired = text.replacingOccurrences(of: "ĐÐ", with: "Đ")
          .replacingOccurrences(of: "ÐĐ", with: "Đ").replacingOccurrences(of: "đð", with: "đ")
          .replacingOccurrences(of: "ðđ", with: "đ").replacingOccurrences(of: "Ð", with: "Đ")
          .replacingOccurrences(of: "ð", with: "đ")
        // A word's class may change with its letters ("Ðiều" is a syllable once repaired).
        let retokenized = Tokenizer.tokenize(repaired)
        lines[l][t] =
          retokenized.count == 1 ? retokenized[0] : Token(kind: lines[l][t].kind, text: repaired)
        rewritten.append(TokenRef(line: l, index: t))
        changes.append(TokenChange(line: l, original: text, replacement: repaired, confidence: 0.9))
      }
    }
    return changes
  }
}

extension DocumentRestoration {
  /// Symbols OCR writes for a list item's dash on a worn or blurred page.
  static let dashReadings: Set<Character> = ["~", "=", "_", "¬"]

  /// A list item's dash that OCR read as a tilde, an equals sign or an underscore ("~ Phối
  /// hợp", "_- Lồng ghép"): a mark of one to three of those symbols and dashes, first on
  /// its line and followed by a space and a word, is the dash. Longer runs ("____") are a
  /// form's blanks, and a mark glued to the word is left alone.
  static func dashesReadAsSymbols(_ lines: inout [[Token]]) -> [TokenChange] {
    var changes: [TokenChange] = []
    for l in lines.indices {
      guard let start = lines[l].firstIndex(where: { $0.kind != .space }) else { continue }
      // The mark may be split in tokens ("_", "-"); they keep their places (the page's
      // words are matched to them by position), the first becoming the dash.
      var end = start
      while end < lines[l].count, lines[l][end].kind == .punctuation { end += 1 }
      let mark = lines[l][start..<end].map(\.text).joined()
      guard end > start, end + 1 < lines[l].count, mark.count <= 3, mark != "-",
        mark.allSatisfy({ $0 == "-" || dashReadings.contains($0) }),
        lines[l][end].kind == .space, lines[l][end + 1].kind == .word
      else { continue }
      lines[l][start] = Token(kind: .punctuation, text: "-")
      for t in start + 1..<end { lines[l][t] = Token(kind: .punctuation, text: "") }
      changes.append(TokenChange(line: l, original: mark, replacement: "-", confidence: 0.9))
    }
    return changes
  }
}

extension DocumentRestoration {
  /// An English model reads the horn of "ư", "ơ" or the hook of the hỏi tone as a question
  /// mark glued to the word ("ct?" for "cứ", "xi?" for "xử"). Plans ask no questions in
  /// running text, so in a line restored in full mode a "?" glued to a restored word with
  /// such a mark and followed on the line by another word is dropped; a "?" that ends its
  /// line stays, as a question would.
  func questionMarksReadForHooks(
    _ tokens: inout [[Token]], _ changes: inout [TokenChange], lineModes: [RestorationMode]
  ) {
    for l in tokens.indices where lineModes[l] == .full {
      let line = tokens[l]
      for t in line.indices.dropFirst() where line[t].kind == .punctuation && line[t].text == "?" {
        let word = line[t - 1]
        guard word.kind == .word, word.text != lines[l][t - 1].text,
          Self.hasHook(word.text),
          line[(t + 1)...].first(where: { $0.kind != .space })?.kind == .word,
          t + 1 < line.count, line[t + 1].kind == .space
        else { continue }
        tokens[l][t].text = ""
        changes.append(TokenChange(line: l, original: "?", replacement: "", confidence: 0.9))
      }
    }
  }

  /// Whether a word holds a letter with a horn ("ư", "ơ") or the hỏi tone's hook.
  static func hasHook(_ word: String) -> Bool {
    word.decomposedStringWithCanonicalMapping.unicodeScalars.contains {
      $0 == "\u{31B}" || $0 == "\u{309}"
    }
  }
}
