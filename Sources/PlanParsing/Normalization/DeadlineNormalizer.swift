import PlanModel

/// Reads a deadline as printed ("Quý III/2026", "Tháng 02/2026", "Thường xuyên (sau khi
/// có hướng dẫn của Trung ương)") into its kind and period. Matching is on the folded
/// key, so "Quy III/2026" and "Quý III/2026" read alike.
public struct DeadlineNormalizer: Sendable {
  /// Creates a normalizer.
  public init() {}

  /// The deadline `raw` denotes; `.unspecified` when the words name no known period.
  public func normalize(_ raw: String) -> Deadline {
    let printed = raw.collapsingWhitespace
    let (main, note) = Self.splitNote(printed)
    let key = main.foldKey
    var deadline = Deadline(raw: printed, kind: .unspecified, note: note)
    if let period = Self.period(key) {
      deadline.kind = period.kind
      deadline.start = period.start.iso
      deadline.end = period.end.iso
    } else if Self.isRecurring(key) {
      deadline.kind = .recurring
    }
    return deadline
  }

  /// Splits "Thường xuyên (sau khi có quy định)" into the words and the condition.
  static func splitNote(_ text: String) -> (String, String?) {
    guard let open = text.firstIndex(of: "(") else { return (text, nil) }
    let close: String.Index = text[open...].lastIndex(of: ")") ?? text.endIndex
    let inner = String(text[text.index(after: open)..<close]).collapsingWhitespace
    var rest = String(text[..<open])
    if close < text.endIndex { rest += " " + String(text[text.index(after: close)...]) }
    return (rest.collapsingWhitespace, inner.isEmpty ? nil : inner)
  }

  private static func isRecurring(_ key: String) -> Bool {
    let words = ["thuong xuyen", "hang nam", "hang quy", "hang thang", "dinh ky", "lien tuc"]
    return words.contains { key.contains($0) }
  }

  private struct Period {
    var kind: DeadlineKind
    var start: Day
    var end: Day
  }

  // Regex literals are built anew each time they are evaluated: these run for every cell.
  nonisolated(unsafe) private static let numericDate =
    #/(?:^|\D)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d\d)/#
  nonisolated(unsafe) private static let spelledDate =
    #/ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)/#
  nonisolated(unsafe) private static let monthOfYear =
    #/thang\s*(\d{1,2})\s*(?:[/.\-]|\s+nam)\s*((?:19|20)\d\d)/#
  nonisolated(unsafe) private static let quarterOfYear =
    #/quy\s*([ivx1l|]{1,4}|[1-4])\s*(?:[/.\-]|\s+nam)\s*((?:19|20)\d\d)/#
  nonisolated(unsafe) private static let yearRange =
    #/((?:19|20)\d\d)\s*[\-–—]?\s*((?:19|20)\d\d)/#
  nonisolated(unsafe) private static let anyDigit =
    #/\d/#
  nonisolated(unsafe) private static let year = #/(19|20)\d\d/#

  private static func period(_ key: String) -> Period? {
    if let m = key.firstMatch(
      of: Self.numericDate),
      let day = Day(year: Int(m.3)!, month: Int(m.2)!, day: Int(m.1)!)
    {
      return Period(kind: .date, start: day, end: day)
    }
    if let m = key.firstMatch(
      of: Self.spelledDate),
      let day = Day(year: Int(m.3)!, month: Int(m.2)!, day: Int(m.1)!)
    {
      return Period(kind: .date, start: day, end: day)
    }
    if let m = key.firstMatch(
      of: Self.monthOfYear),
      let month = Int(m.1), (1...12).contains(month)
    {
      let y = Int(m.2)!
      return Period(
        kind: .month, start: Day(year: y, month: month, day: 1)!,
        end: Day(year: y, month: month, day: Day.length(ofMonth: month, year: y))!)
    }
    if let m = key.firstMatch(
      of: Self.quarterOfYear),
      let quarter = quarterNumber(String(m.1))
    {
      let y = Int(m.2)!
      let first = (quarter - 1) * 3 + 1
      return Period(
        kind: .quarter, start: Day(year: y, month: first, day: 1)!,
        end: Day(year: y, month: first + 2, day: Day.length(ofMonth: first + 2, year: y))!)
    }
    if let m = key.firstMatch(of: Self.yearRange),
      let from = Int(m.1), let to = Int(m.2), to > from
    {
      return Period(
        kind: .range, start: Day(year: from, month: 1, day: 1)!,
        end: Day(year: to, month: 12, day: 31)!)
    }
    // A quarter or month whose number was lost ("Quy /2026") is not a whole year.
    let namesPart = key.contains("quy") || key.contains("thang")
    let years = key.matches(of: Self.year)
    if years.count == 1, !namesPart,
      key.firstMatch(of: Self.anyDigit)?.range.lowerBound == years[0].range.lowerBound,
      let y = Int(key[years[0].range])
    {
      // A bare year, or "năm 2026", "trong năm 2026", "hết năm 2026".
      return Period(
        kind: .year, start: Day(year: y, month: 1, day: 1)!, end: Day(year: y, month: 12, day: 31)!)
    }
    return nil
  }

  /// Roman or Arabic quarter numbers, with OCR's "1", "l" and "|" for "I".
  static func quarterNumber(_ text: String) -> Int? {
    if let n = Int(text), (1...4).contains(n), text.count == 1 { return n }
    let roman = String(text.map { "1l|".contains($0) ? "i" : $0 })
    return ["i": 1, "ii": 2, "iii": 3, "iv": 4][roman]
  }
}

/// A calendar day, enough for deadlines: validation and ISO 8601 output.
struct Day: Hashable, Sendable {
  let year: Int
  let month: Int
  let day: Int

  init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), (1...Day.length(ofMonth: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  static func length(ofMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  var iso: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
