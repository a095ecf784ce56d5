/// Undoes the misreadings that OCR makes in table cells whose column says what they
/// must look like: a target column holds a comparator and a number, a deadline column a
/// period ("Quý III/2026", "Tháng 11/2026"). Applied only to cells read by OCR; text
/// from a text layer is taken as printed.
struct OCRCellRepair: Sendable {
  /// The cell of a target column. Tesseract's models for Vietnamese (`Vietnamese`, `vie`)
  /// and English have no "≥" or "≤" in their character sets (`lstm-unicharset`), so a
  /// printed "≥" comes out as ">" and a printed "≤" as "<"; in a target column the sign
  /// that precedes the number is the plans' "≥"/"≤" ("tối thiểu", "tối đa"), which is why a
  /// leading ">" or "<" there is read back as "≥" or "≤".
  func target(_ cell: String) -> String {
    var words = cell.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    // The sign leads the cell, or follows "đạt" ("đạt > 90%").
    let at = words.first?.foldKey == "dat" ? 1 : 0
    guard at < words.count else { return cell }
    let word = words[at]
    let sign: String
    if word.hasPrefix(">=") || word.hasPrefix("<=") {
      sign = word.hasPrefix(">") ? "≥" : "≤"
      words[at] = sign + word.dropFirst(2)
    } else if word.hasPrefix(">") || word.hasPrefix("<") {
      sign = word.hasPrefix(">") ? "≥" : "≤"
      words[at] = sign + word.dropFirst()
    } else {
      return cell
    }
    // Only before a number: "> 72%", ">72%".
    let after =
      words[at].dropFirst().isEmpty && at + 1 < words.count
      ? words[at + 1] : String(words[at].dropFirst())
    guard after.first?.isNumber == true else { return cell }
    return words.joined(separator: " ")
  }

  /// The cell of a deadline column: the quarter's roman numeral with OCR's "1", "l" or
  /// "|" for "I" ("Quý II1/2026" → "Quý III/2026"), and a month's number with "l", "I"
  /// or "O" for a digit ("Tháng l1/2026" → "Tháng 11/2026").
  func deadline(_ cell: String) -> String {
    var words = cell.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    for k in words.indices.dropLast() {
      let name = words[k].foldKey
      guard name == "quy" || name == "thang" else { continue }
      // The numeral runs up to "/", "." or "-" before the year, or is the whole word.
      let word = words[k + 1]
      let cut = word.firstIndex(where: { "/.-".contains($0) }) ?? word.endIndex
      let numeral = String(word[..<cut])
      let rest = word[cut...]
      if name == "quy" {
        let mapped = String(numeral.map { "1l|".contains($0) ? "I" : $0 })
        // A lone "1" may be an Arabic quarter number; mixed readings are a numeral.
        guard numeral != "1", mapped != numeral, let n = AnchorFinder.roman(mapped),
          (1...4).contains(n)
        else { continue }
        words[k + 1] = AnchorFinder.romanNumeral(n) + rest
      } else {
        let mapped = String(
          numeral.map { c -> Character in
            switch c {
            case "l", "I", "|": "1"
            case "O", "o": "0"
            default: c
            }
          })
        guard mapped != numeral, let month = Int(mapped), (1...12).contains(month) else {
          continue
        }
        words[k + 1] = mapped + rest
      }
    }
    return words.joined(separator: " ")
  }
}
