/// How restoration treated one page: the mode it chose and how many words it changed.
public struct PageRestoration: Codable, Sendable, Hashable {
  /// `full` when the page had lost its diacritics (every syllable restored), `light` when
  /// it had them (only what is not a Vietnamese syllable repaired).
  public var mode: String
  /// How many words were changed on the page.
  public var changedWords: Int

  /// Creates a page's restoration report.
  public init(mode: String, changedWords: Int) {
    self.mode = mode
    self.changedWords = changedWords
  }
}

/// A word restoration changed with low confidence, listed for a person to check.
public struct ReviewItem: Codable, Sendable, Hashable {
  /// The page, from 1.
  public var page: Int
  /// The line within the page, from 1.
  public var line: Int
  /// The word as extracted.
  public var original: String
  /// The word as restored.
  public var replacement: String
  /// The corrector's confidence in the replacement, 0...1.
  public var confidence: Double

  /// Creates a review entry.
  public init(page: Int, line: Int, original: String, replacement: String, confidence: Double) {
    self.page = page
    self.line = line
    self.original = original
    self.replacement = replacement
    self.confidence = confidence
  }
}
