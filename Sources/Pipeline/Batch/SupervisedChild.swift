import CProcessControl
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The child's half of batch supervision: a child started by `ChildSupervisor` dies with
/// the batch, even when the batch itself is killed with SIGKILL and can clean nothing up.
///
/// The supervisor names itself in the child's environment; the child asks the kernel for
/// SIGKILL when that parent goes, then checks that the parent is still there (it may have
/// died between the spawn and the request, in which case no signal would ever come).
public enum SupervisedChild {
  /// The environment variable through which the supervisor passes its process id.
  public static let parentVariable = "PLANINGEST_SUPERVISOR_PID"

  /// Binds this process's life to its supervisor's when it was started by one; does
  /// nothing otherwise. Call it first thing in `main`; the binding survives `exec`.
  public static func bindToSupervisor() {
    guard let value = getenv(parentVariable), let supervisor = pid_t(String(cString: value))
    else { return }
    guard planingest_set_parent_death_signal(SIGKILL) == 0 else { return }
    if getppid() != supervisor {
      // The batch is already gone: its output folder must not receive more work.
      _exit(137)
    }
  }
}
