/// The version of the JSON output contract (`schema/plan.schema.json`). Bump the minor
/// part for added fields, the major part for anything a consumer could trip over.
public enum SchemaVersion {
  /// The version written into every output document.
  public static let current = "1.2.0"
}
