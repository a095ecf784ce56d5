/// The unit and target columns at the right of a line-sliced indicator table:
/// "1 | Tỷ lệ phủ sóng 5G trên địa bàn % 60%" ends with the unit ("%") and the target
/// ("60%", ">92%", "18,7%"). OCR puts them at the end of the line that holds the row's
/// number, or of another of the row's lines when the cell text runs long.
struct TrailingValues: Sendable {
  struct Found: Sendable {
    var unit: String?
    var target: String
    /// The index of the line they ended, and that line without them.
    var line: Int
    var remainder: String
  }

  nonisolated(unsafe) private static let pattern =
    #/(?:^|\s)(?<unit>%\s+)?(?<target>[≥≤><]?\s?\d+(?:[.,]\d+)?\s?%?)\s*$/#

  /// The values ending one of `lines`, the line at `preferred` first. A bare number
  /// counts only after a "%" unit; otherwise the target must be a percentage, since a
  /// number ending a line of text is as often part of the text.
  func find(in lines: [String], preferring preferred: Int) -> Found? {
    let order = [preferred] + lines.indices.filter { $0 != preferred }
    for i in order where lines.indices.contains(i) {
      guard let m = lines[i].firstMatch(of: Self.pattern) else { continue }
      let target = m.output.target.filter { $0 != " " }
      let unit = m.output.unit.map { String($0).collapsingWhitespace }
      guard unit != nil || target.hasSuffix("%") else { continue }
      // A lone number in the text ("năm 2026") is not a target with nothing before it.
      let remainder = String(lines[i][..<m.range.lowerBound]).collapsingWhitespace
      guard !remainder.isEmpty || lines.count > 1 else { continue }
      return Found(unit: unit, target: target, line: i, remainder: remainder)
    }
    return nil
  }
}
