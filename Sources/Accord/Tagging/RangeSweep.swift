/// Token ranges in order of lower bound, asked in one forward pass whether they hold a token or
/// share one with a span: what a per-token table of flags answered, without the table (a byte a
/// token, written for every token of every mention, to be read at a few starts).
struct RangeSweep<Ranges: IteratorProtocol> where Ranges.Element == Range<Int> {
    /// The ranges not yet passed, after `pending`.
    private var ranges: Ranges
    /// The first non-empty range not yet passed (an empty range holds no token).
    private var pending: Range<Int>?
    /// The largest upper bound of the ranges passed.
    private var reach = Int.min

    /// - Parameter ranges: in order of lower bound (read once, lazily: no array of them is made).
    init<S: Sequence>(_ ranges: S) where S.Iterator == Ranges {
        self.ranges = ranges.makeIterator()
        pending = nil
        pending = nextRange()
    }

    /// Whether some range holds token `i`. `i` must not decrease from one question to the next.
    mutating func covers(_ i: Int) -> Bool {
        pass(through: i)
        return reach > i
    }

    /// Whether some range holds a token of `span`. `span.lowerBound` must not decrease from one
    /// question to the next.
    mutating func overlaps(_ span: Range<Int>) -> Bool {
        guard !span.isEmpty else { return false }
        pass(through: span.lowerBound)
        return reach > span.lowerBound || (pending.map { $0.lowerBound < span.upperBound } ?? false)
    }

    /// Passes the ranges starting at or before `i`.
    private mutating func pass(through i: Int) {
        while let range = pending, range.lowerBound <= i {
            reach = max(reach, range.upperBound)
            pending = nextRange()
        }
    }

    private mutating func nextRange() -> Range<Int>? {
        while let range = ranges.next() {
            if !range.isEmpty { return range }
        }
        return nil
    }
}
