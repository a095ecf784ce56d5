import Foundation
import Restoration

/// Paths of the package and the shared folder beside it, and one restorer loaded once.
enum TestSupport {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
  static let shared = URL(fileURLWithPath: packageRoot).deletingLastPathComponent()
    .appendingPathComponent("shared").path

  static let restorer: Restorer = {
    do {
      return try Restorer(dictionaryFolder: packageRoot + "/dictionaries")
    } catch {
      fatalError("cannot load dictionaries: \(error) (run scripts/build-dictionaries)")
    }
  }()

  static func restore(_ text: String, mode: RestorationMode = .auto) -> String {
    restorer.restore(lines: text.components(separatedBy: "\n"), mode: mode).lines.joined(
      separator: "\n")
  }
}

/// 400 arrays of up to 600 keys, each with a prefix length up to its size, handed to `check`:
/// few distinct keys (many duplicates) and many, in random, ascending and descending
/// order, for the search's partial sorts.
func forRandomKeyArrays(_ check: (_ values: [UInt64], _ prefix: Int) -> Void) {
  var generator = SystemRandomNumberGenerator()
  for round in 0..<400 {
    let count = Int.random(in: 0...600, using: &generator)
    let spread = UInt64.random(in: 1...(round % 2 == 0 ? 20 : 1_000_000), using: &generator)
    var values = (0..<count).map { _ in UInt64.random(in: 0..<spread, using: &generator) }
    if round % 5 == 1 { values.sort() }
    if round % 5 == 2 { values.sort(by: >) }
    check(values, Int.random(in: 0...count, using: &generator))
  }
}
