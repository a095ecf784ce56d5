import Extraction

/// Every exit status of `ingest`, in one place; the README and `--help` list them.
enum ExitStatus: Int32, CaseIterable {
  /// The document was written.
  case ok = 0
  /// An unexpected internal failure.
  case internalError = 1
  /// The command line is wrong: unknown option, bad value, missing file argument,
  /// unknown OCR language, or an output path that is the input.
  case usage = 2
  /// The input does not exist or cannot be read, or the output cannot be written.
  case fileAccess = 3
  /// The input is empty, not a supported kind (PDF, PNG, JPEG, TIFF, UTF-8 text), or damaged.
  case unsupportedDocument = 4
  /// The PDF is encrypted and no password, or a wrong one, was given.
  case encrypted = 5
  /// At least one page timed out or could not be read; the output was written with those
  /// pages marked `skipped`.
  case pageFailure = 6
  /// The dictionaries folder is missing or one of its files is damaged: an installation
  /// problem, not a problem of the input.
  case dictionaries = 7
  /// `ingest batch`: some inputs failed or were written with skipped pages; the others
  /// were converted.
  case someFailed = 10
  /// `ingest batch` was interrupted by SIGINT or SIGTERM; running it again resumes.
  case interrupted = 130

  /// The status for an extraction failure.
  init(_ kind: ExtractionError.Kind) {
    switch kind {
    case .notFound, .unreadable: self = .fileAccess
    case .unsupported: self = .unsupportedDocument
    case .encrypted: self = .encrypted
    case .ocrModel: self = .usage
    case .pageTimeout, .pageFailed: self = .pageFailure
    }
  }

  /// The help text's table of statuses.
  static let helpText = """
    Exit status:
      0  the document was written
      1  internal error
      2  usage error: bad option or value, unknown --ocr-lang, output = input
      3  the input is missing or unreadable, or the output cannot be written
      4  the input is empty, not PDF/PNG/JPEG/TIFF/UTF-8 text, or damaged
      5  the PDF is encrypted and no password or a wrong one was given
      6  a page timed out or failed; output written, that page "skipped"
      7  dictionaries missing or damaged (set PLANINGEST_DICTIONARIES)
      10 batch: some inputs failed or had pages skipped (listed at the end)
      130 batch: interrupted; run the same command again to resume
    """
}

/// A failure the command reports as one line on standard error, with its exit status.
struct CommandFailure: Error {
  var status: ExitStatus
  var message: String
}
