import Foundation
import PlanModel

/// Runs `scripts/validate-schema` on encoded documents, so that tests check outputs
/// against the published schema itself rather than against a copy of its rules.
struct SchemaValidator {
  struct Result {
    var valid: Bool
    var messages: String
  }

  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func validate(_ data: Data) throws -> Result {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("schema-\(UUID().uuidString).json")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [
      repositoryRoot.appendingPathComponent("scripts/validate-schema").path, file.path,
    ]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let output = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      valid: process.terminationStatus == 0,
      messages: String(decoding: output, as: UTF8.self))
  }

  static func validate(_ document: IngestDocument) throws -> Result {
    try validate(PlanJSON.encoder().encode(document))
  }
}
