import Foundation
import Restoration

/// Everything the restorer produces on the evaluation inputs, written as text so that two
/// builds can be compared byte for byte: a change meant to make restoration faster must
/// leave this output unchanged.
extension ToolCommands {
  static func dump(root: String, shared: String) throws {
    let restorer = try Restorer(dictionaryFolder: root + "/dictionaries")
    var documents: [(name: String, lines: [String])] = []
    for seed in try FileManager.default.contentsOfDirectory(atPath: shared + "/seeds").sorted()
    where seed.hasSuffix(".txt") {
      let text = try String(contentsOfFile: shared + "/seeds/" + seed, encoding: .utf8)
      documents.append(
        (
          seed,
          text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).precomposedStringWithCanonicalMapping
          }
        ))
    }
    for model in ["eng", "vie"] {
      let tsv = root + "/fixtures/restoration/synthetic-\(model).tsv"
      let rows = try String(contentsOfFile: tsv, encoding: .utf8).split(separator: "\n")
        .dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
      documents.append(
        (
          "synthetic-\(model)",
          rows.filter { $0.count == 2 }.map { String($0[0]).precomposedStringWithCanonicalMapping }
        ))
    }
    documents.append(("clean", try RestorationEvaluation.heldOutLines(root: root, shared: shared)))
    var words = Set<String>()
    for (name, lines) in documents {
      for mode in RestorationMode.allCases {
        let restored = restorer.restore(lines: lines, mode: mode)
        print("== \(name) \(mode.rawValue)")
        for (line, m) in zip(restored.lines, restored.lineModes) { print("\(m.rawValue)\t\(line)") }
        for c in restored.changes {
          print("change \(c.line) \(c.original) → \(c.replacement) \(c.confidence)")
        }
      }
      for line in lines {
        for word in line.split(whereSeparator: \.isWhitespace) { words.insert(word.lowercased()) }
      }
    }
    for word in words.sorted() {
      for light in [false, true] {
        let found = restorer.searchedCandidates(word, light: light)
        print(
          "cand \(light ? "L" : "F") \(word): "
            + found.map { "\($0.text) \($0.logProb)" }.joined(separator: ", "))
      }
    }
  }
}
