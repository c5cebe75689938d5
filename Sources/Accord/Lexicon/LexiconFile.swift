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

    init(name: String, text: String) {
        self.name = name
        var entries: [Entry] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var fields: [String] = []
            var columns: [Int] = []
            var column = 1
            for field in line.split(separator: "\t", omittingEmptySubsequences: false) {
                fields.append(field.trimmingSpaces())
                columns.append(column + field.prefix(while: { $0 == " " }).count)
                column += field.count + 1
            }
            var isRemoval = false
            if fields[0].hasPrefix("-") && fields[0].count > 1 {
                isRemoval = true
                fields[0].removeFirst()
            }
            entries.append(Entry(line: lineNumber, fields: fields, columns: columns, text: String(line), isRemoval: isRemoval))
        }
        self.entries = entries
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
