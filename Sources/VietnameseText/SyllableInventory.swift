/// Every well-formed Vietnamese syllable, generated from the phonotactics (onsets ×
/// rhymes × tones under the spelling and tone constraints), written lower case in the
/// traditional tone-placement style of ``Syllable``.
///
/// It is the vocabulary the corrector may output: a word outside it is never produced.
public struct SyllableInventory: Sendable {
  /// The syllables, sorted.
  public let syllables: [String]
  private let members: Set<String>

  /// Generates the inventory.
  public init() {
    var all = Set<String>()
    for onset in Phonotactics.onsets {
      var rhymes = Phonotactics.rhymes
      if onset == "qu" { rhymes.formUnion(Phonotactics.quOnlyRhymes) }
      if onset == "gi" {
        for rhyme in Phonotactics.rhymes where rhyme.hasPrefix("iê") {
          rhymes.insert(String(rhyme.dropFirst()))
        }
      }
      for rhyme in rhymes where Phonotactics.allows(onset: onset, rhyme: rhyme) {
        let vowels = rhyme.prefix(while: VowelTable.isVowel)
        let coda = String(rhyme.dropFirst(vowels.count))
        let stop = Phonotactics.stopCodas.contains(coda)
        for tone in Tone.allCases where !stop || tone.allowedBeforeStop {
          all.insert(Syllable(onset: onset, nucleus: String(vowels), coda: coda, tone: tone).text)
        }
      }
    }
    members = all
    syllables = all.sorted()
  }

  /// Whether `word`, lower case in the output style, is in the inventory.
  public func contains(_ word: String) -> Bool { members.contains(word) }

  /// The number of syllables.
  public var count: Int { syllables.count }
}
