import Foundation
import Testing

@testable import Restoration

/// The trigram model is a distribution: for any context, the probabilities of every
/// vocabulary id sum to 1, whether the context was seen in training or not.
@Test(arguments: [
  ("kế", "hoạch"), ("ủy", "ban"), ("nhân", "dân"), ("chuyển", "đổi"), ("của", "các"),
  ("ngoằng", "khuỷu"),
])
func trigramProbabilitiesSumToOne(u: String, v: String) throws {
  let dictionary = TestSupport.restorer.dictionary
  let vocabulary = dictionary.vocabulary
  let a = try #require(vocabulary.id(of: u))
  let b = try #require(vocabulary.id(of: v))
  let model = dictionary.model
  let start = Vocabulary.Special.sentenceStart.rawValue
  var trigram = 0.0
  var bigram = 0.0
  for w in Int32(1)..<Int32(vocabulary.count) {
    trigram += exp(Double(model.logProb(w, after: a, b)))
    bigram += exp(Double(model.logProb(w, after: b)))
  }
  // The start symbol is never predicted.
  _ = start
  #expect(abs(trigram - 1) < 0.005, "p(· | \(u) \(v)) sums to \(trigram)")
  #expect(abs(bigram - 1) < 0.005, "p(· | \(v)) sums to \(bigram)")
}
