#if canImport(Glibc)
  import Glibc
#endif

/// Runs a decoder with the process's standard error pointed at /dev/null. libpng,
/// libjpeg and libtiff print their own warnings on a damaged image, below Leptonica and
/// beyond the reach of its message switch; the command's contract is one line per error,
/// which the caller writes. Used only around image decoding, before any worker starts.
enum QuietStandardError {
  static func run<T>(_ body: () throws(ExtractionError) -> T) throws(ExtractionError) -> T {
    let saved = dup(STDERR_FILENO)
    let null = open("/dev/null", O_WRONLY)
    guard saved >= 0, null >= 0 else {
      if saved >= 0 { close(saved) }
      if null >= 0 { close(null) }
      return try body()
    }
    dup2(null, STDERR_FILENO)
    close(null)
    defer {
      dup2(saved, STDERR_FILENO)
      close(saved)
    }
    return try body()
  }
}
