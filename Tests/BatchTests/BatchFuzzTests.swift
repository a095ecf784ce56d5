import Foundation
import GRDB
import Testing

/// Hundreds of damaged PDFs, made here from one small valid PDF by truncation, byte
/// flips, broken cross-reference tables and spliced ranges: the batch must survive them
/// all and account for every one, converted or failed with a reason.
@Suite(.enabled(if: IngestProcess.converterAvailable)) struct BatchFuzzTests {
  let folder = TemporaryFolder()

  @Test func threeHundredMutatedPDFsAreEachConvertedOrReported() throws {
    let original = BatchInputsFactory.pdfPlan(7, pages: 1)
    let bytes = [UInt8](original)
    let xref =
      bytes.count
      - (String(decoding: bytes, as: UTF8.self).components(separatedBy: "xref\n").last!.utf8.count
        + 5)
    var random = SplitMix64(state: 2026)
    let factory = BatchInputsFactory(root: folder.url.appendingPathComponent("in"))
    for index in 0..<300 {
      var mutated = bytes
      switch index % 4 {
      case 0:  // truncation anywhere
        mutated = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
      case 1:  // byte flips
        for _ in 0..<Int.random(in: 1...12, using: &random) {
          mutated[Int.random(in: 0..<mutated.count, using: &random)] ^= UInt8.random(
            in: 1...255, using: &random)
        }
      case 2:  // a broken cross-reference table or startxref
        for _ in 0..<Int.random(in: 1...6, using: &random) {
          let position = Int.random(in: xref..<mutated.count, using: &random)
          if mutated[position] >= 0x30 && mutated[position] <= 0x39 {
            mutated[position] = UInt8(0x30 + Int.random(in: 0...9, using: &random))
          } else {
            mutated[position] = UInt8.random(in: 0x20...0x7e, using: &random)
          }
        }
      default:  // a range cut out or repeated elsewhere
        let start = Int.random(in: 0..<mutated.count, using: &random)
        let end = min(mutated.count, start + Int.random(in: 1...400, using: &random))
        let range = Array(mutated[start..<end])
        if random.next() % 2 == 0 {
          mutated.removeSubrange(start..<end)
        } else {
          mutated.insert(contentsOf: range, at: Int.random(in: 0...mutated.count, using: &random))
        }
      }
      try factory.write("m\(index / 100)/fuzz-\(index).pdf", Data(mutated))
    }
    let out = folder.url.appendingPathComponent("out")
    let run = try IngestProcess.run([
      "batch", folder.url.appendingPathComponent("in").path, "--out", out.path, "--jobs", "2",
      // A damaged text layer sends pages to OCR; at 72 dpi that costs little, and what
      // is under test is surviving the damage, not reading the page.
      "--timeout", "30", "--dpi", "72",
    ])
    #expect(run.status == 0 || run.status == 10, "the batch itself failed: \(run.stderr)")
    let rows = try DatabaseQueue(path: out.appendingPathComponent("catalog.sqlite").path).read {
      db in
      try Row.fetchAll(db, sql: "SELECT path, status, error FROM documents")
    }
    #expect(rows.count == 300)
    let outputs = try BatchInputsFactory.outputs(in: out)
    for row in rows {
      let path: String = row["path"]
      let status: String = row["status"]
      if status == "done" || status == "partial" {
        let data = try #require(outputs[path], "\(path) \(status) but missing")
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil)
        // A partial document says which pages were skipped and why.
        #expect(status == "done" || !((row["error"] as String?) ?? "").isEmpty)
      } else {
        #expect(outputs[path] == nil, "\(path) failed but has an output")
        #expect(!((row["error"] as String?) ?? "").isEmpty, "\(path) failed without a reason")
      }
    }
  }
}
