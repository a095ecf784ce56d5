import GRDB
import PlanModel

/// Writes a plan's indicators, tasks and agencies into the catalog, replacing what an
/// earlier conversion of the same document wrote.
enum PlanRows {
  static func replace(documentID: Int64, with output: OutputView, in db: Database) throws {
    try remove(documentID: documentID, in: db)
    for indicator in output.indicators {
      try db.execute(
        sql: """
          INSERT INTO indicators (document_id, key, appendix, section_number, section_title,
            number, text, target_raw, target_value, target_unit, target_comparator, unit,
            deadline_raw, deadline_kind, deadline_start, deadline_end, deadline_note, page,
            confidence)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          documentID, indicator.id, indicator.appendix, indicator.section?.number,
          indicator.section?.title, indicator.number, indicator.text, indicator.target?.raw,
          indicator.target?.value, indicator.target?.unit, indicator.target?.comparator.rawValue,
          indicator.unit, indicator.deadline?.raw, indicator.deadline?.kind.rawValue,
          indicator.deadline?.start, indicator.deadline?.end, indicator.deadline?.note,
          indicator.page, indicator.confidence,
        ])
      try link(
        table: "indicator_agencies", column: "indicator_id", row: db.lastInsertedRowID,
        lead: indicator.lead, cooperating: indicator.cooperating, in: db)
    }
    for task in output.tasks {
      try db.execute(
        sql: """
          INSERT INTO tasks (document_id, key, appendix, section_number, section_title, number,
            text, output, deadline_raw, deadline_kind, deadline_start, deadline_end,
            deadline_note, page, confidence)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          documentID, task.id, task.appendix, task.section?.number, task.section?.title,
          task.number, task.text, task.output, task.deadline?.raw, task.deadline?.kind.rawValue,
          task.deadline?.start, task.deadline?.end, task.deadline?.note, task.page,
          task.confidence,
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
    table: String, column: String, row: Int64, lead: [Agency], cooperating: [Agency],
    in db: Database
  ) throws {
    let roles = [("lead", lead), ("cooperating", cooperating)]
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
