import VietnameseText

/// Roman numerals an English model misread ("Ill." for "III.", "Quy 111/2026" for "Quý
/// III/2026"), written back as numerals where the place says a numeral stands there: a
/// heading's number at the start of a line, and a quarter after "Quý".
extension DocumentRestoration {
  func restoreNumerals(_ tokens: inout [[Token]], _ changes: inout [TokenChange]) {
    for l in tokens.indices {
      // What the token before was: none or no word, a word, or the word "quy".
      var previous = Previous.none
      for t in tokens[l].indices where tokens[l][t].kind != .space {
        let token = tokens[l][t]
        defer {
          // Only a word starting with the letter q can fold to "quy" (no other letter
          // folds to q), so nearly every word is passed over without being folded. Asked
          // once per word, not for every token after one.
          previous =
            token.kind != .word
            ? .none
            : (token.text.utf8.first == UInt8(ascii: "q")
              || token.text.utf8.first == UInt8(ascii: "Q"))
              && VietnameseFolding.fold(token.text) == "quy" ? .quy : .word
        }
        let replacement: String?
        if token.kind == .marker, previous == .none,
          !tokens[l][..<t].contains(where: { $0.kind != .space })
        {
          replacement = RomanNumeral.reading(of: token.text)
        } else if previous == .quy,
          token.kind == .number || token.kind == .code || token.kind == .word
        {
          replacement = quarter(token.text)
        } else {
          replacement = nil
        }
        guard let replacement, replacement != token.text else { continue }
        tokens[l][t].text = replacement
        changes.append(
          TokenChange(line: l, original: token.text, replacement: replacement, confidence: 0.9))
      }
    }
  }

  /// The visible token before the one looked at.
  private enum Previous {
    case none, word, quy
  }

  /// A quarter ("I" to "IV") misread, with its year if any: "111/2026" → "III/2026". An
  /// Arabic quarter ("2/2026") is how some plans write it and stays; "11" can be none.
  private func quarter(_ text: String) -> String? {
    let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    let head = String(parts[0])
    if let n = Int(head), (1...4).contains(n) { return nil }
    if parts.count == 2, !(parts[1].count == 4 && parts[1].allSatisfy(\.isASCIIDigit)) {
      return nil
    }
    guard let numeral = RomanNumeral.reading(of: head), RomanNumeral.value(of: numeral)! <= 4
    else { return nil }
    return parts.count == 2 ? numeral + "/" + parts[1] : numeral
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
