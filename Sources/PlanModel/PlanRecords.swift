/// One indicator (chỉ tiêu): a measurable target that a plan commits to, from an
/// appendix table or from the body text ("Mục tiêu cụ thể", with `appendix` nil).
public struct Indicator: Codable, Sendable, Hashable {
  /// Stable within the document: built from appendix, group and row number.
  public var id: String
  /// The appendix label as printed ("Phụ lục 01"); `nil` for body indicators.
  public var appendix: String?
  /// The group row or body section the indicator sits under.
  public var section: SectionRef?
  /// The row number as printed, without trailing period ("1", "2.5").
  public var number: String?
  /// The indicator's text.
  public var text: String
  /// The target read from the text, when it states one.
  public var target: Target?
  /// The "Đơn vị tính" column, when the table has one.
  public var unit: String?
  /// The lead agencies ("Cơ quan chủ trì").
  public var lead: [Agency]
  /// The cooperating agencies ("Cơ quan phối hợp").
  public var cooperating: [Agency]
  /// The deadline, when the table or text gives one.
  public var deadline: Deadline?
  /// The page (from 1) where the row starts.
  public var page: Int?
  /// How sure the parser is of the record, 0...1.
  public var confidence: Confidence

  /// Creates an indicator.
  public init(
    id: String, appendix: String?, section: SectionRef?, number: String?, text: String,
    target: Target?, unit: String? = nil, lead: [Agency] = [], cooperating: [Agency] = [],
    deadline: Deadline? = nil, page: Int?, confidence: Confidence
  ) {
    self.id = id
    self.appendix = appendix
    self.section = section
    self.number = number
    self.text = text
    self.target = target
    self.unit = unit
    self.lead = lead
    self.cooperating = cooperating
    self.deadline = deadline
    self.page = page
    self.confidence = confidence
  }
}

/// One task (nhiệm vụ) of an appendix table: what must be done, who leads, who helps,
/// what it delivers ("Kết quả thực hiện") and by when. Named `PlanTask` so that it does
/// not shadow Swift's own `Task` in code that imports the model.
public struct PlanTask: Codable, Sendable, Hashable {
  /// Stable within the document: built from appendix, group and row number.
  public var id: String
  /// The appendix label as printed ("Phụ lục 02").
  public var appendix: String?
  /// The group row the task sits under.
  public var section: SectionRef?
  /// The row number as printed, without trailing period.
  public var number: String?
  /// The task's text.
  public var text: String
  /// The lead agencies ("Cơ quan chủ trì").
  public var lead: [Agency]
  /// The cooperating agencies ("Cơ quan phối hợp").
  public var cooperating: [Agency]
  /// The expected result ("Kết quả thực hiện", "Sản phẩm").
  public var output: String?
  /// The deadline ("Thời hạn hoàn thành").
  public var deadline: Deadline?
  /// The page (from 1) where the row starts.
  public var page: Int?
  /// How sure the parser is of the record, 0...1.
  public var confidence: Confidence

  /// Creates a task.
  public init(
    id: String, appendix: String?, section: SectionRef?, number: String?, text: String,
    lead: [Agency] = [], cooperating: [Agency] = [], output: String? = nil,
    deadline: Deadline? = nil, page: Int?, confidence: Confidence
  ) {
    self.id = id
    self.appendix = appendix
    self.section = section
    self.number = number
    self.text = text
    self.lead = lead
    self.cooperating = cooperating
    self.output = output
    self.deadline = deadline
    self.page = page
    self.confidence = confidence
  }
}

/// An agency named in a plan: its canonical name from `dictionaries/agencies.tsv` (or
/// the printed name tidied when the dictionary does not know it) and the name as printed.
public struct Agency: Codable, Sendable, Hashable {
  /// The canonical name, e.g. "Văn phòng UBND tỉnh".
  public var name: String
  /// The name as printed, e.g. "VP UBND tỉnh".
  public var raw: String

  /// Creates an agency.
  public init(name: String, raw: String) {
    self.name = name
    self.raw = raw
  }
}
