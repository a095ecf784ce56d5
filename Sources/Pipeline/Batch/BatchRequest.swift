/// Everything a batch needs to know: what to convert, where to, how, and within which
/// limits. Built by `ingest batch` from its options.
public struct BatchRequest: Sendable, Hashable {
  /// Files and folders to convert, as the user named them.
  public var inputs: [String]
  /// The output folder.
  public var outputFolder: String
  /// How many documents to convert at once.
  public var jobs: Int
  /// Convert every input again, even those an earlier run converted.
  public var force: Bool
  /// Wall-clock limit per document, in seconds.
  public var timeout: Double?
  /// Resident-memory limit per document, in megabytes.
  public var memoryLimitMB: Int?
  /// The program that converts one document, and the options passed to each conversion.
  public var converter: Converter
  /// The command line as the catalog's `runs` table records it (secrets masked).
  public var commandLine: String

  /// Creates a request.
  public init(
    inputs: [String], outputFolder: String, jobs: Int, force: Bool = false,
    timeout: Double? = nil, memoryLimitMB: Int? = nil, converter: Converter,
    commandLine: String = ""
  ) {
    self.inputs = inputs
    self.outputFolder = outputFolder
    self.jobs = max(1, jobs)
    self.force = force
    self.timeout = timeout
    self.memoryLimitMB = memoryLimitMB
    self.converter = converter
    self.commandLine = commandLine
  }
}

/// How one document is converted: the program (the `ingest` executable itself) and the
/// single-file options it is given, e.g. `["--ocr-lang", "vie"]`.
public struct Converter: Sendable, Hashable {
  /// Absolute path of the program.
  public var executable: String
  /// Single-file options, passed to every conversion unchanged.
  public var options: [String]
  /// Variables added to each child's environment.
  public var environment: [String: String]
  /// Exit statuses meaning "written, but with some pages skipped": the output is kept and
  /// the document recorded as `partial`.
  public var partialStatuses: Set<Int32>

  /// Creates a converter description.
  public init(
    executable: String, options: [String] = [], environment: [String: String] = [:],
    partialStatuses: Set<Int32> = []
  ) {
    self.executable = executable
    self.options = options
    self.environment = environment
    self.partialStatuses = partialStatuses
  }

  /// The child's arguments to convert `source` into `output`. The options come before
  /// `--` so that no input name can be taken for an option.
  func arguments(source: String, output: String) -> [String] {
    ["convert", "--quiet", "-o", output] + options + ["--", source]
  }

  /// The options as one string, stored with each catalog row: an output made with other
  /// options is not reused. A password is left out: it changes no output, and the
  /// catalog is no place for it; so is `--no-page-overlap`, which changes only speed.
  var fingerprint: String {
    var kept: [String] = []
    var skipNext = false
    for option in options {
      if skipNext {
        skipNext = false
      } else if option == "--password" {
        skipNext = true
      } else if option != "--no-page-overlap" {
        kept.append(option)
      }
    }
    return kept.joined(separator: " ")
  }
}
