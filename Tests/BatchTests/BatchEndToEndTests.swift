import Foundation
import GRDB
import PlanModel
import Testing

/// `ingest batch` run as a user runs it, converting with the real `ingest convert`.
@Suite(.serialized, .enabled(if: IngestProcess.converterAvailable)) struct BatchEndToEndTests {
  let folder = TemporaryFolder()
  var inputs: URL { folder.url.appendingPathComponent("in") }
  var out: URL { folder.url.appendingPathComponent("out") }

  @Test func thirtyInputsWithFiveBadOnes() throws {
    let factory = BatchInputsFactory(root: inputs)
    for number in 1...15 {
      try factory.write("text/plan-\(number).txt", BatchInputsFactory.textPlan(number))
    }
    for number in 16...25 {
      try factory.write("pdf/nested/plan-\(number).pdf", BatchInputsFactory.pdfPlan(number))
    }
    let valid = BatchInputsFactory.pdfPlan(99, pages: 3)
    try factory.write(
      "bad/corrupt.pdf", valid.prefix(valid.count / 3) + Data(repeating: 0x41, count: 200))
    try factory.copy(fixture: "bad/encrypted.pdf", to: "bad/encrypted.pdf")
    try factory.write("bad/empty.pdf", Data())
    try factory.write("bad/not-a-pdf.pdf", Data("Kế hoạch, but only text.\n".utf8))
    // A scanned plan, rendered for OCR at 900 dpi: tens of seconds of OCR, far past the
    // batch's timeout, while each good input (no OCR, so the resolution plays no part)
    // converts in under a second even on a busy machine (at 300 dpi the scan took 5 s,
    // too close to a timeout that good inputs must never reach).
    try factory.copy(fixture: "kh-tinh-khanh-hoa-scan.pdf", to: "bad/slow-scan.pdf")

    let run = try IngestProcess.run([
      "batch", inputs.path, "--out", out.path, "--jobs", "2", "--timeout", "6", "--dpi", "900",
    ])

    #expect(run.status == 10, "stderr: \(run.stderr)")
    let outputs = try BatchInputsFactory.outputs(in: out)
    #expect(outputs.count == 25)
    // Each good output is byte for byte what single-file `ingest` writes.
    let single = folder.url.appendingPathComponent("single.json")
    for (relative, data) in outputs {
      let stem = String(relative.dropLast(".json".count))
      let source = [".txt", ".pdf"].map { inputs.appendingPathComponent(stem + $0).path }
        .first { FileManager.default.fileExists(atPath: $0) }!
      let alone = try IngestProcess.run([source, "-o", single.path])
      #expect(alone.status == 0, "\(source): \(alone.stderr)")
      #expect(try Data(contentsOf: single) == data, "\(relative) differs from single-file ingest")
    }
    // The five bad ones are listed with a reason each, in the summary and the catalog.
    let failed = run.stderr.components(separatedBy: "\nfailed:\n").last ?? ""
    for name in ["corrupt", "encrypted", "empty", "not-a-pdf", "slow-scan"] {
      let line = failed.split(separator: "\n").first { $0.contains("bad/\(name).pdf: ") }
      #expect(line != nil, "\(name) is not listed: \(run.stderr)")
    }
    #expect(failed.contains("slow-scan.pdf: timed out after 6.0 s"))
    let rows = try DatabaseQueue(path: out.appendingPathComponent("catalog.sqlite").path).read {
      db in
      try Row.fetchAll(
        db, sql: "SELECT path, status, error FROM documents WHERE status = 'failed' ORDER BY path")
    }
    #expect(
      rows.map { $0["path"] as String } == [
        "bad/corrupt.json", "bad/empty.json", "bad/encrypted.json", "bad/not-a-pdf.json",
        "bad/slow-scan.json",
      ])
    #expect(rows.allSatisfy { !(($0["error"] as String?) ?? "").isEmpty })
  }

  @Test func killedRepeatedlyThenResumedGivesTheSameOutputs() throws {
    let factory = BatchInputsFactory(root: inputs)
    for number in 1...36 {
      try factory.write(
        "t/\(number % 4)/plan-\(number).txt", BatchInputsFactory.textPlan(number, pages: 3))
    }
    for number in 37...48 {
      try factory.write("p/plan-\(number).pdf", BatchInputsFactory.pdfPlan(number))
    }
    let reference = folder.url.appendingPathComponent("reference")
    let uninterrupted = try IngestProcess.run([
      "batch", inputs.path, "--out", reference.path, "--jobs", "2",
    ])
    #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
    let expected = try BatchInputsFactory.outputs(in: reference)
    #expect(expected.count == 48)

    var completedBefore: [String: String] = [:]
    for threshold in [4, 14, 26] {
      let process = try IngestProcess.start(
        ["batch", inputs.path, "--out", out.path, "--jobs", "2"],
        stderrPath: folder.path("kill.err"))
      // Kill as soon as the batch has put `threshold` outputs in place.
      while process.isRunning, (try? BatchInputsFactory.outputs(in: out).count) ?? 0 < threshold {
        usleep(2_000)
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      // Whatever is in place is complete JSON, never a truncated file.
      for (relative, data) in try BatchInputsFactory.outputs(in: out) {
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(relative) is truncated")
        #expect(data == expected[relative], "\(relative) differs")
      }
      // Every document the catalog calls done is in place and never converted again.
      let done = try completed()
      for (path, finished) in completedBefore { #expect(done[path] == finished, "\(path) redone") }
      completedBefore = done
    }
    let resumed = try IngestProcess.run(["batch", inputs.path, "--out", out.path, "--jobs", "2"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try BatchInputsFactory.outputs(in: out) == expected)
    let done = try completed()
    #expect(done.count == 48)
    for (path, finished) in completedBefore { #expect(done[path] == finished, "\(path) redone") }
    let attempts = try DatabaseQueue(path: out.appendingPathComponent("catalog.sqlite").path).read {
      db in
      try Int.fetchAll(db, sql: "SELECT attempts FROM documents")
    }
    #expect(attempts.allSatisfy { $0 == 1 })
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".tmp").path))
  }

  @Test func aBatchKilledOutrightTakesItsRunningChildrenWithIt() throws {
    let factory = BatchInputsFactory(root: inputs)
    // Scans: each child spends seconds in OCR, long enough to be caught running.
    try factory.copy(fixture: "kh-tinh-khanh-hoa-scan.pdf", to: "a.pdf")
    try factory.copy(fixture: "kh-phuong-hoa-khanh-scan.pdf", to: "b.pdf")
    let batch = try IngestProcess.start(
      ["batch", inputs.path, "--out", out.path, "--jobs", "2"],
      stderrPath: folder.path("batch.err"))
    var children: [pid_t] = []
    let deadline = Date().addingTimeInterval(30)
    while batch.isRunning, children.isEmpty, Date() < deadline {
      children = LiveProcess.children(of: batch.processIdentifier)
      usleep(10_000)
    }
    try #require(!children.isEmpty, "the batch started no child")
    kill(batch.processIdentifier, SIGKILL)
    // No clean-up code ran in the batch; the kernel must still end every child at once,
    // long before its OCR (seconds a page) could finish by itself. (Checked before waiting
    // on the batch's `Process`, which may itself wait for the children.)
    let gone = Date().addingTimeInterval(1)
    while children.contains(where: LiveProcess.isAlive), Date() < gone { usleep(10_000) }
    #expect(!children.contains(where: LiveProcess.isAlive), "children outlived the batch")
    batch.waitUntilExit()
  }

  @Test func theCatalogHoldsWhatTheJSONSays() throws {
    let factory = BatchInputsFactory(root: inputs)
    try factory.copy(fixture: "kh-tinh-khanh-hoa.pdf", to: "tinh/plan.pdf")
    let run = try IngestProcess.run(["batch", inputs.path, "--out", out.path, "--jobs", "1"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try Data(contentsOf: out.appendingPathComponent("tinh/plan.json"))
    let document = try PlanJSON.decoder().decode(IngestDocument.self, from: json)
    let row = try #require(
      try DatabaseQueue(path: out.appendingPathComponent("catalog.sqlite").path).read { db in
        try Row.fetchOne(
          db,
          sql: """
            SELECT page_count, ocr_page_count, plan_number, plan_date, output_bytes,
              (SELECT count(*) FROM tasks) AS tasks,
              (SELECT count(*) FROM indicators) AS indicators,
              (SELECT count(*) FROM task_agencies) + (SELECT count(*) FROM indicator_agencies)
                AS agency_links
            FROM documents WHERE path = 'tinh/plan.json' AND status = 'done'
            """)
      })
    #expect(row["page_count"] == document.source.pageCount)
    #expect(row["ocr_page_count"] == document.source.ocrPages.count)
    #expect(row["plan_number"] == document.document?.number)
    #expect(row["plan_date"] == document.document?.date)
    #expect(row["output_bytes"] == json.count)
    #expect(row["tasks"] == (document.tasks ?? []).count)
    #expect(row["indicators"] == (document.indicators ?? []).count)
    let links =
      (document.tasks ?? []).reduce(0) { $0 + $1.lead.count + $1.cooperating.count }
      + (document.indicators ?? []).reduce(0) { $0 + $1.lead.count + $1.cooperating.count }
    #expect(row["agency_links"] == links)
  }

  /// Output path → finish time of every document the catalog records as done.
  func completed() throws -> [String: String] {
    let path = out.appendingPathComponent("catalog.sqlite").path
    guard FileManager.default.fileExists(atPath: path) else { return [:] }
    return try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "SELECT path, finished_at FROM documents WHERE status = 'done'")
        .reduce(into: [:]) { $0[$1["path"] as String] = $1["finished_at"] as String }
    }
  }
}

/// Processes as `/proc` shows them, to see what a killed batch left behind.
enum LiveProcess {
  /// The process ids whose parent is `parent`.
  static func children(of parent: pid_t) -> [pid_t] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { pid_t($0) }.filter { field(3, of: $0) == String(parent) }
  }

  /// Whether `pid` is still running: a zombie waiting to be reaped has already ended.
  static func isAlive(_ pid: pid_t) -> Bool {
    guard let state = field(2, of: pid) else { return false }
    return state != "Z" && state != "X"
  }

  /// Field `number` (1-based) of `/proc/PID/stat`, counted after the parenthesized name.
  private static func field(_ number: Int, of pid: pid_t) -> String? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    let rest = stat[stat.index(after: close)...].split(separator: " ")
    return number >= 2 && number - 2 < rest.count ? String(rest[number - 2]) : nil
  }
}
