/// What parsing makes of one plan document ("Kế hoạch"): its metadata, its outline, and
/// the commitments it states — indicators (chỉ tiêu) with targets and tasks (nhiệm vụ)
/// with agencies and deadlines. Written into `IngestDocument` as the top-level fields
/// `document`, `sections`, `indicators` and `tasks`.
public struct Plan: Codable, Sendable, Hashable {
  /// Issuer, number, type, title, place, date, legal bases, signer, recipients, appendices.
  public var document: PlanMetadata
  /// The body's outline: "I.", "1.", "1.1.", "a)" headings with their text.
  public var sections: [Section]
  /// Indicators from the appendix tables and from the body ("Mục tiêu cụ thể").
  public var indicators: [Indicator]
  /// Tasks from the appendix tables.
  public var tasks: [PlanTask]

  /// Creates a plan.
  public init(
    document: PlanMetadata, sections: [Section] = [], indicators: [Indicator] = [],
    tasks: [PlanTask] = []
  ) {
    self.document = document
    self.sections = sections
    self.indicators = indicators
    self.tasks = tasks
  }
}

/// One heading of the body's outline with the text under it and its sub-headings.
public struct Section: Codable, Sendable, Hashable {
  /// The number as printed without its trailing punctuation: "I", "2", "2.1", "a", "-".
  public var number: String?
  /// The heading's text, without its number.
  public var heading: String
  /// Depth in the outline, from 1 (roman numerals) downwards.
  public var level: Int
  /// The body text directly under the heading (not its children's), lines joined.
  public var text: String
  /// The page (from 1) the heading is on.
  public var page: Int?
  /// The sub-headings, in order.
  public var children: [Section]

  /// Creates a section.
  public init(
    number: String?, heading: String, level: Int, text: String = "", page: Int? = nil,
    children: [Section] = []
  ) {
    self.number = number
    self.heading = heading
    self.level = level
    self.text = text
    self.page = page
    self.children = children
  }
}

/// The group a table row belongs to: the roman-numeral group row ("II", "Xây dựng,
/// hoàn thiện thể chế") of an appendix table, or the body section of a body indicator.
public struct SectionRef: Codable, Sendable, Hashable {
  /// The group's number as printed, e.g. "II" or "2.1".
  public var number: String?
  /// The group's title as printed.
  public var title: String?

  /// Creates a reference to a group.
  public init(number: String?, title: String?) {
    self.number = number
    self.title = title
  }
}

/// How sure the parser is of a record, 0...1: geometry-built tables from a text layer
/// score high, records rebuilt from line-sliced OCR text score low.
public typealias Confidence = Double
