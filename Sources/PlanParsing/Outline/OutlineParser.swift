import PlanModel

/// Builds the body's outline from its lines: roman numerals ("I."), numbers ("1."),
/// dotted numbers ("1.1."), letters ("a)"). Bullets ("-", "+") stay in their section's
/// text, one paragraph per line of `text`, so that callers can read them one by one.
struct OutlineParser: Sendable {
  /// A heading found at the start of a line: its number, level and the rest of the line.
  struct Heading {
    var number: String
    var level: Int
    var rest: String
  }

  // Regex literals are built anew each time they are evaluated: these run for every line.
  nonisolated(unsafe) private static let romanHeading = #/([IVX]{1,5})\s*[.\/]\s+(\S.*)/#
  nonisolated(unsafe) private static let dottedHeading =
    #/(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(\p{Lu}.*)/#
  nonisolated(unsafe) private static let numberedHeading = #/(\d{1,2})\.\s+(\p{Lu}.*)/#
  nonisolated(unsafe) private static let letteredHeading = #/([a-zđ])\)\s+(\S.*)/#

  static func heading(_ text: String) -> Heading? {
    if let m = text.wholeMatch(of: Self.romanHeading) {
      return Heading(number: String(m.1), level: 1, rest: String(m.2))
    }
    if let m = text.wholeMatch(of: Self.dottedHeading) {
      let depth = m.1.split(separator: ".").count
      return Heading(number: String(m.1), level: depth + 1, rest: String(m.2))
    }
    if let m = text.wholeMatch(of: Self.numberedHeading) {
      return Heading(number: String(m.1), level: 2, rest: String(m.2))
    }
    if let m = text.wholeMatch(of: Self.letteredHeading) {
      return Heading(number: String(m.1), level: 5, rest: String(m.2))
    }
    return nil
  }

  func sections(_ lines: ArraySlice<TextLine>) -> [Section] {
    var flat: [Section] = []
    var paragraphs: [String] = []
    var current: String? = nil
    var expectingContinuation = false

    func closeParagraph() {
      if let c = current { paragraphs.append(c) }
      current = nil
    }
    func closeSection() {
      closeParagraph()
      if !flat.isEmpty { flat[flat.count - 1].text = paragraphs.joined(separator: "\n") }
      paragraphs = []
    }

    for line in lines {
      if line.isBlank {
        closeParagraph()
        expectingContinuation = false
        continue
      }
      if line.key.allSatisfy(\.isNumber) { continue }  // a page number
      if expectingContinuation, let first = line.text.first, first.isLowercase {
        flat[flat.count - 1].heading += " " + line.text
        expectingContinuation = line.text.count > 55
        continue
      }
      expectingContinuation = false
      if let h = Self.heading(line.text) {
        closeSection()
        var heading = h.rest
        var inline = ""
        // "9. Báo và Phát thanh - Truyền hình tỉnh: Thiết lập …": a run-in heading.
        if h.level >= 2, let colon = heading.firstIndex(of: ":"),
          heading.distance(from: heading.startIndex, to: colon) < 90
        {
          inline = String(heading[heading.index(after: colon)...]).collapsingWhitespace
          heading = String(heading[..<colon])
        }
        flat.append(Section(number: h.number, heading: heading, level: h.level, page: line.page))
        if !inline.isEmpty {
          current = inline
        } else {
          expectingContinuation = line.text.count > 55
        }
        continue
      }
      let opensParagraph =
        line.text.hasPrefix("-") || line.text.hasPrefix("+")
        || line.text.hasPrefix("•")
      if opensParagraph || current == nil {
        closeParagraph()
        current = line.text
      } else {
        current! += " " + line.text
      }
    }
    if flat.isEmpty, current != nil || !paragraphs.isEmpty {
      flat.append(Section(number: nil, heading: "", level: 1))
    }
    closeSection()
    return Self.tree(flat)
  }

  /// Nests a flat list of sections by level.
  static func tree(_ flat: [Section]) -> [Section] {
    var roots: [Section] = []
    var stack: [Section] = []
    func pop() {
      let done = stack.removeLast()
      if stack.isEmpty { roots.append(done) } else { stack[stack.count - 1].children.append(done) }
    }
    for section in flat {
      while let top = stack.last, top.level >= section.level {
        _ = top
        pop()
      }
      stack.append(section)
    }
    while !stack.isEmpty { pop() }
    return roots
  }
}
