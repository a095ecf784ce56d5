import Foundation

/// Where a document's preparers and recognizers meet, behind one lock: the next page to
/// prepare, the prepared pages waiting for a recognizer, and every page's outcome.
///
/// A rendering (a bitmap owned by its preparer until offered) is handed over whole: once
/// offered, only the recognizer that takes it touches it, which is why this class may
/// carry values that are not `Sendable` themselves.
final class PreparedPageBoard<Rendering>: @unchecked Sendable {
  private let condition = NSCondition()
  private var next = 0
  /// Pages taken for preparation that no recognizer has taken yet (being prepared, or
  /// waiting): bounded by `capacity`, which bounds the bitmaps held in memory.
  private var inFlight = 0
  private let capacity: Int
  private var preparersLeft: Int
  /// Pages known to need OCR so far.
  private var announced = 0
  private var ready: [(index: Int, rendering: Rendering, cost: Int)] = []
  private var slots: [PageOutcome?]
  private var done = 0
  private let progress: ExtractionProgressHandler?
  /// The expected cost of recognizing a prepared page; the costliest waiting page goes first.
  private let cost: (Rendering) -> Int

  init(
    count: Int, capacity: Int, preparers: Int, cost: @escaping (Rendering) -> Int = { _ in 0 },
    progress: ExtractionProgressHandler? = nil
  ) {
    slots = Array(repeating: nil, count: count)
    self.capacity = max(1, capacity)
    preparersLeft = preparers
    self.cost = cost
    self.progress = progress
  }

  /// Records a finished page and reports it, under the lock so that reports come one at
  /// a time with a count that only grows.
  private func record(_ outcome: PageOutcome, at index: Int) {
    slots[index] = outcome
    done += 1
    progress?(
      ExtractionProgress(
        pagesDone: done, pageCount: slots.count, page: index + 1,
        ocr: outcome.layout.origin == .ocr && outcome.failure == nil))
  }

  /// The next page to prepare, once there is room for another prepared page; nil when
  /// every page has been taken.
  func takePageToPrepare() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while inFlight >= capacity && next < slots.count { condition.wait() }
    guard next < slots.count else { return nil }
    defer { next += 1 }
    inFlight += 1
    return next
  }

  /// Says that one more page will need recognition.
  func announceOCR() {
    condition.lock()
    announced += 1
    condition.broadcast()
    condition.unlock()
  }

  /// A page its preparer finished: without recognition, or (a worker doing both halves
  /// in turn) after recognizing it itself.
  func finish(_ outcome: PageOutcome, at index: Int) {
    condition.lock()
    record(outcome, at: index)
    inFlight -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// A prepared page, handed to whichever recognizer is free first.
  func offer(_ rendering: Rendering, at index: Int) {
    condition.lock()
    ready.append((index, rendering, cost(rendering)))
    condition.broadcast()
    condition.unlock()
  }

  /// Marks the end of one preparer: when all have ended, waiting recognizers stop.
  func preparerDone() {
    condition.lock()
    preparersLeft -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Waits until at least `pages` pages are known to need OCR (true), or until all are
  /// prepared with fewer (false).
  func waitForOCR(atLeast pages: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while announced < pages && preparersLeft > 0 { condition.wait() }
    return announced >= pages
  }

  /// The waiting prepared page expected to cost the most (the first in the document
  /// among equals), when one is ready; nil when none is left and none will come.
  func takePreparedPage() -> (Int, Rendering)? {
    condition.lock()
    defer { condition.unlock() }
    while ready.isEmpty && preparersLeft > 0 { condition.wait() }
    let first = ready.indices.min { a, b in
      (-ready[a].cost, ready[a].index) < (-ready[b].cost, ready[b].index)
    }
    guard let first else { return nil }
    let taken = ready.remove(at: first)
    inFlight -= 1
    condition.broadcast()
    return (taken.index, taken.rendering)
  }

  /// A page a recognizer finished.
  func store(_ outcome: PageOutcome, at index: Int) {
    condition.lock()
    record(outcome, at: index)
    condition.unlock()
  }

  /// Every page's outcome, in page order; call once all threads have ended.
  func results() -> [PageOutcome] {
    condition.lock()
    defer { condition.unlock() }
    return slots.map { $0! }
  }
}
