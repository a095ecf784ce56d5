import Foundation

/// The one JSON encoding of every output, so that the same input always yields the same
/// bytes (sorted keys), whoever writes it: the single-file command, a batch, or a test.
public enum PlanJSON {
  /// An encoder with snake_case keys, sorted keys and pretty printing.
  public static func encoder(pretty: Bool = true) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    var formatting: JSONEncoder.OutputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    if pretty { formatting.insert(.prettyPrinted) }
    encoder.outputFormatting = formatting
    return encoder
  }

  /// The matching decoder.
  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
  }
}
