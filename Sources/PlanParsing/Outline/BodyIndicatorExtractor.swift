import PlanModel

/// Indicators stated in the body ("Mục tiêu cụ thể": "- Tỷ lệ … đạt tối thiểu 90%."):
/// each bullet of that section and its sub-sections that states a target.
struct BodyIndicatorExtractor: Sendable {
  let targets: TargetNormalizer

  func indicators(in sections: [Section]) -> [Indicator] {
    var result: [Indicator] = []
    func visit(_ section: Section, inside: Bool) {
      let key = section.heading.foldKey
      let here = inside || key.contains("muc tieu cu the") || key.contains("chi tieu cu the")
      if here {
        var n = 0
        for paragraph in section.text.split(separator: "\n")
        where paragraph.hasPrefix("-") || paragraph.hasPrefix("+") {
          let text = String(paragraph.dropFirst()).collapsingWhitespace
          guard let target = targets.target(in: text) else { continue }
          n += 1
          let number = section.number ?? "body"
          result.append(
            Indicator(
              id: "body-\(number)-\(n)", appendix: nil,
              section: SectionRef(number: section.number, title: section.heading), number: nil,
              text: text, target: target, page: section.page, confidence: 0.6))
        }
      }
      for child in section.children { visit(child, inside: here) }
    }
    for section in sections { visit(section, inside: false) }
    return result
  }
}
