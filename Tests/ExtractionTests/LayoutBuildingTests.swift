import PlanModel
import Testing

@testable import Extraction

@Suite struct LayoutBuildingTests {
  /// Glyphs of `text` set left to right from `x` on one baseline, 6 points per letter.
  func glyphs(_ text: String, x: Double, y: Double = 100) -> [Glyph] {
    text.unicodeScalars.enumerated().map { i, s in
      Glyph(scalar: s, box: BoundingBox(x: x + Double(i) * 6, y: y, width: 6, height: 12))
    }
  }

  @Test func gluedTableCellsAreSplitOnTheGapInX() {
    // Poppler's text for two cells: "Sở Nội vụSở Tài chính" with no space at the cell edge.
    let left = glyphs("Sở Nội vụ", x: 10)
    let right = glyphs("Sở Tài chính", x: 200)
    let words = TextLayerWords.words(from: left + right)
    #expect(words.map(\.text) == ["Sở", "Nội", "vụ", "Sở", "Tài", "chính"])
    #expect(words[2].box!.maxX < words[3].box!.x)
  }

  @Test func decomposedTextLeavesNFC() {
    let words = TextLayerWords.words(from: glyphs("Ke\u{0302}\u{0301}", x: 0))
    #expect(words.map(\.text) == ["Kế"])
  }

  @Test func wordsOnOneBaselineFormOneLineLeftToRight() {
    func word(_ t: String, _ x: Double, _ y: Double, _ h: Double = 12) -> Word {
      Word(text: t, box: BoundingBox(x: x, y: y, width: 30, height: h), confidence: 1, origin: .ocr)
    }
    // Listed column by column, as OCR reads a two-column header.
    let words = [
      word("ỦY", 10, 10), word("BAN", 45, 10.5), word("TỈNH", 10, 30),
      word("CỘNG", 300, 11), word("HÒA", 335, 10), word("Độc", 300, 31, 14),
    ]
    let lines = LineBuilder.lines(from: words)
    #expect(lines.map(\.text) == ["ỦY BAN CỘNG HÒA", "TỈNH Độc"])
  }
}
