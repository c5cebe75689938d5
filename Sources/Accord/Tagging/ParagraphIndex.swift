/// The paragraph (line) index of every token, kept as the sorted first tokens of lines rather than
/// one entry per token: a few bytes a line instead of four a token, for the few look-ups the quote
/// attributor makes. A token's paragraph is the number of line breaks before it.
struct ParagraphIndex {
    /// Tokens after the first that begin a line, in order.
    private let lineStarts: [Int32]

    /// - Parameter lineStarts: the tokens after the first with a line break before them, in order
    ///   (`QuoteRegions.scan` collects them as it pairs quote marks).
    init(lineStarts: [Int32]) {
        self.lineStarts = lineStarts
    }

    /// The paragraph of token `i`: how many line starts lie at or before it.
    /// - Complexity: O(log lines).
    subscript(i: Int) -> Int32 {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(lineStarts[mid]) <= i { lo = mid + 1 } else { hi = mid }
        }
        return Int32(lo)
    }

    /// The first token of paragraph `p`: a token `i` lies in `p` or a later paragraph when `i` is at
    /// least this (one comparison where `self[i] == p` searches).
    func firstToken(ofParagraph p: Int) -> Int {
        p == 0 ? 0 : Int(lineStarts[p - 1])
    }
}
