import Foundation
import PlanModel

/// Writes an output document in one of the `OutputFormat`s. JSON is the document as the
/// schema describes it; NDJSON and CSV flatten its tasks and indicators into records,
/// each carrying the document's id (the source's SHA-256) so that records from many
/// documents can be concatenated.
public struct OutputWriter: Sendable {
  /// Creates a writer.
  public init() {}

  /// The bytes of `document` in `format`.
  public func data(for document: IngestDocument, format: OutputFormat) throws -> Data {
    switch format {
    case .json:
      var data = try PlanJSON.encoder().encode(document)
      data.append(0x0A)
      return data
    case .ndjson:
      return try ndjson(document)
    case .csv:
      return CSVTable(document).data
    }
  }

  private func ndjson(_ document: IngestDocument) throws -> Data {
    let encoder = PlanJSON.encoder(pretty: false)
    var out = Data()
    func append(_ record: some Encodable, type: String) throws {
      let encoded = try encoder.encode(record)
      guard var object = try JSONSerialization.jsonObject(with: encoded) as? [String: Any]
      else { return }
      object["document_id"] = document.source.sha256
      object["source_file"] = document.source.fileName
      object["record_type"] = type
      out.append(
        try JSONSerialization.data(
          withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
      out.append(0x0A)
    }
    for indicator in document.indicators ?? [] { try append(indicator, type: "indicator") }
    for task in document.tasks ?? [] { try append(task, type: "task") }
    return out
  }
}

/// Tasks and indicators of one document as a CSV table (RFC 4180: CRLF line ends,
/// fields with commas, quotes or line breaks quoted), with a UTF-8 byte-order mark.
struct CSVTable {
  static let header = [
    "document_id", "record_type", "id", "appendix", "section_number", "section_title", "number",
    "text", "target_raw", "target_value", "target_unit", "target_comparator", "unit", "lead",
    "cooperating", "output", "deadline_raw", "deadline_kind", "deadline_start", "deadline_end",
    "deadline_note", "page", "confidence",
  ]

  var rows: [[String]] = [header]

  init(_ document: IngestDocument) {
    let id = document.source.sha256
    func agencies(_ list: [Agency]) -> String { list.map(\.name).joined(separator: "; ") }
    func deadline(_ d: Deadline?) -> [String] {
      [d?.raw ?? "", d?.kind.rawValue ?? "", d?.start ?? "", d?.end ?? "", d?.note ?? ""]
    }
    func number(_ value: Double?) -> String {
      guard let value else { return "" }
      return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
    for i in document.indicators ?? [] {
      rows.append(
        [
          id, "indicator", i.id, i.appendix ?? "", i.section?.number ?? "", i.section?.title ?? "",
          i.number ?? "", i.text, i.target?.raw ?? "", number(i.target?.value),
          i.target?.unit ?? "", i.target?.comparator.rawValue ?? "", i.unit ?? "",
          agencies(i.lead), agencies(i.cooperating), "",
        ] + deadline(i.deadline) + [i.page.map(String.init) ?? "", String(i.confidence)])
    }
    for t in document.tasks ?? [] {
      rows.append(
        [
          id, "task", t.id, t.appendix ?? "", t.section?.number ?? "", t.section?.title ?? "",
          t.number ?? "", t.text, "", "", "", "", "", agencies(t.lead), agencies(t.cooperating),
          t.output ?? "",
        ] + deadline(t.deadline) + [t.page.map(String.init) ?? "", String(t.confidence)])
    }
  }

  var data: Data {
    var text = "\u{FEFF}"
    for row in rows {
      text += row.map(Self.field).joined(separator: ",") + "\r\n"
    }
    return Data(text.utf8)
  }

  static func field(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return value
    }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
