/// Strings numbered in the order they are first met (people's entities, roles): an open-addressing
/// table probed by an FNV-1a hash of the bytes, where a `[String: Int]` hashed each string with
/// SipHash, at every mention of a person.
struct StringNumbers {
    /// The strings, by number.
    private(set) var strings: [String] = []
    /// Their hashes, by number: most probes that miss are told without comparing strings.
    private var hashes: [UInt64] = []
    /// A number or -1 per slot; at most half the slots are used.
    private var slots = [Int32](repeating: -1, count: 16)

    /// How many strings are numbered.
    var count: Int { strings.count }

    /// The number of `string`, if it has one.
    func number(of string: String) -> Int? {
        let slot = find(string).slot
        return slots[slot] >= 0 ? Int(slots[slot]) : nil
    }

    /// The number of `string`, and whether it was met just now (given the next number).
    mutating func number(_ string: String) -> (Int, isNew: Bool) {
        let (slot, hash) = find(string)
        if slots[slot] >= 0 { return (Int(slots[slot]), false) }
        slots[slot] = Int32(strings.count)
        strings.append(string)
        hashes.append(hash)
        if strings.count * 2 > slots.count { grow() }
        return (strings.count - 1, true)
    }

    /// The slot holding `string`'s number, or the free slot where it would go; and its hash.
    private func find(_ string: String) -> (slot: Int, hash: UInt64) {
        let hash = StringNumbers.hash(string)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let n = Int(slots[slot])
            if hashes[n] == hash && strings[n] == string { break }
            slot = (slot + 1) & mask
        }
        return (slot, hash)
    }

    /// Twice the slots, filled again from the hashes kept.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (n, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(n)
        }
    }

    private static func hash(_ string: String) -> UInt64 {
        let h = string.utf8.withContiguousStorageIfAvailable(hash) ?? hash(string.utf8)
        // The low bits pick the slot: fold the high ones into them.
        return h ^ (h >> 29)
    }

    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var h = FNV1a.offsetBasis
        for b in bytes { h = FNV1a.mix(h, b) }
        return h
    }
}
