/// Interns byte strings as small integer ids: an open-addressing hash table whose slots hold a key's
/// first 8-byte word (`WordKey`), its length and its id, over one arena of the longer keys' words.
/// A key of up to eight bytes (nearly every token) is found by one hash and a comparison in one
/// slot: a single cache line touched, however large the vocabulary, and no allocation.
/// One-byte strings (punctuation, mostly) have a table of their own.
struct Vocabulary: Sendable {
    static let none: Int32 = -1

    /// A slot of the table: `id` is the key's id + 1 (0 = empty).
    private struct Slot: Sendable {
        var firstWord: UInt64 = 0
        var byteCount: Int32 = 0
        var id: Int32 = 0
    }

    /// Where each id's words start in `arena` (the first word included), for keys over eight bytes
    /// and for rehashing.
    private var firstWords: [Int32] = []
    private var arena: [UInt64] = []
    /// Capacity is a power of two, at most half full.
    private var slots = [Slot](repeating: Slot(), count: 1024)
    /// The id of each one-byte string.
    private var byteIDs: [Int32] = Array(repeating: Vocabulary.none, count: 256)

    var count: Int { firstWords.count }

    /// The id of `bytes`, or `Vocabulary.none`. Its words are read from `bytes` as needed, not copied
    /// (a copy would go through a closure that retains the tables); keys of one or two words go
    /// through the look-ups made for them.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        switch bytes.count {
        case 1...8: return id(word: WordKey.word(bytes, at: 0), byteCount: bytes.count)
        case 9...16: return id(words: WordKey.word(bytes, at: 0), WordKey.word(bytes, at: 8), byteCount: bytes.count)
        default: break
        }
        var hash = WordKey.seed(byteCount: bytes.count)
        for offset in stride(from: 0, to: bytes.count, by: 8) { hash = WordKey.combine(hash, WordKey.word(bytes, at: offset)) }
        return find(hash: hash, firstWord: WordKey.word(bytes, at: 0), byteCount: bytes.count) { stored in
            for k in stored.indices where stored[k] != WordKey.word(bytes, at: 8 &* (k &+ 1)) { return false }
            return true
        }
    }

    func id(of bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { id(of: $0) }
    }

    /// The id of a key already cut into words (zero-padded) and hashed with `WordKey`.
    @inline(__always)
    func id(words: UnsafePointer<UInt64>, byteCount: Int, hash: UInt64) -> Int32 {
        find(hash: hash, firstWord: byteCount > 0 ? words[0] : 0, byteCount: byteCount) { stored in
            for k in stored.indices where stored[k] != words[k &+ 1] { return false }
            return true
        }
    }

    /// The id of a key of one word (`byteCount` from 1 to 8, the bytes past it zero). A slot that
    /// holds the key and an empty one both end the probe, told apart without a branch (an empty
    /// slot's `id - 1` is `Vocabulary.none`): whether a token is known is a coin toss in news text.
    @inline(__always)
    func id(word: UInt64, byteCount: Int) -> Int32 {
        if byteCount == 1 { return byteIDs.withUnsafeBufferPointer { $0[Int(word & 0xFF)] } }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count &- 1
            var slot = Int(truncatingIfNeeded: WordKey.combine(WordKey.seed(byteCount: byteCount), word)) & mask
            while true {
                let entry = slots[slot]
                let differs = (entry.firstWord ^ word) | UInt64(truncatingIfNeeded: Int(entry.byteCount) ^ byteCount)
                if (differs == 0 ? 1 : 0) | (entry.id == 0 ? 1 : 0) != 0 { return entry.id &- 1 }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// The id of a key of two words (`byteCount` from 9 to 16, the bytes past it zero): the hash
    /// and the comparisons of `id(words:byteCount:hash:)` without a buffer.
    @inline(__always)
    func id(words first: UInt64, _ second: UInt64, byteCount: Int) -> Int32 {
        let hash = WordKey.combine(WordKey.combine(WordKey.seed(byteCount: byteCount), first), second)
        return find(hash: hash, firstWord: first, byteCount: byteCount) { $0[0] == second }
    }

    /// The id whose hash, first word and length are these and whose further words `equalRest`
    /// accepts, or `Vocabulary.none`.
    @inline(__always)
    private func find(hash h: UInt64, firstWord: UInt64, byteCount: Int,
                      _ equalRest: (UnsafeBufferPointer<UInt64>) -> Bool) -> Int32 {
        slots.withUnsafeBufferPointer { slots in
            firstWords.withUnsafeBufferPointer { firstWords in
                arena.withUnsafeBufferPointer { arena in
                    let mask = slots.count &- 1
                    let restCount = WordKey.wordCount(byteCount: byteCount) &- 1
                    var slot = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let entry = slots[slot]
                        if entry.id == 0 { return Vocabulary.none }
                        if entry.firstWord == firstWord && Int(entry.byteCount) == byteCount {
                            let id = Int(entry.id) &- 1
                            if restCount <= 0 { return Int32(truncatingIfNeeded: id) }
                            let rest = Int(firstWords[id]) &+ 1
                            if equalRest(UnsafeBufferPointer(rebasing: arena[rest..<(rest &+ restCount)])) { return Int32(truncatingIfNeeded: id) }
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
            firstWords.append(Int32(arena.count))
            arena.append(contentsOf: words)
            Vocabulary.insert(Slot(firstWord: words.first ?? 0, byteCount: Int32(bytes.count), id: id + 1), hash: h, into: &slots)
            if bytes.count == 1 { byteIDs[Int(bytes[0])] = id }
            return id
        }
    }

    private static func insert(_ entry: Slot, hash: UInt64, into slots: inout [Slot]) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].id != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        var grown = [Slot](repeating: Slot(), count: slots.count * 2)
        arena.withUnsafeBufferPointer { arena in
            for entry in slots where entry.id != 0 {
                let byteCount = Int(entry.byteCount)
                if byteCount <= 8 {
                    Vocabulary.insert(entry, hash: WordKey.combine(WordKey.seed(byteCount: byteCount), entry.firstWord), into: &grown)
                    continue
                }
                let first = Int(firstWords[Int(entry.id) - 1])
                let words = UnsafeBufferPointer(rebasing: arena[first..<(first + WordKey.wordCount(byteCount: byteCount))])
                Vocabulary.insert(entry, hash: WordKey.hash(words: words, byteCount: byteCount), into: &grown)
            }
        }
        slots = grown
    }
}
