import Foundation
import PlanModel
import PlanParsing

// Development tool for scripts/eval-parse: parses one plain-text plan (pages separated
// by form feeds) and writes the plan as JSON. The `ingest` command is the product; this
// exists so that parsing can be measured on its own.
// Usage: plan-parse FILE.txt [DICTIONARY.tsv]
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: plan-parse FILE.txt [agencies.tsv]\n".utf8))
  exit(64)
}
let input = URL(fileURLWithPath: arguments[1])
guard let data = try? Data(contentsOf: input) else {
  FileHandle.standardError.write(Data("\(input.path): cannot read the file\n".utf8))
  exit(66)
}
let text = String(decoding: data, as: UTF8.self).precomposedStringWithCanonicalMapping
let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated().map {
  index, page in
  PageLayout(
    number: index + 1, width: nil, height: nil, origin: .plainText,
    lines: page.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      Line(
        words: line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
          Word(text: String($0), box: nil, confidence: 1, origin: .plainText)
        })
    })
}
let dictionaryURL =
  arguments.count >= 3
  ? URL(fileURLWithPath: arguments[2])
  : URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("dictionaries/agencies.tsv")
do {
  let parser = PlanParser(agencies: try AgencyDictionary(contentsOf: dictionaryURL))
  let plan = parser.parse(pages)
  FileHandle.standardOutput.write(try PlanJSON.encoder().encode(plan))
  FileHandle.standardOutput.write(Data("\n".utf8))
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(1)
}
