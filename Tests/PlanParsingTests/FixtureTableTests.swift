import Foundation
import Testing

/// The born-digital fixtures, extracted and parsed by the built `ingest` and scored by
/// scripts/eval-parse against gold derived from their specs (scripts/make-parse-gold).
/// The scanned fixtures are parsed from their stored OCR layouts instead
/// (ScannedFixtureTests): their OCR takes minutes.
@Suite struct FixtureTableTests {
  /// `INGEST` if set, else the debug build that `swift build` leaves next to the tests.
  static var ingest: String {
    ProcessInfo.processInfo.environment["INGEST"]
      ?? TestSupport.repositoryRoot.appendingPathComponent(".build/debug/ingest").path
  }

  static var ingestBuilt: Bool { FileManager.default.isExecutableFile(atPath: ingest) }

  struct Figures: Decodable {
    var kind: String
    var field_accuracy: Double
  }

  @Test(.enabled(if: ingestBuilt)) func bornDigitalFixturesMeetTheFloor() throws {
    let run = try TestSupport.runScript(
      "eval-parse", ["--json", "--ingest", Self.ingest, "--fixtures-born-digital"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try JSONDecoder().decode([String: Figures].self, from: run.stdout)
    // Every spec in fixtures/src has its gold and its born-digital rendering.
    let specs = try FileManager.default.contentsOfDirectory(
      atPath: TestSupport.repositoryRoot.appendingPathComponent("fixtures/src").path
    ).filter { $0.hasSuffix(".json") }
    #expect(report.count == specs.count && report.count >= 3)
    for (name, figures) in report {
      #expect(figures.field_accuracy >= 0.99, "\(name): \(figures.field_accuracy)")
    }
  }
}
