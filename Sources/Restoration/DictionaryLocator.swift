import Foundation

/// Finds the `dictionaries` folder: the `PLANINGEST_DICTIONARIES` environment variable,
/// else a `dictionaries` folder beside the executable or in one of its parent folders
/// (following symlinks, so `.build/release/ingest` finds the repository's folder), else
/// `./dictionaries`.
public enum DictionaryLocator {
  /// The environment variable that names the folder.
  public static let environmentVariable = "PLANINGEST_DICTIONARIES"

  /// The folder holding `restoration.bin`.
  public static func locate() throws(RestorationError) -> String {
    let fm = FileManager.default
    var searched: [String] = []
    if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty {
      if fm.fileExists(atPath: env) { return env }
      throw .dictionariesNotFound(searched: ["\(environmentVariable)=\(env)"])
    }
    // The running binary's real path: /proc/self/exe on Linux, argv[0] elsewhere.
    let selfPath =
      fm.fileExists(atPath: "/proc/self/exe")
      ? "/proc/self/exe" : (CommandLine.arguments.first ?? ".")
    let executable = URL(fileURLWithPath: selfPath).resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    for _ in 0..<8 {
      let candidate = folder.appendingPathComponent("dictionaries").path
      searched.append(candidate)
      if fm.fileExists(atPath: candidate + "/restoration.bin") { return candidate }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    let local = fm.currentDirectoryPath + "/dictionaries"
    if !searched.contains(local) { searched.append(local) }
    if fm.fileExists(atPath: local + "/restoration.bin") { return local }
    throw .dictionariesNotFound(searched: searched)
  }
}
