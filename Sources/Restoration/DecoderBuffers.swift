// What the decoder reuses while it works: an index of a position's candidates and
// buffers without bounds checks.

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

/// Which index a vocabulary id has among one position's candidates, as a table over the
/// whole vocabulary: a lookup is one read (a small hash table of the candidates cost a
/// hash and a probe). It is filled for a position (`fill`) and emptied after it (`empty`),
/// so one table serves every position of every sentence of a document; its owner frees it.
struct CandidateTable {
  private let base: UnsafeMutablePointer<Int32>
  /// False when an id occurs twice at the position filled last (then it is not used).
  private(set) var isUnique = true

  init(vocabularySize: Int) {
    base = .allocate(capacity: max(vocabularySize, 1))
    base.initialize(repeating: -1, count: max(vocabularySize, 1))
  }

  /// Enters the position's candidates, noting in `done` that they are in; true.
  @inline(__always) mutating func fill(
    _ ids: UnsafePointer<Int32>, _ count: Int, setting done: inout Bool
  ) -> Bool {
    isUnique = true
    for k in 0..<count {
      let id = Int(ids[k])
      if base[id] >= 0 { isUnique = false }
      base[id] = Int32(truncatingIfNeeded: k)
    }
    done = true
    return true
  }

  /// Takes the position's candidates out again.
  @inline(__always) func empty(_ ids: UnsafePointer<Int32>, _ count: Int) {
    for k in 0..<count { base[Int(ids[k])] = -1 }
  }

  /// The candidate index of `id`, or -1.
  @inline(__always) func index(of id: Int32) -> Int { Int(base[Int(id)]) }

  func free() { base.deallocate() }
}
