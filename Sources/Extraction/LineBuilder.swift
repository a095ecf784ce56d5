import PlanModel

/// Groups words with boxes into visual lines: words whose boxes overlap vertically by
/// at least half the smaller height share a line, read left to right; lines run top to
/// bottom. Text-layer and OCR pages go through the same rule so that both read a page
/// the same way (a header's two columns and a table's cells on one baseline form one
/// line), whatever order the source listed the words in.
enum LineBuilder {
  /// The vertical extent a word is grouped by.
  struct Band {
    var top: Double
    var bottom: Double
    var mid: Double { (top + bottom) / 2 }
  }

  /// Groups words by their own boxes (a text layer's boxes are the font's, so words on
  /// one baseline have nearly the same band whatever their letters).
  static func lines(from words: [Word]) -> [Line] {
    let boxed = words.filter { $0.box != nil }
    return lines(from: boxed, bands: boxed.map { Band(top: $0.box!.y, bottom: $0.box!.maxY) })
  }

  /// Groups words by the bands given, one per word. OCR boxes hug the ink ("quan" and
  /// "Cơ" on one baseline barely overlap), so OCR words are grouped by their text
  /// line's band, corrected for the page's skew.
  static func lines(from words: [Word], bands: [Band]) -> [Line] {
    var groups: [(top: Double, bottom: Double, words: [Word])] = []
    let order = words.indices.filter { words[$0].box != nil }.sorted {
      bands[$0].mid < bands[$1].mid
    }
    for index in order {
      let word = words[index]
      let b = bands[index]
      // Only the last few lines can still take a word when words arrive sorted by centre.
      var target: Int?
      for index in groups.indices.suffix(4).reversed() {
        let g = groups[index]
        let overlap = min(g.bottom, b.bottom) - max(g.top, b.top)
        let smaller = min(g.bottom - g.top, b.bottom - b.top)
        if smaller > 0, overlap >= 0.5 * smaller {
          target = index
          break
        }
      }
      if let index = target {
        groups[index].words.append(word)
        // Keep the line's band at its first word's height so a tall neighbour cannot
        // make it swallow the next line.
      } else {
        groups.append((b.top, b.bottom, [word]))
      }
    }
    // Groups were opened in order of their first word's centre: top to bottom.
    return groups.map { Line(words: $0.words.sorted { $0.box!.x < $1.box!.x }) }
  }
}
