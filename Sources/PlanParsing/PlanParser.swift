import PlanModel

/// The parsing stage: turns the (restored) pages of a plan into a `Plan` — metadata,
/// outline, and the indicators and tasks of its appendix tables and body. Tables are
/// rebuilt from word boxes where the pages have them and from line-sliced text where
/// they do not (plain-text input), the latter with lower confidence.
public struct PlanParser: Sendable {
  /// The agency names the normalizer maps to.
  public let agencies: AgencyDictionary

  /// Creates a parser using `agencies` for canonical agency names.
  public init(agencies: AgencyDictionary) {
    self.agencies = agencies
  }

  /// Parses `pages` into a plan.
  public func parse(_ pages: [PageLayout]) -> Plan {
    let lines = pages.textLines
    let blocks = DocumentSegmenter().segment(lines)
    var metadata = MetadataParser().metadata(lines, blocks: blocks)
    let preamble = lines[blocks.preamble].map(\.text).joined(separator: " ")
    metadata.legalBases = LegalBasisParser().legalBases(preamble)
    let closing = ClosingParser().closing(lines[blocks.closing])
    metadata.recipients = closing.recipients
    metadata.signer = closing.signer
    metadata.appendices = blocks.appendices.map {
      Appendix(
        label: $0.label, key: $0.key, title: $0.title, subtitle: $0.subtitle,
        page: lines[$0.labelLine].page)
    }
    let sections = OutlineParser().sections(lines[blocks.body])
    let normalizers = Normalizers(agencies: AgencyNormalizer(dictionary: agencies))
    var indicators = BodyIndicatorExtractor(targets: normalizers.targets).indicators(in: sections)
    var tasks: [PlanTask] = []
    let tables = TableReader(normalizers: normalizers)
    for appendix in blocks.appendices {
      let records = tables.records(lines[appendix.content], appendix: appendix)
      indicators += records.indicators
      tasks += records.tasks
    }
    return Plan(document: metadata, sections: sections, indicators: indicators, tasks: tasks)
  }
}

/// The three normalizers a table reader needs.
struct Normalizers: Sendable {
  var agencies: AgencyNormalizer
  var deadlines = DeadlineNormalizer()
  var targets = TargetNormalizer()
}
