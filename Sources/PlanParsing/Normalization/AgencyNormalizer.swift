import PlanModel
import VietnameseText

/// Splits a printed list of agencies ("Sở Khoa học và Công nghệ; Các Sở, ban, ngành,
/// UBND cấp xã") into agencies with canonical names. Lists split on ";" always and on
/// "," only where the comma separates agencies: "Các Sở, ban, ngành" and "Sở Văn hóa,
/// Thể thao và Du lịch" stay whole because the dictionary knows them or because the
/// words after the comma do not begin an agency's name.
public struct AgencyNormalizer: Sendable {
  /// The canonical names and aliases.
  public let dictionary: AgencyDictionary

  /// Creates a normalizer over `dictionary`.
  public init(dictionary: AgencyDictionary) {
    self.dictionary = dictionary
  }

  /// The agencies of a printed list, in order, without duplicates. With `readByOCR`
  /// (a table OCR read), a name the dictionary knows under a spelling OCR garbled is
  /// given that spelling as printed: when only the marks differ, the known marks on the
  /// letters as read ("Các chỉ bộ trực thuộc" is the printed "Các chi bộ trực thuộc");
  /// when the letters differ within the dictionary's near-match distance, the known
  /// spelling ("S¢ Khoa hoc va Cong nghé" is "Sở Khoa học và Công nghệ").
  public func agencies(in list: String, readByOCR: Bool = false) -> [Agency] {
    var result: [Agency] = []
    for part in list.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
      let fragments = part.split(separator: ",").map { String($0).collapsingWhitespace }
        .filter { !$0.isEmpty }
      var i = 0
      while i < fragments.count {
        var taken = 1
        var name = fragments[i]
        // The longest run of fragments the dictionary knows as one name.
        for j in stride(from: min(fragments.count, i + 5), to: i + 1, by: -1) {
          let joined = fragments[i..<j].joined(separator: ", ")
          if dictionary.exact(joined) != nil {
            taken = j - i
            name = joined
            break
          }
        }
        if taken == 1 {
          while i + taken < fragments.count, !startsAgency(fragments[i + taken]) {
            name += ", " + fragments[i + taken]
            taken += 1
          }
        }
        i += taken
        for read in splitOnAnd(name.trimmingPunctuation) {
          guard !read.isEmpty, read.contains(where: \.isLetter) else { continue }
          let raw = readByOCR ? asPrinted(read) : read
          let agency = Agency(name: dictionary.canonical(raw) ?? raw, raw: raw)
          if !result.contains(where: { $0.name == agency.name }) { result.append(agency) }
        }
      }
    }
    return result
  }

  /// What OCR's reading `name` printed, when the dictionary knows it: see
  /// `agencies(in:readByOCR:)`.
  func asPrinted(_ name: String) -> String {
    if dictionary.spelling(of: name) != nil { return withKnownMarks(name) }
    return dictionary.nearestSpelling(name) ?? name
  }

  /// `name` with the marks of the known spelling that folds to the same letters, when
  /// the two align character for character; else `name` as it is.
  func withKnownMarks(_ name: String) -> String {
    guard let known = dictionary.spelling(of: name), known != name else { return name }
    let read = Array(name)
    let marked = Array(known)
    guard read.count == marked.count else { return name }
    var out = ""
    for (r, m) in zip(read, marked) {
      let rf = VietnameseFolding.fold(String(r))
      guard rf == VietnameseFolding.fold(String(m)) else { return name }
      // The known character's marks, in the case OCR read.
      out += r.isUppercase ? m.uppercased() : m.lowercased()
    }
    return out
  }

  /// "Sở Tài chính và các sở, ngành" is two agencies: a name the dictionary does not
  /// know splits at a "và" whose left side it knows and whose right side begins an
  /// agency. Names that hold "và" themselves ("Sở Khoa học và Công nghệ") are known.
  func splitOnAnd(_ name: String) -> [String] {
    guard dictionary.exact(name) == nil else { return [name] }
    let words = name.split(separator: " ").map(String.init)
    for p in words.indices.dropFirst() where words[p].foldKey == "va" && p + 1 < words.count {
      let left = words[..<p].joined(separator: " ")
      let right = words[(p + 1)...].joined(separator: " ")
      if dictionary.exact(left) != nil, dictionary.exact(right) != nil || startsAgency(right) {
        return [left] + splitOnAnd(right)
      }
    }
    return [name]
  }

  /// First words that begin an agency's name (folded). A one-word fragment ("ban",
  /// "ngành") never starts one: it is the tail of a list name like "Các Sở, ban, ngành".
  private static let heads: [String] = [
    "so", "ban", "ubnd", "uy ban", "van phong", "cong an", "bo", "bao", "dai", "cuc",
    "chi cuc", "thue", "ngan hang", "hiep hoi", "cac", "truong", "bao hiem", "vien thong",
    "tinh doan", "hoi", "lien doan", "kho bac", "dang uy", "mat tran", "trung tam", "cong ty",
    "cong thong tin", "cong ttdt", "doanh nghiep", "tap doan", "phong", "thanh tra",
    "chu tich", "hdnd", "ttdt", "nhnn", "bhxh", "tinh uy", "mttq", "ubmttq", "vnpt", "viettel",
  ]

  func startsAgency(_ fragment: String) -> Bool {
    // One folding for every test below: this runs for each word of a table.
    let key = AgencyDictionary.key(fragment)
    let known = dictionary.knows(key: key)
    guard known || key.contains(" ") else { return false }
    if known || dictionary.knowsPrefix(key: key) { return true }
    return Self.heads.contains { key == $0 || key.hasPrefix($0 + " ") }
  }
}
