import PlanModel

/// Turns rebuilt table rows into indicators or tasks, normalizing agencies, targets and
/// deadlines, and giving each record an id that is stable within the document.
struct TableRecordBuilder: Sendable {
  let normalizers: Normalizers

  func records(
    _ table: RebuiltTable, appendix: AppendixBlock, into indicators: inout [Indicator],
    tasks: inout [PlanTask]
  ) {
    var group: SectionRef? = nil
    var idGroup = "0"
    var used: Set<String> = Set(indicators.map(\.id)).union(tasks.map(\.id))
    for row in table.rows {
      switch row.kind {
      case .group(let number, let title):
        group = SectionRef(number: number, title: title.isEmpty ? nil : title)
        // A numbered heading inside a roman group ("1 Lĩnh vực Y tế" under "I Đến hết
        // năm 2025") is the rows' section; ids keep the roman group, since the rows'
        // numbers ("1.1") already carry the heading's.
        let insideRoman = number.allSatisfy(\.isNumber) && idGroup.first?.isNumber == false
        if !insideRoman { idGroup = number }
      case .record(let number, let printed):
        let cells = table.readByOCR ? Self.repaired(printed) : printed
        let text = (cells[.text] ?? "").collapsingWhitespace
        guard !text.isEmpty || !number.isEmpty else { continue }
        var id =
          "PL\(appendix.key)-\(table.part.map { "\($0)-" } ?? "")\(idGroup)-\(number.isEmpty ? "x" : number)"
        var n = 2
        let base = id
        while used.contains(id) {
          id = "\(base)-\(n)"
          n += 1
        }
        used.insert(id)
        let lead = normalizers.agencies.agencies(
          in: cells[.lead] ?? "", readByOCR: table.readByOCR)
        let cooperating = normalizers.agencies.agencies(
          in: cells[.cooperating] ?? "", readByOCR: table.readByOCR)
        let deadline = cells[.deadline].flatMap {
          $0.isEmpty ? nil : normalizers.deadlines.normalize($0)
        }
        let output = cells[.output].map(\.collapsingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        if table.holdsTasks {
          tasks.append(
            PlanTask(
              id: id, appendix: appendix.label, section: group, number: number, text: text,
              lead: lead, cooperating: cooperating, output: output, deadline: deadline,
              page: row.page, confidence: table.confidence))
        } else {
          let targetCell = cells[.target].flatMap { $0.isEmpty ? nil : $0 }
          var target = normalizers.targets.target(in: targetCell ?? text)
          // A target column's cell is the target as printed.
          if let targetCell, target != nil { target?.raw = targetCell }
          let unit = cells[.unit].map(\.collapsingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
          indicators.append(
            Indicator(
              id: id, appendix: appendix.label, section: group, number: number, text: text,
              target: target, unit: unit, lead: lead,
              cooperating: cooperating, deadline: deadline, page: row.page,
              confidence: table.confidence))
        }
      }
    }
  }
}

extension TableRecordBuilder {
  /// The cells of an OCR'd row with the misreadings of target and deadline cells undone.
  static func repaired(_ cells: [ColumnRole: String]) -> [ColumnRole: String] {
    let repair = OCRCellRepair()
    var cells = cells
    if let target = cells[.target] { cells[.target] = repair.target(target) }
    if let deadline = cells[.deadline] { cells[.deadline] = repair.deadline(deadline) }
    return cells
  }
}

/// Reads the tables of an appendix into records: from word boxes when the lines have
/// them, else from line-sliced plain text.
struct TableReader: Sendable {
  let normalizers: Normalizers

  func records(_ lines: ArraySlice<TextLine>, appendix: AppendixBlock) -> (
    indicators: [Indicator], tasks: [PlanTask]
  ) {
    var indicators: [Indicator] = []
    var tasks: [PlanTask] = []
    let hasGeometry = lines.contains { line in
      !line.words.isEmpty && line.words.allSatisfy { $0.box != nil }
    }
    let tables: [RebuiltTable]
    if hasGeometry {
      tables = GeometryTableBuilder().tables(lines)
    } else {
      tables = PlainTextTableReader(agencies: normalizers.agencies).tables(
        lines, appendix: appendix)
    }
    let builder = TableRecordBuilder(normalizers: normalizers)
    for table in tables {
      builder.records(table, appendix: appendix, into: &indicators, tasks: &tasks)
    }
    return (indicators, tasks)
  }
}
