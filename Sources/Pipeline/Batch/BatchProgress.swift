import Foundation
import Synchronization

/// Shows a batch's progress on standard error: on a terminal, one line redrawn in place
/// (a bar, files done/total, pages per second, ETA); in a pipe or CI log, a plain line
/// every few seconds. Failures are printed as they happen in both.
public final class BatchProgress: BatchObserver, Sendable {
  /// How progress is shown.
  public enum Style: Sendable, Hashable {
    /// A bar redrawn in place, for a terminal.
    case bar
    /// A plain line at most every `interval` seconds, for logs.
    case lines(interval: Double)
    /// Nothing but failures.
    case failuresOnly
  }

  private struct State {
    var start = Monotonic.now()
    var lastDraw = 0.0
    var total = 0
    var counts = BatchCounts()
    var barShown = false
  }

  private let style: Style
  private let state = Mutex(State())
  private let write: @Sendable (String) -> Void

  /// Creates a reporter; `write` receives text for standard error.
  public init(
    style: Style, write: @escaping @Sendable (String) -> Void = BatchProgress.standardError
  ) {
    self.style = style
    self.write = write
  }

  /// Writes to standard error, unbuffered.
  public static let standardError: @Sendable (String) -> Void = { text in
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes {
        Glibc.write(2, $0.baseAddress! + offset, $0.count - offset)
      }
      if written <= 0 { return }
      offset += written
    }
  }

  public func batchStarted(total: Int) {
    state.withLock { state in
      state.start = Monotonic.now()
      state.lastDraw = state.start
      state.total = total
      if case .lines = style { write("batch: \(total) file\(total == 1 ? "" : "s") to convert\n") }
    }
  }

  public func documentFinished(_ input: BatchInput, result: DocumentResult, counts: BatchCounts) {
    state.withLock { state in
      state.counts = counts
      let now = Monotonic.now()
      let problem: String? =
        switch result {
        case .failed(let reason): "failed: \(input.sourcePath): \(reason)"
        case .converted(_, let warning?): "incomplete: \(input.sourcePath): \(warning)"
        default: nil
        }
      if let problem {
        write((state.barShown ? "\r\u{1B}[K" : "") + problem + "\n")
        state.barShown = false
      }
      let finished = counts.converted + counts.skipped + counts.failed == state.total
      switch style {
      case .bar:
        if finished || now - state.lastDraw >= 0.1 || !state.barShown {
          state.lastDraw = now
          write("\r\u{1B}[K" + Self.bar(state, now: now) + (finished ? "\n" : ""))
          state.barShown = !finished
        }
      case .lines(let interval):
        if finished || now - state.lastDraw >= interval {
          state.lastDraw = now
          write("batch: " + Self.status(state, now: now) + "\n")
        }
      case .failuresOnly:
        break
      }
    }
  }

  private static func status(_ state: State, now: Double) -> String {
    status(total: state.total, counts: state.counts, elapsed: now - state.start)
  }

  private static func bar(_ state: State, now: Double) -> String {
    let width = 24
    let done = state.counts.converted + state.counts.skipped + state.counts.failed
    let filled = state.total == 0 ? width : width * done / state.total
    return "[" + String(repeating: "#", count: filled)
      + String(repeating: "-", count: width - filled)
      + "] " + status(state, now: now)
  }

  /// "12/30 files, 2 failed, 45.2 pages/s, ETA 0:42".
  static func status(total: Int, counts: BatchCounts, elapsed: Double) -> String {
    let done = counts.converted + counts.skipped + counts.failed
    let elapsed = max(elapsed, 1e-6)
    var parts = ["\(done)/\(total) files"]
    if counts.failed > 0 { parts.append("\(counts.failed) failed") }
    parts.append("\((Double(counts.pages) / elapsed).formatted(decimals: 1)) pages/s")
    // Skipped files take no time, so the rate comes from the files actually converted.
    let worked = counts.converted + counts.failed
    let remaining = total - done
    if remaining > 0 {
      parts.append(
        worked == 0 ? "ETA --" : "ETA " + clock(elapsed / Double(worked) * Double(remaining)))
    }
    return parts.joined(separator: ", ")
  }

  private static func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
    let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
  }
}
