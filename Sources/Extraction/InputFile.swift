import CPoppler
import Foundation

/// The bytes of an input file and what kind of document they hold, read once so that
/// the checksum and every page worker see the same bytes even if the file changes.
struct InputFile: Sendable {
  enum Kind: String, Sendable {
    case pdf, image, text
  }

  let name: String
  let displayPath: String
  let bytes: [UInt8]
  let kind: Kind

  /// Reads `path`, refusing missing, unreadable, empty and unrecognized files. The kind
  /// comes from the content when it has a signature, so a PNG named `.pdf` is still
  /// reported for what it is.
  init(path: String) throws(ExtractionError) {
    displayPath = path
    name = (path as NSString).lastPathComponent
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw ExtractionError(.notFound, file: path, reason: "no such file")
    }
    if isFolder.boolValue {
      throw ExtractionError(.unreadable, file: path, reason: "is a folder, not a file")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ExtractionError(.unreadable, file: path, reason: "cannot open the file for reading")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.readToEnd() ?? Data()
    } catch {
      throw ExtractionError(.unreadable, file: path, reason: "read failed: \(error)")
    }
    guard !data.isEmpty else {
      throw ExtractionError(.unsupported, file: path, reason: "the file is empty")
    }
    bytes = [UInt8](data)
    kind = try InputFile.kind(of: bytes, path: path)
  }

  private static func kind(of bytes: [UInt8], path: String) throws(ExtractionError) -> Kind {
    let ext = (path as NSString).pathExtension.lowercased()
    let head = Array(bytes.prefix(1024))
    let isPDF = head.starts(with: Array("%PDF-".utf8)) || containsPDFHeader(head)
    let isImage =
      head.starts(with: [0x89, 0x50, 0x4E, 0x47]) || head.starts(with: [0xFF, 0xD8, 0xFF])
      || head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
    switch ext {
    case "pdf":
      if isPDF { return .pdf }
      let what = isImage ? "an image" : "something else"
      throw ExtractionError(
        .unsupported, file: path, reason: "not a PDF (no %PDF header; the content is \(what))")
    case "png", "jpg", "jpeg", "tif", "tiff":
      if isImage { return .image }
      throw ExtractionError(
        .unsupported, file: path, reason: "not a readable \(ext.uppercased()) image")
    case "txt", "text":
      return .text
    default:
      if isPDF { return .pdf }
      if isImage { return .image }
      throw ExtractionError(
        .unsupported, file: path,
        reason: "unsupported file type '.\(ext)' (expected .pdf, .png, .jpg, .tif or .txt)")
    }
  }

  /// PDF readers accept a header within the first 1024 bytes; some producers prepend junk.
  private static func containsPDFHeader(_ head: [UInt8]) -> Bool {
    let marker = Array("%PDF-".utf8)
    guard head.count >= marker.count else { return false }
    for start in 0...(head.count - marker.count) where head[start] == marker[0] {
      if Array(head[start..<start + marker.count]) == marker { return true }
    }
    return false
  }

  /// Lower-case hex SHA-256 of the bytes (GLib's implementation, already linked).
  var sha256: String {
    bytes.withUnsafeBufferPointer { buffer in
      guard
        let sum = g_compute_checksum_for_data(
          G_CHECKSUM_SHA256, buffer.baseAddress, gsize(buffer.count))
      else { return "" }
      defer { g_free(sum) }
      return String(cString: sum)
    }
  }
}
