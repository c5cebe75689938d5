#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func posixRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, p, n) }

/// A part of the summary being assembled: a registered temporary file in OUTDIR (removed on
/// SIGINT and at the end), read back into the final summary. Text is gathered in blocks of
/// 64 kB, one write each, rather than a write per document.
final class ScratchFile {
    private let output: OutputFile
    private let readPath: String
    private var pending: [UInt8] = []
    private static let blockSize = 1 << 16

    init(directory: String, name: String) throws {
        output = try OutputFile(path: directory + "/" + name)
        readPath = output.temporaryPath ?? output.path
    }

    func write(_ text: String) { write(text.utf8) }

    func write(_ bytes: some Collection<UInt8>) {
        pending.append(contentsOf: bytes)
        if pending.count >= ScratchFile.blockSize { output.write(&pending) }
    }

    /// Copies what was written into `target`: in the kernel where it can, else a megabyte at a
    /// time. Throws an error naming
    /// `target` if the scratch file could not be written or read back in full (a full disk), so
    /// that a summary is never committed with documents missing.
    func copy(into target: OutputFile) throws {
        output.write(&pending)
        if let code = output.failure { throw OutputError.writingFailed(target.path, code: code, complete: true) }
        let fd = open(readPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.writingFailed(target.path, code: errno, complete: true) }
        defer { close(fd) }
        if target.append(from: fd) { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw OutputError.writingFailed(target.path, code: errno, complete: true) }
            if n == 0 { break }
            buffer.withUnsafeBytes { target.write(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
    }

    func remove() { output.discard() }
}
