import Foundation

/// Precomputed candidate lists of likely OCR forms of frequent syllables ("nguời",
/// "cúa", "duợc"), looked up by the token's UTF-8 bytes: a document's tokens that an
/// English model wrote in one of these forms skip the candidate search.
///
/// Six flat arrays, each stored as its count and its elements: the keys' UTF-8 bytes,
/// where each key starts (`UInt32`, one more than keys), key numbers by hash slot (`Int32`,
/// -1 empty, a power of two long and at most half full), where each key's list starts
/// (`UInt32`), the lists' vocabulary ids (`UInt16`) and their log-probabilities (`Float`).
/// A loaded table reads them in place from the mapped dictionary file: loading copies
/// nothing and touches only the pages a lookup needs. Every read is bounds-checked, and a
/// key whose entries do not fit, or name an id beyond the vocabulary, counts as absent
/// (the token is then searched).
struct FormTable: Sendable {
  /// The six arrays, back to back, as in the file.
  private let data: Data
  /// Where each array's elements start in `data` (from `data.startIndex`), and its count.
  private let starts: [Int]
  private let counts: [Int]
  /// Ids must be below this (the vocabulary's size).
  private let idLimit: Int
  private static let widths = [1, 4, 4, 4, 2, 4]

  /// The number of forms.
  var count: Int { max(counts[1] - 1, 0) }
  /// The number of candidates over all lists.
  var candidateCount: Int { counts[4] }

  /// The table of `lists`, keyed by their lower-case forms (each form once).
  init(_ lists: [(form: String, candidates: [(id: Int32, logProb: Float)])]) {
    var keyBytes: [UInt8] = []
    var keyStarts: [UInt32] = [0]
    var listStarts: [UInt32] = [0]
    var ids: [UInt16] = []
    var logProbs: [Float] = []
    for (form, candidates) in lists {
      keyBytes.append(contentsOf: form.utf8)
      keyStarts.append(UInt32(keyBytes.count))
      for c in candidates {
        ids.append(UInt16(c.id))
        logProbs.append(c.logProb)
      }
      listStarts.append(UInt32(ids.count))
    }
    var size = 16
    while size < lists.count * 2 { size *= 2 }
    var slots = [Int32](repeating: -1, count: size)
    for k in 0..<lists.count {
      let bytes = keyBytes[Int(keyStarts[k])..<Int(keyStarts[k + 1])]
      var slot = FormTable.hash(bytes) & (size - 1)
      while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(k)
    }
    var w = ByteWriter()
    w.write(keyBytes)
    w.write(keyStarts)
    w.write(slots)
    w.write(listStarts)
    w.write(ids)
    w.write(logProbs)
    var r = ByteReader(data: Data(w.bytes), path: "")
    // What was just written reads back.
    self = try! FormTable(reading: &r, idLimit: Int(UInt16.max) + 1)
  }

  init() { self.init([]) }

  /// Reads a table at the reader's position without copying it; checks that its arrays
  /// fit the file and each other.
  init(reading r: inout ByteReader, idLimit: Int) throws(RestorationError) {
    var starts: [Int] = []
    var counts: [Int] = []
    for width in FormTable.widths {
      let count = Int(try r.readUInt32())
      starts.append(r.offset)
      counts.append(count)
      try r.skip(count * width)
    }
    data = r.data
    self.starts = starts
    self.counts = counts
    self.idLimit = idLimit
    let keys = counts[1] - 1
    guard keys >= 0, counts[3] == keys + 1, counts[4] == counts[5],
      counts[2].nonzeroBitCount == 1, counts[2] > keys,
      Int(u32(1, keys)) == counts[0], Int(u32(3, keys)) == counts[4]
    else {
      throw .corruptDictionary(path: r.path, reason: "table of likely OCR forms is inconsistent")
    }
  }

  /// Appends the table as it is stored.
  func write(to w: inout ByteWriter) {
    data.withUnsafeBytes { raw in
      let begin = starts[0] - 4
      let end = starts[5] + counts[5] * 4
      w.bytes += UnsafeRawBufferPointer(rebasing: raw[begin..<end])
    }
  }

  /// FNV-1a over the bytes, then a multiplicative mix so that the low bits spread.
  @inline(__always) static func hash<C: Collection<UInt8>>(_ bytes: C) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 32)
  }

  /// Element `i` of 32-bit array `a` (0 when out of bounds, which no check lets through).
  @inline(__always) private func u32(_ a: Int, _ i: Int) -> UInt32 {
    guard i >= 0, i < counts[a] else { return 0 }
    return data.withUnsafeBytes {
      UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: starts[a] + 4 * i, as: UInt32.self))
    }
  }

  /// The key number of `form`, if the table holds it.
  func index(of form: String) -> Int? {
    var form = form
    let slotCount = counts[2]
    guard slotCount > 0 else { return nil }
    return form.withUTF8 { bytes -> Int? in
      data.withUnsafeBytes { raw -> Int? in
        let mask = slotCount - 1
        var slot = FormTable.hash(bytes) & mask
        for _ in 0..<slotCount {
          let k = Int(Int32(bitPattern: u32(2, slot)))
          if k < 0 || k >= count { return nil }
          let start = Int(u32(1, k))
          let end = Int(u32(1, k + 1))
          if start <= end, end <= counts[0], end - start == bytes.count {
            let key = UnsafeRawBufferPointer(rebasing: raw[(starts[0] + start)..<(starts[0] + end)])
            if key.elementsEqual(UnsafeRawBufferPointer(bytes)) { return k }
          }
          slot = (slot + 1) & mask
        }
        return nil
      }
    }
  }

  /// The candidates stored for `form`, best first; `nil` when the table lacks it.
  func candidates(of form: String) -> [(id: Int32, logProb: Float)]? {
    guard let k = index(of: form) else { return nil }
    let start = Int(u32(3, k))
    let end = Int(u32(3, k + 1))
    guard start <= end, end <= counts[4] else { return nil }
    return data.withUnsafeBytes { raw -> [(id: Int32, logProb: Float)]? in
      var list: [(id: Int32, logProb: Float)] = []
      list.reserveCapacity(end - start)
      for e in start..<end {
        let id = UInt16(
          littleEndian: raw.loadUnaligned(fromByteOffset: starts[4] + 2 * e, as: UInt16.self))
        guard Int(id) < idLimit else { return nil }
        let bits = UInt32(
          littleEndian: raw.loadUnaligned(fromByteOffset: starts[5] + 4 * e, as: UInt32.self))
        list.append((Int32(id), Float(bitPattern: bits)))
      }
      return list
    }
  }

  /// The form of key `k`.
  func form(_ k: Int) -> String {
    let start = Int(u32(1, k))
    let end = Int(u32(1, k + 1))
    return data.withUnsafeBytes {
      String(
        decoding: UnsafeRawBufferPointer(rebasing: $0[(starts[0] + start)..<(starts[0] + end)]),
        as: UTF8.self)
    }
  }

  /// The same table, answering only for ids below `limit` (the vocabulary's size).
  func limited(to limit: Int) -> FormTable {
    FormTable(data: data, starts: starts, counts: counts, idLimit: limit)
  }

  private init(data: Data, starts: [Int], counts: [Int], idLimit: Int) {
    self.data = data
    self.starts = starts
    self.counts = counts
    self.idLimit = idLimit
  }
}
