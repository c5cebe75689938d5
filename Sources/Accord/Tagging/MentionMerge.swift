extension Array where Element == ActorMention {
    /// Merges `later`, mentions found after the ones they precede (names promoted when their
    /// surname speaks), into this array; both are in order of token range, and so is the result,
    /// as a stable sort of the two appended would leave it (equal ranges: this array's first).
    ///
    /// In place, from the back: each mention moves at most once and none is copied, where sorting
    /// all mentions for a few late ones cost more than the rest of the tagger's bookkeeping.
    mutating func merge(_ later: [ActorMention]) {
        guard !later.isEmpty else { return }
        let earlier = count
        append(contentsOf: later)
        withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            // Take the late mentions out: their slots become the gap the merge fills.
            let pending = UnsafeMutablePointer<ActorMention>.allocate(capacity: later.count)
            defer { pending.deallocate() }
            pending.moveInitialize(from: base + earlier, count: later.count)
            // Slots [end, end + left) are the gap; those after it are final.
            var end = earlier, left = later.count
            while left > 0 {
                let tokens = pending[left - 1].tokens
                let position = Self.firstAfter(tokens, in: base, below: end)
                (base + position + left).moveInitialize(from: base + position, count: end - position)
                (base + position + left - 1).moveInitialize(from: pending + left - 1, count: 1)
                end = position
                left -= 1
            }
        }
    }

    /// The first of the mentions `[0, end)` whose range comes after `tokens` (by start, then end).
    private static func firstAfter(_ tokens: Range<Int>, in base: UnsafeMutablePointer<ActorMention>, below end: Int) -> Int {
        var low = 0, high = end
        while low < high {
            let middle = (low + high) / 2
            let other = base[middle].tokens
            if (tokens.lowerBound, tokens.upperBound) < (other.lowerBound, other.upperBound) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
