import Foundation
import PlanModel
import Testing

@testable import Extraction

/// The page scheduler on its own, with stand-in preparation and recognition: which
/// pages come back where, how many bitmaps are held at once, and what runs alongside what.
@Suite struct PageWorkersTests {
  /// A stand-in bitmap that counts how many exist at once.
  final class Bitmap {
    let index: Int
    let log: EventLog
    init(index: Int, log: EventLog) {
      self.index = index
      self.log = log
      log.bitmapMade()
    }
    deinit { log.bitmapFreed() }
  }

  /// What the threads did, behind a lock; `waitFor` lets one thread wait for another's
  /// step without any assumption about timing (it gives up after a generous while).
  final class EventLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [String] = []
    private var live = 0
    private(set) var mostLive = 0

    func record(_ event: String) {
      condition.lock()
      events.append(event)
      condition.broadcast()
      condition.unlock()
    }

    func bitmapMade() {
      condition.lock()
      live += 1
      mostLive = max(mostLive, live)
      condition.unlock()
    }

    func bitmapFreed() {
      condition.lock()
      live -= 1
      condition.unlock()
    }

    /// Waits until `event` is logged; false if it has not come after 10 s.
    func waitFor(_ event: String) -> Bool {
      let deadline = Date().addingTimeInterval(10)
      condition.lock()
      defer { condition.unlock() }
      while !events.contains(event) {
        if !condition.wait(until: deadline) { return false }
      }
      return true
    }

    var all: [String] {
      condition.lock()
      defer { condition.unlock() }
      return events
    }
  }

  static func layout(_ index: Int, _ origin: TextOrigin) -> PageLayout {
    PageLayout(number: index + 1, width: 100, height: 100, origin: origin, lines: [])
  }

  /// Halves where the pages in `textLayer` finish in preparation, page `badRender`
  /// fails there, page `badOCR` fails in recognition, and every other page is
  /// "recognized" by a recognizer that records its engine loads.
  static func halves(
    log: EventLog, textLayer: Set<Int> = [], badRender: Int? = nil, badOCR: Int? = nil,
    recognizeHook: @escaping @Sendable (Int) -> Void = { _ in },
    prepareHook: @escaping @Sendable (Int) -> Void = { _ in }
  ) -> PageWorkers.Halves<Void, Int, Bitmap> {
    PageWorkers.Halves(
      makePreparer: {},
      prepare: { _, index, announceOCR in
        log.record("prepare \(index)")
        if textLayer.contains(index) {
          return .finished(PageOutcome(layout: layout(index, .textLayer)))
        }
        announceOCR()
        prepareHook(index)
        if index == badRender {
          return .finished(
            PageOutcome(
              layout: layout(index, .ocr),
              failure: ExtractionError(
                .pageFailed, file: "f.pdf", page: index + 1, reason: "cannot render")))
        }
        return .recognize(Bitmap(index: index, log: log))
      },
      makeRecognizer: { 0 },
      warmUp: { engine in
        engine = 1
        log.record("engine loaded")
      },
      recognize: { engine, index, bitmap in
        #expect(engine == 1, "recognition before the engine loaded")
        #expect(bitmap.index == index)
        recognizeHook(index)
        log.record("recognized \(index)")
        let failure =
          index == badOCR
          ? ExtractionError(.pageTimeout, file: "f.pdf", page: index + 1, reason: "too slow") : nil
        return PageOutcome(layout: layout(index, .ocr), failure: failure)
      })
  }

  @Test(arguments: [1, 2, 3, 8])
  func everyPageComesBackInOrderWithItsFailure(workers: Int) {
    let log = EventLog()
    let outcomes = PageWorkers.run(
      pageCount: 12, workers: workers,
      Self.halves(log: log, textLayer: [0, 5, 11], badRender: 3, badOCR: 7))
    #expect(outcomes.map(\.layout.number) == Array(1...12))
    #expect(
      outcomes.map(\.layout.origin) == (0..<12).map { [0, 5, 11].contains($0) ? .textLayer : .ocr })
    #expect(
      outcomes.compactMap(\.failure) == [
        ExtractionError(.pageFailed, file: "f.pdf", page: 4, reason: "cannot render"),
        ExtractionError(.pageTimeout, file: "f.pdf", page: 8, reason: "too slow"),
      ])
    // Every page prepared once; every page that reached recognition recognized once.
    let events = log.all
    #expect(Set(events.filter { $0.hasPrefix("prepare") }).count == 12)
    #expect(events.filter { $0.hasPrefix("prepare") }.count == 12)
    #expect(events.filter { $0.hasPrefix("recognized") }.count == 8)
  }

  @Test(arguments: [1, 2, 3])
  func atMostTwoPreparedPagesPerWorkerWait(workers: Int) {
    let log = EventLog()
    // Slow recognition, fast preparation: preparers would run far ahead if unbounded.
    _ = PageWorkers.run(
      pageCount: 20, workers: workers,
      Self.halves(log: log, recognizeHook: { _ in Thread.sleep(forTimeInterval: 0.005) }))
    // Each worker holds the page it reads and at most two more, prepared or in preparation.
    #expect(log.mostLive <= (1 + PageWorkers.lookahead) * workers)
    #expect(log.mostLive >= 1)
  }

  @Test func theNextPageIsPreparedWhileOneIsRecognized() {
    let log = EventLog()
    let overlapped = OverlapFlag()
    _ = PageWorkers.run(
      pageCount: 3, workers: 1,
      Self.halves(
        log: log,
        recognizeHook: { index in
          // With one worker, page 2's preparation must start while page 1 is read.
          if index == 0 { overlapped.set(log.waitFor("prepare 1")) }
        }))
    #expect(overlapped.value)
  }

  @Test func theEngineLoadsWhileTheFirstPageIsPrepared() {
    let log = EventLog()
    let overlapped = OverlapFlag()
    _ = PageWorkers.run(
      pageCount: 2, workers: 1,
      Self.halves(
        log: log,
        prepareHook: { index in
          if index == 0 { overlapped.set(log.waitFor("engine loaded")) }
        }))
    #expect(overlapped.value)
  }

  @Test func enginesLoadOnlyForPagesThatNeedOCR() {
    let none = EventLog()
    _ = PageWorkers.run(pageCount: 4, workers: 2, Self.halves(log: none, textLayer: [0, 1, 2, 3]))
    #expect(!none.all.contains("engine loaded"))

    let one = EventLog()
    _ = PageWorkers.run(pageCount: 4, workers: 3, Self.halves(log: one, textLayer: [0, 1, 3]))
    #expect(one.all.filter { $0 == "engine loaded" }.count == 1)

    let all = EventLog()
    _ = PageWorkers.run(pageCount: 4, workers: 3, Self.halves(log: all))
    #expect(all.all.filter { $0 == "engine loaded" }.count == 3)
  }

  @Test func theCostliestWaitingPageIsRecognizedFirst() {
    // Pages 0–4 prepared at once, with these expected costs: a document's last pages
    // are then read costliest first, so two workers finish close together.
    let costs = [3, 9, 1, 9, 5]
    let board = PreparedPageBoard<Int>(
      count: costs.count, capacity: costs.count, preparers: 1, cost: { costs[$0] })
    for _ in costs.indices { _ = board.takePageToPrepare() }
    for index in costs.indices { board.offer(index, at: index) }
    board.preparerDone()
    var order: [Int] = []
    while let (index, rendering) = board.takePreparedPage() {
      #expect(index == rendering)
      order.append(index)
      board.store(PageOutcome(layout: Self.layout(index, .ocr)), at: index)
    }
    #expect(order == [1, 3, 4, 0, 2])
    #expect(board.results().map(\.layout.number) == [1, 2, 3, 4, 5])
  }

  @Test func pagesOfEqualCostAreRecognizedInDocumentOrder() {
    let log = EventLog()
    _ = PageWorkers.run(pageCount: 6, workers: 1, overlap: true, Self.halves(log: log))
    #expect(log.all.filter { $0.hasPrefix("recognized") } == (0..<6).map { "recognized \($0)" })
  }

  /// A flag set on one thread and read after the run.
  final class OverlapFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = false
    func set(_ value: Bool) { lock.withLock { stored = value } }
    var value: Bool { lock.withLock { stored } }
  }
}
