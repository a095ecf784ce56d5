import Foundation

/// One input of a batch: the file to convert and where its JSON goes.
public struct BatchInput: Sendable, Hashable {
  /// The input file, as found: the root the user named, joined with its relative path.
  public var sourcePath: String
  /// The output's path relative to the output folder, e.g. `a/b.json` for
  /// `plans/a/b.pdf` when the user named `plans`.
  public var outputPath: String
}

/// A file or folder named on the command line.
public struct BatchRoot: Sendable, Hashable {
  /// The path as given.
  public var path: String
  /// Whether it is a folder (walked recursively) or a single file.
  public var isFolder: Bool
}

/// The file kinds `ingest` converts, by extension (compared in lower case).
public enum SupportedInputs {
  /// The extensions a folder walk picks up.
  public static let extensions: Set<String> = ["pdf", "png", "jpg", "jpeg", "tif", "tiff", "txt"]

  /// Whether a folder walk converts the file named `name`.
  public static func accepts(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
    return extensions.contains(name[name.index(after: dot)...].lowercased())
  }

  /// The output name for an input named `name`: its last extension replaced by `.json`,
  /// or, when `keepingExtension` (another input in the same folder has the same stem, as
  /// `plan.pdf` beside `plan.txt`), the whole name followed by `.json`, so that neither
  /// output overwrites the other.
  static func outputName(for name: String, keepingExtension: Bool = false) -> String {
    guard !keepingExtension, let dot = name.lastIndex(of: "."), dot != name.startIndex else {
      return name + ".json"
    }
    return name[..<dot] + ".json"
  }

  /// The stems (names without their last extension) that more than one convertible file
  /// among `names` shares.
  static func sharedStems(among names: [String]) -> Set<String> {
    var seen: [String: Int] = [:]
    for name in names where accepts(name) {
      seen[outputName(for: name), default: 0] += 1
    }
    return Set(seen.filter { $0.value > 1 }.keys)
  }
}

/// The inputs under the roots, produced one at a time: depth first, names sorted, with
/// only the listing of the folder being walked in memory, so that a batch of a million
/// files costs no more memory than one of ten. Hidden files and folders (names starting
/// with ".") are skipped, and symbolic links to folders are not followed, so that a link
/// cannot make the walk loop.
public struct InputWalker: Sequence, IteratorProtocol, Sendable {
  private var roots: [BatchRoot]
  private var rootIndex = 0
  /// For each open folder: its path relative to the root, and its remaining entries.
  private var stack: [(relative: String, entries: ArraySlice<String>, sharedStems: Set<String>)] =
    []
  /// Folders that could not be listed, with the reason, for the caller to report.
  public private(set) var unreadable: [(path: String, reason: String)] = []

  /// Creates a walk over `roots`, in the order given.
  public init(roots: [BatchRoot]) {
    self.roots = roots
  }

  /// The next input, or `nil` at the end.
  public mutating func next() -> BatchInput? {
    while true {
      if stack.isEmpty {
        guard rootIndex < roots.count else { return nil }
        let root = roots[rootIndex]
        rootIndex += 1
        if !root.isFolder {
          let name = (root.path as NSString).lastPathComponent
          return BatchInput(
            sourcePath: root.path, outputPath: SupportedInputs.outputName(for: name))
        }
        open(relative: "")
        continue
      }
      let top = stack.count - 1
      guard let name = stack[top].entries.first else {
        stack.removeLast()
        continue
      }
      stack[top].entries = stack[top].entries.dropFirst()
      let relative = stack[top].relative.isEmpty ? name : stack[top].relative + "/" + name
      let full = currentRoot + "/" + relative
      var status = stat()
      guard lstat(full, &status) == 0 else { continue }
      switch status.st_mode & S_IFMT {
      case S_IFDIR:
        open(relative: relative)
      case S_IFREG, S_IFLNK:
        // A link is followed only to a regular file.
        if status.st_mode & S_IFMT == S_IFLNK {
          var target = stat()
          guard stat(full, &target) == 0, target.st_mode & S_IFMT == S_IFREG else { continue }
        }
        guard SupportedInputs.accepts(name) else { continue }
        let folder = stack[top].relative
        let output = SupportedInputs.outputName(
          for: name,
          keepingExtension: stack[top].sharedStems.contains(SupportedInputs.outputName(for: name)))
        return BatchInput(
          sourcePath: full, outputPath: folder.isEmpty ? output : folder + "/" + output)
      default:
        continue
      }
    }
  }

  private var currentRoot: String {
    let path = roots[rootIndex - 1].path
    return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
  }

  private mutating func open(relative: String) {
    let folder = relative.isEmpty ? currentRoot : currentRoot + "/" + relative
    do {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        .filter { !$0.hasPrefix(".") }
        .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      stack.append((relative, names[...], SupportedInputs.sharedStems(among: names)))
    } catch {
      unreadable.append((folder, (error as NSError).localizedDescription))
    }
  }
}
