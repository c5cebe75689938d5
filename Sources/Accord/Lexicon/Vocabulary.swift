/// Interns byte strings as small integer ids: an open-addressing hash table over one byte arena,
/// so that looking a token up costs one hash and usually one comparison, with no allocation.
struct Vocabulary: Sendable {
    static let none: Int32 = -1

    private var arena: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Slot → id + 1 (0 = empty). Capacity is a power of two, at most half full.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    var count: Int { hashes.count }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h ^ (h >> 29)
    }

    /// The id of `bytes`, or `Vocabulary.none`.
    @inline(__always)
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        id(of: bytes, hash: Vocabulary.hash(bytes))
    }

    @inline(__always)
    private func id(of bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return Vocabulary.none }
                    let id = Int(entry - 1)
                    if hashes[id] == h {
                        let start = Int(starts[id]), end = Int(starts[id + 1])
                        if end - start == bytes.count && memcmpEqual(arena.baseAddress! + start, bytes.baseAddress, bytes.count) {
                            return Int32(id)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    func id(of bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { id(of: $0) }
    }

    /// The id of `bytes`, adding it when new.
    mutating func intern(_ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { intern($0) }
    }

    /// The id of `bytes`, adding it when new (hashed once either way).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Vocabulary.hash(bytes)
        let existing = id(of: bytes, hash: h)
        if existing != Vocabulary.none { return existing }
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let id = Int32(hashes.count)
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        hashes.append(h)
        insert(id: id, hash: h)
        return id
    }

    /// The bytes of an id.
    func bytes(of id: Int32) -> ArraySlice<UInt8> {
        arena[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])]
    }

    private mutating func insert(id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = id + 1
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for (id, h) in hashes.enumerated() { insert(id: Int32(id), hash: h) }
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ n: Int) -> Bool {
    guard let b else { return n == 0 }
    for k in 0..<n where a[k] != b[k] { return false }
    return true
}
