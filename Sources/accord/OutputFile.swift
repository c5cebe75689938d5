#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func systemClose(_ fd: Int32) { _ = close(fd) }

/// Where output goes: standard output, or a file written whole or not at all (a temporary file in the
/// same folder, renamed over the target when complete; removed on failure).
final class OutputFile {
    private let fd: Int32
    private let finalPath: String?
    private let temporaryPath: String?
    private(set) var failure: String?

    /// Standard output.
    init() {
        fd = 1
        finalPath = nil
        temporaryPath = nil
    }

    /// A file at `path`, created through a temporary file beside it.
    init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let handle = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard handle >= 0 else {
            throw CommandError("\(path): cannot create the output file (\(String(cString: strerror(errno)))); check that its folder exists and is writable")
        }
        fd = handle
        finalPath = path
        temporaryPath = temporary
    }

    /// Writes the bytes (all of them, retrying short writes) and empties the buffer.
    func write(_ bytes: inout [UInt8]) {
        defer { bytes.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
    }

    func write(_ string: String) {
        var bytes = Array(string.utf8)
        write(&bytes)
    }

    /// Completes the output: renames the temporary file into place, or removes it after a failure.
    func close() throws {
        guard let finalPath, let temporaryPath else {
            if let failure { throw CommandError("standard output: \(failure)") }
            return
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        systemClose(fd)
        if let failure {
            unlink(temporaryPath)
            throw CommandError("\(finalPath): writing failed (\(failure)); nothing was written")
        }
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw CommandError("\(finalPath): cannot move the finished output into place (\(reason))")
        }
    }

    /// Gives up: removes the temporary file.
    func discard() {
        guard let temporaryPath else { return }
        systemClose(fd)
        unlink(temporaryPath)
    }
}
