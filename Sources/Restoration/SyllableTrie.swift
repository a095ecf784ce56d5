/// The inventory as a trie over Unicode scalars, for generating candidates letter by letter.
/// Children are stored flat (node n's are `childNodes[childStart[n]..<childStart[n + 1]]`)
/// so the search walks plain arrays instead of an array per node.
struct SyllableTrie: Sendable {
  private var edges = IntegerMap(capacity: 1 << 15)
  /// Where each node's children start in `childNodes`; one more entry than nodes.
  private(set) var childStart: [Int32] = []
  /// The children of every node, node by node.
  private(set) var childNodes: [Int32] = []
  /// The letter leading to each node (0 for the root).
  private(set) var letter: [UInt32] = [0]
  /// Vocabulary id of the syllable ending at each node, or -1.
  private(set) var terminal: [Int32] = [-1]
  /// Every scalar used by the inventory.
  private(set) var alphabet: Set<Unicode.Scalar> = []
  /// The letters each node's children start with: a search that may not edit any more
  /// tests these bits before it probes the trie for each source letter.
  private(set) var childLetters: [LetterSet] = []
  /// The inventory's letters numbered in scalar order, for `LetterSet`.
  private var letterCodes: [UInt32: UInt8] = [:]
  let root: Int32 = 0

  init(vocabulary: Vocabulary) {
    var children: [[Int32]] = [[]]
    for (i, s) in vocabulary.syllables.enumerated() {
      var node: Int32 = 0
      for scalar in s.unicodeScalars {
        alphabet.insert(scalar)
        let key = UInt64(UInt32(node)) << 21 | UInt64(scalar.value)
        if let next = edges[key] {
          node = next
        } else {
          let next = Int32(terminal.count)
          terminal.append(-1)
          letter.append(scalar.value)
          children.append([])
          children[Int(node)].append(next)
          edges.insert(key, next)
          node = next
        }
      }
      terminal[Int(node)] = Int32(i + Vocabulary.Special.allCases.count)
    }
    childStart.reserveCapacity(children.count + 1)
    childNodes.reserveCapacity(children.count)
    for list in children {
      childStart.append(Int32(childNodes.count))
      childNodes += list
    }
    childStart.append(Int32(childNodes.count))
    for (code, scalar) in alphabet.sorted(by: { $0.value < $1.value }).enumerated()
    where code < LetterSet.capacity {
      letterCodes[scalar.value] = UInt8(code)
    }
    childLetters = children.map { list in
      var set = LetterSet()
      for child in list { set.formUnion(letters(letter[Int(child)])) }
      return set
    }
  }

  /// The letter set holding `scalar` alone: empty for a scalar the inventory never uses,
  /// every letter when the inventory has more letters than a set holds (no filtering).
  func letters(_ scalar: UInt32) -> LetterSet {
    if let code = letterCodes[scalar] { return LetterSet(code: code) }
    return alphabet.count > LetterSet.capacity ? LetterSet.all : LetterSet()
  }

  /// The number of nodes.
  var count: Int { terminal.count }

  @inline(__always) func child(_ node: Int32, _ scalar: UInt32) -> Int32? {
    edges[UInt64(UInt32(node)) << 21 | UInt64(scalar)]
  }
}

/// A set of the inventory's letters as a 128-bit mask (the inventory has 89).
struct LetterSet: Sendable, Equatable {
  static let capacity = 128
  static let all = LetterSet(low: .max, high: .max)
  var low: UInt64 = 0
  var high: UInt64 = 0

  init(low: UInt64 = 0, high: UInt64 = 0) {
    self.low = low
    self.high = high
  }

  init(code: UInt8) {
    if code < 64 { low = 1 << UInt64(code) } else { high = 1 << UInt64(code - 64) }
  }

  mutating func formUnion(_ other: LetterSet) {
    low |= other.low
    high |= other.high
  }

  @inline(__always) func intersects(_ other: LetterSet) -> Bool {
    (low & other.low) | (high & other.high) != 0
  }
}
