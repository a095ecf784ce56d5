import Foundation
import Pipeline
import PlanModel
import Testing

@Suite struct OutputWriterTests {
  func document() -> IngestDocument {
    let source = SourceInfo(
      fileName: "kh.txt", sha256: String(repeating: "c", count: 64), kind: "text", pageCount: 1,
      textLayerPages: [], ocrPages: [], plainTextPages: [1], ocrLanguage: nil)
    let lead = [Agency(name: "Văn phòng UBND tỉnh", raw: "VP UBND tỉnh")]
    let plan = Plan(
      document: PlanMetadata(number: "1/KH-UBND"),
      indicators: [
        Indicator(
          id: "PL1-I-1", appendix: "Phụ lục 01", section: SectionRef(number: "I", title: "Số"),
          number: "1", text: "Tỷ lệ \"A\", đạt tối thiểu 90%",
          target: Target(raw: "tối thiểu 90%", value: 90, unit: "%", comparator: .atLeast),
          lead: lead, page: 1, confidence: 0.35)
      ],
      tasks: [
        PlanTask(
          id: "PL2-I-1", appendix: "Phụ lục 02", section: nil, number: "1",
          text: "Nhiệm vụ\nhai dòng", lead: lead,
          cooperating: [
            Agency(name: "Các Sở, ban, ngành", raw: "Các Sở, ban, ngành"),
            Agency(name: "UBND cấp xã", raw: "UBND cấp xã"),
          ], output: "Báo cáo",
          deadline: Deadline(
            raw: "Quý III/2026", kind: .quarter, start: "2026-07-01", end: "2026-09-30"),
          page: 1, confidence: 0.95)
      ])
    return IngestDocument(source: source, pages: [], plan: plan)
  }

  @Test func jsonIsTheDocument() throws {
    let data = try OutputWriter().data(for: document(), format: .json)
    let decoded = try PlanJSON.decoder().decode(IngestDocument.self, from: data)
    #expect(decoded == document())
  }

  @Test func ndjsonHasOneRecordPerLineWithTheDocumentId() throws {
    let data = try OutputWriter().data(for: document(), format: .ndjson)
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 2)
    let records = try lines.map {
      try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(
      records.allSatisfy { $0["document_id"] as? String == String(repeating: "c", count: 64) })
    #expect(records.map { $0["record_type"] as? String } == ["indicator", "task"])
    #expect((records[1]["deadline"] as? [String: Any])?["kind"] as? String == "quarter")
    #expect((records[0]["target"] as? [String: Any])?["comparator"] as? String == ">=")
  }

  @Test func csvStartsWithABomAndQuotesFields() throws {
    let data = try OutputWriter().data(for: document(), format: .csv)
    #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(rows.first?.hasPrefix("document_id,record_type,id,") == true)
    #expect(text.contains("\"Tỷ lệ \"\"A\"\", đạt tối thiểu 90%\""))
    #expect(text.contains("\"Nhiệm vụ\nhai dòng\""))
    #expect(text.contains("\"Các Sở, ban, ngành; UBND cấp xã\""))
    #expect(text.contains(",quarter,2026-07-01,2026-09-30,"))
    #expect(text.contains(",tối thiểu 90%,90,%,>=,"))
  }
}
