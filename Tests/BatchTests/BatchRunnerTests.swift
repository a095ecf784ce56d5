import Foundation
import GRDB
import Testing

@testable import Pipeline

/// The runner's bookkeeping (mirroring, skipping, retrying, refusing) with a converter
/// written in shell that follows the `ingest convert` contract: JSON to `-o`, one line on
/// standard error and a non-zero status on failure.
@Suite struct BatchRunnerTests {
  let folder = TemporaryFolder()

  /// A converter that fails for inputs whose name contains "bad" and hangs for "slow".
  var converter: Converter {
    let path = folder.path("convert.sh")
    if !FileManager.default.fileExists(atPath: path) {
      let script = """
        #!/bin/sh
        while [ $# -gt 0 ]; do
          case "$1" in -o) out=$2; shift 2;; --) src=$2; shift 2;; *) shift;; esac
        done
        case "$src" in
          *bad*) echo "ingest: $src: not a PDF" >&2; exit 4;;
          *slow*) sleep 30;;
        esac
        sha=$(sha256sum "$src" | cut -d' ' -f1)
        name=$(basename "$src")
        printf '{"schema_version":"1.0.0","source":{"file_name":"%s","sha256":"%s","kind":"text",' "$name" "$sha" > "$out.part"
        printf '"page_count":2,"text_layer_pages":[],"ocr_pages":[],"plain_text_pages":[1,2]},"pages":[]}\\n' >> "$out.part"
        mv "$out.part" "$out"
        case "$src" in *partial*) echo "ingest: $src: page 2: OCR timed out" >&2; exit 6;; esac
        """
      try! script.write(toFile: path, atomically: true, encoding: .utf8)
      chmod(path, 0o755)
    }
    return Converter(executable: path, partialStatuses: [6])
  }

  func write(_ relative: String, _ text: String = "text") throws {
    let path = folder.path("in/" + relative)
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  func run(
    _ inputs: [String]? = nil, out: String? = nil, force: Bool = false, timeout: Double = 20
  ) throws(BatchError) -> BatchSummary {
    try BatchRunner(
      request: BatchRequest(
        inputs: inputs ?? [folder.path("in")], outputFolder: out ?? folder.path("out"), jobs: 2,
        force: force, timeout: timeout, converter: converter)
    ).run(observer: BatchProgress(style: .failuresOnly, write: { _ in }))
  }

  func catalog() throws -> DatabaseQueue {
    try DatabaseQueue(path: folder.path("out/catalog.sqlite"))
  }

  @Test func outputsMirrorTheInputTreeAndFailuresAreListed() throws {
    try write("a/one.txt")
    try write("a/b/two.pdf")
    try write("a/b/bad.pdf")
    try write("notes.md")
    try write(".hidden/three.txt")
    let summary = try run()
    #expect(summary.counts.total == 3)
    #expect(summary.counts.converted == 2)
    #expect(summary.counts.failed == 1)
    #expect(summary.counts.pages == 4)
    #expect(
      summary.failures.map(\.reason) == ["not a PDF"])
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path("out"))
      .filter { $0.hasSuffix(".json") }.sorted()
    #expect(files == ["a/b/two.json", "a/one.json"])
    #expect(!FileManager.default.fileExists(atPath: folder.path("out/.tmp")))
    let rows = try catalog().read { db in
      try Row.fetchAll(
        db, sql: "SELECT path, status, error, page_count FROM documents ORDER BY path")
    }
    #expect(rows.map { $0["path"] as String } == ["a/b/bad.json", "a/b/two.json", "a/one.json"])
    #expect(rows.map { $0["status"] as String } == ["failed", "done", "done"])
    #expect((rows[0]["error"] as String).hasSuffix("not a PDF"))
  }

  @Test func aRerunSkipsWhatIsDoneAndRetriesWhatFailed() throws {
    try write("one.txt")
    try write("bad.txt")
    _ = try run()
    let again = try run()
    #expect(again.counts.skipped == 1)
    #expect(again.counts.failed == 1)
    let attempts = try catalog().read { db in
      try Row.fetchAll(db, sql: "SELECT path, attempts, run_id FROM documents ORDER BY path")
    }
    #expect(attempts.map { $0["attempts"] as Int } == [2, 1])
    #expect(attempts.map { $0["run_id"] as Int } == [2, 1])
  }

  @Test func aDamagedOrMissingOutputIsConvertedAgain() throws {
    try write("one.txt")
    try write("two.txt")
    _ = try run()
    try "{\"schema".write(toFile: folder.path("out/one.json"), atomically: false, encoding: .utf8)
    try FileManager.default.removeItem(atPath: folder.path("out/two.json"))
    let again = try run()
    #expect(again.counts.converted == 2)
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("out/one.json")))
    #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
  }

  @Test func anOutputWithSkippedPagesIsKeptAsPartialAndRetried() throws {
    try write("partial.txt")
    let summary = try run()
    #expect(summary.counts.converted == 1)
    #expect(summary.counts.partial == 1)
    #expect(summary.incomplete.map(\.reason) == ["page 2: OCR timed out"])
    #expect(FileManager.default.fileExists(atPath: folder.path("out/partial.json")))
    let row = try catalog().read { db in
      try Row.fetchOne(db, sql: "SELECT status, error FROM documents")
    }
    #expect(row?["status"] == "partial")
    #expect(row?["error"] == "page 2: OCR timed out")
    let again = try run()
    #expect(again.counts.skipped == 0)
    #expect(again.counts.partial == 1)
  }

  @Test func aPasswordReachesTheConverterButNotTheCatalog() throws {
    try write("one.txt")
    var withPassword = converter
    withPassword.options = ["--dpi", "200", "--password", "s3cret"]
    _ = try BatchRunner(
      request: BatchRequest(
        inputs: [folder.path("in")], outputFolder: folder.path("out"), jobs: 1,
        converter: withPassword, commandLine: "batch in --password ***")
    ).run(observer: BatchProgress(style: .failuresOnly, write: { _ in }))
    let stored = try catalog().read { db in
      try String.fetchAll(
        db, sql: "SELECT options FROM documents UNION ALL SELECT arguments FROM runs")
    }
    #expect(stored == ["--dpi 200", "batch in --password ***"])
  }

  @Test func forceConvertsEverythingAgain() throws {
    try write("one.txt")
    _ = try run()
    let again = try run(force: true)
    #expect(again.counts.converted == 1)
    let attempts = try catalog().read { db in
      try Int.fetchOne(db, sql: "SELECT attempts FROM documents")
    }
    #expect(attempts == 2)
  }

  @Test func changedContentReplacesTheOldRow() throws {
    try write("one.txt", "first")
    _ = try run()
    try write("one.txt", "second")
    let again = try run()
    #expect(again.counts.converted == 1)
    let rows = try catalog().read { db in try Row.fetchAll(db, sql: "SELECT sha256 FROM documents")
    }
    #expect(rows.count == 1)
    #expect(rows.first?["sha256"] == SHA256.hex(of: Array("second".utf8)))
  }

  @Test func aHungConversionTimesOutAndTheBatchGoesOn() throws {
    try write("slow.txt")
    try write("fast.txt")
    let summary = try run(timeout: 0.5)
    #expect(summary.counts.converted == 1)
    #expect(summary.failures.map(\.reason) == ["timed out after 0.5 s"])
  }

  @Test func anOutputFolderInsideAnInputFolderIsRefused() throws {
    try write("one.txt")
    #expect(throws: BatchError.self) { try run(out: folder.path("in/out")) }
    #expect(!FileManager.default.fileExists(atPath: folder.path("in/out")))
  }

  @Test func anInputInsideTheOutputFolderIsRefused() throws {
    try write("one.txt")
    #expect(throws: BatchError.self) { try run(out: folder.path("in")) }
    #expect(throws: BatchError.self) {
      try run([folder.path("in/one.txt")], out: folder.path("in"))
    }
  }

  @Test func filesSharingAStemInOneFolderKeepTheirExtensionInTheOutputName() throws {
    try write("a/plan.pdf")
    try write("a/plan.txt")
    try write("a/other.txt")
    let summary = try run()
    #expect(summary.counts.total == 3)
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path("out"))
      .filter { $0.hasSuffix(".json") }.sorted()
    #expect(files.contains("a/plan.txt.json"))
    #expect(files.contains("a/other.json"))
    #expect(!files.contains("a/plan.json"))
  }

  @Test func twoInputsWritingTheSameOutputAreRefusedBeforeAnyConversion() throws {
    try write("x/plan.txt")
    try write("y/plan.txt")
    do {
      _ = try run(
        [folder.path("in/x/plan.txt"), folder.path("in/y/plan.txt")], out: folder.path("out"))
      Issue.record("expected a collision")
    } catch {
      guard case .outputCollision(let output, _, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(output == "plan.json")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("out/plan.json")))
  }

  @Test func aSecondBatchOnTheSameOutputFolderIsRefusedWhileTheFirstRuns() throws {
    try write("one.txt")
    _ = try run()
    // Hold the lock the way a running batch holds it.
    let descriptor = open(folder.path("out/.lock"), O_RDWR | O_CLOEXEC)
    defer { close(descriptor) }
    // A child being spawned by another test may hold a copy for a moment.
    var locked = false
    for _ in 0..<200 where !locked {
      locked = flock(descriptor, LOCK_EX | LOCK_NB) == 0
      if !locked { usleep(10_000) }
    }
    #expect(locked, "the finished batch still holds its lock")
    do {
      _ = try run()
      Issue.record("expected the folder to be busy")
    } catch {
      guard case .outputFolderBusy = error else {
        Issue.record("unexpected \(error)")
        return
      }
    }
    flock(descriptor, LOCK_UN)
    #expect(try run().counts.skipped == 1)
  }

  @Test func aMissingInputIsRefused() {
    #expect(throws: BatchError.self) { try run([folder.path("nothing-here")]) }
  }

  @Test func filesNamedOnTheirOwnGoToTheTopOfTheOutputFolder() throws {
    try write("x/report.v2.txt")
    let summary = try run([folder.path("in/x/report.v2.txt")])
    #expect(summary.counts.converted == 1)
    #expect(FileManager.default.fileExists(atPath: folder.path("out/report.v2.json")))
  }
}

@Test func optionsThatChangeNoOutputDoNotMakeAnOutputStale() {
  let plain = Converter(executable: "/bin/ingest", options: ["--jobs", "1", "--ocr-lang", "vie"])
  let busy = Converter(
    executable: "/bin/ingest",
    options: ["--jobs", "1", "--no-page-overlap", "--ocr-lang", "vie", "--password", "x"])
  #expect(plain.fingerprint == busy.fingerprint)
  let other = Converter(executable: "/bin/ingest", options: ["--jobs", "1", "--ocr-lang", "eng"])
  #expect(plain.fingerprint != other.fingerprint)
}
