/// Entities numbered in the order they are first met: an open-addressing table probed by an FNV-1a
/// hash of the entity's bytes, where a `[String: Int]` hashed each entity with SipHash at every
/// mention of a person.
struct EntityNumbers {
    /// The entities, by number.
    private(set) var entities: [String] = []
    /// Their hashes, by number: most probes that miss are told without comparing strings.
    private var hashes: [UInt64] = []
    /// A number or -1 per slot; at most half the slots are used.
    private var slots = [Int32](repeating: -1, count: 16)

    /// The number of `entity`, and whether it was met just now (given the next number).
    mutating func number(_ entity: String) -> (Int, isNew: Bool) {
        let hash = EntityNumbers.hash(entity)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let n = Int(slots[slot])
            if hashes[n] == hash && entities[n] == entity { return (n, false) }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entities.count)
        entities.append(entity)
        hashes.append(hash)
        if entities.count * 2 > slots.count { grow() }
        return (entities.count - 1, true)
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

    private static func hash(_ entity: String) -> UInt64 {
        let h = entity.utf8.withContiguousStorageIfAvailable(hash) ?? hash(entity.utf8)
        // The low bits pick the slot: fold the high ones into them.
        return h ^ (h >> 29)
    }

    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
