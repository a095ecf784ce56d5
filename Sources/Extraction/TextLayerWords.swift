import Foundation
import PlanModel

/// Turns a text layer's glyphs into words. Poppler's text glues neighbouring table
/// cells with no space between them, so a word also ends where the next glyph starts
/// after a gap in x wider than a fraction of the glyph height, or on another line.
enum TextLayerWords {
  /// A gap wider than this fraction of the glyph height separates two words; letter
  /// spacing in justified text stays far below it, a space is about a quarter em.
  static let gapFactor = 0.2

  static func words(from glyphs: [Glyph]) -> [Word] {
    var words: [Word] = []
    var scalars = String.UnicodeScalarView()
    var box: BoundingBox?
    var last: BoundingBox?

    func flush() {
      if let b = box, !scalars.isEmpty {
        let text = String(scalars).precomposedStringWithCanonicalMapping
        words.append(Word(text: text, box: b, confidence: 1, origin: .textLayer))
      }
      scalars = String.UnicodeScalarView()
      box = nil
      last = nil
    }

    for glyph in glyphs {
      if glyph.scalar.properties.isWhitespace || glyph.scalar.value < 0x20 {
        flush()
        continue
      }
      let g = glyph.box
      if let prev = last {
        let height = max(min(prev.height, g.height), 1)
        let gap = g.x - prev.maxX
        let sameLine = abs(g.midY - prev.midY) < height / 2
        // Combining marks sit inside their base letter's box: never a gap.
        let isMark = glyph.scalar.properties.generalCategory == .nonspacingMark
        if !isMark && (!sameLine || gap > gapFactor * height || gap < -height) {
          flush()
        }
      }
      scalars.append(glyph.scalar)
      box = box.map { $0.union(g) } ?? g
      last = g
    }
    flush()
    return words
  }
}
