#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

/// The temporary files this process has open, so that SIGINT (or SIGTERM) can remove them before
/// exiting: an interrupted batch leaves finished outputs and nothing half-written.
final class TemporaryFiles: @unchecked Sendable {
    static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var paths: Set<String> = []
    /// Written to standard error (after a line break when progress is showing) when interrupted.
    private var interruptMessage: @Sendable () -> String = { "accord: interrupted" }
    private var signalSources: [DispatchSourceSignal] = []

    /// Registers a temporary file about to be created. Blocks for good once an interrupt is being
    /// handled (the process is exiting).
    func add(_ path: String) {
        lock.lock()
        paths.insert(path)
        lock.unlock()
    }

    func remove(_ path: String) {
        lock.lock()
        paths.remove(path)
        lock.unlock()
    }

    /// On SIGINT (exit 130) or SIGTERM (exit 143): remove every registered temporary file, write
    /// the message and exit. The lock is never released, so no worker creates another file.
    func handleInterrupts(message: @escaping @Sendable () -> String) {
        lock.lock()
        interruptMessage = message
        lock.unlock()
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global(qos: .userInitiated))
            source.setEventHandler { [self] in self.abort(code: 128 + sig) }
            source.resume()
            signalSources.append(source)
        }
    }

    private func abort(code: Int32) {
        lock.lock()
        for path in paths { unlink(path) }
        let text = interruptMessage() + "\n"
        _ = text.withCString { posixWrite(2, $0, strlen($0)) }
        _exit(code)
    }

    /// A temporary name beside `path`: `.NAME.tmp-PID-RANDOM` (what the next run cleans up after a
    /// SIGKILL; `OutputFile` uses the same pattern).
    static func name(for path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Removes `.*.tmp-PID-*` files left under `directory` by a process that no longer runs (a batch
    /// killed with SIGKILL). Follows no symbolic links. Returns how many were removed.
    @discardableResult
    static func removeStray(under directory: String) -> Int {
        var removed = 0
        var seen: Set<FileID> = []
        var pending = [directory]
        while let folder = pending.popLast() {
            guard let id = FileID.of(folder), seen.insert(id).inserted, let handle = opendir(folder) else { continue }
            var names: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(handle)
            for name in names {
                let path = folder + "/" + name
                var s = stat()
                guard lstat(path, &s) == 0 else { continue }
                if (s.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path)
                } else if (s.st_mode & S_IFMT) == S_IFREG, let pid = temporaryOwner(name), pid != getpid(),
                          kill(pid, 0) != 0 && errno == ESRCH {
                    if unlink(path) == 0 { removed += 1 }
                }
            }
        }
        return removed
    }

    /// The process id in a temporary file's name `.NAME.tmp-PID-RANDOM`, or nil for other names.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }
}

/// An output file written whole or not at all: a registered temporary file in the target folder,
/// renamed into place by `commit`. Without `durable`, data is not fsync'ed (a killed process never
/// leaves a partial file; only a power cut could).
final class AtomicOutput {
    let path: String
    private let temporary: String
    /// The temporary file being written.
    var temporaryPath: String { temporary }
    private var fd: Int32
    private(set) var failure: String?

    init(path: String) throws {
        self.path = path
        temporary = TemporaryFiles.name(for: path)
        TemporaryFiles.shared.add(temporary)
        fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            let reason = String(cString: strerror(errno))
            TemporaryFiles.shared.remove(temporary)
            throw AtomicOutputError("cannot create \(path) (\(reason)); check that the folder is writable")
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        var offset = 0
        while offset < bytes.count {
            let n = posixWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += n
        }
    }

    func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }
    func write(_ string: String) { var s = string; s.withUTF8 { write(UnsafeRawBufferPointer($0)) } }

    /// Moves the finished file into place, or removes it and throws if writing failed.
    func commit(durable: Bool = false) throws {
        if failure == nil && durable && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        fd = -1
        defer { TemporaryFiles.shared.remove(temporary) }
        if let failure {
            unlink(temporary)
            throw AtomicOutputError("writing \(path) failed (\(failure)); nothing was written")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicOutputError("cannot move the finished output into place at \(path) (\(reason))")
        }
    }

    /// Gives up: removes the temporary file.
    func discard() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
        unlink(temporary)
        TemporaryFiles.shared.remove(temporary)
    }

    deinit { discard() }

    /// Writes `bytes` to `path` whole or not at all.
    static func write(_ bytes: [UInt8], to path: String, durable: Bool = false) throws {
        let output = try AtomicOutput(path: path)
        output.write(bytes)
        try output.commit(durable: durable)
    }
}

struct AtomicOutputError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Creates a folder and its parents (like `mkdir -p`); returns an error message or nil.
func makeFolders(_ path: String) -> String? {
    var s = stat()
    if stat(path, &s) == 0 {
        return (s.st_mode & S_IFMT) == S_IFDIR ? nil : "\(path) exists and is not a folder"
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty && parent != path, let error = makeFolders(parent) { return error }
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
        return "cannot create the folder \(path) (\(String(cString: strerror(errno))))"
    }
    return nil
}
