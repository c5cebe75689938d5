#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

/// Where an output goes; the one writer of `annotate` and `batch`.
///
/// A file is written whole or not at all: the bytes go to a temporary file beside the target
/// (`.NAME.tmp-PID-RANDOM`, registered with `TemporaryFiles` so that SIGINT removes it), and
/// `commit` flushes it to disk (fsync, unless made with `durable: false`) and renames it over the
/// target. After any failure the temporary file is removed and the target is left as it was.
///
/// Standard output is written directly, and so is a target that exists and is not a regular file
/// (`/dev/null`, a named pipe, `/dev/stdout`): there is nothing to replace, and a rename would put
/// a regular file in the device's place.
final class OutputFile {
    /// The target as given; "standard output" for standard output.
    let path: String
    /// The temporary file being written, or nil when writing directly.
    let temporaryPath: String?
    private var fd: Int32
    /// Whether `commit` waits for the bytes to reach the disk. The rename alone already makes the
    /// output whole-or-absent for every process failure (kill, crash, Ctrl-C); fsync adds
    /// survival of a power cut, at a cost per file that a batch of many small files feels.
    private let durable: Bool
    /// The `errno` of the first failed write; later writes are skipped.
    private(set) var failure: Int32?

    /// Standard output.
    init() {
        path = "standard output"
        temporaryPath = nil
        fd = 1
        durable = false
    }

    /// The file at `path`: through a temporary file beside it, or directly if `path` names a
    /// device or a pipe.
    init(path: String, durable: Bool = true) throws {
        self.path = path
        self.durable = durable
        var s = stat()
        if stat(path, &s) == 0 {
            switch s.st_mode & S_IFMT {
            case S_IFREG:
                break
            case S_IFDIR:
                throw OutputError("\(path): is a folder; give the name of a file to write", code: EISDIR)
            default:
                temporaryPath = nil
                fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw OutputError.cannotCreate(path, code: errno) }
                return
            }
        }
        let temporary = TemporaryFiles.name(for: path)
        TemporaryFiles.shared.add(temporary)
        fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            TemporaryFiles.shared.remove(temporary)
            throw OutputError.cannotCreate(path, code: code)
        }
        temporaryPath = temporary
    }

    /// Writes all the bytes (retrying short writes). After a failure, writes nothing more:
    /// `commit` reports it.
    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, fd >= 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            offset += n
        }
    }

    func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

    /// Appends the rest of the open file `source` with `sendfile`: copied within the kernel, not
    /// read into a buffer and written back. A failure is reported by `commit`, like a failed
    /// write. Returns false, having copied nothing, where the system cannot do it (then copy
    /// through a buffer).
    func append(from source: Int32) -> Bool {
        #if os(Linux)
        guard failure == nil, fd >= 0 else { return true }
        var copied = 0
        while true {
            let n = sendfile(fd, source, nil, 1 << 30)
            if n > 0 {
                copied += n
                continue
            }
            if n == 0 { return true }
            if errno == EINTR { continue }
            if copied == 0 && (errno == EINVAL || errno == ENOSYS) { return false }
            failure = errno
            return true
        }
        #else
        return false
        #endif
    }

    /// Writes the bytes and empties the array (keeping its capacity, for the next chunk).
    func write(_ bytes: inout [UInt8]) {
        write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    func write(_ string: String) {
        var copy = string
        copy.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Completes the output: for a file, fsync, close and rename into place. Throws an error that
    /// names the target when anything failed (the temporary file is then removed).
    func commit() throws {
        guard let temporaryPath else {
            if fd > 2 {
                if systemClose(fd) != 0 && failure == nil { failure = errno }
                fd = -1
            }
            if let failure { throw OutputError.writingFailed(path, code: failure, complete: false) }
            return
        }
        guard fd >= 0 else { return }
        if failure == nil && durable && fsync(fd) != 0 { failure = errno }
        // close can report a failed write-back (NFS, some quotas).
        if systemClose(fd) != 0 && failure == nil { failure = errno }
        fd = -1
        defer { TemporaryFiles.shared.remove(temporaryPath) }
        if let failure {
            unlink(temporaryPath)
            throw OutputError.writingFailed(path, code: failure, complete: true)
        }
        if rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw OutputError("\(path): cannot move the finished output into place (\(OutputError.describe(code)))", code: code)
        }
    }

    /// Gives up: removes the temporary file (a direct target keeps what was written).
    func discard() {
        guard fd >= 0 else { return }
        if fd > 2 { _ = systemClose(fd) }
        fd = -1
        if let temporaryPath {
            unlink(temporaryPath)
            TemporaryFiles.shared.remove(temporaryPath)
        }
    }

    deinit { discard() }

    /// Writes `bytes` to `path` whole or not at all.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let output = try OutputFile(path: path)
        output.write(bytes)
        try output.commit()
    }
}
