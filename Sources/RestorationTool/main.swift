import Foundation
import Restoration

// Developer tool behind scripts/build-dictionaries, scripts/eval-restore and
// scripts/bench-restore.
//
//   restoration-tool build REPO_ROOT SHARED_FOLDER   rebuild dictionaries/restoration.bin
//   restoration-tool eval  REPO_ROOT SHARED_FOLDER [--errors]  (--errors: synthetic-set lines
//                                                            missed; the devset is only scored)
//   restoration-tool tune  REPO_ROOT SHARED_FOLDER SETTING VALUE...
//   restoration-tool errors REPO_ROOT SHARED_FOLDER [SET]  synthetic-set lines missed, no devset
//   restoration-tool candidates REPO_ROOT SHARED_FOLDER [--light] WORD...  search, best first
//   restoration-tool lines REPO_ROOT SHARED_FOLDER LINE...  restore the lines as one document
//   restoration-tool bench REPO_ROOT SHARED_FOLDER [--full-only N]  (--full-only: restore the
//                                                            seeds in full mode N times and
//                                                            nothing else, for profiling)
//   restoration-tool dump  REPO_ROOT SHARED_FOLDER   every output and candidate list, for diffing

let arguments = CommandLine.arguments
guard arguments.count >= 4,
  ["build", "eval", "bench", "tune", "dump", "errors", "candidates", "lines"].contains(arguments[1])
else {
  FileHandle.standardError.write(
    Data(
      "usage: restoration-tool build|eval|bench|tune|dump|errors|candidates|lines REPO_ROOT SHARED_FOLDER\n"
        .utf8))
  exit(64)
}
let root = arguments[2]
let shared = arguments[3]

do {
  switch arguments[1] {
  case "build": try ToolCommands.build(root: root, shared: shared)
  case "eval":
    try ToolCommands.evaluate(
      root: root, shared: shared, showErrors: arguments.contains("--errors"))
  case "tune":
    try ToolCommands.tune(
      root: root, shared: shared, name: arguments.count > 4 ? arguments[4] : "",
      values: arguments.dropFirst(5).compactMap(Double.init))
  case "dump": try ToolCommands.dump(root: root, shared: shared)
  case "candidates":
    let restorer = try Restorer(dictionaryFolder: root + "/dictionaries")
    let light = arguments.contains("--light")
    for word in arguments.dropFirst(4) where word != "--light" {
      let found = restorer.searchedCandidates(word.lowercased(), light: light)
      print(word, found.map { "\($0.text) \($0.logProb)" }.joined(separator: ", "))
    }
  case "lines":
    let restorer = try Restorer(dictionaryFolder: root + "/dictionaries")
    let input = arguments.dropFirst(4).map { $0 }
    for l in restorer.restore(lines: input).lines { print(l) }
  case "errors":
    try ToolCommands.syntheticErrors(
      root: root, only: arguments.count > 4 ? arguments[4] : nil)
  default:
    let fullOnly = arguments.firstIndex(of: "--full-only").flatMap {
      $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil
    }
    try ToolCommands.bench(root: root, shared: shared, fullOnly: fullOnly)
  }
} catch {
  FileHandle.standardError.write(Data("restoration-tool: \(error)\n".utf8))
  exit(1)
}
