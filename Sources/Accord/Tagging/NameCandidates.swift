/// Capitalised names not yet known to be people (`ActorTagger.nameRule`), by the folded hash of
/// their last word: a `HashedNumbers` index into the names noted, where a name taken out leaves an
/// empty range. A `[UInt64: Range<Int>]` hashed each key again with SipHash.
struct NameCandidates {
    private var index = HashedNumbers()
    /// The names noted, in order; empty where taken out or replaced (a name is never empty).
    private var names: [Range<Int>] = []
    /// How many keys have a name.
    private var count = 0

    var isEmpty: Bool { count == 0 }

    /// Notes `name` under `key`, in place of any name noted under it.
    mutating func note(_ name: Range<Int>, key: UInt64) {
        names.append(name)
        if let old = index.updateValue(names.count - 1, forKey: key), !names[old].isEmpty {
            names[old] = 0..<0
        } else {
            count += 1
        }
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
