import VietnameseText

/// Roman numerals an English model misread ("Ill." for "III.", "Quy 111/2026" for "Quý
/// III/2026"), written back as numerals where the place says a numeral stands there: a
/// heading's number at the start of a line, and a quarter after "Quý".
extension DocumentRestoration {
  func restoreNumerals(_ tokens: inout [[Token]], _ changes: inout [TokenChange]) {
    for l in tokens.indices {
      var previousWord: String?
      for t in tokens[l].indices where tokens[l][t].kind != .space {
        let token = tokens[l][t]
        defer { previousWord = token.kind == .word ? token.text : nil }
        let replacement: String?
        if token.kind == .marker, previousWord == nil,
          !tokens[l][..<t].contains(where: { $0.kind != .space })
        {
          replacement = RomanNumeral.reading(of: token.text)
        } else if let word = previousWord, [.number, .code, .word].contains(token.kind),
          word.utf8.first == UInt8(ascii: "q") || word.utf8.first == UInt8(ascii: "Q"),
          VietnameseFolding.fold(word) == "quy"
        {
          // Only a word starting with the letter q can fold to "quy" (no other letter
          // folds to q), so nearly every word is passed over without being folded.
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
