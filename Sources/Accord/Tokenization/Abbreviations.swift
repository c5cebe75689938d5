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
            let kindName = entry.fields.count > 1 ? entry.fields[1] : "ordinary"
            guard let kind = Kind(rawValue: kindName) else {
                throw file.error(entry, field: 1, "unknown kind '\(kindName)'; use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let old = entries[entry.key], old != kind, !entry.isRemoval {
                throw file.error(entry, "duplicate abbreviation with a different kind (\(old.rawValue) before)")
            }
            entries[entry.key] = kind
        }
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
