/// Why extraction could not read a file or one of its pages, with what a person needs to
/// act on it: the file, the page when there is one, and the reason in plain words.
public struct ExtractionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The broad kind of failure; the command maps each kind to one exit code.
  public enum Kind: String, Sendable, Hashable {
    /// The file does not exist.
    case notFound
    /// The file exists but cannot be read (permissions, a folder, an I/O error).
    case unreadable
    /// The file is empty, of a kind PlanIngest does not read, or damaged beyond reading.
    case unsupported
    /// The PDF is encrypted and no password, or a wrong one, was given.
    case encrypted
    /// The OCR model cannot be loaded (unknown `--ocr-lang`, missing traineddata).
    case ocrModel
    /// A page took longer than the page timeout and was skipped.
    case pageTimeout
    /// A page could not be rendered or recognized.
    case pageFailed
  }

  /// The kind of failure.
  public var kind: Kind
  /// The file as the user named it.
  public var file: String
  /// The page (from 1), when the failure belongs to one page.
  public var page: Int?
  /// What went wrong, in words a user can act on.
  public var reason: String

  /// Creates an error.
  public init(_ kind: Kind, file: String, page: Int? = nil, reason: String) {
    self.kind = kind
    self.file = file
    self.page = page
    self.reason = reason
  }

  /// One line: `file: page N: reason`.
  public var description: String {
    if let page { return "\(file): page \(page): \(reason)" }
    return "\(file): \(reason)"
  }
}
