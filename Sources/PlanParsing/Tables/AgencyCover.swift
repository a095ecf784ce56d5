/// How much of a run of words names agencies, for telling an agency cell from its
/// neighbours: words of a name the dictionary knows count wholly, words of a name that
/// only begins like an agency's ("Sở …", "Trường …") partly, "và" and punctuation not at
/// all. Works on the words' folded keys, computed once, so that the many runs a row's
/// segmentation weighs cost a few dictionary look-ups each.
struct AgencyCover {
  /// The best covered weight of the first `j` words, for every `j`.
  private var best: [Double]
  /// How many of the first `j` words count.
  private var counted: [Int]

  /// The longest name looked up, in words.
  static let longestName = 10

  /// Whether each word, with the next, begins an agency's name.
  static func heads(_ keys: [String], agencies: AgencyNormalizer) -> [Bool] {
    keys.indices.map { p in
      agencies.startsAgency(keys[p] + (p + 1 < keys.count ? " " + keys[p + 1] : ""))
    }
  }

  /// `words` as printed, their keys (`AgencyDictionary.key`) and, when known already,
  /// which of them begin an agency's name.
  init(words: [String], keys: [String], agencies: AgencyNormalizer, heads: [Bool]? = nil) {
    let m = words.count
    best = [Double](repeating: 0, count: m + 1)
    counted = [Int](repeating: 0, count: m + 1)
    for p in 0..<m {
      counted[p + 1] = counted[p] + (Self.counts(keys[p]) ? 1 : 0)
    }
    let heads = heads ?? Self.heads(keys, agencies: agencies)
    for p in 0..<m {
      best[p + 1] = max(best[p + 1], best[p])
      guard Self.counts(keys[p]) else { continue }
      var key = ""
      var known = 0
      for end in p..<min(m, p + Self.longestName) {
        if !keys[end].isEmpty { key += key.isEmpty ? keys[end] : " " + keys[end] }
        if agencies.dictionary.knows(key: key) { known = end + 1 }
      }
      if known > 0 {
        best[known] = max(best[known], best[p] + Double(counted[known] - counted[p]))
      }
      // A name that begins like an agency's runs at most to the next separator or
      // the next such beginning.
      guard heads[p] else { continue }
      let weight = words[p].first?.isUppercase == true ? 0.6 : 0.3
      var end = p + 1
      while true {
        best[end] = max(best[end], best[p] + weight * Double(counted[end] - counted[p]))
        guard end < m, end - p < 8, !Self.separates(words[end - 1]), !heads[end] else { break }
        end += 1
      }
    }
    for j in stride(from: 1, through: m, by: 1) { best[j] = max(best[j], best[j - 1]) }
  }

  /// The share of the counted words among the first `j` that name agencies.
  func share(_ j: Int) -> Double {
    counted[j] > 0 ? best[j] / Double(counted[j]) : 0
  }

  private static func counts(_ key: String) -> Bool { !key.isEmpty && key != "va" }

  private static func separates(_ word: String) -> Bool {
    word.last.map { $0 == "," || $0 == ";" } ?? false
  }
}
