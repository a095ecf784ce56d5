/// The inventory as a trie over its letters, for generating candidates letter by letter.
///
/// Letters are numbered (codes 0..<128, in scalar order) so that a node's children fit a
/// 128-bit `LetterSet`; children are stored flat and sorted by code, node n's at
/// `childNodes[childStart[n]...]`, so the child for a letter is found by counting the set's
/// bits below it: no hashing and no pointer chasing in the search.
struct SyllableTrie: Sendable {
  /// Where each node's children start in `childNodes`; one more entry than nodes.
  private(set) var childStart: [Int32] = []
  /// The children of every node, node by node, each node's by letter code.
  private(set) var childNodes: [Int32] = []
  /// Vocabulary id of the syllable ending at each node, or -1.
  private(set) var terminal: [Int32] = [-1]
  /// The letters each node's children start with.
  private(set) var childLetters: [LetterSet] = []
  /// How many letters below each node the nearest and the farthest syllable end (0 and 0
  /// at a leaf that ends one): a path needing more or fewer letters than that leads
  /// nowhere.
  private(set) var nearestEnd: [UInt8] = []
  private(set) var farthestEnd: [UInt8] = []
  /// How many letters below each node syllables end, as a set: bit `d` when one ends
  /// exactly `d` letters below (bit 0 when the node ends one itself).
  private(set) var endDepths: [UInt32] = []
  /// The last letters of the syllables strictly below each node: a path that must still
  /// read letters to end a syllable can end only with one of them.
  private(set) var lastLetters: [LetterSet] = []
  /// For each node, at index `node * 16 + b`, how many of its children have a code below
  /// `8 * b`; with `byteCounts` (the bits set in each byte value) a child's place is two
  /// table reads, not a count of the set's bits below it (the release build targets
  /// baseline x86-64, which has no popcount instruction).
  private(set) var childRanks: [UInt8] = []
  private(set) var byteCounts: [UInt8] = (0..<256).map { UInt8(($0 as Int).nonzeroBitCount) }
  /// Every scalar used by the inventory.
  private(set) var alphabet: Set<Unicode.Scalar> = []
  /// The inventory's letters numbered in scalar order.
  private var letterCodes: [UInt32: UInt8] = [:]
  let root: Int32 = 0
  /// One more than the largest vocabulary id a node ends.
  private(set) var idLimit = 0

  init(vocabulary: Vocabulary) {
    for s in vocabulary.syllables { alphabet.formUnion(s.unicodeScalars) }
    // A Vietnamese inventory has at most 93 letters (12 vowels × 6 tones, 21 consonants).
    precondition(
      alphabet.count <= LetterSet.capacity,
      "the syllable inventory uses \(alphabet.count) letters; a LetterSet holds 128")
    for (code, scalar) in alphabet.sorted(by: { $0.value < $1.value }).enumerated() {
      letterCodes[scalar.value] = UInt8(code)
    }
    var edges = IntegerMap(capacity: 1 << 15)
    var children: [[(code: UInt8, node: Int32)]] = [[]]
    for (i, s) in vocabulary.syllables.enumerated() {
      var node: Int32 = 0
      for scalar in s.unicodeScalars {
        let code = letterCodes[scalar.value]!
        let key = UInt64(UInt32(node)) << 8 | UInt64(code)
        if let next = edges[key] {
          node = next
        } else {
          let next = Int32(terminal.count)
          terminal.append(-1)
          children.append([])
          children[Int(node)].append((code, next))
          edges.insert(key, next)
          node = next
        }
      }
      terminal[Int(node)] = Int32(i + Vocabulary.Special.allCases.count)
    }
    idLimit = vocabulary.syllables.count + Vocabulary.Special.allCases.count
    childStart.reserveCapacity(children.count + 1)
    childNodes.reserveCapacity(children.count)
    childLetters.reserveCapacity(children.count)
    // The letter of each child, beside `childNodes`, while the trie is made.
    var childCodes: [UInt8] = []
    childCodes.reserveCapacity(children.count)
    for list in children {
      childStart.append(Int32(childNodes.count))
      var set = LetterSet()
      for (code, node) in list.sorted(by: { $0.code < $1.code }) {
        childNodes.append(node)
        childCodes.append(code)
        set.insert(code)
      }
      childLetters.append(set)
    }
    childStart.append(Int32(childNodes.count))
    // Filled through a pointer: this runs at every load, for every node.
    childRanks = [UInt8](repeating: 0, count: childLetters.count * 16)
    childRanks.withUnsafeMutableBufferPointer { ranks in
      for (node, set) in childLetters.enumerated() where set.low | set.high != 0 {
        var below: UInt8 = 0
        for b in 1..<16 {
          let word = b <= 8 ? set.low : set.high
          below &+= byteCounts[Int(UInt8(truncatingIfNeeded: word >> UInt64(8 * ((b - 1) % 8))))]
          ranks[node * 16 + b] = below
        }
      }
    }
    // Children are numbered after their parents, so one backward sweep sees every child
    // before its parent.
    nearestEnd = [UInt8](repeating: UInt8.max, count: terminal.count)
    farthestEnd = [UInt8](repeating: 0, count: terminal.count)
    lastLetters = [LetterSet](repeating: LetterSet(), count: terminal.count)
    for node in terminal.indices.reversed() {
      if terminal[node] >= 0 { nearestEnd[node] = 0 }
      for c in childStart[node]..<childStart[node + 1] {
        let child = Int(childNodes[Int(c)])
        if terminal[child] >= 0 { lastLetters[node].insert(childCodes[Int(c)]) }
        lastLetters[node].formUnion(lastLetters[child])
        if nearestEnd[child] != UInt8.max {
          nearestEnd[node] = min(nearestEnd[node], nearestEnd[child] + 1)
          farthestEnd[node] = max(farthestEnd[node], farthestEnd[child] + 1)
        }
      }
    }
    // Bit 31 of a count of letters to come stands for 31 or more, which no node's
    // syllables are. Filled through pointers, in the same backward sweep order: this runs
    // at every load.
    precondition(terminal.isEmpty || farthestEnd[0] < 31, "a syllable of 31 letters or more")
    endDepths = [UInt32](repeating: 0, count: terminal.count)
    endDepths.withUnsafeMutableBufferPointer { depths in
      terminal.withUnsafeBufferPointer { terminal in
        childStart.withUnsafeBufferPointer { starts in
          childNodes.withUnsafeBufferPointer { nodes in
            for node in stride(from: terminal.count - 1, through: 0, by: -1) {
              var below: UInt32 = terminal[node] >= 0 ? 1 : 0
              for c in Int(starts[node])..<Int(starts[node + 1]) {
                below |= depths[Int(nodes[c])] << 1
              }
              depths[node] = below
            }
          }
        }
      }
    }
  }

  /// The code of a letter of the inventory; `nil` for a scalar it never uses.
  func code(of scalar: UInt32) -> UInt8? { letterCodes[scalar] }

  /// Calls `body` with the trie's arrays as pointers (valid only during the call), so that
  /// the search reads them without bounds checks.
  func withBuffers<R>(_ body: (TrieBuffers) -> R) -> R {
    childStart.withUnsafeBufferPointer { childStart in
      childNodes.withUnsafeBufferPointer { childNodes in
        terminal.withUnsafeBufferPointer { terminal in
          childLetters.withUnsafeBufferPointer { childLetters in
            nearestEnd.withUnsafeBufferPointer { nearestEnd in
              farthestEnd.withUnsafeBufferPointer { farthestEnd in
                childRanks.withUnsafeBufferPointer { childRanks in
                  byteCounts.withUnsafeBufferPointer { byteCounts in
                    lastLetters.withUnsafeBufferPointer { lastLetters in
                      endDepths.withUnsafeBufferPointer { endDepths in
                        body(
                          TrieBuffers(
                            childStart: base(childStart), childNodes: base(childNodes),
                            terminal: base(terminal), childLetters: base(childLetters),
                            nearestEnd: base(nearestEnd), farthestEnd: base(farthestEnd),
                            childRanks: base(childRanks), byteCounts: base(byteCounts),
                            lastLetters: base(lastLetters), endDepths: base(endDepths)))
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The child of `node` by the letter `code`, if the inventory continues that way.
  @inline(__always) func child(_ node: Int32, _ code: UInt8) -> Int32? {
    let set = childLetters[Int(node)]
    guard set.contains(code) else { return nil }
    return childNodes[Int(childStart[Int(node)]) + set.count(below: code)]
  }
}

/// The trie's arrays as pointers, for the search's walk: valid only inside
/// `SyllableTrie.withBuffers`, and read at indices the trie itself gives.
struct TrieBuffers {
  let childStart: UnsafePointer<Int32>
  let childNodes: UnsafePointer<Int32>
  let terminal: UnsafePointer<Int32>
  let childLetters: UnsafePointer<LetterSet>
  let nearestEnd: UnsafePointer<UInt8>
  let farthestEnd: UnsafePointer<UInt8>
  let childRanks: UnsafePointer<UInt8>
  let byteCounts: UnsafePointer<UInt8>
  let lastLetters: UnsafePointer<LetterSet>
  let endDepths: UnsafePointer<UInt32>
  var root: Int32 { 0 }

  /// The child of `node` by the letter `code`, if the inventory continues that way.
  @inline(__always) func child(_ node: Int32, _ code: UInt8) -> Int32? {
    let set = childLetters[Int(node)]
    guard set.contains(code) else { return nil }
    return childNodes[Int(childStart[Int(node)]) &+ rank(node, set, code)]
  }

  /// How many of `node`'s letters (`set`) come before `code` (below 128): the count of
  /// its children before `code`'s byte of the set, plus the bits below it in that byte.
  @inline(__always) func rank(_ node: Int32, _ set: LetterSet, _ code: UInt8) -> Int {
    let word = code < 64 ? set.low : set.high
    let byte = UInt8(truncatingIfNeeded: word &>> UInt64(code & 56))
    let below = byte & ((1 &<< (code & 7)) &- 1)
    return Int(childRanks[Int(node) &<< 4 &+ Int(code &>> 3)]) &+ Int(byteCounts[Int(below)])
  }
}

/// A buffer's first element; for an empty buffer (which has none, and whose pointer is then
/// never read) an aligned non-null placeholder.
@inline(__always) func base<T>(_ buffer: UnsafeBufferPointer<T>) -> UnsafePointer<T> {
  buffer.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<T>.alignment)!
}

/// A set of the inventory's letter codes as a 128-bit mask.
struct LetterSet: Sendable, Equatable {
  static let capacity = 128
  var low: UInt64 = 0
  var high: UInt64 = 0

  init() {}

  init(code: UInt8?) {
    if let code { insert(code) }
  }

  mutating func insert(_ code: UInt8) {
    if code < 64 { low |= 1 << UInt64(code) } else { high |= 1 << UInt64(code - 64) }
  }

  mutating func formUnion(_ other: LetterSet) {
    low |= other.low
    high |= other.high
  }

  @inline(__always) func contains(_ code: UInt8) -> Bool {
    if code < 64 { return low & (1 << UInt64(code)) != 0 }
    return code < 128 && high & (1 << UInt64(code - 64)) != 0
  }

  @inline(__always) func intersects(_ other: LetterSet) -> Bool {
    (low & other.low) | (high & other.high) != 0
  }

  /// The codes in the set, in increasing order.
  var codes: [UInt8] {
    (0..<UInt8(LetterSet.capacity)).filter { contains($0) }
  }

  /// How many codes of the set are below `code`.
  @inline(__always) func count(below code: UInt8) -> Int {
    if code < 64 { return (low & ((1 << UInt64(code)) &- 1)).nonzeroBitCount }
    return low.nonzeroBitCount + (high & ((1 << UInt64(code - 64)) &- 1)).nonzeroBitCount
  }
}
