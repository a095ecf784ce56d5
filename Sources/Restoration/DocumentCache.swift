/// Boosts for what the document itself says with confidence: syllables and syllable pairs
/// read surely elsewhere in it (a plan repeats its own names and terms).
struct DocumentCache: Sendable {
  /// Bonus per vocabulary id (empty when the cache is off).
  var unigrams: [Float] = []
  /// Pairs of sure neighbours.
  var bigrams = IntegerMap()
  var bigramBonus: Float = 0
  /// Runs of three sure neighbours: a document repeats its longer terms too ("chuyển
  /// đổi số"), where a pair alone is often ambiguous.
  var trigrams = IntegerMap()
  var trigramBonus: Float = 0
  var weight: Float = 0

  /// The unigram bonus of `w`, read without a bounds check: only when `weight` is not 0
  /// (then `unigrams` has an entry for every vocabulary id).
  @inline(__always) func unigram(_ w: Int32) -> Float {
    unigrams.withUnsafeBufferPointer { $0[Int(w)] }
  }

  @inline(__always) func bonus(_ w: Int32, after v: Int32) -> Float {
    if weight == 0 { return 0 }
    var b = unigram(w)
    // A pair is learned only between two sure readings, each of which has a unigram
    // bonus: without both, the pair table need not be probed.
    if b == 0 { return 0 }
    if unigram(v) > 0, bigrams.count > 0, bigrams[LanguageModel.pack(v, w)] != nil {
      b += bigramBonus
    }
    return b * weight
  }

  /// What the run `u v w` adds on top of `bonus(w, after: v)` when it was read surely
  /// elsewhere in the document.
  @inline(__always) func runBonus(_ w: Int32, after u: Int32, _ v: Int32) -> Float {
    if weight == 0 || trigrams.count == 0 { return 0 }
    guard unigram(u) > 0, unigram(v) > 0, unigram(w) > 0,
      trigrams[LanguageModel.pack(u, v, w)] != nil
    else { return 0 }
    return trigramBonus * weight
  }
}
