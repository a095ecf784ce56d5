import PlanModel

/// Reads the closing of a plan: the "Nơi nhận" list and the signature block. On OCR of
/// a two-column closing both columns share lines ("- Lưu: VT, VX4. Nguyễn Huy Ngọc"),
/// so the signer's name is the trailing run of capitalised words of a line, and the
/// signer's title the trailing run of all-capital words.
struct ClosingParser: Sendable {
  func closing(_ lines: ArraySlice<TextLine>) -> (recipients: [String], signer: Signer?) {
    var recipients: [String] = []
    var titleParts: [String] = []
    var name: String? = nil
    for line in lines where !line.isBlank {
      var text = line.text
      if line.key.hasPrefix("noi nh"), let colon = text.firstIndex(of: ":") {
        text = String(text[text.index(after: colon)...]).collapsingWhitespace
      }
      if let run = Self.trailingRun(text, allCaps: true), run.words >= 2 || run.text.contains(".") {
        titleParts.append(run.text)
        text = run.rest
      } else if let run = Self.trailingRun(text, allCaps: false), run.words >= 2, run.words <= 5,
        !text.hasPrefix("-") || run.rest.hasSuffix(".") || run.rest.hasSuffix(";")
      {
        name = run.text
        text = run.rest
      }
      text = Self.dropTrailingNoise(text)
      if text.hasPrefix("-") {
        recipients.append(String(text.dropFirst()).trimmingPunctuation)
      } else if !text.isEmpty, !recipients.isEmpty, text.first?.isLowercase == true {
        recipients[recipients.count - 1] += " " + text.trimmingPunctuation
      }
    }
    let signer =
      name == nil && titleParts.isEmpty
      ? nil
      : Signer(name: name, title: titleParts.isEmpty ? nil : titleParts.joined(separator: " "))
    return (recipients.filter { !$0.isEmpty }, signer)
  }

  /// The longest run of words at the end of `text` that are all capitals (a title such
  /// as "KT. CHỦ TỊCH") or all capitalised (a name such as "Nguyễn Huy Ngọc").
  static func trailingRun(_ text: String, allCaps: Bool) -> (
    text: String, rest: String, words: Int
  )? {
    let words = text.split(separator: " ").map(String.init)
    var count = 0
    for word in words.reversed() {
      let letters = word.filter(\.isLetter)
      guard !letters.isEmpty, !word.contains(where: \.isNumber) else { break }
      let ok =
        allCaps
        ? letters.uppercased() == letters && (letters.count >= 2 || word.hasSuffix("."))
          && !word.contains(where: { ";:,()/".contains($0) })
        : letters.first!.isUppercase && letters.dropFirst().allSatisfy(\.isLowercase)
          && !word.contains(where: { ";:,()/".contains($0) }) && letters.count >= 2
      guard ok else { break }
      count += 1
    }
    guard count > 0 else { return nil }
    let run = words.suffix(count).joined(separator: " ")
    let rest = words.dropLast(count).joined(separator: " ")
    return (run, rest, count)
  }

  /// Bits of the other column after a recipient's closing ";" ("(b/c); il").
  static func dropTrailingNoise(_ text: String) -> String {
    guard let semi = text.lastIndex(of: ";") else { return text }
    let tail = text[text.index(after: semi)...].trimmingCharacters(in: " ")
    return tail.count <= 3 ? String(text[...semi]) : text
  }
}

extension StringProtocol {
  /// The text without the given characters at either end.
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let c = s.first, set.contains(c) { s = s.dropFirst() }
    while let c = s.last, set.contains(c) { s = s.dropLast() }
    return String(s)
  }
}
