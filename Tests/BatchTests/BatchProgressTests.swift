import Synchronization
import Testing

@testable import Pipeline

/// What a person watching a batch sees.
@Suite struct BatchProgressTests {
  /// Collects what the reporter writes.
  final class Sink: Sendable {
    let text = Mutex("")
    var write: @Sendable (String) -> Void { { chunk in self.text.withLock { $0 += chunk } } }
  }

  func counts(converted: Int, skipped: Int = 0, failed: Int = 0, pages: Int) -> BatchCounts {
    var counts = BatchCounts()
    counts.total = 30
    counts.converted = converted
    counts.skipped = skipped
    counts.failed = failed
    counts.pages = pages
    return counts
  }

  @Test func theStatusLineGivesFilesFailuresRateAndETA() {
    let line = BatchProgress.status(
      total: 30, counts: counts(converted: 8, skipped: 2, failed: 2, pages: 45), elapsed: 10)
    // 10 files worked in 10 s: the 18 left take 18 s; skipped files do not count.
    #expect(line == "12/30 files, 2 failed, 4.5 pages/s, ETA 0:18")
  }

  @Test func theETAIsUnknownUntilAFileIsConverted() {
    let line = BatchProgress.status(
      total: 30, counts: counts(converted: 0, skipped: 5, pages: 0), elapsed: 1)
    #expect(line == "5/30 files, 0.0 pages/s, ETA --")
  }

  @Test func aTerminalGetsOneLineRedrawnInPlaceAndFailuresAboveIt() {
    let sink = Sink()
    let progress = BatchProgress(style: .bar, write: sink.write)
    progress.batchStarted(total: 2)
    let input = BatchInput(sourcePath: "plans/a.pdf", outputPath: "a.json")
    progress.documentFinished(
      input, result: .failed(reason: "not a PDF"), counts: counts(converted: 0, failed: 1, pages: 0)
    )
    var last = counts(converted: 1, failed: 1, pages: 3)
    last.total = 2
    progress.documentFinished(input, result: .converted(pages: 3, warning: nil), counts: last)
    let text = sink.text.withLock { $0 }
    #expect(text.hasPrefix("failed: plans/a.pdf: not a PDF\n"))
    #expect(text.contains("\r\u{1B}[K[########################] 2/2 files, 1 failed"))
    #expect(text.hasSuffix("\n"))
  }

  @Test func aLogGetsPlainLinesWithoutControlCharacters() {
    let sink = Sink()
    let progress = BatchProgress(style: .lines(interval: 0), write: sink.write)
    progress.batchStarted(total: 30)
    progress.documentFinished(
      BatchInput(sourcePath: "a.txt", outputPath: "a.json"),
      result: .converted(pages: 2, warning: nil),
      counts: counts(converted: 1, pages: 2))
    let lines = sink.text.withLock { $0 }.split(separator: "\n")
    #expect(lines.first == "batch: 30 files to convert")
    #expect(lines.last?.hasPrefix("batch: 1/30 files, ") == true)
    #expect(!sink.text.withLock { $0 }.contains("\u{1B}"))
  }
}
