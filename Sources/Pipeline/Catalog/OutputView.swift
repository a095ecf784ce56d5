import PlanModel

/// What the catalog reads back from a converted document's JSON: the source part, which
/// every output has, and the parsed plan (`document`, `indicators`, `tasks`) as the
/// model's own types. The pages, most of an output's size (all of it with `--layout`),
/// are not decoded at all.
///
/// The plan parts are read leniently: the catalog is an index beside the JSON files, so
/// a part it cannot read leaves its rows empty rather than failing a document whose
/// output file is fine.
struct OutputView: Decodable {
  var schemaVersion: String
  var source: SourceInfo
  var document: PlanMetadata?
  var indicators: [Indicator]
  var tasks: [PlanTask]

  private enum CodingKeys: String, CodingKey {
    case schemaVersion, source, document, indicators, tasks
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try container.decode(String.self, forKey: .schemaVersion)
    source = try container.decode(SourceInfo.self, forKey: .source)
    document = try? container.decodeIfPresent(PlanMetadata.self, forKey: .document)
    indicators = (try? container.decodeIfPresent([Indicator].self, forKey: .indicators)) ?? []
    tasks = (try? container.decodeIfPresent([PlanTask].self, forKey: .tasks)) ?? []
  }
}
