import Foundation
import PlanModel

/// How one input ended in a batch.
public enum DocumentResult: Sendable, Hashable {
  /// Converted in this run; `pages` of the document; `warning` says which pages the
  /// converter had to skip, when it skipped some.
  case converted(pages: Int, warning: String?)
  /// Already converted by an earlier run with the same content and options.
  case skipped
  /// Not converted, with one line saying why.
  case failed(reason: String)
  /// Stopped because the batch was interrupted; neither output nor catalog row written.
  case cancelled
}

/// What every document of one run shares.
struct BatchContext: Sendable {
  let folder: OutputFolder
  let catalog: Catalog
  let supervisor: ChildSupervisor
  let request: BatchRequest
  let runID: Int64
}

/// The conversion of one input: hash it, skip it when the catalog and the output file
/// agree it is done, otherwise convert it in a child process into the temporary folder,
/// check the result, move it into place, and only then record it in the catalog.
struct DocumentJob {
  let input: BatchInput
  let sequence: Int
  let context: BatchContext

  func run() -> DocumentResult {
    let started = Date()
    let hashed: (digest: String, size: Int)
    switch SHA256.hex(ofFile: input.sourcePath) {
    case .failure(let error): return .failed(reason: error.reason)
    case .success(let value): hashed = value
    }
    let catalog = context.catalog
    let fingerprint = context.request.converter.fingerprint
    let entry: CatalogEntry?
    do {
      entry = try catalog.entry(sha256: hashed.digest, path: input.outputPath)
    } catch {
      return .failed(reason: error.description)
    }
    if !context.request.force, let entry, entry.isDone, entry.options == fingerprint,
      outputIsIntact(entry)
    {
      return .skipped
    }

    let temporary = context.folder.temporaryFolder + "/\(context.runID)-\(sequence)"
    defer {
      unlink(temporary + ".json")
      unlink(temporary + ".err")
    }
    let outcome = context.supervisor.run(
      ChildCommand(
        executable: context.request.converter.executable,
        arguments: context.request.converter.arguments(
          source: input.sourcePath, output: temporary + ".json"),
        environment: context.request.converter.environment,
        standardErrorPath: temporary + ".err", timeout: context.request.timeout,
        memoryLimitBytes: context.request.memoryLimitMB.map { $0 << 20 }))
    if outcome.termination == .cancelled { return .cancelled }

    var record = DocumentRecord(
      path: input.outputPath, sourcePath: input.sourcePath, sha256: hashed.digest,
      sizeBytes: hashed.size, options: fingerprint, runID: context.runID, startedAt: started,
      finishedAt: Date(), wallSeconds: outcome.wallSeconds, cpuSeconds: outcome.cpuSeconds,
      peakResidentMB: Double(outcome.peakResidentBytes) / Double(1 << 20))
    let warning: String?
    if case .exited(let code) = outcome.termination,
      context.request.converter.partialStatuses.contains(code),
      FileManager.default.fileExists(atPath: temporary + ".json")
    {
      warning = Self.withoutPrefixes(outcome.failureReason, source: input.sourcePath)
    } else {
      warning = nil
    }
    guard outcome.termination.succeeded || warning != nil else {
      return fail(
        record, reason: Self.withoutPrefixes(outcome.failureReason, source: input.sourcePath))
    }
    let output: OutputView
    let bytes: Data
    do {
      bytes = try Data(contentsOf: URL(fileURLWithPath: temporary + ".json"))
      output = try OutputReading.view(of: bytes)
    } catch {
      return fail(
        record, reason: "\(input.sourcePath): the converter wrote no readable output: \(error)")
    }
    record.outputSHA256 = SHA256.hex(of: [UInt8](bytes))
    record.outputBytes = bytes.count
    do {
      try context.folder.moveIntoPlace(temporary + ".json", as: input.outputPath)
    } catch {
      return fail(record, reason: "cannot write \(input.outputPath): \(error.reason)")
    }
    do {
      try catalog.recordDone(record, output: output, warning: warning)
    } catch {
      return .failed(reason: error.description)
    }
    return .converted(pages: output.source.pageCount, warning: warning)
  }

  /// Whether the output file is the one the catalog recorded: present, same size, same
  /// hash. Anything else (deleted, truncated, edited) means convert again.
  private func outputIsIntact(_ entry: CatalogEntry) -> Bool {
    guard let expected = entry.outputSHA256, let size = entry.outputBytes else { return false }
    let path = context.folder.absolute(input.outputPath)
    var status = stat()
    guard stat(path, &status) == 0, Int(status.st_size) == size else { return false }
    guard case .success(let actual) = SHA256.hex(ofFile: path) else { return false }
    return actual.digest == expected
  }

  /// The child's message without the program's name and the input's path, which the
  /// summary and the catalog already show beside it.
  static func withoutPrefixes(_ reason: String, source: String) -> String {
    var text = Substring(reason)
    for prefix in ["ingest: ", source + ": "] where text.hasPrefix(prefix) {
      text = text.dropFirst(prefix.count)
    }
    return String(text)
  }

  private func fail(_ record: DocumentRecord, reason: String) -> DocumentResult {
    context.folder.removeOutput(input.outputPath)
    do {
      try context.catalog.recordFailed(record, reason: reason)
    } catch {
      return .failed(reason: "\(reason) (and \(error.description))")
    }
    return .failed(reason: reason)
  }
}

/// Reading a converter's output back.
enum OutputReading {
  static func view(of bytes: Data) throws -> OutputView {
    try PlanJSON.decoder().decode(OutputView.self, from: bytes)
  }
}
