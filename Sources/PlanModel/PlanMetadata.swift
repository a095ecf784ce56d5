/// The header and closing of a plan: who issued it, its number and date, what it
/// rests on, who signed it and who receives it.
public struct PlanMetadata: Codable, Sendable, Hashable {
  /// The issuing body as printed in the header, e.g. "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ".
  public var issuer: String?
  /// The document number, e.g. "12535/KH-UBND".
  public var number: String?
  /// The document type, e.g. "Kế hoạch".
  public var type: String?
  /// The title (trích yếu) under the type line.
  public var title: String?
  /// The place of issue, e.g. "Phú Thọ".
  public var place: String?
  /// The date of issue, ISO 8601 (yyyy-MM-dd).
  public var date: String?
  /// The documents the plan cites as its basis ("Căn cứ …", "Thực hiện …").
  public var legalBases: [LegalBasis]
  /// The person who signed, with the title printed above the name.
  public var signer: Signer?
  /// The "Nơi nhận" list, one entry per line, without the leading dash.
  public var recipients: [String]
  /// The appendices ("Phụ lục 01", "PHỤ LỤC I", …) with their titles.
  public var appendices: [Appendix]

  /// Creates the metadata of a plan.
  public init(
    issuer: String? = nil, number: String? = nil, type: String? = nil, title: String? = nil,
    place: String? = nil, date: String? = nil, legalBases: [LegalBasis] = [],
    signer: Signer? = nil, recipients: [String] = [], appendices: [Appendix] = []
  ) {
    self.issuer = issuer
    self.number = number
    self.type = type
    self.title = title
    self.place = place
    self.date = date
    self.legalBases = legalBases
    self.signer = signer
    self.recipients = recipients
    self.appendices = appendices
  }
}

/// One document a plan cites: "Quyết định số 2629/QĐ-TTg ngày 01/12/2025 của Thủ
/// tướng Chính phủ".
public struct LegalBasis: Codable, Sendable, Hashable {
  /// The kind of document, e.g. "Quyết định", "Nghị quyết", "Công văn", "Kế hoạch".
  public var kind: String?
  /// Its number, e.g. "2629/QĐ-TTg".
  public var number: String?
  /// Its date, ISO 8601.
  public var date: String?
  /// Its issuer as printed after "của", e.g. "Thủ tướng Chính phủ".
  public var issuer: String?
  /// The citation as printed.
  public var text: String

  /// Creates a citation.
  public init(
    kind: String?, number: String?, date: String?, issuer: String?, text: String
  ) {
    self.kind = kind
    self.number = number
    self.date = date
    self.issuer = issuer
    self.text = text
  }
}

/// The signature block: the signer's name and the title lines above it.
public struct Signer: Codable, Sendable, Hashable {
  /// The signer's name, e.g. "Nguyễn Huy Ngọc".
  public var name: String?
  /// The capacity, e.g. "KT. CHỦ TỊCH PHÓ CHỦ TỊCH".
  public var title: String?

  /// Creates a signer.
  public init(name: String?, title: String?) {
    self.name = name
    self.title = title
  }
}

/// One appendix of a plan: its label as printed and its title.
public struct Appendix: Codable, Sendable, Hashable {
  /// The label as printed: "Phụ lục 01", "PHỤ LỤC I", "Phụ lục 2".
  public var label: String
  /// A key shared by every spelling of the same label: "1" for "Phụ lục 01",
  /// "PHỤ LỤC I" and "Phụ lục 1:".
  public var key: String
  /// The title lines under the label, joined.
  public var title: String?
  /// The "(Ban hành kèm theo …)" line, when present.
  public var subtitle: String?
  /// The page (from 1) the appendix starts on.
  public var page: Int?

  /// Creates an appendix.
  public init(label: String, key: String, title: String?, subtitle: String?, page: Int?) {
    self.label = label
    self.key = key
    self.title = title
    self.subtitle = subtitle
    self.page = page
  }
}
