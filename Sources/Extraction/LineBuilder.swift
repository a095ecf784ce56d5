import PlanModel

/// Groups words with boxes into visual lines: words whose boxes overlap vertically by
/// at least half the smaller height share a line, read left to right; lines run top to
/// bottom. Text-layer and OCR pages go through the same rule so that both read a page
/// the same way (a header's two columns and a table's cells on one baseline form one
/// line), whatever order the source listed the words in.
enum LineBuilder {
  static func lines(from words: [Word]) -> [Line] {
    let boxed = words.filter { $0.box != nil }
    var groups: [(top: Double, bottom: Double, words: [Word])] = []
    for word in boxed.sorted(by: { $0.box!.midY < $1.box!.midY }) {
      let b = word.box!
      // Only the last few lines can still take a word when words arrive sorted by centre.
      var target: Int?
      for index in groups.indices.suffix(4).reversed() {
        let g = groups[index]
        let overlap = min(g.bottom, b.maxY) - max(g.top, b.y)
        let smaller = min(g.bottom - g.top, b.height)
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
        groups.append((b.y, b.maxY, [word]))
      }
    }
    // Groups were opened in order of their first word's centre: top to bottom.
    return groups.map { Line(words: $0.words.sorted { $0.box!.x < $1.box!.x }) }
  }
}
