/// One child process to run under supervision: what to execute, where its standard error
/// goes, and the limits it must stay within.
public struct ChildCommand: Sendable, Hashable {
  /// Absolute path of the program.
  public var executable: String
  /// The arguments after the program's name.
  public var arguments: [String]
  /// Variables set (or replaced) on top of the parent's environment.
  public var environment: [String: String]
  /// A file that receives the child's standard error (created or truncated); its last
  /// line is the reason reported when the child fails.
  public var standardErrorPath: String
  /// Wall-clock limit in seconds; the child's whole process group is killed on expiry.
  public var timeout: Double?
  /// Resident-memory limit in bytes; the child's whole process group is killed when the
  /// child's resident set grows past it.
  public var memoryLimitBytes: Int?

  /// Creates the description of a child to run.
  public init(
    executable: String, arguments: [String], environment: [String: String] = [:],
    standardErrorPath: String, timeout: Double? = nil, memoryLimitBytes: Int? = nil
  ) {
    self.executable = executable
    self.arguments = arguments
    self.environment = environment
    self.standardErrorPath = standardErrorPath
    self.timeout = timeout
    self.memoryLimitBytes = memoryLimitBytes
  }
}

/// How a supervised child ended.
public enum ChildTermination: Sendable, Hashable {
  /// The child exited by itself with this status (0 is success).
  case exited(code: Int32)
  /// The child was killed by a signal it did not ask for (a crash such as SIGSEGV).
  case signaled(signal: Int32)
  /// The supervisor killed the child because it ran past its wall-clock limit.
  case timedOut(seconds: Double)
  /// The supervisor killed the child because its resident memory passed the limit.
  case exceededMemory(limitBytes: Int, residentBytes: Int)
  /// The supervisor killed the child because the batch was interrupted.
  case cancelled
  /// The program could not be started at all (`errno` of the spawn).
  case failedToStart(errno: Int32)

  /// Whether the child did its work: it exited with status 0.
  public var succeeded: Bool { self == .exited(code: 0) }
}

/// What the supervisor observed of one child run.
public struct ChildOutcome: Sendable, Hashable {
  /// How the child ended.
  public var termination: ChildTermination
  /// The last non-empty line the child wrote to standard error, if any.
  public var lastErrorLine: String?
  /// Wall-clock seconds from spawn to reaping.
  public var wallSeconds: Double
  /// User plus system CPU seconds the child used.
  public var cpuSeconds: Double
  /// The child's peak resident set, in bytes, as the kernel accounted it.
  public var peakResidentBytes: Int

  /// Creates an outcome.
  public init(
    termination: ChildTermination, lastErrorLine: String?, wallSeconds: Double,
    cpuSeconds: Double, peakResidentBytes: Int
  ) {
    self.termination = termination
    self.lastErrorLine = lastErrorLine
    self.wallSeconds = wallSeconds
    self.cpuSeconds = cpuSeconds
    self.peakResidentBytes = peakResidentBytes
  }

  /// One line saying why the child failed, for the catalog and the summary: the child's
  /// own message when it gave one, and how it ended.
  public var failureReason: String {
    let mb = { (bytes: Int) in "\(bytes / (1 << 20)) MB" }
    let how: String
    switch termination {
    case .exited(let code): how = "exited with status \(code)"
    case .signaled(let signal): how = "crashed with \(SignalName.of(signal))"
    case .timedOut(let seconds):
      how = "timed out after \(seconds.formatted(decimals: 1)) s"
    case .exceededMemory(let limit, let resident):
      how = "exceeded the memory limit of \(mb(limit)) (resident \(mb(resident)))"
    case .cancelled: how = "cancelled"
    case .failedToStart(let code): how = "could not be started (errno \(code))"
    }
    switch termination {
    case .exited:
      return lastErrorLine ?? how
    default:
      // The child's last line was not written about its death, so the supervisor's
      // reason comes first and the line only adds context.
      guard let line = lastErrorLine else { return how }
      return "\(how); last message: \(line)"
    }
  }
}

/// Names of the signals a crashing child commonly dies of, for messages a person reads.
enum SignalName {
  static func of(_ signal: Int32) -> String {
    let names: [Int32: String] = [
      1: "SIGHUP", 2: "SIGINT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS",
      8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM", 24: "SIGXCPU",
      25: "SIGXFSZ",
    ]
    return names[signal] ?? "signal \(signal)"
  }
}

extension Double {
  /// The number with a fixed count of decimals, without Foundation's locale machinery.
  func formatted(decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (self * scale).rounded()
    let whole = Int(scaled / scale)
    guard decimals > 0 else { return String(whole) }
    let fraction = Int(abs(scaled).truncatingRemainder(dividingBy: scale))
    let digits = String(fraction)
    let sign = (scaled < 0 && whole == 0) ? "-" : ""
    return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count)
      + digits
  }
}
