import PlanModel

/// Finds the documents a plan cites in its preamble ("Căn cứ Quyết định số 2629/QĐ-TTg
/// ngày 01/12/2025 của Thủ tướng Chính phủ …"): kind, number, date and issuer.
struct LegalBasisParser: Sendable {
  static let kinds: [(key: String, name: String)] = [
    ("chuong trinh hanh dong", "Chương trình hành động"), ("nghi quyet", "Nghị quyết"),
    ("quyet dinh", "Quyết định"), ("cong van", "Công văn"), ("ke hoach", "Kế hoạch"),
    ("chuong trinh", "Chương trình"), ("thong tu", "Thông tư"), ("nghi dinh", "Nghị định"),
    ("chi thi", "Chỉ thị"), ("to trinh", "Tờ trình"), ("ket luan", "Kết luận"),
    ("huong dan", "Hướng dẫn"), ("thong bao", "Thông báo"), ("de an", "Đề án"),
    ("luat", "Luật"),
  ]

  func legalBases(_ text: String) -> [LegalBasis] {
    let folded = FoldedText(text.collapsingWhitespace)
    let key = folded.key
    var result: [LegalBasis] = []
    let pattern =
      #/(chuong trinh hanh dong|nghi quyet|quyet dinh|cong van|ke hoach|chuong trinh|thong tu|nghi dinh|chi thi|to trinh|ket luan|huong dan|thong bao|de an|luat)\s+(?:s[o0-9b$]{0,2}\s*:?\s*)?(\d{1,6}[\/\-][\w\/\-]*\w)(?:\s+ngay\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*((?:19|20)\d\d))?/#
    for m in key.matches(of: pattern) {
      let kind = Self.kinds.first { $0.key == m.1 }?.name
      let number = folded.original(m.2.startIndex..<m.2.endIndex)
      var date: String? = nil
      if let d = m.3, let mo = m.4, let y = m.5,
        let day = Day(year: Int(y)!, month: Int(mo)!, day: Int(d)!)
      {
        date = day.iso
      }
      var end = folded.offset(m.range.upperBound)
      var issuer: String? = nil
      let after = key[m.range.upperBound...]
      if let cua = after.firstMatch(of: #/^\s*c\S{1,3}\s+/#), after.hasPrefix(" c") {
        // The issuer runs from "của" to the subject ("về …") or the next clause.
        let start = folded.offset(cua.range.upperBound)
        let tail = key[cua.range.upperBound...]
        let stop = tail.firstMatch(
          of:
            #/\s+(?:ve|thuc hien|sua doi|ban hanh|phe duyet|tai)\s|[;,.(]|\s+va\s+(?:chuong|nghi|quyet|ke)/#
        )
        let stopOffset = stop.map { folded.offset($0.range.lowerBound) } ?? folded.original.count
        issuer = folded.original(from: start, to: stopOffset).trimmingPunctuation
        end = stopOffset
        if issuer?.isEmpty == true { issuer = nil }
      }
      let printed = folded.original(from: folded.offset(m.range.lowerBound), to: end)
        .trimmingPunctuation
      if result.contains(where: { $0.number == number }) { continue }
      result.append(
        LegalBasis(kind: kind, number: number, date: date, issuer: issuer, text: printed))
    }
    // A citation whose kind OCR garbled still has a code and a date: keep it, kindless.
    for m in key.matches(
      of: #/(\d{1,6}[\/\-][\w\/\-]*\w)\s+ngay\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*((?:19|20)\d\d)/#)
    {
      let number = folded.original(m.1.startIndex..<m.1.endIndex)
      guard number.contains(where: \.isLetter), !result.contains(where: { $0.number == number }),
        let day = Day(year: Int(m.4)!, month: Int(m.3)!, day: Int(m.2)!)
      else { continue }
      let printed = folded.original(m.range.lowerBound..<m.range.upperBound)
      result.append(
        LegalBasis(kind: nil, number: number, date: day.iso, issuer: nil, text: printed))
    }
    return result
  }
}
