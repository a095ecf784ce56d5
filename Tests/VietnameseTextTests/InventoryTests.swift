import Foundation
import Testing

@testable import VietnameseText

/// The generated inventory must hold the syllables of an independent Vietnamese word list
/// (the system's hunspell-vi dictionary, installed by scripts/setup) without being a blind
/// over-generation.
@Test func inventoryCoversTheHunspellWordList() throws {
  let path = "/usr/share/hunspell/vi_VN.dic"
  let text = try #require(
    try? String(contentsOfFile: path, encoding: .utf8), "missing \(path): run scripts/setup")
  let inventory = SyllableInventory()
  var total = 0
  var missing: [String] = []
  for entry in text.split(separator: "\n").dropFirst() {
    let word = String(entry.split(separator: "/")[0])
    // Lower-case Vietnamese syllables only: the list also holds acronyms and loan words.
    guard word == word.lowercased(), !word.contains(" "),
      word.unicodeScalars.contains(where: { $0.value > 0x7F })
    else { continue }
    total += 1
    if !inventory.contains(Syllable.normalize(word)) { missing.append(word) }
  }
  #expect(total > 4000)
  let coverage = Double(total - missing.count) / Double(total)
  #expect(coverage >= 0.99, "not generated: \(missing.prefix(40))")
  #expect(inventory.count < 3 * total)
}

@Test func inventoryHoldsOnlyWellFormedSyllables() {
  let inventory = SyllableInventory()
  #expect(inventory.contains("nghiệp"))
  #expect(inventory.contains("hóa"))
  #expect(!inventory.contains("hoá"))
  #expect(!inventory.contains("kà"))
  #expect(!inventory.contains("tàp"))
  for word in inventory.syllables.prefix(2000) { #expect(Syllable(word)?.text == word) }
}
