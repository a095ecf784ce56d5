import Foundation
import PlanModel
import Testing

/// What the pipeline's tests share: where the repository is, and scoring a parsed plan
/// with scripts/eval-parse.
enum PipelineTestSupport {
  /// The repository's root folder.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Writes `document` (a plan or a whole output document) to a temporary file and runs
  /// `scripts/eval-parse --json [extra arguments] FILE` on it; returns its JSON report.
  static func evalParse(_ document: some Encodable, arguments: [String] = []) throws -> Data {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("eval-parse-\(UUID().uuidString).json")
    try PlanJSON.encoder().encode(document).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = root.appendingPathComponent("scripts/eval-parse")
    process.arguments = ["--json"] + arguments + [file.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let report = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return report
  }
}
