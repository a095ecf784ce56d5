import Foundation
import PlanModel
import VietnameseText

/// The canonical agency names and their aliases, read from `dictionaries/agencies.tsv`
/// (one agency per line: canonical name, a tab, aliases separated by "|"). Names are
/// looked up by a folded key, so lost or wrong diacritics do not matter, and, for names
/// long enough to be told apart, within a small edit distance of a known spelling.
public struct AgencyDictionary: Sendable {
  /// Canonical name by folded key of every spelling.
  private var canonicalByKey: [String: String] = [:]
  /// The spelling itself (canonical or alias, with its marks) by its folded key.
  private var spellingByKey: [String: String] = [:]
  /// Every key.
  private var keys: [String] = []
  /// Every run of whole words that begins a key and is shorter than it, for joining
  /// fragments.
  private var prefixes: Set<String> = []
  /// Keys by their first character, for the near-match search (OCR rarely breaks the
  /// first letter of a name, and this keeps the search to a few dozen spellings).
  private var keysByFirst: [Character: [[UInt8]]] = [:]

  /// An empty dictionary: every agency keeps its printed name.
  public init() {}

  /// Reads the dictionary from its TSV text.
  public init(tsv: String) {
    for line in tsv.split(whereSeparator: \.isNewline) {
      if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      let canonical = String(fields[0]).collapsingWhitespace
      guard !canonical.isEmpty else { continue }
      add(canonical, canonical: canonical)
      if fields.count > 1 {
        for alias in fields[1].split(separator: "|") { add(String(alias), canonical: canonical) }
      }
    }
  }

  /// Reads the dictionary from `url`.
  /// - Throws: `PlanParsingError.dictionaryUnreadable` naming the file.
  public init(contentsOf url: URL) throws(PlanParsingError) {
    do {
      self.init(tsv: try String(contentsOf: url, encoding: .utf8))
    } catch {
      throw .dictionaryUnreadable(file: url.path, reason: "\(error)")
    }
  }

  private mutating func add(_ spelling: String, canonical: String) {
    let key = Self.key(spelling)
    guard !key.isEmpty, canonicalByKey[key] == nil else { return }
    canonicalByKey[key] = canonical
    spellingByKey[key] = spelling.collapsingWhitespace
    keys.append(key)
    var prefix = ""
    for word in key.split(separator: " ").dropLast() {
      prefix += prefix.isEmpty ? String(word) : " " + word
      prefixes.insert(prefix)
    }
    keysByFirst[key.first!, default: []].append(Array(key.utf8))
  }

  /// How many spellings the dictionary knows.
  public var count: Int { keys.count }

  /// Whether `key` (already folded by `key(_:)`) is a known spelling's key.
  func knows(key: String) -> Bool { canonicalByKey[key] != nil }

  /// The known spelling (canonical name or alias, with its diacritics) whose folded
  /// key is `name`'s, when there is one.
  public func spelling(of name: String) -> String? { spellingByKey[Self.key(name)] }

  /// The canonical name of `name` when the dictionary knows it exactly (by folded key).
  public func exact(_ name: String) -> String? { canonicalByKey[Self.key(name)] }

  /// The canonical name of `name`: exact by folded key, else the nearest known spelling
  /// within an edit distance of about one character in six.
  public func canonical(_ name: String) -> String? {
    nearestKey(name).map { canonicalByKey[$0]! }
  }

  /// The known spelling (with its diacritics) nearest to `name`, by the same rule as
  /// `canonical(_:)`.
  public func nearestSpelling(_ name: String) -> String? {
    nearestKey(name).map { spellingByKey[$0]! }
  }

  /// The key of the known spelling nearest to `name`: its own key when known, else the
  /// nearest within an edit distance of about one character in six.
  private func nearestKey(_ name: String) -> String? {
    let key = Self.key(name)
    if canonicalByKey[key] != nil { return key }
    guard key.count >= 8 else { return nil }
    let limit = max(1, key.count / 6)
    var best: (distance: Int, key: [UInt8])? = nil
    let target = Array(key.utf8)
    for candidate in keysByFirst[key.first!] ?? []
    where abs(candidate.count - target.count) <= limit {
      let d = Self.distance(target, candidate, limit: limit)
      if d <= limit, d < (best?.distance ?? Int.max) { best = (d, candidate) }
    }
    return best.map { String(decoding: $0.key, as: UTF8.self) }
  }

  /// Whether some known spelling starts with `prefix` (by key), for joining fragments.
  func knowsPrefix(_ prefix: String) -> Bool { knowsPrefix(key: Self.key(prefix)) }

  /// `knowsPrefix` of a folded key (`key(_:)`).
  func knowsPrefix(key: String) -> Bool { prefixes.contains(key) }

  /// The folded key: no marks, lower case, every run of non-alphanumerics (except "&")
  /// one space.
  static func key(_ text: String) -> String {
    var out = ""
    var space = false
    for scalar in VietnameseFolding.fold(text).unicodeScalars {
      let keep = (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) && scalar.isASCII
      if keep || scalar == "&" {
        if space && !out.isEmpty { out.append(" ") }
        space = false
        out.unicodeScalars.append(scalar)
      } else {
        space = true
      }
    }
    return out
  }

  /// Levenshtein distance, giving up early once it exceeds `limit`.
  static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMin = min(rowMin, current[j])
      }
      if rowMin > limit { return limit + 1 }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
