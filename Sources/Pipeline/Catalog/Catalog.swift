import Foundation
import GRDB

/// The batch's memory: an SQLite database (`DIR/catalog.sqlite`, WAL mode) recording each
/// input by content hash and output path with its status, and the indicators, tasks and
/// agencies of every converted plan, so that a re-run knows what is done and analysts can
/// query across plans with plain SQL.
///
/// A document's row is written only after its output file is in place, in one
/// transaction with its plan rows: whatever moment the process dies at, the catalog never
/// claims an output that is not there.
public struct Catalog: Sendable {
  /// The catalog's file name inside the output folder.
  public static let fileName = "catalog.sqlite"

  let pool: DatabasePool
  /// The database file.
  public let path: String

  /// Opens (creating or upgrading) the catalog at `path`.
  public init(path: String) throws(CatalogError) {
    self.path = path
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
      try CatalogSchema.migrator.migrate(pool)
    } catch {
      throw .unusable(path: path, reason: "\(error)")
    }
  }

  /// Records the start of a batch and returns its run id.
  public func beginRun(arguments: String, at date: Date = Date()) throws(CatalogError) -> Int64 {
    try write { db in
      try db.execute(
        sql: "INSERT INTO runs (started_at, arguments) VALUES (?, ?)",
        arguments: [date, arguments])
      return db.lastInsertedRowID
    }
  }

  /// Records the end of a batch with its counts.
  public func finishRun(
    _ id: Int64, counts: BatchCounts, interrupted: Bool, at date: Date = Date()
  ) throws(CatalogError) {
    try write { db in
      try db.execute(
        sql: """
          UPDATE runs SET finished_at = ?, total = ?, converted = ?, skipped = ?, partial = ?,
            failed = ?,
            interrupted = ? WHERE id = ?
          """,
        arguments: [
          date, counts.total, counts.converted, counts.skipped, counts.partial, counts.failed,
          interrupted, id,
        ])
    }
  }

  /// What the catalog knows of an input with this content at this output path.
  func entry(sha256: String, path: String) throws(CatalogError) -> CatalogEntry? {
    try read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT status, options, attempts, output_sha256, output_bytes FROM documents
          WHERE sha256 = ? AND path = ?
          """,
        arguments: [sha256, path]
      ).map { row in
        CatalogEntry(
          isDone: row["status"] == "done", options: row["options"], attempts: row["attempts"],
          outputSHA256: row["output_sha256"], outputBytes: row["output_bytes"])
      }
    }
  }

  /// Records a converted document and its plan rows, replacing any row of an older
  /// content at the same output path. Call only once the output file is in place.
  /// `warning` is set when the converter skipped pages: the row is `partial`, and a re-run
  /// converts it again.
  func recordDone(
    _ record: DocumentRecord, output: OutputView, warning: String? = nil
  ) throws(CatalogError) {
    try write { db in
      try db.execute(
        sql: "DELETE FROM documents WHERE path = ? AND sha256 <> ?",
        arguments: [record.path, record.sha256])
      let id = try upsert(
        record, status: warning == nil ? "done" : "partial", error: warning, output: output, in: db)
      try PlanRows.replace(documentID: id, with: output, in: db)
    }
  }

  /// Records a document that could not be converted, with the reason.
  func recordFailed(_ record: DocumentRecord, reason: String) throws(CatalogError) {
    try write { db in
      let id = try upsert(record, status: "failed", error: reason, output: nil, in: db)
      try PlanRows.remove(documentID: id, in: db)
    }
  }

  /// The inputs that failed in run `runID`, in the order they failed.
  public func failures(inRun runID: Int64) throws(CatalogError) -> [(path: String, reason: String)]
  {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT source_path, error FROM documents WHERE status = 'failed' AND run_id = ?
          ORDER BY finished_at, id
          """,
        arguments: [runID]
      ).map { ($0["source_path"], $0["error"] ?? "") }
    }
  }

  private func upsert(
    _ record: DocumentRecord, status: String, error: String?, output: OutputView?,
    in db: Database
  ) throws -> Int64 {
    let metadata = output?.document
    let ocrPages = output.map {
      "[" + $0.source.ocrPages.map(String.init).joined(separator: ",") + "]"
    }
    let values: [(String, (any DatabaseValueConvertible)?)] = [
      ("path", record.path), ("source_path", record.sourcePath), ("sha256", record.sha256),
      ("size_bytes", record.sizeBytes), ("status", status), ("error", error),
      ("options", record.options), ("run_id", record.runID), ("started_at", record.startedAt),
      ("finished_at", record.finishedAt), ("wall_seconds", record.wallSeconds),
      ("cpu_seconds", record.cpuSeconds), ("peak_rss_mb", record.peakResidentMB),
      ("kind", output?.source.kind), ("page_count", output?.source.pageCount),
      ("ocr_page_count", output?.source.ocrPages.count), ("ocr_pages", ocrPages),
      ("output_sha256", record.outputSHA256), ("output_bytes", record.outputBytes),
      ("plan_issuer", metadata?.issuer), ("plan_number", metadata?.number),
      ("plan_type", metadata?.type), ("plan_title", metadata?.title),
      ("plan_place", metadata?.place), ("plan_date", metadata?.date),
    ]
    let columns = values.map(\.0)
    let sql = """
      INSERT INTO documents (\(columns.joined(separator: ", ")), attempts)
      VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")), 1)
      ON CONFLICT (sha256, path) DO UPDATE SET
        \(columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")),
        attempts = documents.attempts + 1
      RETURNING id
      """
    return try Int64.fetchOne(db, sql: sql, arguments: StatementArguments(values.map(\.1)))!
  }

  private func write<T>(_ body: (Database) throws -> T) throws(CatalogError) -> T {
    do { return try pool.write(body) } catch { throw .unusable(path: path, reason: "\(error)") }
  }

  private func read<T>(_ body: (Database) throws -> T) throws(CatalogError) -> T {
    do { return try pool.read(body) } catch { throw .unusable(path: path, reason: "\(error)") }
  }
}

/// The catalog's knowledge of one input, used to decide whether to skip it.
struct CatalogEntry: Sendable, Hashable {
  var isDone: Bool
  var options: String
  var attempts: Int
  var outputSHA256: String?
  var outputBytes: Int?
}

/// The facts of one conversion attempt that go into the `documents` table.
struct DocumentRecord: Sendable {
  var path: String
  var sourcePath: String
  var sha256: String
  var sizeBytes: Int
  var options: String
  var runID: Int64
  var startedAt: Date
  var finishedAt: Date
  var wallSeconds: Double
  var cpuSeconds: Double
  var peakResidentMB: Double
  var outputSHA256: String?
  var outputBytes: Int?
}

/// The counts of one batch run.
public struct BatchCounts: Sendable, Hashable {
  /// Inputs found.
  public var total = 0
  /// Inputs converted in this run.
  public var converted = 0
  /// Inputs skipped because an earlier run converted them.
  public var skipped = 0
  /// Inputs converted with some pages skipped (counted in `converted` too).
  public var partial = 0
  /// Inputs that could not be converted.
  public var failed = 0
  /// Pages of the inputs converted in this run.
  public var pages = 0

  /// Creates zero counts.
  public init() {}
}

/// Why the catalog could not be used.
public enum CatalogError: Error, Sendable, CustomStringConvertible {
  /// The database could not be opened, migrated, read or written.
  case unusable(path: String, reason: String)

  /// One line for a person.
  public var description: String {
    switch self {
    case .unusable(let path, let reason): "\(path): catalog error: \(reason)"
    }
  }
}

extension Catalog {
  /// Runs `body` with a function that registers an output path and its source, and
  /// returns the source that registered the same output first, if any. The registry is
  /// a temporary table, so that checking a huge batch costs disk, not memory.
  func withOutputRegistry<T>(
    _ body: (_ register: (String, String) throws -> String?) throws -> T
  ) throws(CatalogError) -> T {
    do {
      return try pool.write { db in
        try db.execute(
          sql:
            "CREATE TEMP TABLE IF NOT EXISTS batch_outputs (output TEXT PRIMARY KEY, source TEXT)")
        try db.execute(sql: "DELETE FROM batch_outputs")
        defer { try? db.execute(sql: "DROP TABLE batch_outputs") }
        return try body { output, source in
          if let first = try String.fetchOne(
            db, sql: "SELECT source FROM batch_outputs WHERE output = ?", arguments: [output])
          {
            return first
          }
          try db.execute(
            sql: "INSERT INTO batch_outputs (output, source) VALUES (?, ?)",
            arguments: [output, source])
          return nil
        }
      }
    } catch {
      throw .unusable(path: path, reason: "\(error)")
    }
  }
}
