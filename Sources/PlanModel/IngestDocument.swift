/// The JSON document `ingest` writes for one input: the contract with other systems,
/// described by `schema/plan.schema.json`. Each stage adds its part: extraction the
/// source and pages, parsing the plan (metadata, outline, indicators, tasks).
public struct IngestDocument: Codable, Sendable, Hashable {
  /// The version of the output contract, `SchemaVersion.current` when written.
  public var schemaVersion: String
  /// The input file and how its pages were read.
  public var source: SourceInfo
  /// The pages' text, and their words with boxes when asked for.
  public var pages: [PageOutput]
  /// The plan's metadata; set by parsing.
  public var document: PlanMetadata?
  /// The body's outline; set by parsing.
  public var sections: [Section]?
  /// The indicators (chỉ tiêu); set by parsing.
  public var indicators: [Indicator]?
  /// The tasks (nhiệm vụ); set by parsing.
  public var tasks: [PlanTask]?
  /// Words restoration changed with low confidence, for a person to check; set by
  /// restoration (empty when every change was confident).
  public var review: [ReviewItem]?

  /// Creates an output document.
  public init(
    schemaVersion: String = SchemaVersion.current, source: SourceInfo, pages: [PageOutput],
    plan: Plan? = nil
  ) {
    self.schemaVersion = schemaVersion
    self.source = source
    self.pages = pages
    if let plan { self.plan = plan }
  }

  /// The parsed plan carried by the document, or `nil` before parsing; setting it fills
  /// the four top-level plan fields.
  public var plan: Plan? {
    get {
      guard let document else { return nil }
      return Plan(
        document: document, sections: sections ?? [], indicators: indicators ?? [],
        tasks: tasks ?? [])
    }
    set {
      document = newValue?.document
      sections = newValue?.sections
      indicators = newValue?.indicators
      tasks = newValue?.tasks
    }
  }
}

/// One page of the output: its text, and its lines of words with boxes only when the
/// user asks for the layout (`--layout`), since that is most of the output's size.
public struct PageOutput: Codable, Sendable, Hashable {
  /// The page's number, from 1.
  public var number: Int
  /// Where the page's text came from.
  public var origin: TextOrigin
  /// The page's text, one line per line.
  public var text: String
  /// The lines with their words and boxes; present only with `--layout`.
  public var lines: [Line]?
  /// Page width in points, with `--layout`; absent for plain-text input.
  public var width: Double?
  /// Page height in points, with `--layout`; absent for plain-text input.
  public var height: Double?
  /// Why the page has no text, when extraction skipped it (e.g. an OCR timeout).
  public var skipped: String?
  /// How restoration treated the page; absent with `--no-restore`.
  public var restoration: PageRestoration?

  /// Creates the output of one page.
  public init(
    number: Int, origin: TextOrigin, text: String, lines: [Line]?, width: Double? = nil,
    height: Double? = nil, skipped: String? = nil, restoration: PageRestoration? = nil
  ) {
    self.number = number
    self.origin = origin
    self.text = text
    self.lines = lines
    self.width = width
    self.height = height
    self.skipped = skipped
    self.restoration = restoration
  }

  /// The output of `page`, with its lines and size only when `includeLayout` is set.
  public init(
    _ page: PageLayout, includeLayout: Bool, skipped: String? = nil,
    restoration: PageRestoration? = nil
  ) {
    self.init(
      number: page.number, origin: page.origin, text: page.text,
      lines: includeLayout ? page.lines : nil, width: includeLayout ? page.width : nil,
      height: includeLayout ? page.height : nil, skipped: skipped, restoration: restoration)
  }
}
