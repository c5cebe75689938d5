/// The optional last field of most lexicon files: `key=value` pairs separated by `;`
/// (`role=Secretary of State; affiliation=country:usa`). A later pair with the same key wins.
///
/// An entry has a handful of pairs at most, so they are kept in order and searched from the end:
/// cheaper at start-up than a dictionary per entry.
struct LexiconAttributes {
    private var pairs: [(key: String, value: String)] = []

    subscript(key: String) -> String? {
        for pair in pairs.reversed() where pair.key == key { return pair.value }
        return nil
    }

    fileprivate mutating func append(key: String, value: String) { pairs.append((key, value)) }
}

extension LexiconFile {
    /// Parses the attributes in `field` on its UTF-8 bytes: `;` separates pairs, spaces and tabs
    /// around pairs, keys and values are dropped, empty pairs are skipped.
    func attributes(_ entry: Entry, field: Int) throws -> LexiconAttributes {
        var result = LexiconAttributes()
        guard field < entry.fieldCount else { return result }
        try entry.withField(field) { bytes in
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            func trimmed(_ range: Range<Int>) -> Range<Int> {
                var a = range.lowerBound, b = range.upperBound
                while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
                while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
                return a..<b
            }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x3B { end += 1 } // ;
                let pair = trimmed(start..<end)
                start = end + 1
                if pair.isEmpty { continue }
                guard let eq = pair.first(where: { bytes[$0] == 0x3D }) else { // =
                    throw error(entry, field: field, "attribute '\(text(pair))' is not of the form key=value")
                }
                let key = trimmed(pair.lowerBound..<eq), value = trimmed(eq + 1..<pair.upperBound)
                if key.isEmpty || value.isEmpty {
                    throw error(entry, field: field, "attribute '\(text(pair))' has an empty key or value")
                }
                result.append(key: text(key), value: text(value))
            }
        }
        return result
    }
}

extension LexiconAttributes {
    /// The items of a list value (`alias=López Obrador|AMLO`, verb forms `lays,laid,laying`): split at
    /// `separator` with empty pieces skipped, then spaces and tabs around each item dropped.
    static func items(of list: String, separator: UInt8) -> [String] {
        var items: [String] = []
        var copy = list
        copy.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != separator { end += 1 }
                if end > start {
                    var a = start, b = end
                    while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
                    while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
                    items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
                }
                start = end + 1
            }
        }
        return items
    }
}
