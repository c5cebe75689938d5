/// An entry of a file group that survives overlaying: the line as last written, its parsed value,
/// and whether its phrase matches case-exactly.
struct OverlaidEntry<Value> {
    let entry: LexiconFile.Entry
    let value: Value
    let exact: Bool
}

extension LexiconFile {
    /// Collects a file group's entries (the defaults, then a user's file of the same name) in order
    /// with overlay semantics. Entries are the same when their keys are: the folded phrase, or the
    /// phrase as written for a case-exact entry. A key repeated in one file must mean the same (its
    /// first spelling is kept); a later file replaces the meaning and spelling but keeps the place of
    /// the first listing; `-key` removes the entry, and adding it again brings it back in that place.
    static func overlay<Value: Equatable>(_ files: [LexiconFile], exactKey: (Entry) -> Bool = { _ in false },
                                          _ parse: (LexiconFile, Entry) throws -> Value) throws -> [OverlaidEntry<Value>] {
        let count = files.reduce(0) { $0 + $1.entries.count }
        var slots = OverlayKeys()
        // Entries in the order first listed, and the file each comes from (nil once removed): two
        // plain arrays, so that the common case (nothing removed) returns `kept` as it is.
        var kept: [OverlaidEntry<Value>] = []
        var origins: [Int?] = []
        kept.reserveCapacity(count)
        origins.reserveCapacity(count)
        var folded: [UInt8] = []
        for (f, file) in files.enumerated() {
            for entry in file.entries {
                let exact = exactKey(entry)
                let key = entry.withField(0) { bytes -> OverlayKeys.Key in
                    if exact { return slots.key(bytes) }
                    folded.removeAll(keepingCapacity: true)
                    Folding.fold(bytes, into: &folded)
                    return folded.withUnsafeBufferPointer { slots.key($0) }
                }
                if entry.isRemoval {
                    if let slot = slots[key] { origins[slot] = nil }
                    continue
                }
                let value = try parse(file, entry)
                let new = OverlaidEntry(entry: entry, value: value, exact: exact)
                guard let slot = slots[key] else {
                    slots[key] = kept.count
                    kept.append(new)
                    origins.append(f)
                    continue
                }
                if let origin = origins[slot], files[origin].name == file.name {
                    if kept[slot].value != value {
                        throw file.error(entry, "duplicate entry '\(entry.key)' with a different meaning than line \(kept[slot].entry.line)")
                    }
                    continue
                }
                kept[slot] = new
                origins[slot] = f
            }
        }
        guard origins.contains(nil) else { return kept }
        return kept.indices.filter { origins[$0] != nil }.map { kept[$0] }
    }
}
