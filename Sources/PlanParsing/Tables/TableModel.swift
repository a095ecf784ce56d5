/// What a table column holds, recognised from its header cell.
enum ColumnRole: String, Sendable, Hashable, CaseIterable {
  case number, text, unit, target, lead, cooperating, output, deadline, other

  /// The role of a header cell ("TT", "Nhiệm vụ", "Cơ quan chủ trì", …), by folded key.
  static func of(header: String) -> ColumnRole? {
    let key = header.foldKey.trimmingPunctuation
    if key.isEmpty { return nil }
    if ["tt", "stt", "so tt"].contains(key) { return .number }
    if key.contains("phoi hop") { return .cooperating }
    if key.contains("chu tri") { return .lead }
    if key.contains("don vi tinh") || key == "dvt" { return .unit }
    if key.contains("thoi han") || key.contains("thoi gian") || key.contains("tien do") {
      return .deadline
    }
    if key.contains("ket qua") || key.contains("san pham") { return .output }
    if key.contains("noi dung") { return .text }
    // "Chỉ tiêu năm 2026", "Mức chỉ tiêu", "Giá trị chỉ tiêu": the column of targets.
    if key.contains("chi tieu")
      && (key.contains("muc") || key.contains("gia tri") || key.contains(where: \.isNumber))
    {
      return .target
    }
    if key.contains("nhiem vu") || key.contains("chi tieu") || key.contains("noi dung") {
      return .text
    }
    return nil
  }
}

/// One row of a rebuilt table: a group row ("II", "XÂY DỰNG, HOÀN THIỆN THỂ CHẾ") or a
/// record row with its cells by column role.
struct TableRow: Sendable {
  enum Kind: Sendable {
    case group(number: String, title: String)
    case record(number: String, cells: [ColumnRole: String])
  }

  var kind: Kind
  var page: Int
}

/// A rebuilt table: whether it lists indicators or tasks, and its rows.
struct RebuiltTable: Sendable {
  var holdsTasks: Bool
  var rows: [TableRow]
  var confidence: Double
  /// Whether the words came from OCR, whose misreadings the record builder undoes
  /// where a column says what its cells must look like.
  var readByOCR = false
  /// The numeral of the part heading over the table when an appendix holds several
  /// ("I. Chỉ tiêu các nhiệm vụ có tính trọng tâm", "II. …"), kept in the rows' ids.
  var part: String? = nil
}
