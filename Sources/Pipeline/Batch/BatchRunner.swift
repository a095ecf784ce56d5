import Foundation
import Synchronization

/// Receives a batch's progress as it happens; called from worker threads.
public protocol BatchObserver: Sendable {
  /// The inputs were counted; conversion starts.
  func batchStarted(total: Int)
  /// One input ended; `counts` are the totals so far.
  func documentFinished(_ input: BatchInput, result: DocumentResult, counts: BatchCounts)
}

/// What a batch did, for the summary and the exit code.
public struct BatchSummary: Sendable {
  /// Inputs found, converted, skipped, failed; pages converted.
  public var counts: BatchCounts
  /// Each failed input with its reason, in the order they failed.
  public var failures: [(path: String, reason: String)]
  /// Each input converted with skipped pages, with the converter's message.
  public var incomplete: [(path: String, reason: String)]
  /// Whether the batch was interrupted before every input was seen.
  public var interrupted: Bool
  /// Wall-clock seconds of the whole batch.
  public var seconds: Double
  /// The catalog's path.
  public var catalogPath: String
}

/// `ingest batch`: converts many documents, each in its own child process, `jobs` at a
/// time, into mirrored JSON files under one output folder, with a catalog that makes the
/// batch resumable and queryable.
///
/// The run, step by step: check the output folder against the inputs, lock and clean it,
/// open the catalog, count the inputs (refusing two that would write the same output),
/// convert them with bounded concurrency, record the run, and report.
public struct BatchRunner: Sendable {
  let request: BatchRequest

  /// Creates a runner for `request`.
  public init(request: BatchRequest) {
    self.request = request
  }

  /// Runs the batch. Documents that fail are reported in the summary; only a batch that
  /// cannot start at all throws. Cancelling `registry` stops the batch between documents
  /// and kills the children running.
  public func run(
    observer: some BatchObserver, registry: ChildRegistry = ChildRegistry()
  ) throws(BatchError) -> BatchSummary {
    let start = Monotonic.now()
    let roots = try Self.roots(of: request.inputs)
    guard access(request.converter.executable, X_OK) == 0 else {
      throw .missingExecutable(path: request.converter.executable)
    }
    let folder = try OutputFolder(path: request.outputFolder, roots: roots)
    defer { folder.release() }
    let catalog: Catalog
    do {
      catalog = try Catalog(path: folder.absolute(Catalog.fileName))
    } catch {
      throw .catalog(error)
    }
    let total = try Self.countInputs(roots, catalog: catalog)
    let runID: Int64
    do {
      runID = try catalog.beginRun(arguments: request.commandLine)
    } catch {
      throw .catalog(error)
    }
    observer.batchStarted(total: total)

    let context = BatchContext(
      folder: folder, catalog: catalog, supervisor: ChildSupervisor(registry: registry),
      request: request, runID: runID)
    var counts = BatchCounts()
    counts.total = total
    let state = SharedRunState(RunState(walker: InputWalker(roots: roots), counts: counts))
    let workers = (0..<min(request.jobs, max(total, 1))).map { _ in
      WorkerThread {
        Self.work(context: context, state: state, observer: observer, registry: registry)
      }
    }
    for worker in workers { worker.start() }
    for worker in workers { worker.join() }

    let (finalCounts, failures, incomplete) = state.lock.withLock {
      ($0.counts, $0.failures, $0.incomplete)
    }
    let interrupted = registry.isCancelled
    if !interrupted { folder.cleanTemporaryFolder() }
    do {
      try catalog.finishRun(runID, counts: finalCounts, interrupted: interrupted)
    } catch {
      throw .catalog(error)
    }
    return BatchSummary(
      counts: finalCounts, failures: failures, incomplete: incomplete, interrupted: interrupted,
      seconds: Monotonic.now() - start, catalogPath: catalog.path)
  }

  /// One worker: takes the next input until there are none or the batch is cancelled.
  private static func work(
    context: BatchContext, state: SharedRunState, observer: some BatchObserver,
    registry: ChildRegistry
  ) {
    while !registry.isCancelled {
      let next = state.lock.withLock { state -> (BatchInput, Int)? in
        guard let input = state.walker.next() else { return nil }
        state.sequence += 1
        return (input, state.sequence)
      }
      guard let (input, sequence) = next else { return }
      let result = DocumentJob(input: input, sequence: sequence, context: context).run()
      if result == .cancelled { return }
      let counts = state.lock.withLock { state in
        switch result {
        case .converted(let pages, let warning):
          state.counts.converted += 1
          state.counts.pages += pages
          if let warning {
            state.counts.partial += 1
            state.incomplete.append((input.sourcePath, warning))
          }
        case .skipped: state.counts.skipped += 1
        case .failed(let reason):
          state.counts.failed += 1
          state.failures.append((input.sourcePath, reason))
        case .cancelled: break
        }
        return state.counts
      }
      observer.documentFinished(input, result: result, counts: counts)
    }
  }

  /// The roots named on the command line, each checked to exist.
  static func roots(of inputs: [String]) throws(BatchError) -> [BatchRoot] {
    try inputs.map { path throws(BatchError) in
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw .missingInput(path: path)
      }
      return BatchRoot(path: path, isFolder: isFolder.boolValue)
    }
  }

  /// Counts the inputs, refusing two that map to the same output file. The output paths
  /// seen go to a temporary table of the catalog rather than to memory.
  static func countInputs(_ roots: [BatchRoot], catalog: Catalog) throws(BatchError) -> Int {
    var walker = InputWalker(roots: roots)
    let result: Result<Int, BatchError>
    do {
      result = try catalog.withOutputRegistry { register in
        var count = 0
        while let input = walker.next() {
          if let first = try register(input.outputPath, input.sourcePath) {
            return .failure(
              .outputCollision(output: input.outputPath, first: first, second: input.sourcePath))
          }
          count += 1
        }
        return .success(count)
      }
    } catch {
      throw .catalog(error)
    }
    if let (path, reason) = walker.unreadable.first {
      throw .unreadableFolder(path: path, reason: reason)
    }
    return try result.get()
  }
}

/// The state the workers share, behind one lock.
private struct RunState: Sendable {
  var walker: InputWalker
  var counts: BatchCounts
  var sequence = 0
  var failures: [(path: String, reason: String)] = []
  var incomplete: [(path: String, reason: String)] = []
}

/// The run state shared by reference between the worker threads.
private final class SharedRunState: Sendable {
  let lock: Mutex<RunState>
  init(_ state: RunState) { lock = Mutex(state) }
}

/// A thread that can be waited for; workers block in `waitpid`, so they must not run on
/// Swift's cooperative pool.
private final class WorkerThread {
  private let thread: Thread
  private let done = DispatchSemaphore(value: 0)

  init(_ body: @escaping @Sendable () -> Void) {
    let done = self.done
    thread = Thread {
      body()
      done.signal()
    }
    thread.stackSize = 1 << 20
  }

  func start() { thread.start() }
  func join() { done.wait() }
}
