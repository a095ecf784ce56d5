import VietnameseText

/// Finds the lines of line-sliced table text that carry a row number or a group's
/// roman numeral, and how many of the lines before each belong to it.
struct AnchorFinder: Sendable {
  struct Anchor: Sendable {
    var line: Int
    var isGroup: Bool
    var number: String
    /// The line's text after the number.
    var rest: String
    var linesAbove = 0
    var start: Int { line - linesAbove }
  }

  private struct Token {
    var value: Int?
    var roman: Int?
    var rest: String
    var lettersOnly: Bool
  }

  func anchors(_ lines: [TextLine]) -> [Anchor] {
    var anchors: [Anchor] = []
    var candidates: [(line: Int, value: Int?, rest: String)] = []
    var nextGroup = 1
    func flushRows() {
      anchors += Self.sequence(candidates)
      candidates = []
    }
    for (i, line) in lines.enumerated() {
      guard let token = Self.token(line.text) else { continue }
      if let roman = token.roman, Self.isGroup(token, roman: roman, expected: nextGroup) {
        flushRows()
        anchors.append(
          Anchor(line: i, isGroup: true, number: Self.romanNumeral(nextGroup), rest: token.rest))
        nextGroup += 1
        continue
      }
      if token.value != nil || token.roman == nil {
        candidates.append((i, token.value, token.rest))
      }
    }
    flushRows()
    assignLinesAbove(&anchors, lines)
    return anchors
  }

  /// Keeps the row numbers that run in sequence from 1; a token out of sequence is read
  /// as the expected number when the next one continues the sequence (an OCR misread).
  private static func sequence(_ candidates: [(line: Int, value: Int?, rest: String)]) -> [Anchor] {
    var result: [Anchor] = []
    var expected = 1
    for (k, c) in candidates.enumerated() {
      let next = k + 1 < candidates.count ? candidates[k + 1].value : nil
      var number: Int? = nil
      if c.value == expected {
        number = expected
      } else if next == expected + 1 || (next == nil && k + 1 == candidates.count && c.value == nil)
      {
        number = expected
      } else if let v = c.value, v == expected + 1 {
        number = v
      }
      guard let n = number else { continue }
      result.append(Anchor(line: c.line, isGroup: false, number: String(n), rest: c.rest))
      expected = n + 1
    }
    return result
  }

  /// Shares the lines between anchors: a group takes the capitalised lines of its title
  /// around it; a row takes about as many lines below its number as above it.
  private func assignLinesAbove(_ anchors: inout [Anchor], _ lines: [TextLine]) {
    var groupBelow = 0
    for k in anchors.indices {
      let previousEnd = k > 0 ? anchors[k - 1].line + 1 : max(0, anchors[k].line - 3)
      let gap = anchors[k].line - previousEnd
      if anchors[k].isGroup {
        var above = 0
        while above < min(gap, 2), Self.isCapitalised(lines[anchors[k].line - above - 1].text) {
          above += 1
        }
        if above == 0, Self.isGarbage(anchors[k].rest), gap > 0 { above = 1 }
        anchors[k].linesAbove = above
        groupBelow = 0
        var j = anchors[k].line + 1
        let limit = k + 1 < anchors.count ? anchors[k + 1].line : lines.count
        while j < limit, groupBelow < 2,
          Self.isCapitalised(lines[j].text)
            || (groupBelow == 0 && Self.startsLower(lines[j].text)
              && (Self.isGarbage(anchors[k].rest) || Self.endsTitle(lines[j].text)))
        {
          groupBelow += 1
          j += 1
        }
        continue
      }
      guard k > 0 else {
        anchors[k].linesAbove = gap
        continue
      }
      let previous = anchors[k - 1]
      if previous.isGroup {
        anchors[k].linesAbove = max(0, gap - groupBelow)
        continue
      }
      var best = (cost: Double.infinity, x: 0)
      for x in 0...gap {
        var cost = Double(abs(x - previous.linesAbove))
        if x < gap, Self.startsLower(lines[previousEnd + x].text) { cost += 1.5 }
        if x > 0, Self.endsSentence(lines[previousEnd + x - 1].text) { cost -= 0.6 }
        if x == gap, Self.startsLower(anchors[k].rest) { cost += 1 }
        if cost < best.cost { best = (cost, x) }
      }
      anchors[k].linesAbove = gap - best.x
    }
  }

  private static func token(_ text: String) -> Token? {
    let words = text.split(separator: " ", maxSplits: 1)
    guard let first = words.first else { return nil }
    var rest = words.count > 1 ? String(words[1]) : ""
    while let c = rest.first, "|'\"‘’,".contains(c) {
      rest = String(rest.dropFirst()).collapsingWhitespace
    }
    var word = String(first)
    while let last = word.last, ".,:|".contains(last), word.count > 1 { word.removeLast() }
    if word.count <= 2, let n = Int(word), n > 0 {
      return Token(value: n, roman: roman(word), rest: rest, lettersOnly: false)
    }
    // A number OCR lost a digit of ("0" for "20") or read as a lookalike letter ("g"
    // for "8" or "9", "s" for "5"): a row only if the sequence around it says so.
    if word == "0" || (word.count == 1 && "gqsSBOoZz".contains(word) && !rest.isEmpty) {
      return Token(value: nil, roman: nil, rest: rest, lettersOnly: false)
    }
    if word.count <= 4, let r = roman(word) {
      let letters = word.allSatisfy { "IVX".contains($0) }
      // "I" and "l" at a row's start are usually a misread "1".
      let value = (word == "I" || word == "l") ? 1 : nil
      return Token(
        value: value, roman: letters || word.count > 1 ? r : nil, rest: rest, lettersOnly: letters)
    }
    if [")", "||", "]", "}"].contains(word) {
      return Token(value: nil, roman: nil, rest: rest, lettersOnly: false)
    }
    return nil
  }

  private static func isGroup(_ token: Token, roman: Int, expected: Int) -> Bool {
    if isCapitalised(token.rest) { return true }
    guard roman == expected else { return false }
    if token.lettersOnly && token.rest.first?.isUppercase == true && roman > 1 { return true }
    if token.lettersOnly && token.rest.first?.isUppercase == true && expected == 1 { return true }
    return isGarbage(token.rest) && roman > 1
  }

  /// Roman numerals, with OCR's "1" and "l" for "I": "III", "111", "1V".
  static func roman(_ word: String) -> Int? {
    RomanNumeral.value(of: String(word.map { "1l".contains($0) ? "I" : $0 }))
  }

  static func romanNumeral(_ n: Int) -> String { RomanNumeral.numeral(for: n) }

  static func isCapitalised(_ text: String) -> Bool {
    let letters = text.filter(\.isLetter)
    guard letters.count >= 6 else { return false }
    return Double(letters.filter(\.isUppercase).count) >= 0.75 * Double(letters.count)
  }

  static func isGarbage(_ text: String) -> Bool {
    text.split(separator: " ").filter { $0.filter(\.isLetter).count >= 3 }.count < 2
  }

  /// The last words of a title wrapped onto a line of their own ("hoạt động"): a few
  /// lower-case words, no sentence end, no number.
  static func endsTitle(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    return words.count <= 3 && !text.contains(where: { $0.isNumber || $0 == "." || $0 == "%" })
  }

  static func startsLower(_ text: String) -> Bool {
    text.first(where: \.isLetter)?.isLowercase ?? false
  }

  static func endsSentence(_ text: String) -> Bool {
    text.hasSuffix(".") || text.contains("%.") || text.contains(". ")
  }
}
