import Foundation
import Testing

@testable import Pipeline

/// The supervisor against real child processes: shell scripts that exit, crash, hang,
/// allocate, or leave a grandchild behind.
@Suite struct ChildSupervisorTests {
  let folder = TemporaryFolder()

  /// Runs `script` with `/bin/sh` under the supervisor.
  func run(
    _ script: String, timeout: Double? = 20, memoryMB: Int? = nil,
    environment: [String: String] = [:], supervisor: ChildSupervisor = ChildSupervisor()
  ) throws -> ChildOutcome {
    let scriptPath = folder.path("script-\(UUID().uuidString).sh")
    try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
    return supervisor.run(
      ChildCommand(
        executable: "/bin/sh", arguments: [scriptPath], environment: environment,
        standardErrorPath: scriptPath + ".err", timeout: timeout,
        memoryLimitBytes: memoryMB.map { $0 << 20 }))
  }

  @Test func aCleanExitSucceeds() throws {
    let outcome = try run("exit 0")
    #expect(outcome.termination == .exited(code: 0))
    #expect(outcome.termination.succeeded)
  }

  @Test func aFailingChildIsReportedWithItsOwnLastLine() throws {
    let outcome = try run(
      """
      echo "progress: reading" >&2
      echo "ingest: plan.pdf: page 2: the page tree is damaged" >&2
      exit 3
      """)
    #expect(outcome.termination == .exited(code: 3))
    #expect(outcome.failureReason == "ingest: plan.pdf: page 2: the page tree is damaged")
  }

  @Test func theChildInheritsNoOpenFileButItsStandardStreams() throws {
    // A descriptor opened without close-on-exec, as `mkstemp` (and so an atomic write)
    // leaves one while another thread starts a child.
    let held = open(folder.path("held"), O_WRONLY | O_CREAT, 0o644)
    #expect(held > 2)
    defer { close(held) }
    let listing = folder.path("descriptors")
    let outcome = try run("ls /proc/$$/fd > \(listing)")
    #expect(outcome.termination.succeeded)
    let open = try String(contentsOfFile: listing, encoding: .utf8)
      .split(separator: "\n").compactMap { Int32($0) }
    #expect(open.contains(held) == false)
    #expect(Set(open).isSuperset(of: [0, 1, 2]))
  }

  @Test func aCrashIsReportedWithItsSignal() throws {
    let outcome = try run("echo 'about to crash' >&2; kill -SEGV $$")
    #expect(outcome.termination == .signaled(signal: SIGSEGV))
    #expect(outcome.failureReason == "crashed with SIGSEGV; last message: about to crash")
  }

  @Test func aHangingChildAndItsGrandchildAreKilledAtTheTimeout() throws {
    let pidFile = folder.path("grandchild.pid")
    let outcome = try run("sleep 60 & echo $! > \(pidFile); wait", timeout: 0.3)
    #expect(outcome.termination == .timedOut(seconds: 0.3))
    #expect(outcome.failureReason == "timed out after 0.3 s")
    let grandchild = try #require(
      pid_t(
        try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(
          in: .whitespacesAndNewlines)))
    #expect(ProcessState.isRunning(grandchild) == false)
  }

  @Test func aGrandchildLeftBehindByACleanExitIsKilledToo() throws {
    let pidFile = folder.path("stray.pid")
    let outcome = try run("sleep 60 & echo $! > \(pidFile); exit 0")
    #expect(outcome.termination.succeeded)
    let stray = try #require(
      pid_t(
        try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(
          in: .whitespacesAndNewlines)))
    #expect(ProcessState.isRunning(stray) == false)
  }

  @Test func aChildThatKeepsAllocatingIsKilledAtTheMemoryLimit() throws {
    // The string doubles each round: 2^28 bytes is far past the 64 MB limit.
    let outcome = try run(
      "x=aaaaaaaa; i=0; while [ $i -lt 28 ]; do x=\"$x$x\"; i=$((i+1)); done; exit 0",
      memoryMB: 64)
    guard case .exceededMemory(let limit, let resident) = outcome.termination else {
      Issue.record("expected a memory kill, got \(outcome.termination)")
      return
    }
    #expect(limit == 64 << 20)
    #expect(resident > limit)
    #expect(outcome.failureReason.hasPrefix("exceeded the memory limit of 64 MB"))
  }

  @Test func theEnvironmentReachesTheChild() throws {
    let outcome = try run(
      "echo \"limit is $PLANINGEST_TEST_VALUE\" >&2; exit 1",
      environment: ["PLANINGEST_TEST_VALUE": "42"])
    #expect(outcome.failureReason == "limit is 42")
  }

  @Test func aMissingProgramIsReportedNotThrown() {
    let outcome = ChildSupervisor().run(
      ChildCommand(
        executable: folder.path("no-such-program"), arguments: [],
        standardErrorPath: folder.path("missing.err")))
    #expect(outcome.termination == .failedToStart(errno: ENOENT))
  }

  @Test func cancellingKillsARunningChild() throws {
    let supervisor = ChildSupervisor()
    let registry = supervisor.registry
    let canceller = Thread {
      // Wait until the child is registered, then stop the batch.
      while registry.liveCount == 0 { usleep(1000) }
      registry.cancelAll()
    }
    canceller.start()
    let outcome = try run("sleep 60", timeout: 30, supervisor: supervisor)
    #expect(outcome.termination == .cancelled)
  }
}

/// Whether a process is alive (not gone, not a zombie awaiting its reaper).
enum ProcessState {
  static func isRunning(_ pid: pid_t) -> Bool {
    // Killed processes may linger as zombies for a moment until init reaps them.
    for _ in 0..<200 {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
        return false
      }
      let state = stat.split(separator: ")").last?.split(separator: " ").first
      if state == "Z" { return false }
      usleep(10_000)
    }
    return true
  }
}
