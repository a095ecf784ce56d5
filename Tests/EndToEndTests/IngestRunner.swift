import Foundation

/// Runs the built `ingest` executable as a user would, capturing what it prints.
struct IngestRunner {
  struct Run {
    var status: Int32
    var stdout: Data
    var stderr: String

    var stderrLines: [Substring] { stderr.split(separator: "\n") }
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func fixture(_ name: String) -> String {
    root.appendingPathComponent("fixtures/\(name)").path
  }

  /// The executable: `INGEST` if set, else the debug build next to the tests.
  static var executable: String {
    ProcessInfo.processInfo.environment["INGEST"]
      ?? root.appendingPathComponent(".build/debug/ingest").path
  }

  /// Runs `executable` (the built `ingest` unless given) with `arguments`, with
  /// `environment` added to this process's own and in `directory` when one is given.
  static func run(
    _ arguments: [String], executable: String = executable, environment: [String: String] = [:],
    directory: URL? = nil
  ) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so a large output cannot fill a pipe and block.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    DispatchQueue.global().async(group: group) {
      outData = out.fileHandleForReading.readDataToEndOfFile()
    }
    DispatchQueue.global().async(group: group) {
      errData = err.fileHandleForReading.readDataToEndOfFile()
    }
    group.wait()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: outData,
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ingest-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// Character error rate: edit distance over Unicode scalars after collapsing whitespace,
/// divided by the reference's length.
func characterErrorRate(reference: String, hypothesis: String) -> Double {
  let normalize = { (s: String) in
    Array(s.split(whereSeparator: \.isWhitespace).joined(separator: " ").unicodeScalars)
  }
  let a = normalize(reference)
  let b = normalize(hypothesis)
  guard !a.isEmpty else { return b.isEmpty ? 0 : 1 }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in stride(from: 1, through: b.count, by: 1) {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
    }
    swap(&previous, &current)
  }
  return Double(previous[b.count]) / Double(a.count)
}
