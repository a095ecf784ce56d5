import CProcessControl

/// Keeps the memory of large blocks in the process once freed, instead of handing it back
/// to the kernel at every `free`.
///
/// OCR allocates and frees bitmaps of several megabytes for every page (the rendered page,
/// Tesseract's thresholded and scaled copies). With glibc's defaults those come from
/// fresh mappings, and the kernel zeroes every 4 KB page of them again on first touch: on
/// a 12-page scan about 300,000 page faults and about 1 s of system time, against about
/// 50,000 faults and 0.4 s when freed blocks are kept for reuse. The price is a somewhat
/// higher resident size.
enum AllocatorSettings {
  static func keepFreedBlocks() {
    // Blocks up to 64 MB come from the heap and are reused; the heap shrinks only when
    // 256 MB lie free at its top. Where the allocator refuses, the defaults stay: slower.
    _ = planingest_set_allocator_thresholds(64 << 20, 256 << 20)
  }
}
