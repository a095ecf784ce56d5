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
