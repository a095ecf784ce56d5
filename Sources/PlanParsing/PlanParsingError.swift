/// What can go wrong while parsing a plan, with what a person needs to act on it.
public enum PlanParsingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A dictionary file could not be read.
  case dictionaryUnreadable(file: String, reason: String)

  /// A sentence naming the file and the reason.
  public var description: String {
    switch self {
    case .dictionaryUnreadable(let file, let reason):
      return "\(file): cannot read the agency dictionary: \(reason)"
    }
  }
}
