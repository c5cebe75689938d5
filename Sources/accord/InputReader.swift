import Foundation

private func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, p, n) }

/// Reads one input: a file, or standard input for `-`.
enum InputReader {
    /// Largest document accepted by default (`--max-bytes` changes it).
    static let defaultMaxBytes = 64 << 20

    /// The largest document accord can annotate: offsets are stored in 32 bits.
    static let largestMaxBytes = Int(Int32.max)

    /// `--max-bytes` from its text: a positive number no larger than `largestMaxBytes`.
    static func maxBytes(_ text: String) throws -> Int {
        guard let n = Int(text), n > 0 else { throw UsageError("--max-bytes needs a positive number of bytes") }
        guard n <= largestMaxBytes else {
            throw UsageError("--max-bytes can be at most \(largestMaxBytes) (2 GiB - 1): accord's offsets are 32-bit; split larger documents")
        }
        return n
    }

    /// The bytes of `path` (standard input for `-`). Reads at most `maxBytes + 1` bytes, so a
    /// document over the limit is refused without being held in memory.
    static func read(_ path: String, maxBytes: Int) throws -> [UInt8] {
        if path == "-" {
            return try read(fd: 0, name: "standard input", sizeHint: 1 << 16, maxBytes: maxBytes,
                            advice: "raise --max-bytes or split the input")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError("\(path): no such file; check the path")
        }
        if isDirectory.boolValue {
            throw CommandError("\(path): is a folder; to annotate every .txt file in it use 'accord batch \(path) -o OUTDIR'")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CommandError("\(path): cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        guard size <= maxBytes else {
            throw CommandError("\(path): \(size) bytes is more than --max-bytes \(maxBytes); raise --max-bytes or split the file")
        }
        return try read(fd: fd, name: path, sizeHint: size, maxBytes: maxBytes, advice: "raise --max-bytes or split the file")
    }

    /// Reads `fd` to its end straight into the array the annotator keeps (one copy of the input in
    /// memory, never zero-filled first): the expected size in one go, then, when the file grew or is
    /// a stream, the rest a chunk at a time. At most `maxBytes + 1` bytes are read, enough to know
    /// the input is over the limit.
    private static func read(fd: Int32, name: String, sizeHint: Int, maxBytes: Int, advice: String) throws -> [UInt8] {
        let limit = maxBytes + 1
        func failure() -> CommandError {
            CommandError("\(name): cannot be read (\(String(cString: strerror(errno))))")
        }
        let expected = min(sizeHint, limit)
        var bytes = try [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure()
                }
                if n == 0 { return }
                count += n
            }
        }
        if bytes.count == expected {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while bytes.count < limit {
                let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, min($0.count, limit - bytes.count)) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure()
                }
                if n == 0 { break }
                bytes.append(contentsOf: chunk[..<n])
            }
        }
        guard bytes.count <= maxBytes else {
            throw CommandError("\(name): larger than --max-bytes \(maxBytes); \(advice)")
        }
        return bytes
    }

    /// The document id for a path: the file name without its extension, `stdin` for `-`.
    static func documentID(_ path: String) -> String {
        if path == "-" { return "stdin" }
        return ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
