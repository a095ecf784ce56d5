import VietnameseText

/// A text and its folded key, character for character, so that a pattern found in the
/// key (where lost or wrong diacritics no longer matter) can be cut out of the original.
struct FoldedText {
  /// The original characters.
  let original: [Character]
  /// The folded key: same length as `original`, one folded character per character.
  let key: String

  init(_ text: String) {
    original = Array(text)
    var folded = ""
    folded.reserveCapacity(original.count)
    for character in original {
      let key = VietnameseFolding.fold(String(character))
      // Keep the 1:1 correspondence; a character whose fold is not one character
      // (none in Vietnamese) stays as it is.
      folded.append(key.count == 1 ? key.first! : character)
    }
    key = folded
  }

  /// The original text of the key's `range`.
  func original(_ range: Range<String.Index>) -> String {
    let start = key.distance(from: key.startIndex, to: range.lowerBound)
    let end = key.distance(from: key.startIndex, to: range.upperBound)
    return String(original[start..<end])
  }

  /// The original text from character offset `start` to `end`.
  func original(from start: Int, to end: Int) -> String {
    String(original[max(0, start)..<min(original.count, end)])
  }

  /// The character offset of `index` in the key.
  func offset(_ index: String.Index) -> Int { key.distance(from: key.startIndex, to: index) }
}

extension String {
  /// The text with runs of whitespace turned into single spaces and no space at the ends.
  var collapsingWhitespace: String {
    split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// The mark-free, lower-case key with collapsed whitespace.
  var foldKey: String { VietnameseFolding.fold(self).collapsingWhitespace }
}
