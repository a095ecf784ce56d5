import Foundation
import PlanModel
import Testing

/// A document with every plan field filled, as parsing would produce it.
func samplePlanDocument() -> IngestDocument {
  let source = SourceInfo(
    fileName: "kh.pdf", sha256: String(repeating: "ab", count: 32), kind: "pdf", pageCount: 2,
    textLayerPages: [1], ocrPages: [2], plainTextPages: [], ocrLanguage: "vie")
  let word = Word(
    text: "Kế", box: BoundingBox(x: 1, y: 2, width: 3, height: 4), confidence: 0.9,
    origin: .ocr, correction: Correction(original: "Ke", confidence: 0.8))
  let page = PageOutput(number: 1, origin: .ocr, text: "Kế", lines: [Line(words: [word])])
  let metadata = PlanMetadata(
    issuer: "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", number: "12535/KH-UBND", type: "Kế hoạch",
    title: "Chuyển đổi số tỉnh Phú Thọ năm 2026", place: "Phú Thọ", date: "2025-12-30",
    legalBases: [
      LegalBasis(
        kind: "Quyết định", number: "2629/QĐ-TTg", date: "2025-12-01",
        issuer: "Thủ tướng Chính phủ", text: "Quyết định số 2629/QĐ-TTg ngày 01/12/2025")
    ],
    signer: Signer(name: "Nguyễn Huy Ngọc", title: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),
    recipients: ["Bộ Khoa học và Công nghệ (b/c)"],
    appendices: [
      Appendix(
        label: "Phụ lục 01", key: "1", title: "CÁC CHỈ TIÊU", subtitle: nil, page: 2)
    ])
  let lead = [Agency(name: "Văn phòng UBND tỉnh", raw: "VP UBND tỉnh")]
  let plan = Plan(
    document: metadata,
    sections: [
      Section(
        number: "I", heading: "MỤC TIÊU", level: 1, text: "", page: 1,
        children: [Section(number: "1", heading: "Mục tiêu chung", level: 2, text: "…")])
    ],
    indicators: [
      Indicator(
        id: "PL1-I-1", appendix: "Phụ lục 01", section: SectionRef(number: "I", title: "X"),
        number: "1", text: "Tỷ lệ … đạt tối thiểu 90%.",
        target: Target(raw: "tối thiểu 90%", value: 90, unit: "%", comparator: .atLeast),
        lead: lead, page: 2, confidence: 0.5)
    ],
    tasks: [
      PlanTask(
        id: "PL2-I-1", appendix: "Phụ lục 02", section: nil, number: "1", text: "Nhiệm vụ",
        lead: lead, cooperating: [], output: "Báo cáo",
        deadline: Deadline(
          raw: "Quý III/2026", kind: .quarter, start: "2026-07-01", end: "2026-09-30"),
        page: 2, confidence: 0.9)
    ])
  return IngestDocument(source: source, pages: [page], plan: plan)
}

@Suite struct PlanSchemaTests {
  @Test func fullDocumentIsValid() throws {
    let result = try SchemaValidator.validate(samplePlanDocument())
    #expect(result.valid, "\(result.messages)")
  }

  @Test func documentWithoutPlanIsValid() throws {
    var document = samplePlanDocument()
    document.plan = nil
    let result = try SchemaValidator.validate(document)
    #expect(result.valid, "\(result.messages)")
  }

  @Test func planFieldsUseTheContractNames() throws {
    let data = try PlanJSON.encoder().encode(samplePlanDocument())
    let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(json.keys).isSuperset(of: ["document", "sections", "indicators", "tasks"]))
    let document = try #require(json["document"] as? [String: Any])
    #expect(document["legal_bases"] != nil)
    let task = try #require((json["tasks"] as? [[String: Any]])?.first)
    let deadline = try #require(task["deadline"] as? [String: Any])
    #expect(deadline["kind"] as? String == "quarter")
    let indicator = try #require((json["indicators"] as? [[String: Any]])?.first)
    let target = try #require(indicator["target"] as? [String: Any])
    #expect(target["comparator"] as? String == ">=")
  }

  @Test func roundTripKeepsThePlan() throws {
    let document = samplePlanDocument()
    let data = try PlanJSON.encoder().encode(document)
    let decoded = try PlanJSON.decoder().decode(IngestDocument.self, from: data)
    #expect(decoded == document)
  }

  @Test func invalidDocumentsAreRejected() throws {
    let data = try PlanJSON.encoder().encode(samplePlanDocument())
    var json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    var tasks = try #require(json["tasks"] as? [[String: Any]])
    tasks[0]["deadline"] = ["raw": "Quý III/2026", "kind": "soon"]
    json["tasks"] = tasks
    let bad = try JSONSerialization.data(withJSONObject: json)
    #expect(try !SchemaValidator.validate(bad).valid)

    json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    var document = try #require(json["document"] as? [String: Any])
    document["date"] = "30/12/2025"
    json["document"] = document
    #expect(try !SchemaValidator.validate(JSONSerialization.data(withJSONObject: json)).valid)
  }
}
