import Foundation

/// Folding of Vietnamese text to a mark-free, lower-case key, for matching words whose
/// diacritics may have been lost ("Phú Thọ", "PHU THO" and "phu tho" share one key).
public enum VietnameseFolding {
  /// Lower-cases `text`, removes every combining mark (tones and vowel marks) and turns
  /// đ into d. Characters other than letters are kept as they are.
  public static func fold(_ text: String) -> String {
    // Text of Latin letters, Vietnamese ones and combining marks folds scalar by scalar
    // from a table; the Unicode decomposition (thousands of instructions a word) is left
    // for the rest.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        bytes.append(UInt8(value) &- 0x41 < 26 ? UInt8(value) | 0x20 : UInt8(value))
        continue
      }
      guard let index = tableIndex(value) else { return foldByDecomposition(text) }
      let folded = table[index]
      if folded == unfoldable { return foldByDecomposition(text) }
      if folded == 0 { continue }
      bytes.append(contentsOf: UTF8.encode(Unicode.Scalar(folded)!)!)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The fold by definition: lower case, canonical decomposition, marks and the stroke
  /// of đ dropped.
  static func foldByDecomposition(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
      switch scalar.value {
      case 0x0300...0x036F: continue
      case 0x0111: scalars.append("d")
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// The blocks the table covers: Latin-1 and Latin Extended-A/B letters (ơ, ư, đ), the
  /// combining marks, and Latin Extended Additional (the letters with a tone).
  static let tableRanges: [ClosedRange<UInt32>] = [
    0x00C0...0x024F, 0x0300...0x036F, 0x1E00...0x1EFF,
  ]

  @inline(__always) private static func tableIndex(_ value: UInt32) -> Int? {
    var offset = 0
    for range in tableRanges {
      if range.contains(value) { return offset + Int(value - range.lowerBound) }
      offset += range.count
    }
    return nil
  }

  private static let unfoldable = UInt32.max

  /// Each covered scalar's fold when it is at most one scalar that no canonical
  /// reordering can move (0 when it folds to nothing, `unfoldable` otherwise). Lower-casing
  /// and decomposition work scalar by scalar, and marks that reordering could move are
  /// all dropped, so folding a text scalar by scalar gives the fold of the whole.
  private static let table: [UInt32] = tableRanges.flatMap { range in
    range.map { value -> UInt32 in
      guard let scalar = Unicode.Scalar(value) else { return unfoldable }
      let folded = Array(foldByDecomposition(String(Character(scalar))).unicodeScalars)
      if folded.isEmpty { return 0 }
      guard folded.count == 1, folded[0].properties.canonicalCombiningClass == .notReordered,
        scalar.properties.canonicalCombiningClass == .notReordered
      else { return unfoldable }
      return folded[0].value
    }
  }
}
