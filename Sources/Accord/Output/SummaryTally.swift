/// Counts the keys of the summary (entities, categories, labels, classes), a lookup per mention.
///
/// Keys are almost always ASCII lexicon names, and ASCII strings are equal exactly when their bytes
/// are: those are counted in a small open-addressing table hashed by their bytes (`asciiHash`), a fraction
/// of the cost of `String` hashing, which must honour Unicode equivalence. The first key with a
/// non-ASCII byte moves the whole tally to a `[String: Int]`, so that equivalent spellings still
/// count as one, under the spelling met first.
struct SummaryTally {
    private var keys: [String] = []
    private var counts: [Int] = []
    private var hashes: [Int] = []
    /// One more than an index into `keys`, by hash (probed linearly); 0 is an empty slot.
    private var slots = [Int32](repeating: 0, count: 64)
    /// The tally once a key was not ASCII.
    private var general: [String: Int]?

    mutating func add(_ key: String) {
        if general != nil {
            general![key, default: 0] += 1
            return
        }
        guard let hash = Self.asciiHash(key) else {
            general = Dictionary(uniqueKeysWithValues: zip(keys, counts))
            general![key, default: 0] += 1
            return
        }
        let mask = slots.count - 1
        var i = hash & mask
        while slots[i] != 0 {
            let k = Int(slots[i]) - 1
            if hashes[k] == hash && keys[k] == key {
                counts[k] += 1
                return
            }
            i = (i + 1) & mask
        }
        keys.append(key)
        counts.append(1)
        hashes.append(hash)
        slots[i] = Int32(keys.count)
        if keys.count * 2 > slots.count { grow() }
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
            var h = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: n)
            var all: UInt64 = 0
            func mix(_ word: UInt64) {
                all |= word
                h = (h ^ word) &* 0x100_0000_01B3
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
