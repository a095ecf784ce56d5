// What the decoder reuses while it works: an index of a position's candidates and
// buffers without bounds checks.

/// Which index a vocabulary id has among one position's candidates: a small open-addressing
/// table rebuilt per position.
struct CandidateIndex {
  private var keys: [Int32]
  private var values: [Int32]
  private let mask: Int
  /// False when an id occurs twice (then the table is not used).
  private(set) var isUnique = true

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    keys = [Int32](repeating: -1, count: size)
    values = [Int32](repeating: 0, count: size)
    mask = size - 1
  }

  @inline(__always) private func slot(_ id: Int32) -> Int {
    Int(truncatingIfNeeded: UInt32(bitPattern: id) &* 0x9E37_79B1) >> 8 & mask
  }

  /// `reset(ids)`, noting in `done` that it was made; true.
  @inline(__always) mutating func index(_ ids: [Int32], setting done: inout Bool) -> Bool {
    reset(ids)
    done = true
    return true
  }

  mutating func reset(_ ids: [Int32]) {
    for i in keys.indices { keys[i] = -1 }
    isUnique = true
    for (k, id) in ids.enumerated() {
      var at = slot(id)
      while keys[at] != -1 {
        if keys[at] == id { isUnique = false }
        at = (at + 1) & mask
      }
      keys[at] = id
      values[at] = Int32(k)
    }
  }

  /// The candidate index of `id`, or -1.
  @inline(__always) func index(of id: Int32) -> Int {
    // Every slot is masked to the table's power-of-two size: the reads need no check.
    keys.withUnsafeBufferPointer { keys in
      var at = slot(id)
      while true {
        let key = keys[at]
        if key == id { return Int(values.withUnsafeBufferPointer { $0[at] }) }
        if key == -1 { return -1 }
        at = (at + 1) & mask
      }
    }
  }
}

/// A fixed-size buffer that the decoder frees itself: subscripts without bounds checks in
/// release builds, for its innermost loop.
struct Scratch<Element> {
  let base: UnsafeMutablePointer<Element>

  init(_ count: Int, _ value: Element) {
    base = .allocate(capacity: max(count, 1))
    base.initialize(repeating: value, count: max(count, 1))
  }

  @inline(__always) subscript(_ i: Int) -> Element {
    get { base[i] }
    nonmutating set { base[i] = newValue }
  }

  func free() { base.deallocate() }
}
