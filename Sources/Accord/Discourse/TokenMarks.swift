/// An item per token boundary, for the few boundaries that have one (where an actor ends, where an
/// action starts): a bit a boundary plus a count per 64 of them, instead of four bytes a boundary,
/// so a 20 MB document's index of its actors takes under 2 MB, not 14. Read in O(1), like a plain array.
struct TokenMarks {
    /// Which of several items at one boundary the index keeps.
    enum Keep { case first, last }

    /// Bit `k % 64` of word `k / 64`: whether boundary `k` has an item.
    private let bits: [UInt64]
    /// Per word of `bits`: how many boundaries before it have an item.
    private let rank: [Int32]
    /// The item of each marked boundary, in boundary order.
    private let items: [Int32]

    /// Indexes items `0..<count` at boundaries `0...boundaries` given by `position`.
    init(boundaries: Int, count: Int, keep: Keep, position: (Int) -> Int) {
        if let inOrder = TokenMarks(boundaries: boundaries, count: count, keep: keep, pair: { (position($0), $0) }) {
            self = inOrder
        } else {
            // Nested mentions: sorted by boundary, then item, so that `first` and `last` keep their meaning.
            let pairs = (0..<count).map { (boundary: position($0), item: $0) }
                .sorted { ($0.boundary, $0.item) < ($1.boundary, $1.item) }
            self = TokenMarks(boundaries: boundaries, count: count, keep: keep) { pairs[$0] }!
        }
    }

    /// Indexes the items of `count` (boundary, item) pairs in one pass, each word's rank being the
    /// number of items met before its first; `nil` when the boundaries are out of order.
    private init?(boundaries: Int, count: Int, keep: Keep, pair: (Int) -> (boundary: Int, item: Int)) {
        var bits = [UInt64](repeating: 0, count: boundaries >> 6 + 1)
        var rank = [Int32](repeating: 0, count: bits.count)
        var items = [Int32](repeating: -1, count: count)
        var marked = 0
        // On the buffers: a bounds and uniqueness check per write would cost more than the write.
        let inOrder = bits.withUnsafeMutableBufferPointer { bits in
            rank.withUnsafeMutableBufferPointer { rank in
                items.withUnsafeMutableBufferPointer { items in
                    var previous = -1, ranked = 0
                    for j in 0..<count {
                        let (k, item) = pair(j)
                        if k <= previous {
                            guard k == previous else { return false }
                            if keep == .last { items[marked - 1] = Int32(item) }
                            continue
                        }
                        previous = k
                        while ranked <= k >> 6 {
                            rank[ranked] = Int32(marked)
                            ranked += 1
                        }
                        bits[k >> 6] |= 1 << UInt64(k & 63)
                        items[marked] = Int32(item)
                        marked += 1
                    }
                    while ranked < rank.count {
                        rank[ranked] = Int32(marked)
                        ranked += 1
                    }
                    return true
                }
            }
        }
        guard inOrder else { return nil }
        if marked < count { items.removeLast(count - marked) }
        self.bits = bits
        self.rank = rank
        self.items = items
    }

    /// The item at boundary `k`, or `-1` where none is.
    @inline(__always)
    subscript(k: Int) -> Int32 {
        let word = bits[k >> 6], bit = UInt64(1) << UInt64(k & 63)
        guard word & bit != 0 else { return -1 }
        return items[Int(rank[k >> 6]) + (word & (bit - 1)).nonzeroBitCount]
    }
}

/// Where the actors of a document end and start, shared by the discourse stages.
struct ActorBoundaries {
    /// Actor index by the token just past its end (the last such actor; `-1` where none ends).
    let ending: TokenMarks
    /// Actor index by its first token (the first such actor; `-1` where none starts).
    let starting: TokenMarks

    init(_ actors: [ActorMention], tokenCount: Int) {
        ending = TokenMarks(boundaries: tokenCount, count: actors.count, keep: .last) { actors[$0].tokens.upperBound }
        starting = TokenMarks(boundaries: tokenCount, count: actors.count, keep: .first) { actors[$0].tokens.lowerBound }
    }
}
