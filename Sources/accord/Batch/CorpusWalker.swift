#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file or folder's identity: device and inode (what `stat` says, through symbolic links).
struct FileID: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    init(_ s: stat) {
        device = UInt64(truncatingIfNeeded: s.st_dev)
        inode = UInt64(truncatingIfNeeded: s.st_ino)
    }

    /// The identity of what `path` names (following symbolic links), or nil if it cannot be stat'ed.
    static func of(_ path: String) -> FileID? {
        var s = stat()
        return stat(path, &s) == 0 ? FileID(s) : nil
    }
}

/// One input file found by the walk: its path relative to DIR ('/'-separated), size and identity.
struct CorpusFile: Sendable {
    let relative: String
    let size: Int
    let id: FileID
}

/// An input that cannot be annotated, with the reason (relative path as in `CorpusFile`).
struct CorpusFailure: Sendable {
    let relative: String
    let reason: String
}

/// Finds the input files of `accord batch`: every file under DIR whose name matches the pattern
/// (fnmatch, on the file name only). Symbolic links are followed, but a folder is walked once
/// (folders are tracked by device and inode, so link loops end) and real folders take precedence
/// over links to them; names that start with a dot are skipped, and so is OUTDIR when it lies
/// inside DIR. Files and folders are visited in byte order of their names, so the result does
/// not depend on the file system's order.
struct CorpusWalker {
    let root: String
    let pattern: String
    let skip: FileID?

    private(set) var files: [CorpusFile] = []
    private(set) var failures: [CorpusFailure] = []
    private var visited: Set<FileID> = []
    private var linkedFolders: [(relative: String, path: String)] = []

    init(root: String, pattern: String, skip: FileID?) {
        self.root = root
        self.pattern = pattern
        self.skip = skip
    }

    /// Checks that DIR is a readable folder; throws a `CommandError` (exit 2) otherwise.
    @discardableResult
    func checkRoot() throws -> FileID {
        var s = stat()
        guard stat(root, &s) == 0 else {
            throw CommandError("\(root): \(errno == ENOENT ? "no such folder" : "cannot be read (\(String(cString: strerror(errno))))"); check the path")
        }
        guard (s.st_mode & S_IFMT) == S_IFDIR else {
            throw CommandError("\(root): not a folder; to annotate one file use 'accord annotate \(root)'")
        }
        guard let handle = opendir(root) else {
            throw CommandError("\(root): cannot be read (\(String(cString: strerror(errno)))); check its permissions")
        }
        closedir(handle)
        return FileID(s)
    }

    /// Walks DIR; throws a `CommandError` (exit 2) when DIR itself cannot be read.
    mutating func walk() throws {
        visited.insert(try checkRoot())
        scan(relative: "", path: root)
        // Folders reached through symbolic links come last, so that a real folder is always walked
        // under its own name; a link to a folder already seen (a loop, or a second name) is skipped.
        var next = 0
        while next < linkedFolders.count {
            let (relative, path) = linkedFolders[next]
            next += 1
            guard let id = FileID.of(path), id != skip, visited.insert(id).inserted else { continue }
            scan(relative: relative, path: path)
        }
        files.sort { byteOrder($0.relative, $1.relative) }
        failures.sort { byteOrder($0.relative, $1.relative) }
    }

    private func matches(_ name: String) -> Bool {
        fnmatch(pattern, name, FNM_PERIOD) == 0
    }

    private mutating func scan(relative: String, path: String) {
        guard let handle = opendir(path) else {
            failures.append(CorpusFailure(relative: relative.isEmpty ? "." : relative,
                                          reason: "folder cannot be read (\(String(cString: strerror(errno)))); its files were not annotated"))
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.prefix { $0 != 0 })
            }
            if name.first == UInt8(ascii: ".") { continue }   // ".", "..", hidden files and folders
            names.append(name)
        }
        closedir(handle)
        names.sort { a, b in
            let order = memcmp(a, b, min(a.count, b.count))
            return order != 0 ? order < 0 : a.count < b.count
        }

        for raw in names {
            let name = String(decoding: raw, as: UTF8.self)
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childPath = path + "/" + name
            guard String(validating: raw, as: UTF8.self) != nil else {
                if matches(name) {
                    failures.append(CorpusFailure(relative: childRelative, reason: "file name is not valid UTF-8; rename the file"))
                }
                continue
            }
            var s = stat()
            guard lstat(childPath, &s) == 0 else {
                if matches(name) { failures.append(CorpusFailure(relative: childRelative, reason: "cannot be read (\(String(cString: strerror(errno))))")) }
                continue
            }
            if (s.st_mode & S_IFMT) == S_IFLNK {
                guard stat(childPath, &s) == 0 else {
                    let error = errno
                    if matches(name) {
                        let reason: String
                        switch error {
                        case ENOENT: reason = "dangling symbolic link (its target does not exist)"
                        case ELOOP: reason = "symbolic link loop"
                        default: reason = "symbolic link cannot be followed (\(String(cString: strerror(error))))"
                        }
                        failures.append(CorpusFailure(relative: childRelative, reason: reason))
                    }
                    continue
                }
                if (s.st_mode & S_IFMT) == S_IFDIR {
                    linkedFolders.append((childRelative, childPath))
                    continue
                }
            }
            switch s.st_mode & S_IFMT {
            case S_IFDIR:
                let id = FileID(s)
                if id == skip { continue }
                if visited.insert(id).inserted { scan(relative: childRelative, path: childPath) }
            case S_IFREG:
                if matches(name) { files.append(CorpusFile(relative: childRelative, size: Int(s.st_size), id: FileID(s))) }
            default:
                if matches(name) {
                    failures.append(CorpusFailure(relative: childRelative, reason: "not a regular file (a pipe, socket or device)"))
                }
            }
        }
    }
}
