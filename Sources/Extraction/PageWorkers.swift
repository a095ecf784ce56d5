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

/// What preparing a page gave: a page already finished (a text layer, or a failure
/// before OCR), or a prepared bitmap waiting for recognition.
enum PreparedPage<Rendering> {
  case finished(PageOutcome)
  case recognize(Rendering)
}

/// Runs the pages of one document as two overlapping halves. Preparers (as many as
/// workers, each with its own Poppler document) take pages in order and do everything
/// before recognition: text-layer pages they finish themselves, pages to OCR they render
/// and clean. Recognizers (as many as workers, each with its own Tesseract engine) take
/// the prepared pages and OCR them. So while a recognizer reads page n, page n + 1 is
/// already being rendered, and the engines load while the first page renders: rendering
/// and preparation leave the critical path, which recognition alone then sets.
///
/// A free recognizer takes the waiting page expected to cost the most (`expectedCost`),
/// so a document ends on its cheapest pages: the last pages run side by side and finish
/// close together instead of one worker reading a long page alone while the other idles.
/// Preparers therefore run up to two pages per worker ahead, the window the choice is
/// made in.
///
/// Memory stays bounded: a preparer takes a page only while fewer than two pages per
/// worker wait or are in preparation, beside each page being recognized. Results are
/// stored by page index, so output does not depend on which thread read which page or
/// in what order.
enum PageWorkers {
  /// The work of one document, split in the two halves. Each state is made on its own
  /// thread and never leaves it; a rendering moves from its preparer to one recognizer.
  struct Halves<Preparer, Recognizer, Rendering>: Sendable {
    /// Makes a preparer's state (e.g. its Poppler document).
    var makePreparer: @Sendable () -> Preparer
    /// Prepares page `index` (from 0); calls `announceOCR` as soon as it knows the page
    /// will need recognition, before the costly rendering, so an engine can load meanwhile.
    var prepare:
      @Sendable (inout Preparer, Int, _ announceOCR: () -> Void) -> PreparedPage<Rendering>
    /// Makes a recognizer's state (e.g. its yet unloaded OCR engine).
    var makeRecognizer: @Sendable () -> Recognizer
    /// Gets a recognizer ready (loads its engine) ahead of its first page.
    var warmUp: @Sendable (inout Recognizer) -> Void
    /// Recognizes one prepared page (index from 0).
    var recognize: @Sendable (inout Recognizer, Int, Rendering) -> PageOutcome
    /// How long recognizing a prepared page is expected to take, in any unit that grows
    /// with the time: of the prepared pages waiting, the costliest is recognized first.
    var expectedCost: @Sendable (Rendering) -> Int = { _ in 0 }
  }

  /// Pages per worker that may wait prepared or be in preparation.
  static let lookahead = 2

  static func run<Preparer, Recognizer, Rendering>(
    pageCount: Int, workers: Int, overlap: Bool = true,
    progress: ExtractionProgressHandler? = nil,
    _ halves: Halves<Preparer, Recognizer, Rendering>
  ) -> [PageOutcome] {
    let threads = max(1, min(workers, pageCount))
    let board = PreparedPageBoard<Rendering>(
      count: pageCount, capacity: lookahead * threads, preparers: threads,
      cost: halves.expectedCost, progress: progress)
    guard overlap else {
      runOnThreads(
        (0..<threads).map { _ in { inTurn(board, halves) } })
      return board.results()
    }
    var bodies: [@Sendable () -> Void] = []
    for _ in 0..<threads {
      bodies.append {
        var state = halves.makePreparer()
        while let index = board.takePageToPrepare() {
          let prepared = halves.prepare(&state, index) { board.announceOCR() }
          switch prepared {
          case .finished(let outcome): board.finish(outcome, at: index)
          case .recognize(let rendering): board.offer(rendering, at: index)
          }
        }
        board.preparerDone()
      }
    }
    for rank in 0..<threads {
      bodies.append {
        var state = halves.makeRecognizer()
        // Engine k loads only once k + 1 pages are known to need OCR: a born-digital
        // document loads none, a document with one scanned page loads one.
        guard board.waitForOCR(atLeast: rank + 1) else { return }
        halves.warmUp(&state)
        while let (index, rendering) = board.takePreparedPage() {
          board.store(halves.recognize(&state, index, rendering), at: index)
        }
      }
    }
    runOnThreads(bodies)
    return board.results()
  }

  /// One worker doing both halves in turn, on one thread: it prepares a page, then
  /// recognizes it, then takes the next. Its engine loads before its first recognition.
  private static func inTurn<Preparer, Recognizer, Rendering>(
    _ board: PreparedPageBoard<Rendering>, _ halves: Halves<Preparer, Recognizer, Rendering>
  ) {
    var preparer = halves.makePreparer()
    var recognizer = halves.makeRecognizer()
    var warm = false
    while let index = board.takePageToPrepare() {
      switch halves.prepare(&preparer, index, {}) {
      case .finished(let outcome):
        board.finish(outcome, at: index)
      case .recognize(let rendering):
        if !warm {
          halves.warmUp(&recognizer)
          warm = true
        }
        board.finish(halves.recognize(&recognizer, index, rendering), at: index)
      }
    }
    board.preparerDone()
  }

  /// Runs each body on a thread of its own and returns when all have ended. These are
  /// real threads, not a dispatch queue's: preparers and recognizers wait on each other,
  /// so all must run at once whatever the number of cores.
  private static func runOnThreads(_ bodies: [@Sendable () -> Void]) {
    let group = DispatchGroup()
    for body in bodies {
      group.enter()
      let thread = Thread {
        body()
        group.leave()
      }
      // Tesseract recurses deeply on dense pages; give it the main thread's usual stack.
      thread.stackSize = 8 << 20
      thread.start()
    }
    group.wait()
  }
}
