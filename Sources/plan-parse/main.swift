import Extraction
import Foundation
import PlanModel
import PlanParsing

// Development tool for scripts/eval-parse: extracts one document (PDF, image or .txt,
// through the extraction stage) and writes the parsed plan as JSON. The `ingest` command
// is the product; this exists so that parsing can be measured on its own until the
// pipeline runs it.
// Usage: plan-parse FILE [DICTIONARY.tsv]
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: plan-parse FILE [agencies.tsv]\n".utf8))
  exit(64)
}
let dictionaryURL =
  arguments.count >= 3
  ? URL(fileURLWithPath: arguments[2])
  : URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("dictionaries/agencies.tsv")
do {
  let extracted = try Extractor(options: .init(jobs: 2)).extract(path: arguments[1])
  let parser = PlanParser(agencies: try AgencyDictionary(contentsOf: dictionaryURL))
  let plan = parser.parse(extracted.pages)
  FileHandle.standardOutput.write(try PlanJSON.encoder().encode(plan))
  FileHandle.standardOutput.write(Data("\n".utf8))
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(1)
}
