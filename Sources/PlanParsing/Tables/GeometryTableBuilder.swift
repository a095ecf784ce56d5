/// Placeholder until the geometric builder lands in its own commit.
struct GeometryTableBuilder: Sendable {
  func tables(_ lines: ArraySlice<TextLine>) -> [RebuiltTable] { [] }
}
