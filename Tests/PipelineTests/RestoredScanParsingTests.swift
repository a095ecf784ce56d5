import Foundation
import PlanModel
import PlanParsing
import Restoration
import Testing

/// Restoration sits between OCR and parsing: on text OCR'd with a Vietnamese model it must
/// only mend what is broken, never cost the parser a field. The scanned fixtures' stored
/// OCR layouts (fixtures/layouts, made by scripts/make-layout-fixtures) are parsed with and
/// without restoration and scored by scripts/eval-parse against their gold.
@Suite struct RestoredScanParsingTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let layouts = root.appendingPathComponent("fixtures/layouts")
  static let names: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: layouts.path)) ?? [])
    .filter { $0.hasSuffix("-scan.layout.json") }
    .map { String($0.dropLast("-scan.layout.json".count)) }.sorted()

  /// The pages of a stored layout (`ingest --layout --no-parse` output).
  struct StoredLayout: Decodable {
    struct Page: Decodable {
      var number: Int
      var origin: TextOrigin
      var width: Double?
      var height: Double?
      var lines: [Line]
    }
    var pages: [Page]
  }

  @Test(arguments: names) func restorationNeverCostsTheParserAField(name: String) throws {
    let data = try Data(contentsOf: Self.layouts.appendingPathComponent("\(name)-scan.layout.json"))
    let pages = try PlanJSON.decoder().decode(StoredLayout.self, from: data).pages.map {
      PageLayout(
        number: $0.number, width: $0.width, height: $0.height, origin: $0.origin, lines: $0.lines)
    }
    let dictionaries = Self.root.appendingPathComponent("dictionaries")
    let parser = PlanParser(
      agencies: try AgencyDictionary(
        contentsOf: dictionaries.appendingPathComponent("agencies.tsv")))
    let restored = try Restorer(dictionaryFolder: dictionaries.path).restore(pages: pages)
    #expect(restored.pageModes.values.allSatisfy { $0 == .light })
    let before = try score(parser.parse(pages), name: name)
    let after = try score(parser.parse(restored.pages), name: name)
    #expect(after >= before, "\(name): \(before) without restoration, \(after) with it")
    #expect(after >= 0.92, "\(name): \(after)")
  }

  private func score(_ plan: Plan, name: String) throws -> Double {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(name)-\(UUID().uuidString).json")
    try PlanJSON.encoder().encode(plan).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let gold = Self.root.appendingPathComponent("fixtures/gold/\(name).tables.json")
    let process = Process()
    process.executableURL = Self.root.appendingPathComponent("scripts/eval-parse")
    process.arguments = ["--json", "--gold", gold.path, file.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let report = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    struct Figures: Decodable { var field_accuracy: Double }
    let figures = try JSONDecoder().decode([String: Figures].self, from: report)
    return try #require(figures[name]).field_accuracy
  }
}
