/// Why two annotations could not be compared: an unreadable file, invalid JSON, or a document that
/// is not `accord.annotation/1`. The description names the file (and line, for JSONL) and the problem.
public struct CompareError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (`path`, `path:line` for a JSONL line) or `EXPECTED`/`ACTUAL` for data given in memory.
    public let path: String
    /// What is wrong, and where it helps, what to do.
    public let message: String

    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
