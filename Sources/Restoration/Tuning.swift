/// Settings by name, for measuring alternatives on the synthetic held-out sets
/// (`restoration-tool tune`), never on the devset.
extension Restorer {
  /// The names `adjusting(_:to:)` understands.
  package static let tunableSettings = [
    "candidateLimit", "misreadingCandidateLimit", "searchLimit", "candidateFloor", "keepPenalty",
    "lightPenalty",
    "cacheWeight", "cacheBigramBonus", "cacheTrigramBonus",
    "digitWordPenalty", "maxEdits", "editLogProb", "cacheConfidence", "unseenMark", "vieUnseenMark",
    "channelWeight", "beam", "toneVariantShift", "vieToneVariantShift", "skeletonLongerReadings",
    "decoderGap", "unseenRankPenalty", "vieEditLogProb", "contextProposals",
    "contextProposalPosterior",
  ]

  /// A copy with one decoder setting changed; `nil` for an unknown name.
  package func adjusting(_ name: String, to value: Double) -> Restorer? {
    var s = settings
    switch name {
    case "candidateLimit": s.candidateLimit = Int(value)
    case "misreadingCandidateLimit": s.misreadingCandidateLimit = Int(value)
    case "searchLimit": s.searchLimit = Int(value)
    case "candidateFloor": s.candidateFloor = Float(value)
    case "keepPenalty": s.keepPenalty = Float(value)
    case "lightPenalty": s.lightPenalty = Float(value)
    case "cacheWeight": s.cacheWeight = Float(value)
    case "cacheBigramBonus": s.cacheBigramBonus = Float(value)
    case "cacheTrigramBonus": s.cacheTrigramBonus = Float(value)
    case "digitWordPenalty": s.digitWordPenalty = Float(value)
    case "maxEdits": s.maxEdits = Int(value)
    case "editLogProb": s.editLogProb = Float(value)
    case "vieEditLogProb": s.vieEditLogProb = Float(value)
    case "cacheConfidence": s.cacheConfidence = value
    case "unseenMark": s.unseenMark = Float(value)
    case "vieUnseenMark": s.vieUnseenMark = Float(value)
    case "channelWeight": s.channelWeight = Float(value)
    case "beam": s.beam = Int(value)
    // A negative shift turns the tone variants off.
    case "toneVariantShift": s.toneVariantShift = value < 0 ? nil : Float(value)
    case "vieToneVariantShift": s.vieToneVariantShift = value < 0 ? nil : Float(value)
    case "skeletonLongerReadings": s.skeletonLongerReadings = Int(value)
    case "decoderGap": s.decoderGap = Float(value)
    case "unseenRankPenalty": s.unseenRankPenalty = Float(value)
    case "contextProposals": s.contextProposals = Int(value)
    case "contextProposalPosterior": s.contextProposalPosterior = value
    default: return nil
    }
    return Restorer(dictionary: dictionary, settings: s)
  }
}

extension Restorer {
  /// The candidates the search finds for a lower-case token, as text, best first: for
  /// checking that a change to the search leaves its results alone.
  package func searchedCandidates(_ lower: String, light: Bool) -> [(text: String, logProb: Float)]
  {
    searchCandidates(lower, light: light).map {
      (dictionary.vocabulary.text(of: $0.id), $0.logProb)
    }
  }
}
