/// Why a batch could not run at all. A document that fails is not a `BatchError`: it is
/// recorded with its reason and the batch goes on.
public enum BatchError: Error, Sendable, CustomStringConvertible {
  /// An input named on the command line does not exist.
  case missingInput(path: String)
  /// The output folder lies inside an input folder, where outputs would mix with inputs.
  case outputInsideInput(output: String, input: String)
  /// An input lies inside the output folder, which the batch writes and cleans.
  case inputInsideOutput(input: String, output: String)
  /// The output path exists and is not a folder.
  case outputNotAFolder(path: String)
  /// Two inputs would write the same output file.
  case outputCollision(output: String, first: String, second: String)
  /// Another batch is writing to the same output folder.
  case outputFolderBusy(path: String)
  /// The output folder could not be created, locked or cleaned.
  case cannotPrepareOutput(path: String, reason: String)
  /// A folder of the inputs could not be listed.
  case unreadableFolder(path: String, reason: String)
  /// The program to run for each document could not be found.
  case missingExecutable(path: String)
  /// The catalog could not be used.
  case catalog(CatalogError)

  /// One line for a person, naming the file and the reason.
  public var description: String {
    switch self {
    case .missingInput(let path): "\(path): no such file or folder"
    case .outputInsideInput(let output, let input):
      "\(output): the output folder is inside the input folder \(input); choose an --out outside it"
    case .inputInsideOutput(let input, let output):
      "\(input): the input is inside the output folder \(output); choose an --out elsewhere"
    case .outputNotAFolder(let path): "\(path): the output path exists and is not a folder"
    case .outputCollision(let output, let first, let second):
      "\(first) and \(second) would both be written to \(output); rename one or convert them separately"
    case .outputFolderBusy(let path):
      "\(path): another batch is writing to this output folder"
    case .cannotPrepareOutput(let path, let reason):
      "\(path): cannot prepare the output folder: \(reason)"
    case .unreadableFolder(let path, let reason): "\(path): cannot list the folder: \(reason)"
    case .missingExecutable(let path): "\(path): the converter program cannot be run"
    case .catalog(let error): error.description
    }
  }
}
