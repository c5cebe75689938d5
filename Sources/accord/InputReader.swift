import Foundation

/// Reads one input: a file, or standard input for `-`.
enum InputReader {
    /// Largest document accepted by default (`--max-bytes` changes it).
    static let defaultMaxBytes = 64 << 20

    static func read(_ path: String, maxBytes: Int) throws -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= maxBytes else {
                throw CommandError("standard input: \(data.count) bytes is more than --max-bytes \(maxBytes); raise --max-bytes or split the input")
            }
            return [UInt8](data)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError("\(path): no such file; check the path")
        }
        if isDirectory.boolValue {
            throw CommandError("\(path): is a folder; to annotate every .txt file in it use 'accord batch \(path) -o OUTDIR'")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandError("\(path): cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            guard let read = try handle.read(upToCount: maxBytes + 1) else { return [] }
            data = read
        } catch {
            throw CommandError("\(path): cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= maxBytes else {
            throw CommandError("\(path): larger than --max-bytes \(maxBytes); raise --max-bytes or split the file")
        }
        return [UInt8](data)
    }

    /// The document id for a path: the file name without its extension, `stdin` for `-`.
    static func documentID(_ path: String) -> String {
        if path == "-" { return "stdin" }
        return ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
