extension LexiconFile {
    /// One line of a lexicon file, as byte ranges into the file's text: the compiler reads fields as
    /// bytes (folding, tokenizing, comparing) and makes a `String` only of what it keeps.
    struct Entry: Sendable {
        /// The text of a file and the trimmed `[start, end)` byte range of every field of every entry,
        /// shared by all entries of the file.
        final class Storage: Sendable {
            let bytes: [UInt8]
            let bounds: [Int32]

            init(bytes: [UInt8], bounds: [Int32]) {
                self.bytes = bytes
                self.bounds = bounds
            }
        }

        /// Where a line lies in its file's storage.
        struct Line {
            let number: Int32
            /// The line's bytes (a final CR left out).
            let start, end: Int32
            /// The index in `Storage.bounds` of the first field's start.
            let firstBound: Int32
            let fieldCount: Int32
            let isRemoval: Bool
        }

        let storage: Storage
        private let location: Line

        init(storage: Storage, _ location: Line) {
            self.storage = storage
            self.location = location
        }

        var line: Int { Int(location.number) }
        var fieldCount: Int { Int(location.fieldCount) }
        /// `-key`: remove the default entry with this key (user lexicons only).
        var isRemoval: Bool { location.isRemoval }

        /// The byte range of a field; the key (field 0) of a removal leaves out its minus sign.
        func range(of field: Int) -> Range<Int> {
            let k = Int(location.firstBound) + 2 * field
            let start = Int(storage.bounds[k]) + (field == 0 && location.isRemoval ? 1 : 0)
            return start..<Int(storage.bounds[k + 1])
        }

        /// Calls `body` with the bytes of a field.
        func withField<R>(_ field: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            let range = range(of: field)
            return try storage.bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
        }

        /// The bytes of a field, as an array of their own (what `SourceText` takes).
        func bytes(of field: Int) -> [UInt8] { Array(storage.bytes[range(of: field)]) }

        func field(_ index: Int) -> String { withField(index) { String(decoding: $0, as: UTF8.self) } }

        func isEmpty(field: Int) -> Bool { range(of: field).isEmpty }

        /// Whether a field holds `needle` (ASCII) anywhere.
        func field(_ index: Int, contains needle: StaticString) -> Bool {
            withField(index) { bytes in
                let m = needle.utf8CodeUnitCount
                guard m <= bytes.count else { return false }
                let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: m)
                for start in 0...(bytes.count - m) where bytes[start] == pattern[0] {
                    var k = 1
                    while k < m && bytes[start + k] == pattern[k] { k += 1 }
                    if k == m { return true }
                }
                return false
            }
        }

        var key: String { field(0) }
        var fields: [String] { (0..<fieldCount).map(field) }

        /// The whole line, for error messages.
        var text: String { withText { String(decoding: $0, as: UTF8.self) } }

        func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try storage.bytes.withUnsafeBufferPointer {
                try body(UnsafeBufferPointer(rebasing: $0[Int(location.start)..<Int(location.end)]))
            }
        }

        /// The 1-based column where a field starts, counting scalars (characters as people see them,
        /// near enough); a removal's key column is its minus sign.
        func column(of field: Int) -> Int {
            let start = Int(storage.bounds[Int(location.firstBound) + 2 * field])
            var column = 1
            for k in Int(location.start)..<start where storage.bytes[k] & 0xC0 != 0x80 { column += 1 }
            return column
        }
    }
}
