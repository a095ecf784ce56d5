/// A normalized target: "tối thiểu 90%" is `>=` 90 "%"; "đạt 0,72" is `=` 0.72.
public struct Target: Codable, Sendable, Hashable {
  /// The words the target was read from, as printed ("tối thiểu 90%").
  public var raw: String
  /// The number, with Vietnamese separators resolved ("1.000" → 1000, "18,7" → 18.7).
  public var value: Double?
  /// The unit after the number ("%", "học viên/năm", "GRDP"), when there is one.
  public var unit: String?
  /// How the value bounds the result.
  public var comparator: TargetComparator

  /// Creates a target.
  public init(raw: String, value: Double?, unit: String?, comparator: TargetComparator) {
    self.raw = raw
    self.value = value
    self.unit = unit
    self.comparator = comparator
  }
}

/// How a target's value bounds the result.
public enum TargetComparator: String, Codable, Sendable, Hashable, CaseIterable {
  /// Exactly, or "đạt" without a bound.
  case equal = "="
  /// At least: "tối thiểu", "≥", "ít nhất", "trên".
  case atLeast = ">="
  /// At most: "tối đa", "không quá", "≤", "dưới".
  case atMost = "<="
  /// Strictly more.
  case greater = ">"
  /// Strictly less.
  case less = "<"
}

/// A normalized deadline: the words as printed plus the period they denote.
/// "Quý III/2026" is a quarter from 2026-07-01 to 2026-09-30.
public struct Deadline: Codable, Sendable, Hashable {
  /// The deadline as printed.
  public var raw: String
  /// What kind of period the words name.
  public var kind: DeadlineKind
  /// First day of the period, ISO 8601; `nil` when the kind has no dates.
  public var start: String?
  /// Last day of the period, ISO 8601; `nil` when the kind has no dates.
  public var end: String?
  /// A condition printed with the deadline: "Sau khi có hướng dẫn của Trung ương".
  public var note: String?

  /// Creates a deadline.
  public init(
    raw: String, kind: DeadlineKind, start: String? = nil, end: String? = nil,
    note: String? = nil
  ) {
    self.raw = raw
    self.kind = kind
    self.start = start
    self.end = end
    self.note = note
  }
}

/// The kinds of period a deadline can name.
public enum DeadlineKind: String, Codable, Sendable, Hashable, CaseIterable {
  /// A day: "30/6/2026".
  case date
  /// A month: "Tháng 02/2026".
  case month
  /// A quarter: "Quý III/2026".
  case quarter
  /// A year: "2026", "Năm 2026".
  case year
  /// Several years: "2026-2030", "Giai đoạn 2026-2030".
  case range
  /// Ongoing: "Thường xuyên", "Hằng năm".
  case recurring
  /// Anything else (kept in `raw`).
  case unspecified
}
