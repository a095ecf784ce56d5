import Foundation
import Testing

@testable import PlanModel

@Test func lineBoxIsUnionOfWordBoxes() {
  let a = Word(
    text: "Kế", box: BoundingBox(x: 10, y: 20, width: 15, height: 10), confidence: 1,
    origin: .textLayer)
  let b = Word(
    text: "hoạch", box: BoundingBox(x: 30, y: 18, width: 40, height: 14), confidence: 1,
    origin: .textLayer)
  let line = Line(words: [a, b])
  #expect(line.text == "Kế hoạch")
  #expect(line.box == BoundingBox(x: 10, y: 18, width: 60, height: 14))
}

@Test func jsonUsesSnakeCaseAndSortedKeys() throws {
  let source = SourceInfo(
    fileName: "a.pdf", sha256: "00", kind: "pdf", pageCount: 1, textLayerPages: [1],
    ocrPages: [], plainTextPages: [], ocrLanguage: nil)
  let json = String(decoding: try PlanJSON.encoder(pretty: false).encode(source), as: UTF8.self)
  #expect(json.contains("\"file_name\":\"a.pdf\""))
  #expect(json.contains("\"text_layer_pages\":[1]"))
}
