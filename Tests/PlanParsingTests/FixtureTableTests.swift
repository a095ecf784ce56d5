import Foundation
import Testing

/// The born-digital fixtures, extracted and parsed by the built `plan-parse` tool and
/// scored by scripts/eval-parse against gold derived from their specs
/// (scripts/make-parse-gold). The scanned fixtures are measured by
/// `scripts/eval-parse --fixtures` instead: their OCR takes minutes.
@Suite struct FixtureTableTests {
  static var toolBuilt: Bool {
    let root = TestSupport.repositoryRoot.appendingPathComponent(".build")
    return ["debug", "release"].contains {
      FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/plan-parse").path)
    }
  }

  struct Figures: Decodable {
    var kind: String
    var field_accuracy: Double
  }

  @Test(.enabled(if: toolBuilt)) func bornDigitalFixturesMeetTheFloor() throws {
    let run = try TestSupport.runScript("eval-parse", ["--json", "--fixtures-born-digital"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try JSONDecoder().decode([String: Figures].self, from: run.stdout)
    #expect(!report.isEmpty)
    for (name, figures) in report {
      #expect(figures.field_accuracy >= 0.99, "\(name): \(figures.field_accuracy)")
    }
  }
}
