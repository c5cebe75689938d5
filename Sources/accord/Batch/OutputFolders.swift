#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Creates a folder and its parents (like `mkdir -p`); the error names the folder that could not
/// be made.
func makeFolders(_ path: String) throws {
    var s = stat()
    if stat(path, &s) == 0 {
        guard (s.st_mode & S_IFMT) == S_IFDIR else { throw OutputError("\(path) exists and is not a folder", code: ENOTDIR) }
        return
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty && parent != path { try makeFolders(parent) }
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
        let code = errno
        throw OutputError("cannot create the folder \(path) (\(OutputError.describe(code)))", code: code)
    }
}
