import Foundation

/// Folding of Vietnamese text to a mark-free, lower-case key, for matching words whose
/// diacritics may have been lost ("Phú Thọ", "PHU THO" and "phu tho" share one key).
public enum VietnameseFolding {
  /// Lower-cases `text`, removes every combining mark (tones and vowel marks) and turns
  /// đ into d. Characters other than letters are kept as they are.
  public static func fold(_ text: String) -> String {
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
}
