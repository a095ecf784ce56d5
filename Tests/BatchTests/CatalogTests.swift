import Foundation
import GRDB
import PlanModel
import Testing

@testable import Pipeline

/// The catalog's plan tables, filled from output JSON written to the contract, answering
/// the cross-plan questions the README shows.
@Suite struct CatalogTests {
  let folder = TemporaryFolder()

  /// An output document, written by the project's encoder from the plan model, with one
  /// task per (lead, deadline) pair given and one indicator of at least 90 %.
  func output(number: String, tasks: [(lead: String, raw: String, start: String, end: String)])
    throws -> OutputView
  {
    let science = SectionRef(number: "I", title: "Chuyển đổi số")
    let planTasks = tasks.enumerated().map { index, task in
      PlanTask(
        id: "pl02-\(index + 1)", appendix: "Phụ lục 02", section: science, number: "\(index + 1)",
        text: "Nhiệm vụ \(index + 1)", lead: [Agency(name: task.lead, raw: task.lead.uppercased())],
        cooperating: [
          Agency(name: "Sở Tài chính", raw: "Sở Tài chính"),
          Agency(name: "Các Sở, ban, ngành", raw: "Các Sở, ban, ngành"),
        ],
        output: "Báo cáo",
        deadline: Deadline(raw: task.raw, kind: .quarter, start: task.start, end: task.end),
        page: 7, confidence: 0.97)
    }
    let indicator = Indicator(
      id: "pl01-1", appendix: "Phụ lục 01", section: nil, number: "1",
      text: "Tỷ lệ hồ sơ trực tuyến",
      target: Target(raw: "tối thiểu 90%", value: 90, unit: "%", comparator: .atLeast), unit: "%",
      page: 5, confidence: 1)
    let plan = Plan(
      document: PlanMetadata(
        issuer: "UBND tỉnh Quảng Trị", number: number, type: "Kế hoạch",
        title: "Kế hoạch chuyển đổi số", place: "Quảng Trị", date: "2026-01-15"),
      indicators: [indicator], tasks: planTasks)
    let document = IngestDocument(
      source: SourceInfo(
        fileName: "p.pdf", sha256: "00", kind: "pdf", pageCount: 9,
        textLayerPages: [1, 2, 3, 4, 5, 6, 7], ocrPages: [8, 9], plainTextPages: [],
        ocrLanguage: "vie"),
      pages: [], plan: plan)
    return try OutputReading.view(of: PlanJSON.encoder().encode(document))
  }

  func record(_ path: String, runID: Int64) -> DocumentRecord {
    DocumentRecord(
      path: path, sourcePath: "plans/" + path, sha256: SHA256.hex(of: Array(path.utf8)),
      sizeBytes: 10, options: "", runID: runID, startedAt: Date(), finishedAt: Date(),
      wallSeconds: 1, cpuSeconds: 1, peakResidentMB: 50, outputSHA256: "ab", outputBytes: 2)
  }

  @Test func tasksLedByAnAgencyDueInAQuarterAreFoundAcrossPlans() throws {
    let catalog = try Catalog(path: folder.path("catalog.sqlite"))
    let run = try catalog.beginRun(arguments: "test")
    let science = "Sở Khoa học và Công nghệ"
    try catalog.recordDone(
      record("a.json", runID: run),
      output: output(
        number: "12/KH-UBND",
        tasks: [
          (science, "Quý III/2026", "2026-07-01", "2026-09-30"),
          (science, "Quý IV/2026", "2026-10-01", "2026-12-31"),
          ("Sở Tài chính", "Quý III/2026", "2026-07-01", "2026-09-30"),
        ]))
    try catalog.recordDone(
      record("b.json", runID: run),
      output: output(
        number: "40/KH-UBND", tasks: [(science, "Tháng 8/2026", "2026-08-01", "2026-08-31")]))

    let rows = try DatabaseQueue(path: catalog.path).read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT d.plan_number, t.number, t.deadline_raw
          FROM tasks t
          JOIN documents d ON d.id = t.document_id
          JOIN task_agencies ta ON ta.task_id = t.id AND ta.role = 'lead'
          JOIN agencies a ON a.id = ta.agency_id
          WHERE a.name = 'Sở Khoa học và Công nghệ'
            AND t.deadline_end BETWEEN '2026-07-01' AND '2026-09-30'
          ORDER BY d.plan_number, t.number
          """)
    }
    #expect(
      rows.map {
        "\($0["plan_number"] as String) \($0["number"] as String) \($0["deadline_raw"] as String)"
      }
        == ["12/KH-UBND 1 Quý III/2026", "40/KH-UBND 1 Tháng 8/2026"])
  }

  @Test func agenciesAreStoredOnceWithTheirRolesAndPrintedNames() throws {
    let catalog = try Catalog(path: folder.path("catalog.sqlite"))
    let run = try catalog.beginRun(arguments: "test")
    try catalog.recordDone(
      record("a.json", runID: run),
      output: output(number: "1/KH", tasks: [("Sở Y tế", "Quý I/2026", "2026-01-01", "2026-03-31")])
    )
    try catalog.recordDone(
      record("b.json", runID: run),
      output: output(number: "2/KH", tasks: [("Sở Y tế", "Quý I/2026", "2026-01-01", "2026-03-31")])
    )
    let queue = try DatabaseQueue(path: catalog.path)
    let agencies = try queue.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM agencies ORDER BY name")
    }
    #expect(agencies == ["Các Sở, ban, ngành", "Sở Tài chính", "Sở Y tế"])
    let links = try queue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT ta.role, ta.raw, ta.position FROM task_agencies ta
          JOIN tasks t ON t.id = ta.task_id JOIN documents d ON d.id = t.document_id
          WHERE d.path = 'a.json' ORDER BY ta.role DESC, ta.position
          """)
    }
    #expect(
      links.map { "\($0["role"] as String):\($0["raw"] as String):\($0["position"] as Int)" }
        == ["lead:SỞ Y TẾ:0", "cooperating:Sở Tài chính:0", "cooperating:Các Sở, ban, ngành:1"])
    let document = try queue.read { db in
      try Row.fetchOne(
        db,
        sql:
          "SELECT plan_issuer, plan_date, page_count, ocr_page_count, ocr_pages FROM documents WHERE path = 'a.json'"
      )
    }
    #expect(document?["plan_issuer"] == "UBND tỉnh Quảng Trị")
    #expect(document?["plan_date"] == "2026-01-15")
    #expect(document?["ocr_page_count"] == 2)
    #expect(document?["ocr_pages"] == "[8,9]")
  }

  @Test func aFailedConversionRemovesTheRowsOfAnEarlierSuccess() throws {
    let catalog = try Catalog(path: folder.path("catalog.sqlite"))
    let run = try catalog.beginRun(arguments: "test")
    try catalog.recordDone(
      record("a.json", runID: run),
      output: output(number: "1/KH", tasks: [("Sở Y tế", "Quý I/2026", "2026-01-01", "2026-03-31")])
    )
    try catalog.recordFailed(record("a.json", runID: run), reason: "timed out after 1.0 s")
    let queue = try DatabaseQueue(path: catalog.path)
    let counts = try queue.read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM indicators) AS indicators,
            (SELECT count(*) FROM task_agencies) AS links,
            (SELECT status || ' ' || attempts FROM documents) AS status
          """)
    }
    #expect(counts?["tasks"] == 0)
    #expect(counts?["indicators"] == 0)
    #expect(counts?["links"] == 0)
    #expect(counts?["status"] == "failed 2")
  }

  @Test func theREADMEQueriesRunOnACatalog() throws {
    let readme = try String(
      contentsOf: IngestProcess.root.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.components(separatedBy: "## Batch conversion").last)
    let queries = section.components(separatedBy: "```sql\n").dropFirst()
      .compactMap { $0.components(separatedBy: "```").first }
      .flatMap { $0.split(separator: ";").map(String.init) }
      .filter { !$0.allSatisfy(\.isWhitespace) }
    #expect(queries.count >= 5)
    let catalog = try Catalog(path: folder.path("catalog.sqlite"))
    let run = try catalog.beginRun(arguments: "test")
    try catalog.recordDone(
      record("a.json", runID: run),
      output: output(
        number: "12/KH-UBND",
        tasks: [("Sở Khoa học và Công nghệ", "Quý III/2026", "2026-07-01", "2026-09-30")]))
    let results = try DatabaseQueue(path: catalog.path).read { db in
      try queries.map { try Row.fetchAll(db, sql: $0).count }
    }
    // The first query finds the one task; the indicator query finds the 90% target.
    #expect(results.first == 1)
    #expect(results[2] == 1)
  }

  @Test func theCatalogIsInWriteAheadLogMode() throws {
    let catalog = try Catalog(path: folder.path("catalog.sqlite"))
    let mode = try DatabaseQueue(path: catalog.path).read { db in
      try String.fetchOne(db, sql: "PRAGMA journal_mode")
    }
    #expect(mode == "wal")
  }
}
