import Foundation

/// The readings considered for one position of a sentence: vocabulary ids with their
/// channel log-probabilities (a fixed token has exactly one).
struct Lattice: Sendable {
  var ids: [Int32]
  var scores: [Float]
}

/// What the decoder chose at one position and how sure it is: the posterior of the choice
/// among the position's candidates, from max-marginals (best path through each candidate).
struct Choice: Sendable {
  var index: Int
  var posterior: Double
}

/// Boosts for what the document itself says with confidence: syllables and syllable pairs
/// read surely elsewhere in it (a plan repeats its own names and terms).
struct DocumentCache: Sendable {
  var unigrams: [Int32: Float] = [:]
  var bigrams: [UInt64: Float] = [:]
  var weight: Float = 0

  @inline(__always) func bonus(_ w: Int32, after v: Int32) -> Float {
    if weight == 0 { return 0 }
    var b: Float = 0
    if let u = unigrams[w] { b += u }
    if let p = bigrams[LanguageModel.pack(v, w)] { b += p }
    return b * weight
  }
}

/// Exact trigram Viterbi over a sentence's lattice (states are candidate pairs), forward
/// and backward, so that each candidate's max-marginal gives a confidence.
struct Decoder: Sendable {
  let model: LanguageModel

  func decode(_ lattice: [Lattice], cache: DocumentCache) -> [Choice] {
    let n = lattice.count
    if n == 0 { return [] }
    let start = Vocabulary.Special.sentenceStart.rawValue
    let end = Vocabulary.Special.sentenceEnd.rawValue
    // Position -1 and -2 are the sentence start.
    func ids(_ i: Int) -> [Int32] { i < 0 ? [start] : lattice[i].ids }
    // trans[i][(h * b + j) * c + k] = log p(k | h, j) + cache bonus, for positions i-2, i-1, i.
    var trans: [[Float]] = []
    trans.reserveCapacity(n + 1)
    for i in 0...n {
      let a = ids(i - 2)
      let b = ids(i - 1)
      let c = i < n ? lattice[i].ids : [end]
      var t = [Float](repeating: 0, count: a.count * b.count * c.count)
      for (hi, h) in a.enumerated() {
        for (ji, j) in b.enumerated() {
          let base = (hi * b.count + ji) * c.count
          for (ki, k) in c.enumerated() {
            t[base + ki] = model.logProb(k, after: h, j) + cache.bonus(k, after: j)
          }
        }
      }
      trans.append(t)
    }
    // alpha[i][j * c + k]: best score of a path with candidate j at i-1 and k at i.
    var alpha: [[Float]] = []
    alpha.reserveCapacity(n)
    for i in 0..<n {
      let a = ids(i - 2).count
      let b = ids(i - 1).count
      let c = lattice[i].ids.count
      var cur = [Float](repeating: -.infinity, count: b * c)
      for j in 0..<b {
        for k in 0..<c {
          var best = -Float.infinity
          for h in 0..<a {
            let prev: Float = i == 0 ? 0 : alpha[i - 1][h * b + j]
            let s = prev + trans[i][(h * b + j) * c + k]
            if s > best { best = s }
          }
          cur[j * c + k] = best + lattice[i].scores[k]
        }
      }
      alpha.append(cur)
    }
    // beta[i][j * c + k]: best score of the rest of the sentence after that state.
    var beta = [[Float]](repeating: [], count: n)
    for i in stride(from: n - 1, through: 0, by: -1) {
      let b = ids(i - 1).count
      let c = lattice[i].ids.count
      var cur = [Float](repeating: -.infinity, count: b * c)
      let nextCount = i + 1 < n ? lattice[i + 1].ids.count : 1
      for j in 0..<b {
        for k in 0..<c {
          var best = -Float.infinity
          for l in 0..<nextCount {
            var s = trans[i + 1][(j * c + k) * nextCount + l]
            if i + 1 < n { s += lattice[i + 1].scores[l] + beta[i + 1][k * nextCount + l] }
            if s > best { best = s }
          }
          cur[j * c + k] = best
        }
      }
      beta[i] = cur
    }
    var choices: [Choice] = []
    choices.reserveCapacity(n)
    for i in 0..<n {
      let b = ids(i - 1).count
      let c = lattice[i].ids.count
      var marginals = [Float](repeating: -.infinity, count: c)
      for j in 0..<b {
        for k in 0..<c {
          marginals[k] = max(marginals[k], alpha[i][j * c + k] + beta[i][j * c + k])
        }
      }
      var bestIndex = 0
      for k in 1..<c where marginals[k] > marginals[bestIndex] { bestIndex = k }
      var sum = 0.0
      for k in 0..<c { sum += exp(Double(marginals[k] - marginals[bestIndex])) }
      choices.append(Choice(index: bestIndex, posterior: 1 / sum))
    }
    return choices
  }
}
