import Foundation
import PlanModel
import PlanParsing
import Testing

@testable import Restoration

/// Restoration sits between OCR and parsing: on text OCR'd with a Vietnamese model it must
/// only mend what is broken, never cost the parser a field. The scanned fixtures' stored
/// OCR layouts (fixtures/layouts, made by scripts/make-layout-fixtures) are parsed with and
/// without restoration and scored by scripts/eval-parse against their gold.
@Suite struct RestoredScanParsingTests {
  static let root = PipelineTestSupport.root
  static let layouts = root.appendingPathComponent("fixtures/layouts")
  static let names: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: layouts.path)) ?? [])
    .filter { $0.hasSuffix("-scan.layout.json") }
    .map { String($0.dropLast("-scan.layout.json".count)) }.sorted()

  /// The pages of a stored layout (`ingest --layout --no-parse` output).
  struct StoredLayout: Decodable {
    var pages: [PageLayout]
  }

  static func pages(_ name: String) throws -> [PageLayout] {
    let data = try Data(contentsOf: layouts.appendingPathComponent("\(name)-scan.layout.json"))
    return try PlanJSON.decoder().decode(StoredLayout.self, from: data).pages
  }

  /// The rule for OCR made with a Vietnamese model: restoration lowers the
  /// character error rate against the printed text, or leaves it, and never raises it.
  @Test(arguments: names) func restorationNeverRaisesTheCharacterErrorRate(name: String) throws {
    let pages = try Self.pages(name)
    let source = try String(
      contentsOf: Self.root.appendingPathComponent("fixtures/\(name).txt"), encoding: .utf8
    ).split(separator: "\u{0C}", omittingEmptySubsequences: false)
    let restored = try Restorer(
      dictionaryFolder: Self.root.appendingPathComponent("dictionaries").path
    ).restore(pages: pages)
    var before = 0
    var after = 0
    for (page, fixed) in zip(pages, restored.pages) {
      let printed = String(source[page.number - 1])
      before += editDistance(page.text, printed)
      after += editDistance(fixed.text, printed)
    }
    #expect(
      after <= before, "\(name): \(before) character errors before restoration, \(after) after")
  }

  /// Character edit distance between two texts after folding runs of white space.
  private func editDistance(_ a: String, _ b: String) -> Int {
    func squeezed(_ text: String) -> [Character] {
      Array(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }
    return RestorationScore.editDistance(squeezed(a), squeezed(b))
  }

  @Test(arguments: names) func restorationNeverCostsTheParserAField(name: String) throws {
    let pages = try Self.pages(name)
    let dictionaries = Self.root.appendingPathComponent("dictionaries")
    let parser = PlanParser(
      agencies: try AgencyDictionary(
        contentsOf: dictionaries.appendingPathComponent("agencies.tsv")))
    let restored = try Restorer(dictionaryFolder: dictionaries.path).restore(pages: pages)
    #expect(restored.pageModes.values.allSatisfy { $0 == .light })
    let before = try score(parser.parse(pages), name: name)
    let after = try score(parser.parse(restored.pages), name: name)
    #expect(after >= before, "\(name): \(before) without restoration, \(after) with it")
    #expect(after >= 0.95, "\(name): \(after)")
  }

  private func score(_ plan: Plan, name: String) throws -> Double {
    let gold = Self.root.appendingPathComponent("fixtures/gold/\(name).tables.json")
    let report = try PipelineTestSupport.evalParse(plan, arguments: ["--gold", gold.path])
    struct Figures: Decodable { var fieldAccuracy: Double }
    let figures = try PlanJSON.decoder().decode([String: Figures].self, from: report)
    return try #require(figures[name]).fieldAccuracy
  }

}
