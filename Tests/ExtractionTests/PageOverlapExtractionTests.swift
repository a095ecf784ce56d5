import Foundation
import PlanModel
import Synchronization
import Testing

@testable import Extraction

/// A real PDF through the whole extraction, pages rendered ahead of recognition: text
/// layer and OCR pages interleaved, and a page that cannot be rendered in the middle.
@Suite struct PageOverlapExtractionTests {
  static let document = TestPDF(pages: [
    .text("Ke hoach phat trien kinh te xa hoi nam 2026"),
    .junkLayer("TRANG HAI"),
    .oversized,
    .junkLayer("TRANG BON"),
    .text("Noi nhan: nhu tren"),
  ])

  @Test(arguments: [1, 2, 3])
  func pagesKeepTheirOrderAndABadPageNamesFilePageAndReason(jobs: Int) throws {
    let path = try Self.document.write(name: "mixed.pdf")
    let extracted = try Extractor(options: .init(ocrLanguage: "vie", dpi: 150, jobs: jobs))
      .extract(path: path)
    #expect(extracted.pages.map(\.number) == [1, 2, 3, 4, 5])
    #expect(extracted.source.textLayerPages == [1, 5])
    #expect(extracted.source.ocrPages == [2, 4])
    #expect(extracted.pages[0].text.contains("phat trien kinh te"))
    #expect(extracted.pages[1].text.contains("HAI"), "page 2 read \(extracted.pages[1].text)")
    #expect(extracted.pages[3].text.contains("BON"), "page 4 read \(extracted.pages[3].text)")
    #expect(extracted.pages[4].text.contains("Noi nhan"))
    #expect(
      extracted.failures == [
        ExtractionError(
          .pageFailed, file: path, page: 3, reason: "cannot render the page for OCR")
      ])
    #expect(extracted.pages[2].lines.isEmpty)
  }

  @Test func oneAndTwoJobsGiveTheSameLayout() throws {
    let path = try Self.document.write(name: "same.pdf")
    let one = try Extractor(options: .init(ocrLanguage: "vie", dpi: 150, jobs: 1)).extract(
      path: path)
    let two = try Extractor(options: .init(ocrLanguage: "vie", dpi: 150, jobs: 2)).extract(
      path: path)
    #expect(one.pages == two.pages)
    #expect(one.failures == two.failures)
  }

  @Test(arguments: [1, 2])
  func withoutOverlapTheLayoutAndFailuresAreTheSame(jobs: Int) throws {
    let path = try Self.document.write(name: "no-overlap-\(jobs).pdf")
    let options = Extractor.Options(ocrLanguage: "vie", dpi: 150, jobs: jobs)
    var inTurn = options
    inTurn.pageOverlap = false
    let overlapped = try Extractor(options: options).extract(path: path)
    let sequential = try Extractor(options: inTurn).extract(path: path)
    #expect(sequential.pages == overlapped.pages)
    #expect(sequential.failures == overlapped.failures)
    #expect(sequential.source == overlapped.source)
  }

  @Test(arguments: [1, 2])
  func progressHearsOfEveryPageOnceWithACountThatOnlyGrows(jobs: Int) throws {
    let path = try Self.document.write(name: "progress-\(jobs).pdf")
    let heard = Mutex<[ExtractionProgress]>([])
    _ = try Extractor(options: .init(ocrLanguage: "vie", dpi: 150, jobs: jobs)).extract(
      path: path
    ) { progress in heard.withLock { $0.append(progress) } }
    let reports = heard.withLock { $0 }
    #expect(reports.map(\.pagesDone) == [1, 2, 3, 4, 5])
    #expect(reports.allSatisfy { $0.pageCount == 5 })
    #expect(Set(reports.map(\.page)) == [1, 2, 3, 4, 5])
    // OCR'd pages say so; the page that could not be rendered was not OCR'd.
    #expect(Set(reports.filter(\.ocr).map(\.page)) == [2, 4])
  }
}
