#if canImport(Glibc)
import Glibc
#endif

/// Transparent huge pages for the large arrays a long text needs (its tokens take about 3.6 bytes
/// per input byte). Fresh memory is mapped on first touch, one page fault per 4 KiB page; where
/// Linux offers huge pages on request (`madvise` mode, the usual default), asking for them makes
/// that one fault per 2 MiB.
enum HugePages {
    /// Below this a buffer spans too few huge pages to be worth the system call.
    static let minimumBytes = 8 << 20

    /// Advises the kernel to back the whole 2 MiB pages inside `buffer` with huge pages. A hint
    /// only: the contents and the program's behaviour are the same whether or not it is taken.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = buffer.baseAddress, buffer.count >= minimumBytes else { return }
        let huge = UInt(2 << 20)
        let start = (UInt(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (UInt(bitPattern: base) + UInt(buffer.count)) & ~(huge - 1)
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_HUGEPAGE)
        #endif
    }
}
