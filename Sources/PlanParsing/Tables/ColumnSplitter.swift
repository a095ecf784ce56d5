/// Cuts a line of line-sliced table text into the text column and the columns to its
/// right, and reads the right-hand columns of a task row (agencies, result, deadline).
struct ColumnSplitter: Sendable {
  let agencies: AgencyNormalizer

  /// The text column and the rest of `line`.
  func split(_ line: String, previousRight: String) -> (text: String, right: String) {
    let words = line.split(separator: " ").map(String.init)
    if let bar = words.firstIndex(of: "|"), bar >= 2 {
      return (words[..<bar].joined(separator: " "), words[(bar + 1)...].joined(separator: " "))
    }
    if let p = agencyStart(words, from: 2) {
      return (words[..<p].joined(separator: " "), words[p...].joined(separator: " "))
    }
    // "… đạt tối thiểu 90%. tỉnh": the last word(s) of an agency after the sentence.
    if let stop = words.lastIndex(where: { $0.hasSuffix(".") }), stop < words.count - 1,
      words.count - stop - 1 <= 3, stop >= 2
    {
      return (words[...stop].joined(separator: " "), words[(stop + 1)...].joined(separator: " "))
    }
    if words.count <= 2, !previousRight.isEmpty, !line.contains(where: { $0.isNumber || $0 == "%" })
    {
      return ("", line)
    }
    return (line, "")
  }

  /// The first word index at or after `from` where an agency's name begins.
  func agencyStart(_ words: [String], from: Int) -> Int? {
    guard words.count > from else { return nil }
    for p in from..<words.count {
      guard let c = words[p].first, c.isUppercase || c.isNumber else { continue }
      for length in stride(from: min(7, words.count - p), through: 2, by: -1) {
        if isAgency(Array(words[p..<(p + length)])) { return p }
      }
    }
    return nil
  }

  func isAgency(_ words: [String]) -> Bool {
    var words = words
    // OCR's readings of "Sở": "Sé", "S¢", "S&", "S0", "36" …
    if let first = words.first, first.count <= 2,
      first.foldKey.wholeMatch(of: #/s[^a-z]?|s[o0e]|3[56]/#) != nil
    {
      words[0] = "Sở"
    }
    return agencies.dictionary.canonical(words.joined(separator: " ")) != nil
  }

  /// Lead, cooperating agencies, result and deadline of a task row from the right-hand
  /// slices of its lines.
  func taskCells(_ rights: [String], anchorRight: String) -> [ColumnRole: String] {
    var rights = rights
    var deadline: String? = nil
    let order = [rights.firstIndex(of: anchorRight)].compactMap { $0 } + Array(rights.indices)
    for i in order where deadline == nil {
      let folded = FoldedText(rights[i])
      let matches = folded.key.matches(
        of:
          #/(thang\s*\d{1,2}\s*\/\s*(?:19|20)\d\d|quy\s*[ivx1l|]{0,4}\s*\/?\s*(?:19|20)\d\d|(?:19|20)\d\d\s*-?\s*(?:19|20)\d\d|(?:19|20)\d\d|thuong\s*xuyen|hang\s*nam)/#
      )
      guard let last = matches.last else { continue }
      let start = folded.offset(last.range.lowerBound)
      let end = folded.offset(last.range.upperBound)
      deadline = folded.original(from: start, to: end)
      rights[i] =
        (folded.original(from: 0, to: start) + " "
        + folded.original(from: end, to: folded.original.count)).collapsingWhitespace
    }
    var found: [String] = []
    var output: [String] = []
    for right in rights {
      let words = right.split(separator: " ").map(String.init)
      var i = 0
      var loose: [String] = []
      while i < words.count {
        var matched = 0
        if let c = words[i].first, c.isUppercase || c.isNumber {
          for length in stride(from: min(7, words.count - i), through: 2, by: -1)
          where isAgency(Array(words[i..<(i + length)])) {
            matched = length
            break
          }
        }
        if matched > 0 {
          found.append(words[i..<(i + matched)].joined(separator: " "))
          i += matched
        } else {
          if words[i].filter(\.isLetter).count >= 2 { loose.append(words[i]) }
          i += 1
        }
      }
      if !loose.isEmpty { output.append(loose.joined(separator: " ")) }
    }
    var cells: [ColumnRole: String] = [:]
    if let first = found.first { cells[.lead] = first }
    let rest = found.dropFirst().filter { $0 != found.first }
    if !rest.isEmpty { cells[.cooperating] = rest.joined(separator: "; ") }
    if !output.isEmpty { cells[.output] = output.joined(separator: " ") }
    if let deadline { cells[.deadline] = deadline }
    return cells
  }
}
