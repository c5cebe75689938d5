#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func posixRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, p, n) }

/// Reads a file descriptor line by line with a fixed buffer, so a stream of any length takes the
/// same memory. A line longer than `maxLength` is not kept: it comes back as `.tooLong` and the
/// reader skips to its end.
final class LineReader {
    enum Line {
        case text([UInt8])
        case tooLong(Int)
    }

    private let fd: Int32
    private let maxLength: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    private(set) var failure: String?
    /// The number of the line last returned (1-based).
    private(set) var number = 0
    /// Bytes consumed so far: the offset just after the last line returned (and its newline).
    private(set) var consumed = 0
    private var filled = 0

    init(fd: Int32, maxLength: Int) {
        self.fd = fd
        self.maxLength = maxLength
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    /// The next line without its `\n` (nor a `\r` before it), or nil at the end of the stream.
    func next() -> Line? {
        var line: [UInt8] = []
        var length = 0
        var overflow = false
        while true {
            if start == end {
                if atEnd || !fill() {
                    if length == 0 && !overflow { return nil }
                    break
                }
            }
            let newline = buffer[start..<end].firstIndex(of: 0x0A)
            let stop = newline ?? end
            let count = stop - start
            length += count
            if !overflow {
                if length > maxLength {
                    overflow = true
                    line = []
                } else {
                    line.append(contentsOf: buffer[start..<stop])
                }
            }
            start = newline.map { $0 + 1 } ?? end
            consumed = filled - (end - start)
            if newline != nil { break }
        }
        number += 1
        if overflow { return .tooLong(length) }
        if line.last == 0x0D { line.removeLast() }
        return .text(line)
    }

    private func fill() -> Bool {
        start = 0
        end = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress!, $0.count) }
            if n > 0 { end = n; filled += n; return true }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { failure = String(cString: strerror(errno)) }
            atEnd = true
            return false
        }
    }
}
