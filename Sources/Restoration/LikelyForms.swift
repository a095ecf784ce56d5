import VietnameseText

/// Which OCR forms get a precomputed candidate list in `restoration.bin`: the likeliest
/// ways the English model's confusion table writes the most frequent syllables. Which
/// forms are chosen only decides which tokens skip the search; each stored list is the
/// search's own answer for its form.
struct LikelyForms {
  /// Syllables to generate forms for, most frequent first by the unigram model.
  var syllables = 4000
  /// Forms kept per syllable at most, and only those within one unexplained edit's cost
  /// (8) of the syllable's likeliest form.
  var perSyllable = 24
  var within: Float = 8
  /// Partial forms kept per letter position while generating.
  var beam = 64

  /// The forms of the chosen syllables, in a stable order, none longer than the search
  /// takes (12 scalars) and none in `excluded` (forms another table already covers).
  func forms(
    vocabulary: Vocabulary, unigramLogProbs: [Float], confusions: [Confusion],
    unseenMarkLogProb: Float, excluded: Set<String>
  ) -> [String] {
    let writings = Self.writings(
      confusions, letters: Set(vocabulary.syllables.flatMap(\.unicodeScalars)),
      unseenMarkLogProb: unseenMarkLogProb)
    let first = Int32(Vocabulary.Special.allCases.count)
    let ids = (first..<Int32(vocabulary.count)).sorted {
      let a = unigramLogProbs[Int($0)]
      let b = unigramLogProbs[Int($1)]
      return a > b || (a == b && $0 < $1)
    }
    var seen = Set<String>()
    var result: [String] = []
    for id in ids.prefix(syllables) {
      for form in forms(of: vocabulary.text(of: id), writings)
      where !excluded.contains(form) && seen.insert(form).inserted {
        result.append(form)
      }
    }
    return result
  }

  /// How each source piece (one or two letters) may be written, likeliest first: the
  /// learned confusions, and every letter as itself or with other marks, as
  /// ``ChannelModel`` reads them.
  static func writings(
    _ confusions: [Confusion], letters: Set<Unicode.Scalar>, unseenMarkLogProb: Float
  ) -> [String: [(ocr: String, logProb: Float)]] {
    var table: [String: [(ocr: String, logProb: Float)]] = [:]
    for c in confusions where c.ocr.unicodeScalars.count <= 3 && c.source.count <= 2 {
      table[c.source, default: []].append((c.ocr, c.logProb))
    }
    for letter in letters {
      let bare = VietnameseFolding.fold(String(letter))
      for variant in letters where VietnameseFolding.fold(String(variant)) == bare {
        let source = String(variant)
        let ocr = String(letter)
        if table[source]?.contains(where: { $0.ocr == ocr }) == true { continue }
        table[source, default: []].append(
          (ocr, variant == letter ? unseenMarkLogProb / 2 : unseenMarkLogProb))
      }
    }
    return table.mapValues {
      $0.sorted { $0.logProb > $1.logProb || ($0.logProb == $1.logProb && $0.ocr < $1.ocr) }
    }
  }

  /// The likeliest forms of one syllable: a beam over its letters, each piece of one or
  /// two letters written in each of its ways.
  func forms(of syllable: String, _ writings: [String: [(ocr: String, logProb: Float)]])
    -> [String]
  {
    let letters = syllable.unicodeScalars.map { String($0) }
    var partial = [[(form: String, logProb: Float)]](repeating: [], count: letters.count + 1)
    partial[0] = [("", 0)]
    func ranked(_ list: [(form: String, logProb: Float)]) -> [(form: String, logProb: Float)] {
      var best: [String: Float] = [:]
      for (form, lp) in list where lp > best[form] ?? -.infinity { best[form] = lp }
      return best.map { (form: $0.key, logProb: $0.value) }.sorted {
        $0.logProb > $1.logProb || ($0.logProb == $1.logProb && $0.form < $1.form)
      }
    }
    for i in 0..<letters.count {
      let from = ranked(partial[i]).prefix(beam)
      for k in 1...2 where i + k <= letters.count {
        for (ocr, lp) in writings[letters[i..<i + k].joined()] ?? [] {
          for p in from { partial[i + k].append((p.form + ocr, p.logProb + lp)) }
        }
      }
    }
    let done = ranked(partial[letters.count])
    guard let top = done.first?.logProb else { return [] }
    return done.prefix(perSyllable).filter {
      $0.logProb >= top - within && $0.form.unicodeScalars.count <= 12
    }.map(\.form)
  }
}

extension Restorer {
  /// Candidate lists of the likely OCR forms of frequent syllables that are not bare
  /// skeletons, for the dictionary file: each the search's answer for its form.
  func precomputedForms(_ chooser: LikelyForms = LikelyForms()) -> FormTable {
    // Ids are stored in 16 bits.
    precondition(dictionary.vocabulary.count <= Int(UInt16.max) + 1, "vocabulary too large")
    let forms = chooser.forms(
      vocabulary: dictionary.vocabulary, unigramLogProbs: dictionary.model.unigramLogProbs,
      confusions: dictionary.confusions[ChannelKind.lostDiacritics.rawValue],
      unseenMarkLogProb: settings.unseenMark, excluded: Set(dictionary.skeletons.keys))
    var states = makeSearchStates()
    return FormTable(forms.map { ($0, searchCandidates($0, light: false, states: &states)) })
  }
}

extension Restorer {
  /// Light-mode candidate lists of every syllable the training text holds, as written in
  /// lower case, for the dictionary file: text that kept its diacritics (a Vietnamese-model
  /// OCR, a text layer) is mostly such syllables, and each list is the search's answer.
  func precomputedLightForms() -> FormTable {
    precondition(dictionary.vocabulary.count <= Int(UInt16.max) + 1, "vocabulary too large")
    let unigram = dictionary.model.unigramLogProbs
    let first = Int32(Vocabulary.Special.allCases.count)
    let seen = (first..<Int32(dictionary.vocabulary.count)).filter {
      unigram[Int($0)] > unseenLogProb
    }
    var states = makeSearchStates()
    return FormTable(
      seen.map {
        let syllable = dictionary.vocabulary.text(of: $0)
        return (syllable, searchCandidates(syllable, light: true, states: &states))
      })
  }
}
