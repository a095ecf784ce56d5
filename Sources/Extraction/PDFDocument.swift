import CPoppler

/// A Poppler document opened from bytes in memory. Poppler objects are not safe to share
/// between threads, so every page worker opens its own document from the same bytes.
final class PDFDocument {
  private let document: OpaquePointer
  let pageCount: Int

  /// The bytes of a PDF, shared by the workers that each open a document on them.
  /// GBytes is immutable and reference-counted atomically, hence safe to share.
  final class Bytes: @unchecked Sendable {
    let gbytes: OpaquePointer
    init(_ bytes: [UInt8]) {
      gbytes = bytes.withUnsafeBufferPointer { g_bytes_new($0.baseAddress, gsize($0.count)) }
    }
    deinit { g_bytes_unref(gbytes) }
  }

  init(bytes: Bytes, password: String?, file: String) throws(ExtractionError) {
    var error: UnsafeMutablePointer<GError>?
    let opened = poppler_document_new_from_bytes(bytes.gbytes, password, &error)
    guard let opened else {
      let code = error?.pointee.code ?? -1
      let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
      if let error { g_error_free(error) }
      if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
        let reason =
          password == nil
          ? "the PDF is encrypted; give its password with --password"
          : "the PDF is encrypted and the password given is wrong"
        throw ExtractionError(.encrypted, file: file, reason: reason)
      }
      throw ExtractionError(
        .unsupported, file: file, reason: "not a readable PDF (\(PDFDocument.plain(message)))")
    }
    document = opened
    pageCount = Int(poppler_document_get_n_pages(opened))
  }

  deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

  /// The page at `index` (from 0), or nil when Poppler cannot load it.
  func page(_ index: Int) -> PDFPage? {
    guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
    return PDFPage(page)
  }

  /// Poppler's messages start lower-case without a final period; keep them as they are
  /// but drop line breaks so an error stays on one line.
  private static func plain(_ message: String) -> String {
    message.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
