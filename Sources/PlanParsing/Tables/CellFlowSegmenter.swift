/// Shares the words of one table row, given cell after cell in reading order (the text
/// of a born-digital table as pdftotext gives it), out among the row's columns.
///
/// The columns come in the header's order and each takes a run of the words, possibly
/// empty. The run boundaries are chosen together, by dynamic programming, so that every
/// column looks like what it holds: agencies the dictionary knows (or names that begin
/// like one) in the lead and cooperating columns, a period ("Quý II/2026", "Thường
/// xuyên", "Sau khi …") in the deadline column. Boundaries are cheaper where the text
/// breaks (a blank line between blocks, then a line end) than inside a line, where two
/// cells on one baseline were joined. A row cut by a page break is shared out fragment
/// by fragment: each later fragment continues the columns of the earlier ones.
struct CellFlowSegmenter {
  /// How a word follows the previous one.
  enum Break: Sendable {
    case none, line, blank
  }

  struct Token: Sendable {
    var text: String
    var breakBefore: Break
  }

  let agencies: AgencyNormalizer
  let columns: [ColumnRole]

  /// The longest run of words a column other than the text takes.
  private static let longestCell = 45
  /// The most words all the columns after the text take together.
  private static let longestTail = 80

  /// The row's cells after `tokens` (one fragment) continue `cells` (the fragments
  /// before it; empty for the first).
  func assign(_ tokens: [Token], continuing cells: [ColumnRole: String]) -> [ColumnRole: String] {
    guard !tokens.isEmpty, !columns.isEmpty else { return cells }
    let first = cells.isEmpty
    let n = tokens.count
    var cache: [Int: Double] = [:]
    let keys = tokens.map { AgencyDictionary.key($0.text) }
    let words = tokens.map(\.text)
    let startsName = AgencyCover.heads(keys, agencies: agencies)
    // Whether the run of 0–4 words from each word reads as a period (a deadline opens
    // with at most four words).
    // Each word folded once: folding is the costly part of the test, and a run's key
    // is its words' keys joined (tokens hold no white space).
    let folded = words.map(\.foldKey)
    let periods = (0..<n).map { i in
      (0...4).map { l in
        l > 0 && i + l <= n
          && Self.isPeriod(key: folded[i..<(i + l)].joined(separator: " ").trimmingPunctuation)
      }
    }
    // The agency share of a run, from one cover per starting word (and per column in a
    // later fragment, whose runs continue the column's words so far).
    var covers: [Int: AgencyCover] = [:]
    func share(_ k: Int, _ i: Int, _ j: Int) -> Double {
      let before = first ? [] : Self.tail(of: cells[columns[k]])
      let slot = first ? i : k * (n + 1) + i
      let end = min(n, i + Self.longestCell)
      let cover =
        covers[slot]
        ?? AgencyCover(
          words: before + words[i..<end],
          keys: before.map(AgencyDictionary.key) + keys[i..<end], agencies: agencies,
          heads: before.isEmpty ? Array(startsName[i..<end]) : nil)
      covers[slot] = cover
      return cover.share(before.count + j - i) - (before.isEmpty ? 0 : cover.share(before.count))
    }
    // Where two names the dictionary knows abut inside a line, with no separator
    // between them, two cells on one baseline were joined ("Sở Nội vụ Các Sở, ban, ngành").
    let abutting = (0..<n).map { p in
      guard p > 0, tokens[p].breakBefore == .none, tokens[p].text.first?.isUppercase == true,
        !words[p - 1].hasSuffix(","), !words[p - 1].hasSuffix(";")
      else { return false }
      var ending = ""
      var before = false
      for a in stride(from: p - 1, through: max(0, p - AgencyCover.longestName), by: -1) {
        if !keys[a].isEmpty { ending = ending.isEmpty ? keys[a] : keys[a] + " " + ending }
        if agencies.dictionary.knows(key: ending) { before = true }
      }
      guard before else { return false }
      var starting = ""
      for b in p..<min(n, p + AgencyCover.longestName) {
        if !keys[b].isEmpty { starting += starting.isEmpty ? keys[b] : " " + keys[b] }
        if b > p, agencies.dictionary.knows(key: starting) { return true }
      }
      return false
    }
    let opensAgency = (0..<n).map { p in tokens[p].text.first?.isUppercase == true && startsName[p]
    }
    // Where a cell may begin: at a line's start, or inside a line before a capital, a
    // digit or a parenthesis (anywhere in a later fragment, whose cells start mid-phrase).
    let cut = (0...n).map { p in
      p == 0 || p == n || tokens[p].breakBefore != .none || !first
        || tokens[p].text.first.map { $0.isUppercase || $0.isNumber || $0 == "(" } == true
    }
    func score(_ k: Int, _ i: Int, _ j: Int) -> Double {
      let slot = (k * (n + 1) + i) * (n + 1) + j
      if let s = cache[slot] { return s }
      var s = cellScore(
        columns[k], tokens[i..<j], before: cells[columns[k]], first: first,
        share: { share(k, i, j) }, period: { periods[i][min(j - i, 4)] })
      // A lead cell seldom lists agencies block after block, as cooperating cells do.
      if columns[k] == .lead, j > i + 1 {
        s -= Double(
          ((i + 1)..<j).filter { tokens[$0].breakBefore == .blank && opensAgency[$0] }.count)
      }
      if j > i, i > 0 { s += abutting[i] ? 0.5 : boundaryScore(tokens[i], first: first) }
      if columns[k] == .lead || columns[k] == .cooperating, j > i + 1 {
        s -= 2 * Double(abutting[(i + 1)..<j].filter { $0 }.count)
      }
      cache[slot] = s
      return s
    }
    // best[k][j]: the best score of columns 0..<k taking tokens 0..<j.
    var best = [[Double]](
      repeating: [Double](repeating: -.infinity, count: n + 1), count: columns.count + 1)
    var from = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: columns.count + 1)
    best[0][0] = 0
    for k in 0..<columns.count {
      let unbounded = columns[k] == .text
      for j in 0...n where cut[j] {
        let lowest = unbounded ? 0 : min(j, max(0, j - Self.longestCell, n - Self.longestTail))
        for i in lowest...j where cut[i] && best[k][i] > -.infinity {
          let s = best[k][i] + score(k, i, j)
          if s > best[k + 1][j] {
            best[k + 1][j] = s
            from[k + 1][j] = i
          }
        }
      }
    }
    var result = cells
    var j = n
    for k in stride(from: columns.count, to: 0, by: -1) {
      let i = from[k][j]
      let piece = tokens[i..<j].map(\.text).joined(separator: " ")
      if !piece.isEmpty {
        let role = columns[k - 1]
        result[role] = [result[role], piece].compactMap { $0 }.joined(separator: " ")
      }
      j = i
    }
    return result
  }

  /// How well `words`, added to `before` (the column's text in earlier fragments), fit
  /// a column of `role`.
  private func cellScore(
    _ role: ColumnRole, _ words: ArraySlice<Token>, before: String?, first: Bool,
    share: () -> Double, period: () -> Bool
  ) -> Double {
    // Built only where it is needed: this runs for every candidate cell.
    var text: String { words.map(\.text).joined(separator: " ") }
    // A cell other than the text opens with a capital (its continuation on a later
    // page need not).
    let opensLower: Double =
      first && role != .text && words.first?.text.first?.isLowercase == true ? -2 : 0
    switch role {
    case .text:
      if words.isEmpty { return first ? -10 : 0 }
      // The text is one paragraph: a blank line then a capital inside it is the
      // next cell. A text that ended a sentence on the page before is seldom continued.
      return -2 * Double(Self.blocks(words)) - (before.map { $0.hasSuffix(".") ? 0.5 : 0 } ?? 0)
    case .lead, .cooperating:
      if words.isEmpty { return first ? (role == .lead ? -3 : -1) : 0 }
      // Of two readings alike, the one whose agency cell runs longer (a name is seldom
      // cut before its last words).
      let length = 0.02 * Double(words.count)
      guard let before, !before.isEmpty else {
        let fit: Double = 5 * share() - 2.5
        return fit + opensLower + length
      }
      return 5 * share() + length
    case .deadline:
      if words.isEmpty { return first ? -2 : 0 }
      // Deadlines are short: every word beyond the period's own costs a little.
      let length = 0.1 * Double(words.count)
      guard let before, !before.isEmpty else {
        return (period() ? 3 : -3) - length + opensLower
      }
      return (Self.isPeriod(before + " " + text) ? 0.5 : -1) - length
    case .output:
      if words.isEmpty { return first ? -1 : 0 }
      var s = opensLower
      if first, share() > 0.9 { s -= 1.5 }
      if first, period() { s -= 1 }
      return s
    default:
      return 0
    }
  }

  /// A cell starting after a blank line is a new block; one starting inside a line
  /// was joined to its neighbour on the same baseline, which a first fragment's cells
  /// do where a capital or a digit begins the next.
  private func boundaryScore(_ token: Token, first: Bool) -> Double {
    // A later fragment holds the tails of several cells, often side by side on a line.
    guard first else { return token.breakBefore == .none ? -0.1 : 0 }
    switch token.breakBefore {
    case .blank: return 1
    case .line: return 0.3
    case .none:
      let c = token.text.first
      return c.map { $0.isUppercase || $0.isNumber || $0 == "(" } == true ? -0.5 : -2
    }
  }

  /// How many blocks after the first `words` hold: a blank line then a capital.
  static func blocks(_ words: ArraySlice<Token>) -> Int {
    words.dropFirst().filter { $0.breakBefore == .blank && $0.text.first?.isUppercase == true }
      .count
  }

  /// The last words of a column's text so far, which a later fragment may continue.
  static func tail(of text: String?) -> [String] {
    (text ?? "").split(separator: " ").suffix(AgencyCover.longestName).map(String.init)
  }

  /// Words that open a deadline cell (folded).
  private static let periodOpenings = [
    "thang", "quy", "nam", "giai doan", "thuong xuyen", "nhiem vu thuong xuyen", "hang nam",
    "hang quy", "hang thang", "dinh ky", "lien tuc", "truoc", "sau khi", "tu nam", "tu thang",
    "tu quy", "den nam", "den thang", "trong nam", "trong thang", "trong quy", "ngay",
  ]

  /// Whether `text` reads as a deadline: it opens with a period's word or a year.
  static func isPeriod(_ text: String) -> Bool {
    // The openings are at most four words: fold no more than those.
    let opening = text.split(separator: " ", maxSplits: 4).prefix(4).joined(separator: " ")
    return isPeriod(key: opening.foldKey.trimmingPunctuation)
  }

  /// `isPeriod` of an opening already folded and trimmed.
  static func isPeriod(key: String) -> Bool {
    if key.hasPrefix("19") || key.hasPrefix("20") || key.hasPrefix("(19") || key.hasPrefix("(20") {
      return true
    }
    let bare = key.hasPrefix("(") ? String(key.dropFirst()) : key
    return periodOpenings.contains { bare == $0 || bare.hasPrefix($0 + " ") }
  }
}
