import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The batch's output folder: checked against the inputs before anything is created,
/// locked against a second batch, and written only by rename from its `.tmp` folder, so
/// that a file under it is either absent or complete.
final class OutputFolder: Sendable {
  /// The folder's canonical absolute path.
  let path: String
  /// The open lock file; -1 once released.
  private let lockDescriptor: Mutex<Int32>

  /// Where children write before an output is moved into place; emptied at start and end.
  var temporaryFolder: String { path + "/.tmp" }

  /// Checks `path` against `roots`, then creates, locks and cleans the folder.
  init(path requested: String, roots: [BatchRoot]) throws(BatchError) {
    let path = CanonicalPath.of(requested)
    for root in roots {
      let input = CanonicalPath.of(root.path)
      if root.isFolder && CanonicalPath.isInside(path, input) {
        throw .outputInsideInput(output: requested, input: root.path)
      }
      if CanonicalPath.isInside(input, path) {
        throw .inputInsideOutput(input: root.path, output: requested)
      }
    }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
      throw .outputNotAFolder(path: requested)
    }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .cannotPrepareOutput(path: requested, reason: (error as NSError).localizedDescription)
    }
    // The lock dies with the process, even on kill -9, so a crashed batch never blocks
    // the next one; O_CLOEXEC keeps children from inheriting it.
    let descriptor = open(path + "/.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .cannotPrepareOutput(path: requested, reason: String(cString: strerror(errno)))
    }
    guard Self.lock(descriptor) else {
      close(descriptor)
      throw .outputFolderBusy(path: requested)
    }
    self.path = path
    self.lockDescriptor = Mutex(descriptor)
    do {
      try? FileManager.default.removeItem(atPath: path + "/.tmp")
      try FileManager.default.createDirectory(
        atPath: path + "/.tmp", withIntermediateDirectories: true)
    } catch {
      throw .cannotPrepareOutput(path: requested, reason: (error as NSError).localizedDescription)
    }
  }

  deinit {
    release()
  }

  /// Releases the lock, so that the next batch on this folder may start; called when the
  /// run ends rather than left to whenever the last reference goes away.
  func release() {
    lockDescriptor.withLock { descriptor in
      if descriptor >= 0 { close(descriptor) }
      descriptor = -1
    }
  }

  /// Takes the lock, waiting up to two seconds: a process being spawned elsewhere in this
  /// program holds a copy of every descriptor until its `exec` closes it, which on a busy
  /// machine can take a while, and must not pass for a second batch.
  private static func lock(_ descriptor: Int32) -> Bool {
    for _ in 0..<200 {
      if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
      guard errno == EWOULDBLOCK || errno == EINTR else { return false }
      usleep(10_000)
    }
    return false
  }

  /// The absolute path of an output given relative to the folder.
  func absolute(_ relative: String) -> String { path + "/" + relative }

  /// Moves a finished temporary file to `relative`, creating its folders. The data is
  /// flushed first so that the rename can never expose an empty file after a power loss.
  func moveIntoPlace(_ temporary: String, as relative: String) throws(FileReadError) {
    let destination = absolute(relative)
    let folder = (destination as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw FileReadError(errno: EIO)
    }
    let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileReadError(errno: errno) }
    fsync(descriptor)
    close(descriptor)
    guard rename(temporary, destination) == 0 else { throw FileReadError(errno: errno) }
  }

  /// Removes the output at `relative`, if any: an output of an input that no longer
  /// converts is stale, and the catalog must not disagree with the files.
  func removeOutput(_ relative: String) {
    unlink(absolute(relative))
  }

  /// Removes the temporary folder once no child can write to it any more.
  func cleanTemporaryFolder() {
    try? FileManager.default.removeItem(atPath: temporaryFolder)
  }
}

/// Absolute paths with symbolic links resolved, also for paths that do not exist yet, so
/// that "is the output inside an input?" is answered about real locations.
enum CanonicalPath {
  static func of(_ path: String) -> String {
    var existing = URL(fileURLWithPath: path).standardizedFileURL.path
    var missing: [String] = []
    while true {
      if let resolved = realpath(existing, nil) {
        defer { free(resolved) }
        let base = String(cString: resolved)
        return missing.reversed().reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
      }
      let url = URL(fileURLWithPath: existing)
      guard existing != "/" else { return path }
      missing.append(url.lastPathComponent)
      existing = url.deletingLastPathComponent().path
    }
  }

  /// Whether `child` is `parent` or lies below it.
  static func isInside(_ child: String, _ parent: String) -> Bool {
    child == parent || child.hasPrefix(parent == "/" ? "/" : parent + "/")
  }
}
