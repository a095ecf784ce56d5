import Foundation
import PlanModel
import Testing

@testable import Pipeline

@Suite struct IngestPipelineTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test func bornDigitalDocumentDescribesItsSourceAndPages() throws {
    let path = Self.root.appendingPathComponent("fixtures/kh-tinh-khanh-hoa.pdf").path
    let result = try IngestPipeline(options: .init(includeLayout: true)).run(path: path)
    let document = result.document
    #expect(document.schemaVersion == SchemaVersion.current)
    #expect(document.source.fileName == "kh-tinh-khanh-hoa.pdf")
    #expect(document.source.kind == "pdf")
    #expect(document.source.sha256.count == 64)
    #expect(result.pageFailures.isEmpty)
    for page in document.pages {
      let width = try #require(page.width)
      let height = try #require(page.height)
      for word in (page.lines ?? []).flatMap(\.words) {
        let box = try #require(word.box)
        #expect(box.x >= 0 && box.maxX <= width && box.y >= 0 && box.maxY <= height)
      }
    }
    // Landscape appendix pages keep their own size.
    #expect(document.pages.last!.width! > document.pages.last!.height!)
  }

  @Test func withoutLayoutPagesCarryTextOnly() throws {
    let path = Self.root.appendingPathComponent("fixtures/kh-tinh-khanh-hoa.pdf").path
    let document = try IngestPipeline().run(path: path).document
    #expect(document.pages.allSatisfy { $0.lines == nil && !$0.text.isEmpty })
    #expect(document.pages[0].text.hasPrefix("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
  }

  @Test func missingFileIsATypedError() {
    #expect(throws: PipelineError.self) {
      try IngestPipeline().run(path: "/nonexistent/plan.pdf")
    }
  }
}
