/// Cuts a line of line-sliced table text into the text column and the columns to its
/// right, and reads the right-hand columns of a task row (agencies, result, deadline).
struct ColumnSplitter: Sendable {
  // Regex literals are built anew each time they are evaluated; these run per line.
  nonisolated(unsafe) private static let leadingNoise =
    #/s[^a-z]?|s[o0e]|3[56]/#
  nonisolated(unsafe) private static let deadlineText =
    #/(thang\s*\d{1,2}\s*\/\s*(?:19|20)\d\d|quy\s*[ivx1l|]{0,4}\s*\/?\s*(?:19|20)\d\d|(?:19|20)\d\d\s*-?\s*(?:19|20)\d\d|(?:19|20)\d\d|thuong\s*xuyen|hang\s*nam)/#

  let agencies: AgencyNormalizer

  /// The text column and the rest of `line`.
  func split(_ line: String, previousRight: String) -> (text: String, right: String) {
    let words = line.split(separator: " ").map(String.init)
    // A "|" is a rule between two cells, not necessarily the text's right edge: an
    // agency before it starts the right-hand part.
    let bar = words.firstIndex(of: "|")
    if let bar, bar >= 2, agencyStart(Array(words[..<bar]), from: 2) == nil {
      return (words[..<bar].joined(separator: " "), words[(bar + 1)...].joined(separator: " "))
    }
    if var p = agencyStart(words, from: 2) {
      // A lead cell's first words ("Sở Khoa học và") begin a name that ends on the
      // next line, before the cooperating cell's agency: the cut goes before them.
      for start in max(2, p - 5)..<p where words[start].first?.isUppercase == true {
        if isAgencyStart(Array(words[start..<p])) {
          p = start
          break
        }
      }
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

  /// Joins an agency's name that a line-sliced cell wrapped: a line whose right-hand
  /// part holds the beginning of a known name ("Sở Khoa học và") before the next cell,
  /// and the next line whose first right-hand words or last text words complete it
  /// ("Công nghệ": being no agency's beginning, they were left in the text column).
  func joinWrappedNames(_ parts: inout [(text: String, right: String)]) {
    for i in parts.indices.dropLast() {
      var words = parts[i].right.split(separator: " ").map(String.init)
      guard let (p, q) = danglingName(words) else { continue }
      let nextRight = parts[i + 1].right.split(separator: " ").map(String.init)
      let nextText = parts[i + 1].text.split(separator: " ").map(String.init)
      for c in 1...3 {
        if c <= nextRight.count, isAgency(Array(words[p..<q] + nextRight.prefix(c))) {
          words.insert(contentsOf: nextRight.prefix(c), at: q)
          parts[i + 1].right = nextRight.dropFirst(c).joined(separator: " ")
        } else if c < nextText.count, isAgency(Array(words[p..<q] + nextText.suffix(c))) {
          words.insert(contentsOf: nextText.suffix(c), at: q)
          parts[i + 1].text = nextText.dropLast(c).joined(separator: " ")
        } else {
          continue
        }
        parts[i].right = words.joined(separator: " ")
        break
      }
    }
  }

  /// The words `p..<q` of a right-hand part that begin a known name without ending it,
  /// followed by the end of the part or by another agency.
  private func danglingName(_ words: [String]) -> (Int, Int)? {
    for p in words.indices where words[p].first?.isUppercase == true {
      for q in stride(from: min(words.count, p + 6), to: p + 1, by: -1) {
        let run = Array(words[p..<q])
        guard isAgencyStart(run), !isAgency(run) else { continue }
        if q == words.count || agencyStart(Array(words[q...]), from: 0) == 0 { return (p, q) }
      }
    }
    return nil
  }

  /// "của" and OCR's readings of it.
  static let ofWords: Set<String> = ["cua", "ctia", "ciia", "cia", "cta", "ca"]

  /// Whether `words` begin some name the dictionary knows.
  func isAgencyStart(_ words: [String]) -> Bool {
    agencies.dictionary.knowsPrefix(Self.withSo(words).joined(separator: " "))
  }

  /// OCR's readings of "Sở" ("Sé", "S¢", "S&", "S0", "36" …) read as "Sở".
  static func withSo(_ words: [String]) -> [String] {
    var words = words
    if let first = words.first, first.count <= 2,
      first.foldKey.wholeMatch(of: Self.leadingNoise) != nil
    {
      words[0] = "Sở"
    }
    return words
  }

  func isAgency(_ words: [String]) -> Bool {
    var words = words
    // OCR's readings of "Sở": "Sé", "S¢", "S&", "S0", "36" …
    if let first = words.first, first.count <= 2,
      first.foldKey.wholeMatch(of: Self.leadingNoise) != nil
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
          Self.deadlineText
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
    var lastWord = ""
    for right in rights {
      let words = right.split(separator: " ").map(String.init)
      var i = 0
      var loose: [String] = []
      var names: [String] = []
      while i < words.count {
        var matched = 0
        // "Quyết định của UBND tỉnh" is a result cell naming its issuer, not an agency.
        let issuer = i > 0 && Self.ofWords.contains(words[i - 1].foldKey)
        if !issuer, let c = words[i].first, c.isUppercase || c.isNumber {
          for length in stride(from: min(7, words.count - i), through: 2, by: -1)
          where isAgency(Array(words[i..<(i + length)])) {
            matched = length
            break
          }
        }
        if matched > 0 {
          names.append(words[i..<(i + matched)].joined(separator: " "))
          i += matched
        } else {
          if words[i].filter(\.isLetter).count >= 2 { loose.append(words[i]) }
          i += 1
        }
      }
      // The result cell's "… của" ended the line before: the last agency of this line,
      // right of the agency cells' slices, is the issuer it names.
      if names.count >= 2, Self.ofWords.contains(lastWord.foldKey) {
        loose.insert(names.removeLast(), at: 0)
      }
      found += names
      if !loose.isEmpty { output.append(loose.joined(separator: " ")) }
      lastWord = words.last ?? lastWord
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
