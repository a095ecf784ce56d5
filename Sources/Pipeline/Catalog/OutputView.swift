import PlanModel

/// What the catalog reads back from a converted document's JSON: the source part, which
/// every output has, and the parsed plan (`document`, `indicators`, `tasks`), read by the
/// field names of the output contract (`schema/plan.schema.json`).
///
/// Decoded leniently on purpose: the catalog is a secondary index, so a field it cannot
/// read becomes NULL in its table rather than a failed document; the JSON file stays the
/// authority.
struct OutputView: Decodable {
  var schemaVersion: String
  var source: SourceInfo
  var document: PlanMetadataView?
  var indicators: [IndicatorView]?
  var tasks: [TaskView]?

  private enum CodingKeys: String, CodingKey {
    case schemaVersion, source, document, indicators, tasks
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try container.decode(String.self, forKey: .schemaVersion)
    source = try container.decode(SourceInfo.self, forKey: .source)
    document = try? container.decodeIfPresent(PlanMetadataView.self, forKey: .document)
    indicators = try? container.decodeIfPresent([IndicatorView].self, forKey: .indicators)
    tasks = try? container.decodeIfPresent([TaskView].self, forKey: .tasks)
  }
}

/// The plan's identity: who issued it, its number, title, place and date.
struct PlanMetadataView: Decodable {
  var issuer: FlexibleText?
  var number: FlexibleText?
  var type: FlexibleText?
  var title: FlexibleText?
  var place: FlexibleText?
  var date: FlexibleText?
}

/// A section reference of an indicator or task.
struct SectionView: Decodable {
  var number: FlexibleText?
  var title: FlexibleText?
}

/// An agency as the contract writes it: canonical name and the name as printed.
struct AgencyView: Decodable {
  var name: String
  var raw: String?
}

/// A deadline: as printed, its kind, and its span as ISO dates.
struct DeadlineView: Decodable {
  var raw: FlexibleText?
  var kind: FlexibleText?
  var start: FlexibleText?
  var end: FlexibleText?
  var note: FlexibleText?
}

/// An indicator's target: as printed, and as value, unit and comparator.
struct TargetView: Decodable {
  var raw: FlexibleText?
  var value: Double?
  var unit: FlexibleText?
  var comparator: FlexibleText?
}

/// One chỉ tiêu of the plan.
struct IndicatorView: Decodable {
  var id: FlexibleText?
  var appendix: FlexibleText?
  var section: SectionView?
  var number: FlexibleText?
  var text: String
  var target: TargetView?
  var unit: FlexibleText?
  var lead: [AgencyView]?
  var cooperating: [AgencyView]?
  var deadline: DeadlineView?
  var page: Int?
  var confidence: Double?
}

/// One nhiệm vụ of the plan.
struct TaskView: Decodable {
  var id: FlexibleText?
  var appendix: FlexibleText?
  var section: SectionView?
  var number: FlexibleText?
  var text: String
  var lead: [AgencyView]?
  var cooperating: [AgencyView]?
  var output: FlexibleText?
  var deadline: DeadlineView?
  var page: Int?
  var confidence: Double?
}

/// A text field that may also come as a number ("1" or 1 for a row number, 2 or "02"
/// for an appendix); kept as text in the catalog.
struct FlexibleText: Decodable {
  var text: String

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let string = try? container.decode(String.self) {
      text = string
    } else if let integer = try? container.decode(Int.self) {
      text = String(integer)
    } else {
      text = String(try container.decode(Double.self))
    }
  }
}

extension Optional where Wrapped == FlexibleText {
  /// The text, or NULL in the catalog.
  var text: String? { self?.text }
}
