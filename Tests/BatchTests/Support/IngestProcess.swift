import Foundation

/// The built `ingest` executable, run as a user runs it.
enum IngestProcess {
  /// The package's root folder.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A file under `fixtures/`.
  static func fixture(_ name: String) -> String {
    root.appendingPathComponent("fixtures/\(name)").path
  }

  /// The executable: `INGEST` if set, else the debug build.
  static var executable: String {
    ProcessInfo.processInfo.environment["INGEST"]
      ?? root.appendingPathComponent(".build/debug/ingest").path
  }

  /// Whether the single-file converter and its fixtures are part of this build; the
  /// end-to-end batch tests need both.
  static var converterAvailable: Bool {
    FileManager.default.fileExists(atPath: fixture("bad/encrypted.pdf"))
  }

  /// The result of a finished run.
  struct Finished {
    var status: Int32
    var stderr: String
  }

  /// Starts `ingest` with `arguments`, standard error to a file that `finish` reads.
  static func start(_ arguments: [String], stderrPath: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
    process.standardError = FileHandle(forWritingAtPath: stderrPath)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Runs `ingest` to its end.
  static func run(_ arguments: [String]) throws -> Finished {
    let stderrPath = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ingest-stderr-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: stderrPath) }
    let process = try start(arguments, stderrPath: stderrPath)
    process.waitUntilExit()
    return Finished(
      status: process.terminationStatus,
      stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "")
  }
}
