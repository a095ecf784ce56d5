import Foundation
import PlanModel
import PlanParsing
import Testing

/// Seed 000's appendix tables rebuilt from line-sliced OCR text, scored by
/// scripts/eval-parse against the dev set (measuring only). The floors are what the
/// parser reaches on the unrestored text; they guard against regressions.
@Suite(.enabled(if: TestSupport.hasDevset)) struct SeedTableTests {
  struct Figures: Decodable {
    struct Kind: Decodable {
      var row_recall: Double
      var row_precision: Double
      var field_accuracy_folded: Double
    }
    var indicators: Kind
    var tasks: Kind
  }

  @Test func seed000TablesMeetTheFloors() throws {
    let text = try #require(TestSupport.seed("000_"))
    let plan = PlanParser(agencies: TestSupport.dictionary).parse(
      TestSupport.plainTextPages(text))
    let path = try TestSupport.temporaryJSON(plan)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try TestSupport.runScript("eval-parse", ["--json", path])
    #expect(run.status == 0, "\(run.stderr)")
    let figures = try JSONDecoder().decode(Figures.self, from: run.stdout)
    #expect(figures.indicators.row_recall >= 0.95)
    #expect(figures.indicators.row_precision >= 0.95)
    #expect(figures.tasks.row_recall >= 0.92)
    #expect(figures.tasks.row_precision >= 0.95)
    #expect(figures.indicators.field_accuracy_folded >= 0.15)
    #expect(figures.tasks.field_accuracy_folded >= 0.30)
  }

  @Test func plainTextRecordsCarryLowConfidence() throws {
    let text = try #require(TestSupport.seed("000_"))
    let plan = PlanParser(agencies: TestSupport.dictionary).parse(
      TestSupport.plainTextPages(text))
    let table = plan.tasks + []
    #expect(!table.isEmpty)
    #expect(table.allSatisfy { $0.confidence < 0.5 })
    #expect(Set(table.map(\.id)).count == table.count)
  }
}

/// Every parser output validates against schema/plan.schema.json.
@Suite struct ParsedOutputSchemaTests {
  @Test(arguments: ["000_", "002_", "003_"]) func seedOutputIsValid(_ prefix: String) throws {
    guard let text = TestSupport.seed(prefix) else { return }
    let pages = TestSupport.plainTextPages(text)
    let plan = PlanParser(agencies: TestSupport.dictionary).parse(pages)
    let source = SourceInfo(
      fileName: "\(prefix).txt", sha256: String(repeating: "0", count: 64), kind: "text",
      pageCount: pages.count, textLayerPages: [], ocrPages: [],
      plainTextPages: Array(1...pages.count), ocrLanguage: nil)
    let document = IngestDocument(
      source: source, pages: pages.map { PageOutput($0, includeLayout: false) }, plan: plan)
    let path = try TestSupport.temporaryJSON(document)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try TestSupport.runScript("validate-schema", [path])
    #expect(run.status == 0, "\(run.stderr)")
  }
}
