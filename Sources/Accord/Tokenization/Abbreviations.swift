/// Abbreviations that keep their final period, with the kind that tells the sentence splitter
/// whether they can end a sentence (pragmatic_segmenter's three kinds, plus months).
struct Abbreviations: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        /// Before a name; never ends a sentence (`Gen.`, `Sec.`, `Dr.`).
        case title
        /// Before a number; does not end a sentence there (`No. 2`).
        case number
        /// A month (`Jan. 8`); like `number` before a digit.
        case month
        /// Anything else (`etc.`, `Inc.`, `a.m.`); ends a sentence before a sentence starter.
        case ordinary
    }

    private var entries: [String: Kind] = [:]
    /// The ASCII entries of up to 16 bytes again, keyed by their packed bytes and rebuilt after each
    /// file: the tokenizer asks about every word before a period, and this answers with a multiply
    /// and a compare or two, without making a `String` or running a `Hasher`.
    private var table = PackedWordTable()

    init() {}

    init(file: LexiconFile) throws {
        try add(file)
    }

    var count: Int { entries.count }

    mutating func add(_ file: LexiconFile) throws {
        for entry in file.entries {
            if entry.isRemoval { entries[entry.key] = nil; continue }
            try file.requireFields(entry, 1, optional: 1, columns: "abbreviation, kind")
            guard entry.key.hasSuffix("."), entry.key.count > 1 else {
                throw file.error(entry, "an abbreviation ends with its period (\"Gen.\")")
            }
            let kindName = entry.fieldCount > 1 ? entry.field(1) : "ordinary"
            guard let kind = Kind(rawValue: kindName) else {
                throw file.error(entry, field: 1, "unknown kind '\(kindName)'; use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let old = entries[entry.key], old != kind, !entry.isRemoval {
                throw file.error(entry, "duplicate abbreviation with a different kind (\(old.rawValue) before)")
            }
            entries[entry.key] = kind
        }
        table = PackedWordTable(entries)
    }

    /// `kind(of:)` for a word given as UTF-8 bytes (with its final period).
    func kind(ofUTF8 word: UnsafeBufferPointer<UInt8>) -> Kind? {
        guard let exact = PackedWord(word) else {
            return kind(of: String(decoding: word, as: UTF8.self))
        }
        guard table.mayHold(exact, count: word.count) else { return nil }
        if let kind = table[exact] { return kind }
        let lower = exact.lowercased
        if lower == exact { return nil }
        if let kind = table[lower] { return kind }
        if !exact.hasLowercaseLetter { return table[lower.capitalized] }
        return nil
    }

    /// The kind of `word` (with its final period), matching as listed, or a capitalised or upper-case
    /// form of a listed lower-case entry (`Etc.`, `P.M.`).
    func kind(of word: String) -> Kind? {
        if let kind = entries[word] { return kind }
        let lower = word.lowercased()
        if lower == word { return nil }
        if let kind = entries[lower] { return kind }
        // `SEC.` in an all-caps headline: any listed spelling, case aside.
        if word.uppercased() == word {
            let capitalized = lower.prefix(1).uppercased() + lower.dropFirst()
            return entries[capitalized]
        }
        return nil
    }
}

/// Up to 16 ASCII bytes packed into two integers (zero-padded: no ASCII text byte is zero), so a word
/// is hashed and compared as a pair of numbers.
struct PackedWord: Equatable, Sendable {
    fileprivate private(set) var bytes: (UInt64, UInt64)

    /// Nil for more than 16 bytes or any non-ASCII byte.
    init?(_ word: UnsafeBufferPointer<UInt8>) {
        let count = word.count
        guard count <= 16 else { return nil }
        guard let base = word.baseAddress else { bytes = (0, 0); return }
        let low = Self.load(UnsafeRawPointer(base), min(count, 8))
        let high = count > 8 ? Self.load(UnsafeRawPointer(base + 8), count &- 8) : 0
        guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
        bytes = (low, high)
    }

    /// The `count` (at most 8) bytes at `p`, first byte lowest, zero-padded; read as two overlapping
    /// loads rather than byte by byte, and never past the last of the bytes.
    @inline(__always)
    private static func load(_ p: UnsafeRawPointer, _ count: Int) -> UInt64 {
        // Masked shifts (`&<<`): the amounts are below 64, so the checks for larger ones can go.
        switch count {
        case 4...8:
            let first = UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            return first | last &<< (8 &* (count &- 4))
        case 2...3:
            let first = UInt64(UInt16(littleEndian: p.loadUnaligned(as: UInt16.self)))
            let last = UInt64(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self)))
            return first | last &<< (8 &* (count &- 2))
        case 1:
            return UInt64(p.load(as: UInt8.self))
        default:
            return 0
        }
    }

    private init(_ low: UInt64, _ high: UInt64) {
        bytes = (low, high)
    }

    static func == (a: PackedWord, b: PackedWord) -> Bool {
        a.bytes.0 == b.bytes.0 && a.bytes.1 == b.bytes.1
    }

    /// Each byte A–Z as a–z.
    var lowercased: PackedWord {
        PackedWord(Self.lower(bytes.0), Self.lower(bytes.1))
    }

    /// The first byte upper-cased (a lower-case word made `Capitalized`).
    var capitalized: PackedWord {
        let first = bytes.0 & 0xFF
        let upper = first >= 0x61 && first <= 0x7A ? first - 0x20 : first
        return PackedWord(bytes.0 & ~0xFF | upper, bytes.1)
    }

    /// Whether any byte is a–z.
    var hasLowercaseLetter: Bool {
        Self.letterMask(bytes.0, upper: false) != 0 || Self.letterMask(bytes.1, upper: false) != 0
    }

    private static func lower(_ word: UInt64) -> UInt64 { word | letterMask(word, upper: true) >> 2 }

    /// 0x80 in each byte lane that holds an upper-case (or lower-case) ASCII letter.
    private static func letterMask(_ word: UInt64, upper: Bool) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let (from, to): (UInt64, UInt64) = upper ? (0x41, 0x5A) : (0x61, 0x7A)
        // Lanes are < 0x80, so adding without carries between lanes is safe.
        let aboveFrom = (word &+ ones &* (0x80 - from)) & high   // lane >= from
        let aboveTo = (word &+ ones &* (0x7F - to)) & high       // lane > to
        return aboveFrom & ~aboveTo
    }
}

/// A fixed map from packed words to kinds: linear probing over a power-of-two table at most half full.
private struct PackedWordTable: Sendable {
    private var keys: [PackedWord?] = [nil]
    private var kinds: [Abbreviations.Kind] = [.ordinary]
    private var mask = 0
    /// For each length up to 16 bytes, a bit for each first byte (case aside, folded to 64 values)
    /// that some entry of that length has: most words before a period are ruled out by it alone.
    private var firstBytesByLength = [UInt64](repeating: 0, count: 17)

    init() {}

    /// The entries that pack (ASCII, at most 16 bytes); the others are found by `String` alone.
    init(_ entries: [String: Abbreviations.Kind]) {
        let packed = entries.compactMap { key, kind in
            var copy = key
            return copy.withUTF8 { bytes in PackedWord(bytes).map { ($0, bytes.count, kind) } }
        }
        var size = 1
        while size < packed.count * 2 { size *= 2 }
        keys = Array(repeating: nil, count: size)
        kinds = Array(repeating: .ordinary, count: size)
        mask = size - 1
        for (word, count, kind) in packed {
            firstBytesByLength[count] |= Self.firstByteBit(word)
            var slot = Self.slot(word, mask)
            while keys[slot] != nil { slot = (slot + 1) & mask }
            keys[slot] = word
            kinds[slot] = kind
        }
    }

    /// False when no entry has the length and first byte of `word` (`count` bytes) in any case; then
    /// neither `word` nor its other cases are in the table.
    @inline(__always)
    func mayHold(_ word: PackedWord, count: Int) -> Bool {
        firstBytesByLength[count] & Self.firstByteBit(word) != 0
    }

    /// The bit for a word's first byte with A–Z and a–z alike (`| 0x20`), folded into 64 values.
    @inline(__always)
    private static func firstByteBit(_ word: PackedWord) -> UInt64 {
        1 &<< ((word.bytes.0 | 0x20) & 63)
    }

    subscript(word: PackedWord) -> Abbreviations.Kind? {
        var slot = Self.slot(word, mask)
        while let key = keys[slot] {
            if key == word { return kinds[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func slot(_ word: PackedWord, _ mask: Int) -> Int {
        let mixed = (word.bytes.0 ^ (word.bytes.1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }
}
