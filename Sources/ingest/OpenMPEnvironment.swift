#if canImport(Glibc)
  import Glibc
#endif

/// Debian's libtesseract uses OpenMP, which reads `OMP_THREAD_LIMIT` when the library
/// loads, before `main` runs. Without a limit every page's OCR spreads over all cores and
/// fights the page workers (a dense page measured 13 s instead of 1.8 s), so the command
/// re-executes itself once with the limit set; setting it later has no effect.
enum OpenMPEnvironment {
  static func relaunchIfNeeded() {
    #if os(Linux)
      guard getenv("OMP_THREAD_LIMIT") == nil else { return }
      setenv("OMP_THREAD_LIMIT", "1", 1)
      // The resolved path, not /proc/self/exe itself, keeps the process named `ingest`.
      if let path = realpath("/proc/self/exe", nil) {
        execv(path, CommandLine.unsafeArgv)
        free(path)
      }
    // execv returns only on failure: carry on without the limit, only slower.
    #endif
  }
}
