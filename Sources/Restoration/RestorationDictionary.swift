import Foundation
import VietnameseText

/// Precomputed candidates of bare skeletons (lower-case letters without marks), the
/// tokens an English-model OCR produces most: entries offsets[i]..<offsets[i+1].
struct SkeletonTable: Sendable {
  var keys: [String] = []
  var offsets: [UInt32] = [0]
  var ids: [Int32] = []
  var logProbs: [Float] = []
}

/// Everything the corrector knows, as stored in `dictionaries/restoration.bin`: the
/// vocabulary (the syllable inventory), the trigram model, the two learned confusion
/// tables, the đ-forms of abbreviations, learned acronyms and a list of foreign words.
struct RestorationDictionary: Sendable {
  static let fileName = "restoration.bin"
  static let magic: UInt32 = 0x5052_4432  // "PRD2"

  var vocabulary: Vocabulary
  var model: LanguageModel
  /// Indexed by ``ChannelKind`` raw value.
  var confusions: [[Confusion]]
  /// Abbreviation written with D → its form with Đ ("QD" → "QĐ"), where the training text
  /// writes it with Đ.
  var dStrokeForms: [String: String]
  /// Upper-case abbreviations seen inside ordinary sentences of the training text.
  var acronyms: Set<String>
  /// Lower-case foreign words that are never Vietnamese syllables to restore.
  var foreignWords: Set<String>
  /// Candidate lists of bare skeletons.
  var skeletons = SkeletonTable()
  /// Candidate lists of likely OCR forms of frequent syllables (no bare skeletons).
  var forms = FormTable()
  /// Light-mode candidate lists of the syllables the training text holds, as written.
  var lightForms = FormTable()

  func encoded() -> [UInt8] {
    var w = ByteWriter()
    w.write(RestorationDictionary.magic)
    w.write(vocabulary.syllables)
    w.write(model.unigramLogProbs)
    w.write(model.unigramBackoffs)
    w.write(model.bigrams.keys)
    w.write(model.bigrams.logProbs)
    w.write(model.bigrams.backoffs)
    w.write(model.trigrams.keys)
    w.write(model.trigrams.logProbs)
    w.write(UInt32(confusions.count))
    for table in confusions {
      w.write(table.map { $0.source })
      w.write(table.map { $0.ocr })
      w.write(table.map(\.logProb))
    }
    let forms = dStrokeForms.sorted { $0.key < $1.key }
    w.write(forms.map(\.key))
    w.write(forms.map(\.value))
    w.write(acronyms.sorted())
    w.write(foreignWords.sorted())
    w.write(skeletons.keys)
    w.write(skeletons.offsets)
    w.write(skeletons.ids)
    w.write(skeletons.logProbs)
    self.forms.write(to: &w)
    lightForms.write(to: &w)
    return w.bytes
  }

  /// Reads a dictionary file.
  init(contentsOf path: String) throws(RestorationError) {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      throw .corruptDictionary(path: path, reason: "cannot read: \(error.localizedDescription)")
    }
    var r = ByteReader(data: data, path: path)
    guard try r.readUInt32() == RestorationDictionary.magic else {
      throw .corruptDictionary(path: path, reason: "not a restoration dictionary (bad magic)")
    }
    vocabulary = Vocabulary(syllables: try r.readStrings())
    let unigrams = try r.readArray(of: Float.self)
    let unigramBackoffs = try r.readArray(of: Float.self)
    let bigrams = NGramTable(
      keys: try r.readArray(of: UInt64.self), logProbs: try r.readArray(of: Float.self),
      backoffs: try r.readArray(of: Float.self))
    let trigrams = NGramTable(
      keys: try r.readArray(of: UInt64.self), logProbs: try r.readArray(of: Float.self),
      backoffs: [])
    guard unigrams.count == vocabulary.count, unigramBackoffs.count == vocabulary.count,
      bigrams.keys.count.nonzeroBitCount == 1, trigrams.keys.count.nonzeroBitCount == 1
    else {
      throw .corruptDictionary(path: path, reason: "model tables do not match the vocabulary")
    }
    model = LanguageModel(
      unigramLogProbs: unigrams, unigramBackoffs: unigramBackoffs, bigrams: bigrams,
      trigrams: trigrams)
    guard model.historiesComplete else {
      throw .corruptDictionary(
        path: path, reason: "a trigram's history is missing from the bigram table")
    }
    confusions = []
    for _ in 0..<(try r.readUInt32()) {
      let sources = try r.readStrings()
      let ocr = try r.readStrings()
      let logProbs = try r.readArray(of: Float.self)
      guard sources.count == ocr.count, ocr.count == logProbs.count else {
        throw .corruptDictionary(path: path, reason: "confusion table columns differ in length")
      }
      confusions.append(
        (0..<sources.count).map {
          Confusion(source: sources[$0], ocr: ocr[$0], logProb: logProbs[$0])
        })
    }
    guard confusions.count == 2 else {
      throw .corruptDictionary(path: path, reason: "expected 2 confusion tables")
    }
    let keys = try r.readStrings()
    let values = try r.readStrings()
    dStrokeForms = Dictionary(zip(keys, values), uniquingKeysWith: { a, _ in a })
    acronyms = Set(try r.readStrings())
    foreignWords = Set(try r.readStrings())
    skeletons.keys = try r.readStrings()
    skeletons.offsets = try r.readArray(of: UInt32.self)
    skeletons.ids = try r.readArray(of: Int32.self)
    skeletons.logProbs = try r.readArray(of: Float.self)
    guard skeletons.offsets.count == skeletons.keys.count + 1,
      skeletons.ids.count == skeletons.logProbs.count,
      Int(skeletons.offsets.last ?? 0) == skeletons.ids.count,
      skeletons.ids.allSatisfy({ $0 >= 0 && Int($0) < vocabulary.count })
    else { throw .corruptDictionary(path: path, reason: "skeleton table is inconsistent") }
    // Read in place from the mapped file: nothing is copied at load.
    forms = try FormTable(reading: &r, idLimit: vocabulary.count)
    lightForms = try FormTable(reading: &r, idLimit: vocabulary.count)
  }

  init(
    vocabulary: Vocabulary, model: LanguageModel, confusions: [[Confusion]],
    dStrokeForms: [String: String], acronyms: Set<String>, foreignWords: Set<String>
  ) {
    self.vocabulary = vocabulary
    self.model = model
    self.confusions = confusions
    self.dStrokeForms = dStrokeForms
    self.acronyms = acronyms
    self.foreignWords = foreignWords
  }
}
