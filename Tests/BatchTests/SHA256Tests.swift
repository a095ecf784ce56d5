import Foundation
import Testing

@testable import Pipeline

/// The content hash that identifies inputs, against the FIPS 180-4 test vectors and
/// `sha256sum` over chunk boundaries.
@Suite struct SHA256Tests {
  @Test func knownVectors() {
    #expect(
      SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(of: Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func aFileLargerThanOneChunkMatchesSha256sum() throws {
    let folder = TemporaryFolder()
    let path = folder.path("big.bin")
    var bytes = [UInt8](repeating: 0, count: (1 << 20) + 12_345)
    for index in bytes.indices {
      bytes[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 9)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .split(separator: " ").first.map(String.init)
    guard case .success(let result) = SHA256.hex(ofFile: path) else {
      Issue.record("could not hash")
      return
    }
    #expect(result.digest == expected)
    #expect(result.size == bytes.count)
  }
}
