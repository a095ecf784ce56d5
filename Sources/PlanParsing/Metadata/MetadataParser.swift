import PlanModel

/// Reads the header block of a plan: issuer, number, type, title, place and date.
/// Works on the folded key so that text whose diacritics were lost still yields its
/// number, date and place; the values are cut from the printed text.
struct MetadataParser: Sendable {
  func metadata(_ lines: [TextLine], blocks: DocumentBlocks) -> PlanMetadata {
    var metadata = PlanMetadata()
    let headerLines = lines[0..<min(lines.count, max(blocks.header.upperBound, 1) + 2)]
    var numberLine: Int? = nil
    for (i, line) in zip(headerLines.indices, headerLines) {
      if let m = line.text.firstMatch(
        of: #/(\d{1,6})\s*\/\s*([A-Za-zĐđ]{1,8}(?:-[A-Za-zĐđ0-9]{1,12})+)/#)
      {
        metadata.number = "\(m.1)/\(m.2)"
        numberLine = i
        break
      }
    }
    for line in headerLines {
      guard let (place, date) = Self.placeAndDate(line.text) else { continue }
      metadata.place = place
      metadata.date = date
      break
    }
    if let typeLine = blocks.typeLine {
      let key = lines[typeLine].key.trimmingPunctuation
      metadata.type = DocumentSegmenter.documentTypes.first { $0.key == key }?.name
    }
    let title = lines[blocks.title].filter { !$0.isBlank }.map(\.text).joined(separator: " ")
    metadata.title = title.isEmpty ? nil : title
    metadata.issuer = issuer(lines[0..<(numberLine ?? blocks.header.upperBound)])
    return metadata
  }

  /// "Phú Thọ, ngày 30 tháng 12 năm 2025" (possibly after the number on the same line)
  /// → ("Phú Thọ", "2025-12-30"). OCR's "0lnam" for "01 năm" is read as 01.
  static func placeAndDate(_ text: String) -> (String?, String)? {
    let folded = FoldedText(text)
    guard
      let m = folded.key.firstMatch(
        of: #/,?\s*ngay\s*([0-9olI]{1,2})\s*thang\s*([0-9olI]{1,2})\s*nam\s*((?:19|20)\d\d)/#)
    else { return nil }
    func number(_ s: Substring) -> Int? {
      Int(String(s.map { "lI".contains($0) ? "1" : ($0 == "o" ? "0" : $0) }))
    }
    guard let d = number(m.1), let mo = number(m.2), let y = Int(m.3),
      let day = Day(year: y, month: mo, day: d)
    else { return nil }
    var place = folded.original(from: 0, to: folded.offset(m.range.lowerBound))
    // The number may share the line: "Số: 12535/KH-UBND Phú Thọ, ngày …".
    if let code = place.lastIndex(where: { $0 == "/" }),
      let space = place[code...].firstIndex(of: " ")
    {
      place = String(place[space...])
    }
    place = place.trimmingPunctuation
    return (place.isEmpty ? nil : place, day.iso)
  }

  /// The issuer's lines above the number, without the national motto that shares them
  /// ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc").
  private func issuer(_ lines: ArraySlice<TextLine>) -> String? {
    var parts: [String] = []
    for line in lines where !line.isBlank {
      let folded = FoldedText(line.text)
      var end = folded.original.count
      for marker in ["cong hoa", "doc l", "doc 1"] {
        if let r = folded.key.range(of: marker) { end = min(end, folded.offset(r.lowerBound)) }
      }
      let part = folded.original(from: 0, to: end).trimmingPunctuation
      if !part.isEmpty, part.uppercased() == part, part.contains(where: \.isLetter) {
        parts.append(part)
      }
    }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }
}
