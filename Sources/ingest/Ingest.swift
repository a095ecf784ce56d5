import ArgumentParser

/// The `ingest` command: turns Vietnamese plan documents into structured JSON.
@main
struct Ingest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Turn Vietnamese plan documents (PDF, images, OCR text) into structured JSON.",
    subcommands: [
      BatchCommand.self
    ]
  )

}
