/// Token ranges in order of lower bound, asked in one forward pass whether they hold a token or
/// share one with a span: what a per-token table of flags answered, without the table (a byte a
/// token, written for every token of every mention, to be read at a few starts).
///
/// The ranges are read through a closure (`range(k)` for `k` in `0..<count`), not a generic
/// sequence: a generic sweep's type metadata was instantiated at run time, for more than the
/// tables it saved in a 1 MB document.
struct RangeSweep {
    private let count: Int
    private let range: (Int) -> Range<Int>
    /// The first range not yet passed.
    private var next = 0
    /// The largest upper bound of the ranges passed.
    private var reach = Int.min

    /// - Parameters:
    ///   - count: how many ranges there are.
    ///   - range: the `k`th range, in order of lower bound; an empty range holds no token.
    init(count: Int, _ range: @escaping (Int) -> Range<Int>) {
        self.count = count
        self.range = range
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
        if reach > span.lowerBound { return true }
        // The ranges not passed start after `span`'s first token: a non-empty one starting
        // inside it shares a token.
        var k = next
        while k < count {
            let other = range(k)
            guard other.lowerBound < span.upperBound else { break }
            if !other.isEmpty { return true }
            k += 1
        }
        return false
    }

    /// Passes the ranges starting at or before `i`.
    private mutating func pass(through i: Int) {
        while next < count {
            let other = range(next)
            guard other.lowerBound <= i else { break }
            reach = max(reach, other.upperBound)
            next += 1
        }
    }
}
