#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func posixRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, p, n) }

/// The self-pipe of interrupts: the signal handler writes the signal number to `write` (one
/// `write` call, async-signal-safe; plain integers, nothing to retain) and a thread reading `read`
/// does the rest.
private let interruptPipe: (read: Int32, write: Int32) = {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return (-1, -1) }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (fds[0], fds[1])
}()

private func forwardSignal(_ sig: Int32) {
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: sig)
    _ = posixWrite(interruptPipe.write, &byte, 1)
    errno = saved
}

/// The temporary files this process has open, so that SIGINT (or SIGTERM) can remove them before
/// exiting: an interrupted `annotate -o` or `batch` leaves finished outputs and nothing half-written.
final class TemporaryFiles: @unchecked Sendable {
    static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var paths: Set<String> = []
    /// Written to standard error (after a line break when progress is showing) when interrupted.
    private var interruptMessage: @Sendable () -> String = { "accord: interrupted" }
    private var handling = false

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

    /// From now on, SIGINT (exit 130) or SIGTERM (exit 143) removes every registered temporary
    /// file, writes the message and exits; the lock is never released, so no worker creates another
    /// file. The handler is in place when this returns (a DispatchSource registers its handler
    /// later, on another thread, and a signal in between was lost).
    func handleInterrupts(message: @escaping @Sendable () -> String) {
        lock.lock()
        interruptMessage = message
        let first = !handling
        handling = true
        lock.unlock()
        guard first, interruptPipe.read >= 0 else { return }
        let reader = Thread { [self] in
            var byte: UInt8 = 0
            while true {
                let n = posixRead(interruptPipe.read, &byte, 1)
                if n == 1 { abort(code: 128 + Int32(byte)) }
                if n < 0 && errno == EINTR { continue }
                return
            }
        }
        reader.start()
        signal(SIGINT, forwardSignal)
        signal(SIGTERM, forwardSignal)
    }

    private func abort(code: Int32) {
        lock.lock()
        for path in paths { unlink(path) }
        let text = interruptMessage() + "\n"
        _ = text.withCString { posixWrite(2, $0, strlen($0)) }
        _exit(code)
    }

    /// A temporary name beside `path`: `.NAME.tmp-PID-RANDOM` (what the next run cleans up after a
    /// SIGKILL; `OutputFile` uses this name). RANDOM is a random start plus a count of the names
    /// made, so names never repeat within a run and a batch asks the system for no random bytes
    /// (nor for its pid) per file.
    static func name(for path: String) -> String {
        let utf8 = path.utf8
        let slash = utf8.lastIndex(of: UInt8(ascii: "/"))
        let name = slash.map { path[utf8.index(after: $0)...] } ?? path[...]
        guard !name.isEmpty, name != ".", name != ".." else { return foundationName(for: path) }
        let directory = slash.map { path[...$0] } ?? ""
        return "\(directory).\(name).tmp-\(processSuffix)\(counter.next())"
    }

    /// `PID-` of this process.
    private static let processSuffix = "\(getpid())-"
    private static let counter = NameCounter()

    /// The name for paths whose last component is not a plain file name (`dir/`, `.`, `..`),
    /// split as Foundation splits them.
    private static func foundationName(for path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(processSuffix)\(counter.next())"
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

/// Numbers the temporary names of this process: a random start, then one more per name.
private final class NameCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var last = UInt32.random(in: 0...UInt32.max)

    func next() -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        last &+= 1
        return last
    }
}
