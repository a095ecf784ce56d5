/// What can go wrong when restoring text: the dictionaries are missing or unreadable, or
/// an input cannot be read. Each case names the file and the reason.
public enum RestorationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No dictionaries folder was found; `searched` lists where it was looked for.
  case dictionariesNotFound(searched: [String])
  /// A dictionary file exists but cannot be read or is malformed.
  case corruptDictionary(path: String, reason: String)
  /// A training or input file cannot be read.
  case unreadableInput(path: String, reason: String)

  /// A message for a person.
  public var description: String {
    switch self {
    case .dictionariesNotFound(let searched):
      return "restoration dictionaries not found (looked in: \(searched.joined(separator: ", "))); "
        + "set PLANINGEST_DICTIONARIES or run scripts/build-dictionaries"
    case .corruptDictionary(let path, let reason):
      return "\(path): unreadable restoration dictionary: \(reason)"
    case .unreadableInput(let path, let reason):
      return "\(path): \(reason)"
    }
  }
}
