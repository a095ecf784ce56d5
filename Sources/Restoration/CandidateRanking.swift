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

/// The orderings the search and the ranking share, on raw buffers: partial sorts and
/// selections of integer keys, and the quickselect that raises the search's bound.
extension CandidateSearch {
  /// Puts the `prefix` smallest of `v` first, in increasing order (the rest in any order):
  /// a quicksort that leaves alone the parts beyond the prefix, falling back on the
  /// standard sort for a part that splits badly too often.
  static func sortPrefix(_ v: UnsafeMutableBufferPointer<UInt64>, _ prefix: Int) {
    sortPrefix(v, 0, v.count, prefix, depth: 2 * (Int.bitWidth - v.count.leadingZeroBitCount))
  }

  private static func sortPrefix(
    _ v: UnsafeMutableBufferPointer<UInt64>, _ start: Int, _ end: Int, _ prefix: Int,
    depth: Int
  ) {
    var lo = start
    var hi = end
    var depth = depth
    while hi - lo > 16 && lo < prefix {
      if depth == 0 {
        var part = UnsafeMutableBufferPointer(rebasing: v[lo..<hi])
        part.sort()
        return
      }
      depth -= 1
      let j = partition(v, lo, hi)
      // v[lo...j] ≤ pivot ≤ v[j + 1..<hi]: recurse into the smaller side, loop on the other.
      if j + 1 - lo < hi - j - 1 {
        sortPrefix(v, lo, j + 1, prefix, depth: depth)
        lo = j + 1
      } else {
        sortPrefix(v, j + 1, hi, prefix, depth: depth)
        hi = j + 1
      }
    }
    guard lo < prefix else { return }
    var i = lo + 1
    while i < hi {
      let x = v[i]
      var j = i
      while j > lo && v[j - 1] > x {
        v[j] = v[j - 1]
        j -= 1
      }
      v[j] = x
      i += 1
    }
  }

  /// Hoare's partition of `v[lo..<hi]` (more than two elements) around the median of
  /// three, moved to the front: returns j with v[lo...j] ≤ pivot ≤ v[j + 1..<hi], both
  /// sides non-empty.
  @inline(__always) private static func partition(
    _ v: UnsafeMutableBufferPointer<UInt64>, _ lo: Int, _ hi: Int
  ) -> Int {
    let mid = lo + (hi - lo) / 2
    let (a, b, c) = (v[lo], v[mid], v[hi - 1])
    let median =
      a < b ? (b < c ? mid : (a < c ? hi - 1 : lo)) : (a < c ? lo : (b < c ? hi - 1 : mid))
    v.swapAt(lo, median)
    let pivot = v[lo]
    var i = lo - 1
    var j = hi
    while true {
      repeat { i += 1 } while v[i] < pivot
      repeat { j -= 1 } while v[j] > pivot
      if i >= j { return j }
      v.swapAt(i, j)
    }
  }

  /// Puts the `prefix` smallest of `v` first, in any order (the rest after them, in any
  /// order): quickselect on Hoare partitions around the median of three, falling back on
  /// sorting a part that splits badly too often.
  static func selectPrefix(_ v: UnsafeMutableBufferPointer<UInt64>, _ prefix: Int) {
    var lo = 0
    var hi = v.count
    var depth = 2 * (Int.bitWidth - v.count.leadingZeroBitCount)
    // The boundary between the prefix and the rest lies in lo..<hi; outside it every
    // element is already on its side.
    while hi - lo > 16 && lo < prefix && prefix < hi {
      if depth == 0 { break }
      depth -= 1
      let j = partition(v, lo, hi)
      // v[lo...j] ≤ pivot ≤ v[j + 1..<hi]: keep the side the boundary falls in.
      if prefix <= j + 1 { hi = j + 1 } else { lo = j + 1 }
    }
    guard lo < prefix && prefix < hi else { return }
    sortPrefix(UnsafeMutableBufferPointer(rebasing: v[lo..<hi]), prefix - lo)
  }

  /// The `k`-th largest of `v` (1 ≤ k ≤ count), found by quickselect; the order of `v` is
  /// lost.
  static func largest(_ k: Int, in v: UnsafeMutableBufferPointer<Float>) -> Float {
    let target = k - 1
    var lo = 0
    var hi = v.count - 1
    // Hoare partitions, largest first: after one, v[lo...j] ≥ pivot ≥ v[i...hi] and
    // anything between j and i equals the pivot.
    while lo < hi {
      let pivot = v[(lo + hi) / 2]
      var i = lo
      var j = hi
      while i <= j {
        while v[i] > pivot { i += 1 }
        while v[j] < pivot { j -= 1 }
        if i <= j {
          v.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if target <= j {
        hi = j
      } else if target >= i {
        lo = i
      } else {
        break
      }
    }
    return v[target]
  }
}
