import Foundation
import Restoration

/// The tool's three jobs.
enum ToolCommands {
  /// The synthetic sets in fixtures/restoration (made by scripts/train-confusions
  /// --heldout): held-out text on mildly degraded pages, and on pages degraded as office
  /// scans are (low resolution, blur, ink, skew, speckles, JPEG), each read with both models.
  static let syntheticSets: [(name: String, model: String, pages: String)] = [
    ("eng", "eng", "mild pages"), ("vie", "vie", "mild pages"),
    ("eng-rough", "eng", "rough pages"), ("vie-rough", "vie", "rough pages"),
  ]

  static func build(root: String, shared: String) throws {
    let sources = root + "/dictionaries/sources"
    var heldOut: [String: [ClosedRange<Int>]] = [:]
    let spec = try String(contentsOfFile: sources + "/heldout.tsv", encoding: .utf8)
    for row in spec.split(separator: "\n") where !row.hasPrefix("#") {
      let f = row.split(separator: "\t").map(String.init)
      guard f.count == 3, let a = Int(f[1]), let b = Int(f[2]) else { continue }
      heldOut[f[0], default: []].append(a == 0 ? 1...Int.max : a...b)
    }
    var texts: [DictionaryBuilder.TrainingText] = []
    let corpus = try FileManager.default.contentsOfDirectory(atPath: shared + "/corpus/laws")
      .sorted()
    for rel in ["seeds/002_3f3b1f3921e80161.txt"] + corpus.map({ "corpus/laws/" + $0 }) {
      texts.append(.init(path: shared + "/" + rel, excludedLines: heldOut[rel] ?? []))
    }
    // Hand-written domain text; the lexicon counts more.
    for name in try FileManager.default.contentsOfDirectory(atPath: sources).sorted()
    where name.hasSuffix(".txt") {
      if name == "foreign-words.txt" || name == "acronyms.txt" { continue }
      texts.append(.init(path: sources + "/" + name, weight: name.hasPrefix("lexicon") ? 3 : 1))
    }
    let builder = DictionaryBuilder(
      texts: texts, confusionsPath: root + "/dictionaries/confusions.tsv",
      foreignWordsPath: sources + "/foreign-words.txt", acronymsPath: sources + "/acronyms.txt")
    let (bytes, summary) = try builder.build()
    let out = root + "/dictionaries/restoration.bin"
    try Data(bytes).write(to: URL(fileURLWithPath: out))
    print("wrote \(out) (\(bytes.count) bytes): \(summary)")
  }

  static func evaluate(root: String, shared: String, showErrors: Bool) throws {
    let restorer = try Restorer(dictionaryFolder: root + "/dictionaries")
    for (tsv, seed) in [
      ("000_lines.tsv", "000_54cb3cf436728393.txt"), ("003_lines.tsv", "003_7217f5adf1337142.txt"),
    ] {
      let score = try RestorationEvaluation.scoreDevset(
        restorer, tsv: shared + "/devset/" + tsv, seed: shared + "/seeds/" + seed)
      print("devset \(tsv): \(score)")
    }
    for set in syntheticSets {
      let (score, errors) = try RestorationEvaluation.scorePairs(
        restorer, tsv: root + "/fixtures/restoration/synthetic-\(set.name).tsv")
      print(
        "synthetic \(set.name) (held-out text, \(set.pages), tesseract -l \(set.model)): \(score)")
      if showErrors { print(errors.joined(separator: "\n")) }
    }
    let clean = try RestorationEvaluation.heldOutLines(root: root, shared: shared)
    print(
      "clean held-out seed 002 lines fed unchanged: \(RestorationEvaluation.scoreClean(restorer, lines: clean))"
    )
  }

  /// The synthetic sets' missed lines (all sets, or the one named), without the devset:
  /// what error analysis may look at.
  static func syntheticErrors(root: String, only: String?) throws {
    let restorer = try Restorer(dictionaryFolder: root + "/dictionaries")
    for set in syntheticSets where only == nil || only == set.name {
      let (score, errors) = try RestorationEvaluation.scorePairs(
        restorer, tsv: root + "/fixtures/restoration/synthetic-\(set.name).tsv")
      print("== synthetic \(set.name): \(score)")
      print(errors.joined(separator: "\n"))
    }
  }

  /// Scores each value of one setting on the synthetic sets and the clean held-out lines
  /// (never the devset).
  static func tune(root: String, shared: String, name: String, values: [Double]) throws {
    let base = try Restorer(dictionaryFolder: root + "/dictionaries")
    let clean = try RestorationEvaluation.heldOutLines(root: root, shared: shared)
    for value in values {
      guard let restorer = base.adjusting(name, to: value) else {
        throw RestorationError.unreadableInput(
          path: name,
          reason: "unknown setting; one of \(Restorer.tunableSettings.joined(separator: ", "))")
      }
      var report = "\(name)=\(value):"
      for set in syntheticSets {
        let score = try RestorationEvaluation.scorePairs(
          restorer, tsv: root + "/fixtures/restoration/synthetic-\(set.name).tsv"
        ).score
        report += String(
          format: " %@ %.2f%% (damage %.3f%%)", set.name, score.accuracy * 100,
          score.damageRate * 100)
      }
      let damage = RestorationEvaluation.scoreClean(restorer, lines: clean).damageRate
      print(report + String(format: " clean damage %.3f%%", damage * 100))
    }
  }

  /// CPU time of this thread, in seconds: steadier than wall time on a shared machine.
  static func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// Prints load time and throughput; with `fullOnly`, restores the seeds in full mode that
  /// many times and prints only that throughput (a run to profile).
  static func bench(root: String, shared: String, fullOnly: Int? = nil) throws {
    var loads: [Double] = []
    var restorer: Restorer?
    for _ in 0..<7 {
      let t = cpuSeconds()
      restorer = try Restorer(dictionaryFolder: root + "/dictionaries")
      loads.append((cpuSeconds() - t) * 1000)
    }
    guard let restorer else { return }
    let seeds = ["000_54cb3cf436728393.txt", "003_7217f5adf1337142.txt"]
    var documents: [[String]] = []
    for seed in seeds {
      documents.append(
        try String(contentsOfFile: shared + "/seeds/" + seed, encoding: .utf8).split(
          separator: "\n", omittingEmptySubsequences: false
        ).map(String.init))
    }
    let heldOut = try RestorationEvaluation.heldOutLines(root: root, shared: shared)
    // Vietnamese-model OCR of rendered held-out text: what the pipeline's own OCR gives.
    let vieOCR = try String(
      contentsOfFile: root + "/fixtures/restoration/synthetic-vie-rough.tsv", encoding: .utf8
    )
    .split(separator: "\n").dropFirst().compactMap { row -> String? in
      let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
      return fields.count == 2 ? String(fields[0]).precomposedStringWithCanonicalMapping : nil
    }
    func syllables(_ lines: [String]) -> Int {
      lines.reduce(0) { total, line in
        total
          + line.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }
          .count
      }
    }
    func rate(_ docs: [[String]]) -> Double {
      var best = Double.infinity
      for _ in 0..<3 {
        let t = cpuSeconds()
        for d in docs { _ = restorer.restore(lines: d) }
        best = min(best, cpuSeconds() - t)
      }
      return Double(docs.reduce(0) { $0 + syllables($1) }) / best
    }
    if let n = ProcessInfo.processInfo.environment["FULL_ONLY"].flatMap(Int.init) {
      let t = cpuSeconds()
      for _ in 0..<n { for d in documents { _ = restorer.restore(lines: d) } }
      print(
        String(
          format: "full only: %.0f syllables/s",
          Double(n * documents.reduce(0) { $0 + syllables($1) }) / (cpuSeconds() - t)))
      return
    }
    if let fullOnly {
      let t = cpuSeconds()
      for _ in 0..<fullOnly { for d in documents { _ = restorer.restore(lines: d) } }
      let total = fullOnly * documents.reduce(0) { $0 + syllables($1) }
      print(
        String(
          format: "full restoration only, %d passes: %.0f syllables/s", fullOnly,
          Double(total) / (cpuSeconds() - t)))
      return
    }
    print(String(format: "dictionary load: median %.1f ms CPU (7 loads)", loads.sorted()[3]))
    print(
      String(
        format: "full restoration, English-model OCR (seeds 000 and 003, %d syllables, "
          + "each restored as one document): %.0f syllables/s",
        documents.reduce(0) { $0 + syllables($1) }, rate(documents)))
    print(
      String(
        format: "light correction, clean text (held-out seed 002 lines, %d syllables): "
          + "%.0f syllables/s",
        syllables(heldOut), rate([heldOut])))
    print(
      String(
        format: "light correction, Vietnamese-model OCR (synthetic-vie-rough, %d syllables, "
          + "one document): %.0f syllables/s",
        syllables(vieOCR), rate([vieOCR])))
  }
}
