import Foundation
import Testing

/// `ingest` on the rendered fixtures: the born-digital PDF reads back its source text
/// without OCR; scanned pages and pages under a junk layer are all OCR'd.
@Suite struct FixtureTests {
  struct Output: Decodable {
    struct Source: Decodable {
      var page_count: Int
      var text_layer_pages: [Int]
      var ocr_pages: [Int]
      var ocr_language: String?
    }
    struct Page: Decodable {
      var number: Int
      var text: String
      var lines: [Line]?
      var skipped: String?
    }
    struct Line: Decodable {
      var words: [Word]
    }
    struct Word: Decodable {
      var text: String
      var confidence: Double
      var origin: String
    }
    var source: Source
    var pages: [Page]
  }

  static func sourcePages(_ stem: String) throws -> [String] {
    try String(contentsOfFile: IngestRunner.fixture("\(stem).txt"), encoding: .utf8)
      .split(separator: "\u{0C}").map(String.init)
  }

  static func ingest(_ arguments: [String]) throws -> (IngestRunner.Run, Output?) {
    let run = try IngestRunner.run(arguments)
    return (run, try? JSONDecoder().decode(Output.self, from: run.stdout))
  }

  @Test func bornDigitalReadsItsSourceTextWithoutOCR() throws {
    let (run, output) = try Self.ingest([IngestRunner.fixture("kh-tinh-khanh-hoa.pdf"), "--quiet"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    let document = try #require(output)
    let reference = try Self.sourcePages("kh-tinh-khanh-hoa")
    #expect(document.source.page_count == reference.count)
    #expect(document.source.ocr_pages.isEmpty)
    #expect(document.source.ocr_language == nil)
    #expect(document.source.text_layer_pages == Array(1...reference.count))
    let rate = characterErrorRate(
      reference: reference.joined(separator: "\n"),
      hypothesis: document.pages.map(\.text).joined(separator: "\n"))
    #expect(rate < 0.005, "CER \(rate)")
  }

  @Test func progressIsALineAPageWhenAsked() throws {
    let fixture = IngestRunner.fixture("kh-tinh-khanh-hoa.pdf")
    let (quiet, _) = try Self.ingest([fixture])
    // Not a terminal and not asked: only the summary line.
    #expect(quiet.stderrLines.count == 1, "\(quiet.stderr)")
    let (run, output) = try Self.ingest([fixture, "--progress"])
    #expect(run.status == 0)
    let pages = try #require(output).source.page_count
    let lines = run.stderrLines.filter { $0.contains(": page ") }
    #expect(lines.count == pages, "\(run.stderr)")
    for (k, line) in lines.enumerated() { #expect(line.contains(": page \(k + 1)/\(pages)")) }
    #expect(run.stderrLines.last?.contains("\(pages) pages") == true)
  }

  @Test func layoutCarriesWordsWithBoxes() throws {
    let (run, output) = try Self.ingest([
      IngestRunner.fixture("kh-tinh-khanh-hoa.pdf"), "--layout", "--quiet",
    ])
    #expect(run.status == 0)
    let document = try #require(output)
    let words = document.pages.flatMap { $0.lines ?? [] }.flatMap(\.words)
    #expect(words.count > 1000)
    #expect(words.allSatisfy { $0.origin == "textLayer" && $0.confidence == 1 })
    // Table cells glued by Poppler are split on the gap between them.
    #expect(!words.contains { $0.text.contains("vụSở") || $0.text.contains("HàngSở") })
  }

  @Test func scannedPagesAreAllOCRd() throws {
    let (run, output) = try Self.ingest([
      IngestRunner.fixture("kh-dang-uy-tan-an-scan.pdf"), "--quiet",
    ])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let document = try #require(output)
    #expect(document.source.text_layer_pages.isEmpty)
    #expect(document.source.ocr_pages == Array(1...document.source.page_count))
    #expect(document.source.ocr_language == "Vietnamese+vie")
    // The letter page, header block and signature included, reads nearly as printed.
    let reference = try Self.sourcePages("kh-dang-uy-tan-an")
    let rate = characterErrorRate(reference: reference[0], hypothesis: document.pages[0].text)
    #expect(rate < 0.03, "page 1 CER \(rate)")
  }

  @Test func junkLayerOverAScanIsReplacedByOCR() throws {
    let (run, output) = try Self.ingest([
      IngestRunner.fixture("kh-tinh-khanh-hoa-junk.pdf"), "--quiet", "--ocr-lang", "vie",
    ])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let document = try #require(output)
    #expect(document.source.ocr_pages == Array(1...document.source.page_count))
    #expect(document.pages[0].text.contains("ỦY BAN NHÂN DÂN"))
  }

  @Test func pageOverTheTimeoutIsSkippedAndReported() throws {
    let folder = try IngestRunner.temporaryFolder()
    let output = folder.appendingPathComponent("out.json").path
    let run = try IngestRunner.run([
      IngestRunner.fixture("kh-tinh-khanh-hoa-junk.pdf"), "--page-timeout", "0.001", "-o", output,
      "--quiet",
    ])
    #expect(run.status == 6, "stderr: \(run.stderr)")
    #expect(run.stderrLines.count == 2)
    #expect(
      run.stderrLines.allSatisfy {
        $0.contains("kh-tinh-khanh-hoa-junk.pdf: page ") && $0.contains("timeout")
      })
    let document = try JSONDecoder().decode(
      Output.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
    #expect(document.pages.allSatisfy { $0.skipped != nil && $0.text.isEmpty })
  }

  @Test func everyPageOfAMultiPageTIFFIsOCRd() throws {
    let (run, output) = try Self.ingest([
      IngestRunner.fixture("kh-phuong-hoa-khanh-fax.tif"), "--quiet", "--ocr-lang", "vie",
    ])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let document = try #require(output)
    #expect(document.source.page_count == 2)
    #expect(document.source.ocr_pages == [1, 2])
    let reference = try Self.sourcePages("kh-phuong-hoa-khanh")
    for index in 0..<2 {
      let rate = characterErrorRate(
        reference: reference[index], hypothesis: document.pages[index].text)
      #expect(rate < 0.03, "page \(index + 1) CER \(rate)")
    }
  }

  @Test func plainTextSplitsPagesOnFormFeeds() throws {
    let (run, output) = try Self.ingest([IngestRunner.fixture("kh-tinh-khanh-hoa.txt"), "--quiet"])
    #expect(run.status == 0)
    let document = try #require(output)
    let reference = try Self.sourcePages("kh-tinh-khanh-hoa")
    #expect(document.pages.count == reference.count)
    #expect(document.pages[0].text + "\n" == reference[0])
  }
}
