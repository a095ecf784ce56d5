import Foundation
import Testing

/// Every kind of bad input gets one stderr line naming the file, a documented exit
/// status, and no output file.
@Suite struct BadInputTests {
  let folder: URL

  init() throws { folder = try IngestRunner.temporaryFolder() }

  private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  /// Runs `ingest input -o out.json` and checks the failure contract.
  private func expectFailure(
    _ input: String, status: Int32, mentioning reason: String, extra: [String] = []
  ) throws {
    let output = folder.appendingPathComponent("out.json").path
    let run = try IngestRunner.run([input, "-o", output] + extra)
    #expect(run.status == status, "stderr: \(run.stderr)")
    #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
    #expect(run.stderr.contains((input as NSString).lastPathComponent))
    #expect(run.stderr.contains(reason), "stderr: \(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  private var bornDigital: [UInt8] {
    get throws {
      [UInt8](
        try Data(contentsOf: URL(fileURLWithPath: IngestRunner.fixture("kh-tinh-khanh-hoa.pdf"))))
    }
  }

  @Test func nonPDFNamedPDF() throws {
    let path = try write("letter.pdf", Array("Kính gửi: các sở, ban, ngành\n".utf8))
    try expectFailure(path, status: 4, mentioning: "not a PDF")
  }

  @Test func truncatedPDF() throws {
    let path = try write("cut.pdf", Array(try bornDigital.prefix(40_000)))
    try expectFailure(path, status: 4, mentioning: "truncated")
  }

  @Test func corruptPDF() throws {
    var bytes = Array("%PDF-1.7\n".utf8)
    var generator = SystemRandomNumberGenerator()
    bytes += (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes += Array("\n%%EOF\n".utf8)
    let path = try write("damaged.pdf", bytes)
    try expectFailure(path, status: 4, mentioning: "not a readable PDF")
  }

  @Test func zeroPagePDF() throws {
    let path = try write("nopages.pdf", ZeroPagePDF.bytes)
    let output = folder.appendingPathComponent("out.json").path
    let run = try IngestRunner.run([path, "-o", output])
    #expect(run.status == 4, "stderr: \(run.stderr)")
    #expect(run.stderrLines.count == 1 && run.stderr.contains("nopages.pdf"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func emptyFile() throws {
    let path = try write("empty.pdf", [])
    try expectFailure(path, status: 4, mentioning: "empty")
  }

  @Test func missingFile() throws {
    try expectFailure(
      folder.appendingPathComponent("absent.pdf").path, status: 3, mentioning: "no such file")
  }

  @Test func unreadableImage() throws {
    let path = try write(
      "scan.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("garbage".utf8))
    try expectFailure(path, status: 4, mentioning: "cannot decode the image")
  }

  @Test func encryptedWithoutPassword() throws {
    try expectFailure(
      IngestRunner.fixture("bad/encrypted.pdf"), status: 5, mentioning: "--password")
  }

  @Test func encryptedWithWrongPassword() throws {
    try expectFailure(
      IngestRunner.fixture("bad/encrypted.pdf"), status: 5, mentioning: "password given is wrong",
      extra: ["--password", "sai-mat-khau"])
  }

  @Test func encryptedWithPassword() throws {
    let output = folder.appendingPathComponent("out.json").path
    let run = try IngestRunner.run([
      IngestRunner.fixture("bad/encrypted.pdf"), "--password", "khoa2026", "-o", output, "--quiet",
    ])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let json = try String(contentsOfFile: output, encoding: .utf8)
    #expect(json.contains("Kế hoạch được bảo vệ bằng mật khẩu."))
  }

  @Test func outputOverInputIsRefused() throws {
    let path = try write("plan.txt", Array("Kế hoạch\n".utf8))
    let run = try IngestRunner.run([path, "-o", path])
    #expect(run.status == 2)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "Kế hoạch\n")
  }

  @Test func missingDictionariesNamedByTheVariable() throws {
    let input = try write("plan.txt", Array("Ke hoach chuyen doi so\n".utf8))
    let output = folder.appendingPathComponent("out.json").path
    let missing = folder.appendingPathComponent("no-such-folder").path
    let run = try IngestRunner.run(
      [input, "-o", output], environment: ["PLANINGEST_DICTIONARIES": missing])
    #expect(run.status == 7, "stderr: \(run.stderr)")
    #expect(run.stderrLines.count == 1)
    #expect(run.stderr.contains("PLANINGEST_DICTIONARIES=\(missing)"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func missingDictionariesBesideACopiedExecutable() throws {
    // An `ingest` copied away from the repository finds no dictionaries: the message
    // lists each folder it looked in, once, and says how to point at them.
    let copy = folder.appendingPathComponent("ingest")
    try FileManager.default.copyItem(atPath: IngestRunner.executable, toPath: copy.path)
    let input = try write("plan.txt", Array("Ke hoach chuyen doi so\n".utf8))
    let run = try IngestRunner.run(
      [input, "-o", "out.json"], executable: copy.path,
      environment: ["PLANINGEST_DICTIONARIES": ""], directory: folder)
    #expect(run.status == 7, "stderr: \(run.stderr)")
    let listed = folder.resolvingSymlinksInPath().appendingPathComponent("dictionaries").path
    #expect(run.stderr.components(separatedBy: listed).count == 2, "\(run.stderr)")
    #expect(run.stderr.contains("PLANINGEST_DICTIONARIES"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.json").path))
  }

  @Test func unknownOCRLanguageIsAUsageError() throws {
    try expectFailure(
      IngestRunner.fixture("kh-tinh-khanh-hoa-junk.pdf"), status: 2,
      mentioning: "cannot load OCR language",
      extra: ["--ocr-lang", "klingon"])
  }
}

/// A well-formed PDF whose page tree is empty, with a correct cross-reference table.
enum ZeroPagePDF {
  static var bytes: [UInt8] {
    let objects = [
      "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
      "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n",
    ]
    var text = "%PDF-1.4\n"
    var offsets: [Int] = []
    for object in objects {
      offsets.append(text.utf8.count)
      text += object
    }
    let xref = text.utf8.count
    text += "xref\n0 3\n0000000000 65535 f \n"
    for offset in offsets { text += String(format: "%010d 00000 n \n", offset) }
    text += "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Array(text.utf8)
  }
}
