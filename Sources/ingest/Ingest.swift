import ArgumentParser
import Foundation
import Pipeline

/// The `ingest` command: turns Vietnamese plan documents into structured JSON.
@main
struct Ingest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Turn Vietnamese plan documents (PDF, images, OCR text) into structured JSON.",
    discussion: ExitStatus.helpText,
    subcommands: [
      ConvertCommand.self,
      BatchCommand.self,
      RestoreCommand.self,
    ],
    defaultSubcommand: ConvertCommand.self
  )

  /// Parses and runs the command, mapping every failure to one stderr line and one of
  /// the documented exit statuses.
  static func main() {
    SupervisedChild.bindToSupervisor()
    OpenMPEnvironment.relaunchIfNeeded()
    AllocatorSettings.keepFreedBlocks()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let code as ExitCode {
      // A run that wrote its output but skipped pages has already said why.
      Foundation.exit(code.rawValue)
    } catch let failure as CommandFailure {
      FileHandle.standardError.write(Data("ingest: \(failure.message)\n".utf8))
      Foundation.exit(failure.status.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success { exit(withError: error) }
      let message = fullMessage(for: error)
      FileHandle.standardError.write(Data("ingest: \(message)\n".utf8))
      let status: ExitStatus = code == .validationFailure ? .usage : .internalError
      Foundation.exit(status.rawValue)
    }
  }
}
