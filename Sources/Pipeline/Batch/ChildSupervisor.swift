import CProcessControl
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Runs one child process at a time per calling thread and watches it: the child gets its
/// own process group, so that a timeout or a memory overrun kills everything it started;
/// its standard error goes to a file; its exit, crash or kill is reported, never thrown.
///
/// Blocking by design: a batch calls it from its own worker threads, so a slow child never
/// holds a thread of Swift's cooperative pool.
public struct ChildSupervisor: Sendable {
  /// The children alive right now, so that an interrupted batch can kill them all.
  public let registry: ChildRegistry

  /// Creates a supervisor that records its live children in `registry`.
  public init(registry: ChildRegistry = ChildRegistry()) {
    self.registry = registry
  }

  /// Runs `command` to its end and says how it ended.
  public func run(_ command: ChildCommand) -> ChildOutcome {
    let start = Monotonic.now()
    let (pid, code) = spawn(command)
    guard code == 0 else {
      return ChildOutcome(
        termination: .failedToStart(errno: code), lastErrorLine: nil, wallSeconds: 0,
        cpuSeconds: 0, peakResidentBytes: 0)
    }
    guard registry.insert(pid) else {
      // The batch was interrupted while this child was being started.
      kill(-pid, SIGKILL)
      return finish(pid, verdict: .cancelled, command: command, start: start)
    }
    let verdict = watch(pid, command: command, start: start)
    return finish(pid, verdict: verdict, command: command, start: start)
  }

  /// Polls the child until it exits or must be killed. Polling starts every half
  /// millisecond and backs off to 5 ms: a small document converts in about 50 ms, so a
  /// coarser poll would add a tenth to its time, while 200 polls a second cost nothing.
  private func watch(_ pid: pid_t, command: ChildCommand, start: Double) -> ChildTermination? {
    var interval: useconds_t = 500
    while true {
      var info = siginfo_t()
      // WNOWAIT: the child stays a zombie, so its process group id cannot be reused
      // before the group is killed below.
      if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0,
        info._sifields._sigchld.si_pid == pid
      {
        return nil
      }
      if registry.isCancelled { return .cancelled }
      let elapsed = Monotonic.now() - start
      if let timeout = command.timeout, elapsed >= timeout {
        return .timedOut(seconds: timeout)
      }
      if let limit = command.memoryLimitBytes {
        let resident = ResidentMemory.bytes(of: pid)
        if resident > limit { return .exceededMemory(limitBytes: limit, residentBytes: resident) }
      }
      usleep(interval)
      interval = min(interval * 2, 5000)
    }
  }

  /// Kills what is left of the child's process group, reaps the child and builds the
  /// outcome; `verdict` is the supervisor's reason for a kill, `nil` when the child ended
  /// by itself.
  private func finish(
    _ pid: pid_t, verdict: ChildTermination?, command: ChildCommand, start: Double
  ) -> ChildOutcome {
    // Also after a clean exit: a grandchild left running would outlive its batch.
    kill(-pid, SIGKILL)
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    registry.remove(pid)
    let wall = Monotonic.now() - start
    let termination: ChildTermination
    if let verdict {
      termination = verdict
    } else if status & 0x7f == SIGKILL && registry.isCancelled {
      // Killed by `cancelAll()` before the watch loop saw the cancellation.
      termination = .cancelled
    } else if status & 0x7f == 0 {
      termination = .exited(code: (status >> 8) & 0xff)
    } else {
      termination = .signaled(signal: status & 0x7f)
    }
    let cpu =
      Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return ChildOutcome(
      termination: termination, lastErrorLine: LastLine.of(file: command.standardErrorPath),
      wallSeconds: wall, cpuSeconds: cpu, peakResidentBytes: Int(usage.ru_maxrss) * 1024)
  }

  /// Starts the child; returns its pid and 0, or the spawn's error number.
  private func spawn(_ command: ChildCommand) -> (pid_t, Int32) {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // Own process group (so the group can be killed as one), default signal handling and
    // an empty mask, whatever the batch process has installed for itself.
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    posix_spawnattr_setpgroup(&attributes, 0)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 2, command.standardErrorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    // Nothing else the batch has open reaches the child: not the catalog, and not a file
    // another thread is writing at this moment without close-on-exec (a child holding a
    // writable descriptor of a program makes every start of that program fail with
    // ETXTBSY while it lives).
    _ = planingest_spawn_close_from(&actions, 3)

    var environment = ProcessInfo.processInfo.environment
    environment.merge(command.environment) { _, new in new }
    // Lets the child ask to be killed with the batch (`SupervisedChild`).
    environment[SupervisedChild.parentVariable] = String(getpid())
    let argv = CStringArray([command.executable] + command.arguments)
    let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    defer {
      argv.free()
      envp.free()
    }
    var pid: pid_t = 0
    let code = posix_spawn(
      &pid, command.executable, &actions, &attributes, argv.pointers, envp.pointers)
    return (pid, code)
  }
}

/// The process ids of the children running now, and whether the batch was interrupted:
/// shared by the worker threads and the signal handler that stops them.
public final class ChildRegistry: Sendable {
  private struct State {
    var live: Set<pid_t> = []
    var cancelled = false
  }
  private let state = Mutex(State())

  /// Creates an empty registry.
  public init() {}

  /// Records a started child; `false` when the batch is already cancelled.
  func insert(_ pid: pid_t) -> Bool {
    state.withLock { state in
      guard !state.cancelled else { return false }
      state.live.insert(pid)
      return true
    }
  }

  func remove(_ pid: pid_t) {
    _ = state.withLock { $0.live.remove(pid) }
  }

  /// How many children are running.
  public var liveCount: Int { state.withLock { $0.live.count } }

  /// Whether `cancelAll()` was called.
  public var isCancelled: Bool { state.withLock { $0.cancelled } }

  /// Kills every live child's process group and refuses new children.
  public func cancelAll() {
    let live = state.withLock { state in
      state.cancelled = true
      return state.live
    }
    for pid in live { kill(-pid, SIGKILL) }
  }
}

/// A NULL-terminated array of C strings, as `posix_spawn` wants its argv and envp.
private struct CStringArray {
  let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

  init(_ strings: [String]) {
    pointers = .allocate(capacity: strings.count + 1)
    for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
    pointers[strings.count] = nil
  }

  func free() {
    var index = 0
    while let pointer = pointers[index] {
      Glibc.free(pointer)
      index += 1
    }
    pointers.deallocate()
  }
}

/// Seconds on the monotonic clock, for durations immune to wall-clock changes.
enum Monotonic {
  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}

/// The resident set of a running process, from `/proc/PID/statm`.
enum ResidentMemory {
  static func bytes(of pid: pid_t) -> Int {
    let fd = open("/proc/\(pid)/statm", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 128)
    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 127) }
    guard count > 0 else { return 0 }
    let fields = buffer[..<count].split(separator: UInt8(ascii: " "))
    guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else {
      return 0
    }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}

/// The last non-empty line of a file, read from its last few kilobytes only.
enum LastLine {
  static func of(file path: String) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let size = (try? handle.seekToEnd()) ?? 0
    let tail: UInt64 = 4096
    try? handle.seek(toOffset: size > tail ? size - tail : 0)
    guard let data = try? handle.readToEnd() else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    let line = text.split(whereSeparator: \.isNewline).last { !$0.allSatisfy(\.isWhitespace) }
    return line.map { String($0.trimmingCharacters(in: .whitespaces).prefix(500)) }
  }
}
