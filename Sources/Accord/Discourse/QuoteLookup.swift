extension Array where Element == Quote {
    /// The index of the quote holding token `token`, if any: a binary search (quotes are in text
    /// order and do not overlap).
    func index(containing token: Int) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].tokens.upperBound <= token { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo].tokens.contains(token) ? lo : nil
    }
}
