/// Ranking a search's readings by a key (the channel score with the unigram prior): best
/// key first, ties by id, as a sort by `(key descending, id ascending)` would give.
enum CandidateRanking {
  /// The first `prefix` of `readings` in that order (all of them when `prefix` is at least
  /// their count). Each key is worked out once; where ids and positions fit 16 bits each,
  /// a reading is sorted as one integer (the key's order, its id, its position), else by
  /// the standard sort.
  static func ranked(
    _ readings: [(id: Int32, logProb: Float)], prefix: Int,
    key: ((id: Int32, logProb: Float)) -> Float
  ) -> [(id: Int32, logProb: Float)] {
    let n = readings.count
    guard n > 1 else { return Array(readings.prefix(prefix)) }
    let fits = n <= 1 << 16 && readings.allSatisfy { UInt32(bitPattern: $0.id) < 1 << 16 }
    guard fits else {
      let keyed: [(reading: (id: Int32, logProb: Float), key: Float)] = readings.map {
        ($0, key($0))
      }
      return keyed.sorted { a, b in
        a.key > b.key || (a.key == b.key && a.reading.id < b.reading.id)
      }.prefix(prefix).map(\.reading)
    }
    var keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, initialized in
      for (i, reading) in readings.enumerated() {
        // The key's order as an unsigned integer (0 and -0 alike), descending.
        let bits = (key(reading) + 0).bitPattern
        let ascending = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        buffer.initializeElement(
          at: i,
          to: UInt64(~ascending) << 32 | UInt64(UInt32(bitPattern: reading.id)) << 16
            | UInt64(i))
      }
      initialized = n
    }
    let kept = min(prefix, n)
    keys.withUnsafeMutableBufferPointer { CandidateSearch.sortPrefix($0, kept) }
    return keys.prefix(kept).map { readings[Int($0 & 0xFFFF)] }
  }
}
