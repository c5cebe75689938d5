/// Interns byte strings as small integer ids: an open-addressing hash table whose slots hold a hash
/// tag and the id, over one arena of the strings as zero-padded 8-byte words (`WordKey`), so that
/// looking a token up costs one hash and usually one comparison of a word or two, with no allocation.
/// One-byte strings (punctuation, mostly) have a table of their own.
struct Vocabulary: Sendable {
    static let none: Int32 = -1

    /// Where an id's words start in `arena`, and its length in bytes.
    private struct Extent: Sendable {
        let firstWord: Int32
        let byteCount: Int32
    }

    private var arena: [UInt64] = []
    private var extents: [Extent] = []
    /// Slot → the high half of the hash, then id + 1 in the low half (0 = empty). Capacity is a power
    /// of two, at most half full.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    /// The id of each one-byte string.
    private var byteIDs: [Int32] = Array(repeating: Vocabulary.none, count: 256)

    var count: Int { extents.count }

    /// The id of `bytes`, or `Vocabulary.none`. Its words are read from `bytes` as needed, not copied
    /// (a copy would go through a closure that retains the tables).
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash = WordKey.seed(byteCount: bytes.count)
        for offset in stride(from: 0, to: bytes.count, by: 8) { hash = WordKey.combine(hash, WordKey.word(bytes, at: offset)) }
        return find(hash: hash, byteCount: bytes.count) { stored in
            for k in stored.indices where stored[k] != WordKey.word(bytes, at: 8 &* k) { return false }
            return true
        }
    }

    func id(of bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { id(of: $0) }
    }

    /// The id of a key already cut into words (zero-padded) and hashed with `WordKey`.
    @inline(__always)
    func id(words: UnsafePointer<UInt64>, byteCount: Int, hash: UInt64) -> Int32 {
        find(hash: hash, byteCount: byteCount) { stored in
            for k in stored.indices where stored[k] != words[k] { return false }
            return true
        }
    }

    /// The id of a key of one word (`byteCount` from 1 to 8, the bytes past it zero).
    @inline(__always)
    func id(word: UInt64, byteCount: Int) -> Int32 {
        if byteCount == 1 { return byteIDs.withUnsafeBufferPointer { $0[Int(word & 0xFF)] } }
        return find(hash: WordKey.combine(WordKey.seed(byteCount: byteCount), word), byteCount: byteCount) { $0[0] == word }
    }

    /// The id whose hash and length are these and whose words `equal` accepts, or `Vocabulary.none`.
    @inline(__always)
    private func find(hash h: UInt64, byteCount: Int,
                      _ equal: (UnsafeBufferPointer<UInt64>) -> Bool) -> Int32 {
        slots.withUnsafeBufferPointer { slots in
            extents.withUnsafeBufferPointer { extents in
                arena.withUnsafeBufferPointer { arena in
                    let mask = slots.count - 1
                    let tag = h >> 32
                    var slot = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return Vocabulary.none }
                        if entry >> 32 == tag {
                            let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
                            let extent = extents[id]
                            if Int(extent.byteCount) == byteCount {
                                let first = Int(extent.firstWord)
                                let words = UnsafeBufferPointer(rebasing: arena[first..<(first + WordKey.wordCount(byteCount: byteCount))])
                                if equal(words) { return Int32(truncatingIfNeeded: id) }
                            }
                        }
                        slot = (slot &+ 1) & mask
                    }
                }
            }
        }
    }

    /// The id of `bytes`, adding it when new.
    mutating func intern(_ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { intern($0) }
    }

    /// The id of `bytes`, adding it when new (cut into words and hashed once either way).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        WordKey.withWords(of: bytes) { words in
            let h = WordKey.hash(words: words, byteCount: bytes.count)
            let existing = id(words: words.baseAddress!, byteCount: bytes.count, hash: h)
            if existing != Vocabulary.none { return existing }
            if (count + 1) * 2 > slots.count { grow() }
            let id = Int32(count)
            extents.append(Extent(firstWord: Int32(arena.count), byteCount: Int32(bytes.count)))
            arena.append(contentsOf: words)
            Vocabulary.insert(id: id, hash: h, into: &slots)
            if bytes.count == 1 { byteIDs[Int(bytes[0])] = id }
            return id
        }
    }

    private static func insert(id: Int32, hash: UInt64, into slots: inout [UInt64]) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(id + 1)
    }

    private mutating func grow() {
        var grown = [UInt64](repeating: 0, count: slots.count * 2)
        arena.withUnsafeBufferPointer { arena in
            for (id, extent) in extents.enumerated() {
                let first = Int(extent.firstWord), byteCount = Int(extent.byteCount)
                let words = UnsafeBufferPointer(rebasing: arena[first..<(first + WordKey.wordCount(byteCount: byteCount))])
                Vocabulary.insert(id: Int32(id), hash: WordKey.hash(words: words, byteCount: byteCount), into: &grown)
            }
        }
        slots = grown
    }
}
