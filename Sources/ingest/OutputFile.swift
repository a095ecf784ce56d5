import Foundation

/// Writes the output all at once at the end: into a temporary file in the destination's
/// folder, then renamed over the destination, so a failed run never leaves a partial
/// file and a reader never sees one half-written.
struct OutputFile {
  let path: String

  /// Refuses a destination that is the input itself.
  func check(notOverwriting input: String) throws(CommandFailure) {
    let a = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let b = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
    if a == b {
      throw CommandFailure(status: .usage, message: "\(path): the output would overwrite the input")
    }
  }

  func write(_ data: Data) throws(CommandFailure) {
    let destination = URL(fileURLWithPath: path)
    let folder = destination.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try data.write(to: temporary)
      if rename(temporary.path, destination.path) != 0 {
        throw CocoaError(.fileWriteUnknown)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw CommandFailure(status: .fileAccess, message: "\(path): cannot write the output file")
    }
  }
}
