/// A lexicon file split into entries: one a line, TAB-separated fields, `#` comments and blank
/// lines skipped. Every entry remembers where it came from so that errors can name `file:line:column`.
struct LexiconFile: Sendable {
    let name: String
    let entries: [Entry]

    /// Splits the text on its UTF-8 bytes (LF lines, TAB fields) into byte ranges over one copy of the
    /// text: no string is made per line or field until someone asks for one, so the built-in lexicons
    /// parse in well under a millisecond at start-up.
    init(name: String, text: String) {
        self.name = name
        let bytes = Array(text.utf8)
        var bounds: [Int32] = []
        bounds.reserveCapacity(bytes.count / 8)
        var lines: [Entry.Line] = []
        lines.reserveCapacity(bytes.count / 24)
        bytes.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            var lineStart = 0
            var lineNumber = 0
            while lineStart <= n {
                let lineEnd = ByteSearch.first(0x0A, in: bytes, from: lineStart, to: n)
                lineNumber += 1
                var end = lineEnd
                if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                defer { lineStart = lineEnd + 1 }
                var first = lineStart
                while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09) { first += 1 }
                if first == end || bytes[first] == 0x23 { continue } // blank or # comment
                let firstBound = bounds.count
                var fieldStart = lineStart
                while true {
                    let k = ByteSearch.first(0x09, in: bytes, from: fieldStart, to: end)
                    var a = fieldStart, b = k
                    while a < b && bytes[a] == 0x20 { a += 1 }
                    while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
                    bounds.append(Int32(a))
                    bounds.append(Int32(b))
                    if k == end { break }
                    fieldStart = k + 1
                }
                // `-key`: the minus sign is not part of the key (a lone `-` is a key).
                let isRemoval = bounds[firstBound + 1] - bounds[firstBound] > 1 && bytes[Int(bounds[firstBound])] == 0x2D
                lines.append(Entry.Line(number: Int32(lineNumber), start: Int32(lineStart), end: Int32(end),
                                        firstBound: Int32(firstBound), fieldCount: Int32((bounds.count - firstBound) / 2),
                                        isRemoval: isRemoval))
            }
        }
        let storage = Entry.Storage(bytes: bytes, bounds: bounds)
        self.entries = lines.map { Entry(storage: storage, $0) }
    }

    func error(_ entry: Entry, field: Int = 0, _ message: String) -> LexiconError {
        LexiconError(file: name, line: entry.line, column: field < entry.fieldCount ? entry.column(of: field) : 1,
                     text: entry.text, message: message)
    }

    /// Checks the number of fields: at least `required`, at most `required + optional`.
    func requireFields(_ entry: Entry, _ required: Int, optional: Int = 0, columns: String) throws {
        let count = entry.fieldCount
        if entry.isRemoval { return }
        if count < required || count > required + optional {
            throw error(entry, field: count > required + optional ? required + optional : max(0, count - 1),
                        "expected \(required == required + optional ? "\(required)" : "\(required) to \(required + optional)") TAB-separated fields (\(columns)), found \(count)")
        }
        for i in 0..<min(required, count) where entry.isEmpty(field: i) {
            throw error(entry, field: i, "field \(i + 1) is empty (\(columns))")
        }
    }

    /// What the lexicon digest covers for this file: its base name, a NUL, then each entry's line
    /// (comments and blank lines left out) followed by a line feed.
    func digestBytes(base: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(base.utf8.count + 1 + (entries.first?.storage.bytes.count ?? 0))
        bytes.append(contentsOf: base.utf8)
        bytes.append(0)
        for entry in entries {
            entry.withText { bytes.append(contentsOf: $0) }
            bytes.append(0x0A)
        }
        return bytes
    }
}
