/// Counts the keys of the summary (entities, categories, labels, classes), a lookup per mention.
///
/// Keys are almost always ASCII lexicon names, and ASCII strings are equal exactly when their bytes
/// are: those are counted in a small open-addressing table hashed by their bytes (`asciiHash`), a fraction
/// of the cost of `String` hashing, which must honour Unicode equivalence. The first key with a
/// non-ASCII byte moves the whole tally to a `[String: Int]`, so that equivalent spellings still
/// count as one, under the spelling met first.
///
/// Before either, a key is looked up by its own bits (`recent`): mentions share their key's storage
/// with the lexicon entry they came from, or hold a short key inline, so most keys are a bit-for-bit
/// copy of one met before, and equal bits are equal strings: no byte of the key is read.
struct SummaryTally {
    private var keys: [String] = []
    private var counts: [Int] = []
    private var hashes: [Int] = []
    /// One more than an index into `keys`, by hash (probed linearly); 0 is an empty slot.
    private var slots = [Int32](repeating: 0, count: 64)
    /// The tally once a key was not ASCII.
    private var general: [String: Int]?
    /// Index into `keys` of a key recently met, by a hash of its bits (one entry a hash, the last met).
    private var recent = [Recent](repeating: Recent(bits: (0, 0), key: -1), count: 64)

    /// A key's two words (its storage, or its bytes when short) and its index in `keys`.
    private struct Recent {
        var bits: (UInt64, UInt64)
        var key: Int
    }

    mutating func add(_ key: String) {
        if general != nil {
            general![key, default: 0] += 1
            return
        }
        let bits = unsafeBitCast(key, to: (UInt64, UInt64).self)
        let seen = recent[Self.recentSlot(bits)]
        if seen.key >= 0 && seen.bits == bits {
            counts[seen.key] += 1
            return
        }
        guard let k = addASCII(key) else { return }
        // Remember the tally's own copy of the key, never the caller's: its storage lives as long as
        // the tally, so its address cannot be reused by another string while `recent` names it.
        let own = unsafeBitCast(keys[k], to: (UInt64, UInt64).self)
        recent[Self.recentSlot(own)] = Recent(bits: own, key: k)
    }

    private static func recentSlot(_ bits: (UInt64, UInt64)) -> Int {
        Int(truncatingIfNeeded: ((bits.0 ^ bits.1 >> 7) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// Counts a key by its bytes; its index in `keys`, or nil when the key was not ASCII and the
    /// tally moved to `general`.
    private mutating func addASCII(_ key: String) -> Int? {
        guard let hash = Self.asciiHash(key) else {
            general = Dictionary(uniqueKeysWithValues: zip(keys, counts))
            general![key, default: 0] += 1
            return nil
        }
        let mask = slots.count - 1
        var i = hash & mask
        while slots[i] != 0 {
            let k = Int(slots[i]) - 1
            if hashes[k] == hash && keys[k] == key {
                counts[k] += 1
                return k
            }
            i = (i + 1) & mask
        }
        keys.append(key)
        counts.append(1)
        hashes.append(hash)
        slots[i] = Int32(keys.count)
        if keys.count * 2 > slots.count { grow() }
        return keys.count - 1
    }

    /// The keys with their counts, keys in ascending order.
    var sorted: [(String, Int)] {
        if let general { return general.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        return zip(keys, counts).sorted { $0.0 < $1.0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, hash) in hashes.enumerated() {
            var i = hash & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(k + 1)
        }
    }

    /// A hash of the key's UTF-8, or nil if a byte is not ASCII. Eight bytes at a time (each word
    /// mixed in by a multiply, as FNV-1a does a byte), the last word overlapping the one before it;
    /// a key under eight bytes is one word of its two (overlapping) halves or its bytes.
    private static func asciiHash(_ key: String) -> Int? {
        func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            let n = bytes.count
            var h = FNV1a.offsetBasis ^ UInt64(truncatingIfNeeded: n)
            var all: UInt64 = 0
            func mix(_ word: UInt64) {
                all |= word
                h = (h ^ word) &* FNV1a.prime
                h ^= h >> 32
            }
            func load<T: FixedWidthInteger & UnsignedInteger>(_ offset: Int, as _: T.Type) -> UInt64 {
                UInt64(T(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: T.self)))
            }
            if n >= 8 {
                var i = 0
                while n - i > 8 {
                    mix(load(i, as: UInt64.self))
                    i += 8
                }
                mix(load(n - 8, as: UInt64.self))
            } else if n >= 4 {
                mix(load(0, as: UInt32.self) | load(n - 4, as: UInt32.self) << 32)
            } else {
                var word: UInt64 = 0
                for i in 0..<n { word |= UInt64(bytes[i]) << (8 * i) }
                mix(word)
            }
            return all & 0x8080_8080_8080_8080 == 0 ? Int(truncatingIfNeeded: h ^ (h >> 29)) : nil
        }
        if let result = key.utf8.withContiguousStorageIfAvailable({ hash($0) }) { return result }
        var copy = key
        return copy.withUTF8 { hash($0) }
    }
}
