import GRDB

/// Writes a plan's indicators, tasks and agencies into the catalog, replacing what an
/// earlier conversion of the same document wrote.
enum PlanRows {
  static func replace(documentID: Int64, with output: OutputView, in db: Database) throws {
    try remove(documentID: documentID, in: db)
    for (index, indicator) in (output.indicators ?? []).enumerated() {
      try db.execute(
        sql: """
          INSERT INTO indicators (document_id, key, appendix, section_number, section_title,
            number, text, target_raw, target_value, target_unit, target_comparator, unit,
            deadline_raw, deadline_kind, deadline_start, deadline_end, deadline_note, page,
            confidence)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          documentID, indicator.id.text ?? "indicator-\(index + 1)", indicator.appendix.text,
          indicator.section?.number.text, indicator.section?.title.text, indicator.number.text,
          indicator.text, indicator.target?.raw.text, indicator.target?.value,
          indicator.target?.unit.text, indicator.target?.comparator.text, indicator.unit.text,
          indicator.deadline?.raw.text, indicator.deadline?.kind.text,
          indicator.deadline?.start.text, indicator.deadline?.end.text,
          indicator.deadline?.note.text, indicator.page, indicator.confidence,
        ])
      try link(
        table: "indicator_agencies", column: "indicator_id", row: db.lastInsertedRowID,
        lead: indicator.lead, cooperating: indicator.cooperating, in: db)
    }
    for (index, task) in (output.tasks ?? []).enumerated() {
      try db.execute(
        sql: """
          INSERT INTO tasks (document_id, key, appendix, section_number, section_title, number,
            text, output, deadline_raw, deadline_kind, deadline_start, deadline_end,
            deadline_note, page, confidence)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          documentID, task.id.text ?? "task-\(index + 1)", task.appendix.text,
          task.section?.number.text, task.section?.title.text, task.number.text, task.text,
          task.output.text, task.deadline?.raw.text, task.deadline?.kind.text,
          task.deadline?.start.text, task.deadline?.end.text, task.deadline?.note.text,
          task.page, task.confidence,
        ])
      try link(
        table: "task_agencies", column: "task_id", row: db.lastInsertedRowID, lead: task.lead,
        cooperating: task.cooperating, in: db)
    }
  }

  /// Removes a document's plan rows (their agency links go with them).
  static func remove(documentID: Int64, in db: Database) throws {
    try db.execute(sql: "DELETE FROM indicators WHERE document_id = ?", arguments: [documentID])
    try db.execute(sql: "DELETE FROM tasks WHERE document_id = ?", arguments: [documentID])
  }

  private static func link(
    table: String, column: String, row: Int64, lead: [AgencyView]?,
    cooperating: [AgencyView]?, in db: Database
  ) throws {
    let roles = [("lead", lead ?? []), ("cooperating", cooperating ?? [])]
    for (role, agencies) in roles {
      for (position, agency) in agencies.enumerated() {
        try db.execute(
          sql: "INSERT INTO agencies (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
          arguments: [agency.name])
        let agencyID = try Int64.fetchOne(
          db, sql: "SELECT id FROM agencies WHERE name = ?", arguments: [agency.name])!
        try db.execute(
          sql: """
            INSERT INTO \(table) (\(column), agency_id, role, position, raw)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [row, agencyID, role, position, agency.raw])
      }
    }
  }
}
