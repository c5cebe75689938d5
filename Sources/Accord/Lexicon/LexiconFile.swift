/// A lexicon file split into entries: one a line, TAB-separated fields, `#` comments and blank
/// lines skipped. Every entry remembers where it came from so that errors can name `file:line:column`.
struct LexiconFile: Sendable {
    struct Entry: Sendable {
        let line: Int
        let fields: [String]
        /// The 1-based column where each field starts, for error messages.
        let columns: [Int]
        let text: String
        /// `-key`: remove the default entry with this key (user lexicons only).
        let isRemoval: Bool

        var key: String { fields[0] }
    }

    let name: String
    let entries: [Entry]

    /// Splits the text on its UTF-8 bytes (LF lines, TAB fields): no grapheme work, so the built-in
    /// lexicons parse in a few milliseconds at start-up.
    init(name: String, text: String) {
        self.name = name
        var entries: [Entry] = []
        var copy = text
        copy.withUTF8 { bytes in
            let n = bytes.count
            var lineStart = 0
            var lineNumber = 0
            while lineStart <= n {
                var lineEnd = lineStart
                while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                lineNumber += 1
                var end = lineEnd
                if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                defer { lineStart = lineEnd + 1 }
                var first = lineStart
                while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09) { first += 1 }
                if first == end || bytes[first] == 0x23 { continue } // blank or # comment
                var fields: [String] = []
                var columns: [Int] = []
                var fieldStart = lineStart
                var column = 1
                var k = lineStart
                while true {
                    if k == end || bytes[k] == 0x09 {
                        var a = fieldStart, b = k
                        while a < b && bytes[a] == 0x20 { a += 1 }
                        while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
                        columns.append(column + LexiconFile.scalarCount(bytes, fieldStart, a))
                        if k == end { break }
                        column += LexiconFile.scalarCount(bytes, fieldStart, k) + 1
                        fieldStart = k + 1
                    }
                    k += 1
                }
                var isRemoval = false
                if fields[0].utf8.count > 1 && fields[0].utf8.first == 0x2D {
                    isRemoval = true
                    fields[0].removeFirst()
                }
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self)
                entries.append(Entry(line: lineNumber, fields: fields, columns: columns, text: line, isRemoval: isRemoval))
            }
        }
        self.entries = entries
    }

    /// Scalars between two byte offsets (columns count characters as people see them, near enough).
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        for k in from..<to where bytes[k] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    func error(_ entry: Entry, field: Int = 0, _ message: String) -> LexiconError {
        LexiconError(file: name, line: entry.line, column: field < entry.columns.count ? entry.columns[field] : 1,
                     text: entry.text, message: message)
    }

    /// Checks the number of fields: at least `required`, at most `required + optional`.
    func requireFields(_ entry: Entry, _ required: Int, optional: Int = 0, columns: String) throws {
        let count = entry.fields.count
        if entry.isRemoval { return }
        if count < required || count > required + optional {
            throw error(entry, field: count > required + optional ? required + optional : max(0, count - 1),
                        "expected \(required == required + optional ? "\(required)" : "\(required) to \(required + optional)") TAB-separated fields (\(columns)), found \(count)")
        }
        for (i, field) in entry.fields.enumerated() where i < required && field.isEmpty {
            throw error(entry, field: i, "field \(i + 1) is empty (\(columns))")
        }
    }

    /// Parses `key=value; key=value` attributes.
    func attributes(_ entry: Entry, field: Int) throws -> [String: String] {
        guard field < entry.fields.count, !entry.fields[field].isEmpty else { return [:] }
        var result: [String: String] = [:]
        for part in entry.fields[field].split(separator: ";") {
            let pair = part.trimmingSpaces()
            if pair.isEmpty { continue }
            guard let eq = pair.firstIndex(of: "=") else {
                throw error(entry, field: field, "attribute '\(pair)' is not of the form key=value")
            }
            let key = pair[..<eq].trimmingSpaces()
            let value = pair[pair.index(after: eq)...].trimmingSpaces()
            if key.isEmpty || value.isEmpty {
                throw error(entry, field: field, "attribute '\(pair)' has an empty key or value")
            }
            result[key] = value
        }
        return result
    }
}

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

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
