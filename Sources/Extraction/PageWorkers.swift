import Dispatch
import Foundation
import PlanModel

/// What became of one page: its layout, or why it was skipped.
struct PageOutcome: Sendable {
  var layout: PageLayout
  var failure: ExtractionError?
  /// Seconds spent rendering the page for OCR.
  var renderSeconds = 0.0
  /// Seconds spent inside Tesseract's recognition of the page.
  var tesseractSeconds = 0.0
}

/// Runs the pages of one document on up to `workers` threads. Each thread builds its
/// own worker state once (a Poppler document, a Tesseract handle) and then takes pages
/// from a shared counter until none are left, so a slow page never idles the others.
enum PageWorkers {
  static func run<State>(
    pageCount: Int, workers: Int,
    makeState: @Sendable () -> State,
    page: @Sendable (inout State, Int) -> PageOutcome
  ) -> [PageOutcome] {
    let board = Board(count: pageCount)
    let threads = max(1, min(workers, pageCount))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      var state = makeState()
      while let index = board.take() {
        board.store(page(&state, index), at: index)
      }
    }
    return board.results()
  }

  /// The shared counter and result slots, behind one lock.
  private final class Board: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [PageOutcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func take() -> Int? {
      lock.withLock {
        guard next < slots.count else { return nil }
        defer { next += 1 }
        return next
      }
    }

    func store(_ outcome: PageOutcome, at index: Int) {
      lock.withLock { slots[index] = outcome }
    }

    func results() -> [PageOutcome] { lock.withLock { slots.map { $0! } } }
  }
}
