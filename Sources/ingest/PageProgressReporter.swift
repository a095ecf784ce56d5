import Extraction
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Tells a person waiting on a long conversion how far it is: on a terminal one line
/// redrawn in place as pages finish, elsewhere (with `--progress`) one line a page.
final class PageProgressReporter: Sendable {
  private let file: String
  private let redraw: Bool
  private let enabled: Bool
  private let started = ContinuousClock.now
  private let drawn = Mutex(false)

  /// A reporter for `file`; silent unless standard error is a terminal or `always`.
  init(file: String, always: Bool) {
    self.file = file
    redraw = isatty(STDERR_FILENO) == 1
    enabled = redraw || always
  }

  /// The handler to give the pipeline, or nil when nothing is to be shown.
  var handler: ExtractionProgressHandler? {
    guard enabled else { return nil }
    return { [self] progress in report(progress) }
  }

  private func report(_ progress: ExtractionProgress) {
    let elapsed = (ContinuousClock.now - started).components.seconds
    let kind = progress.ocr ? " (OCR)" : ""
    let text =
      "ingest: \(file): page \(progress.pagesDone)/\(progress.pageCount)\(kind), \(elapsed) s"
    if redraw {
      // Carriage return and erase-line: the line is rewritten, not scrolled.
      FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
      drawn.withLock { $0 = true }
    } else {
      FileHandle.standardError.write(Data("\(text)\n".utf8))
    }
  }

  /// Clears a redrawn line so that the summary or an error starts on a clean line.
  func finish() {
    let wasDrawn = drawn.withLock { value in
      defer { value = false }
      return value
    }
    if wasDrawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
