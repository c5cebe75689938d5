/// Capitalised names not yet known to be people (`ActorTagger.nameRule`), by the folded hash of
/// their last word (and last two): a `HashedNumbers` index into the names noted, where a name taken out leaves an
/// empty range. A `[UInt64: Range<Int>]` hashed each key again with SipHash.
struct NameCandidates {
    private var index = HashedNumbers()
    /// The names noted, in order; empty where taken out or replaced (a name is never empty).
    private var names: [Range<Int>] = []
    /// How many names are noted and not taken out or replaced.
    private var count = 0

    var isEmpty: Bool { count == 0 }

    /// Notes `name` under each of `keys` (its last word, and its last two for a name of three or
    /// more words: `Soto Ramírez`), in place of any name noted under them.
    mutating func note(_ name: Range<Int>, keys: UInt64...) {
        names.append(name)
        let n = names.count - 1
        for key in keys {
            if let old = index.updateValue(n, forKey: key), old != n, !names[old].isEmpty {
                names[old] = 0..<0
                count -= 1
            }
        }
        count += 1
    }

    /// Takes out the name noted under `key`, if any.
    mutating func take(key: UInt64) -> Range<Int>? {
        guard let n = index[key], !names[n].isEmpty else { return nil }
        let name = names[n]
        names[n] = 0..<0
        count -= 1
        return name
    }
}
