import CPoppler
import Foundation

/// A Poppler document. Poppler objects are not safe to share between threads, so every
/// page worker opens its own. It is opened from the file, not from bytes in memory:
/// Poppler 22.12 crashes on a memory stream of an encrypted PDF given a wrong password.
final class PDFDocument {
  private let document: OpaquePointer
  let pageCount: Int

  init(path: String, password: String?, file: String) throws(ExtractionError) {
    var error: UnsafeMutablePointer<GError>?
    // Poppler wants a file:// URI, which GLib builds only from an absolute path.
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    guard let uri = g_filename_to_uri(absolute, nil, nil) else {
      throw ExtractionError(.unreadable, file: file, reason: "cannot make a URI of the path")
    }
    defer { g_free(uri) }
    let opened = poppler_document_new_from_file(uri, password, &error)
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
