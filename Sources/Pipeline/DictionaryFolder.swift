import Foundation

/// Finds the `dictionaries/` folder that the corrector and the normalizers read. Looked
/// for, in order: `$PLANINGEST_DICTIONARIES`; a `dictionaries` folder beside the running
/// executable or in one of its parent folders (so `.build/release/ingest` finds the
/// repository's); the current directory's `dictionaries`.
public struct DictionaryFolder: Sendable, Hashable {
  /// The folder's location.
  public var url: URL

  /// Uses `url` as the folder.
  public init(url: URL) {
    self.url = url
  }

  /// The environment variable that names the folder explicitly.
  public static let environmentVariable = "PLANINGEST_DICTIONARIES"

  /// Finds the folder, or throws naming where it looked.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executable: URL? = Bundle.main.executableURL
  ) throws(PipelineError) -> DictionaryFolder {
    var tried: [String] = []
    if let explicit = environment[environmentVariable], !explicit.isEmpty {
      let url = URL(fileURLWithPath: explicit, isDirectory: true)
      if isFolder(url) { return DictionaryFolder(url: url) }
      throw .dictionaries("\(environmentVariable)=\(explicit) is not a folder")
    }
    if let executable {
      var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
      while folder.path != "/" {
        let candidate = folder.appendingPathComponent("dictionaries", isDirectory: true)
        if isFolder(candidate) { return DictionaryFolder(url: candidate) }
        tried.append(candidate.path)
        folder.deleteLastPathComponent()
      }
    }
    let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .appendingPathComponent("dictionaries", isDirectory: true)
    if isFolder(local) { return DictionaryFolder(url: local) }
    tried.append(local.path)
    throw .dictionaries(
      "no dictionaries folder found (set \(environmentVariable); looked in "
        + "\(tried.prefix(3).joined(separator: ", "))…)")
  }

  /// A file inside the folder.
  public func file(_ name: String) -> URL {
    url.appendingPathComponent(name, isDirectory: false)
  }

  private static func isFolder(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
