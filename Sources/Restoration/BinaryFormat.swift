import Foundation

/// Appends little-endian values to a byte buffer.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func write(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
  mutating func write(_ value: Float) { write(value.bitPattern) }
  mutating func write(_ string: String) {
    let utf8 = Array(string.utf8)
    write(UInt32(utf8.count))
    bytes += utf8
  }
  mutating func write<T: BitwiseCopyable>(_ values: [T]) {
    write(UInt32(values.count))
    values.withUnsafeBytes { bytes += $0 }
  }
  mutating func write(_ strings: [String]) {
    write(UInt32(strings.count))
    write(strings.joined(separator: "\n"))
  }
}

/// Reads what ``ByteWriter`` wrote; arrays are copied in one block, so loading is bound
/// by memory bandwidth, not by parsing.
struct ByteReader {
  let data: Data
  var offset = 0
  let path: String

  init(data: Data, path: String) {
    self.data = data
    self.path = path
  }

  mutating func need(_ count: Int) throws(RestorationError) {
    guard count >= 0, offset + count <= data.count else {
      throw .corruptDictionary(path: path, reason: "truncated at byte \(offset)")
    }
  }

  /// Passes over `count` bytes, which must be there.
  mutating func skip(_ count: Int) throws(RestorationError) {
    try need(count)
    offset += count
  }

  mutating func readUInt32() throws(RestorationError) -> UInt32 {
    try need(4)
    let value = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
    offset += 4
    return UInt32(littleEndian: value)
  }

  mutating func readFloat() throws(RestorationError) -> Float {
    Float(bitPattern: try readUInt32())
  }

  mutating func readString() throws(RestorationError) -> String {
    let count = Int(try readUInt32())
    try need(count)
    let s = data.withUnsafeBytes {
      String(decoding: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count]), as: UTF8.self)
    }
    offset += count
    return s
  }

  mutating func readArray<T: BitwiseCopyable>(of: T.Type) throws(RestorationError) -> [T] {
    let count = Int(try readUInt32())
    let size = count * MemoryLayout<T>.stride
    try need(size)
    let start = offset
    let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      data.withUnsafeBytes { raw in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: raw[start..<start + size]))
      }
      initialized = count
    }
    offset += size
    return result
  }

  mutating func readStrings() throws(RestorationError) -> [String] {
    let count = Int(try readUInt32())
    let joined = try readString()
    if count == 0 { return [] }
    let parts = joined.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == count else {
      throw .corruptDictionary(
        path: path, reason: "string list of \(parts.count), expected \(count)")
    }
    return parts
  }
}
