/// The formats `ingest` can write with `--format`.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// The whole output document as one JSON object (the default).
  case json
  /// One JSON object per line, one per task and indicator, each with the document's id.
  case ndjson
  /// Tasks and indicators as one CSV table, UTF-8 with a byte-order mark so that
  /// spreadsheet programs read Vietnamese correctly.
  case csv
}
