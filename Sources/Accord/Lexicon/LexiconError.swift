/// A bad lexicon line, or a lexicon that cannot be read.
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let column: Int
    public let text: String
    public let message: String

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)\n    \(text)" : "\(file): \(message)"
    }
}
