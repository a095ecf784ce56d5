/// What an output document says about the file it came from.
public struct SourceInfo: Codable, Sendable, Hashable {
  /// The input's file name (no folders), as the user gave it.
  public var fileName: String
  /// Lower-case hex SHA-256 of the input's bytes.
  public var sha256: String
  /// The input's kind: `pdf`, `image` or `text`.
  public var kind: String
  /// How many pages the input has.
  public var pageCount: Int
  /// Pages (from 1) whose text came from the PDF's text layer.
  public var textLayerPages: [Int]
  /// Pages (from 1) whose text came from OCR.
  public var ocrPages: [Int]
  /// Pages (from 1) of plain-text input.
  public var plainTextPages: [Int]
  /// The Tesseract language(s) used for OCR'd pages, e.g. `vie`; `nil` when no page was OCR'd.
  public var ocrLanguage: String?

  /// Creates a description of a source.
  public init(
    fileName: String, sha256: String, kind: String, pageCount: Int, textLayerPages: [Int],
    ocrPages: [Int], plainTextPages: [Int], ocrLanguage: String?
  ) {
    self.fileName = fileName
    self.sha256 = sha256
    self.kind = kind
    self.pageCount = pageCount
    self.textLayerPages = textLayerPages
    self.ocrPages = ocrPages
    self.plainTextPages = plainTextPages
    self.ocrLanguage = ocrLanguage
  }
}
