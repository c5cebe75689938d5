/// The lexicon phrases found in a text (for each start and kind, the longest), indexed for the
/// taggers' questions: the matches of a kind in order, and in O(1) the match of a kind starting at a
/// token, or whether any match of a kind ends at a token.
struct PhraseMatches {
    /// Matches per kind (`PhraseKind.rawValue`), each list sorted by start.
    private(set) var byKind: [[PhraseMatch]]
    /// All matches by start, those of one start in kind order.
    private var byStart: [PhraseMatch] = []
    /// Where each token's matches begin in `byStart` (meaningless where `kindsAt` is 0).
    private var firstAt: [Int32]
    /// The kinds (a bit per `PhraseKind`) of the matches starting at each token.
    private var kindsAt: [UInt16]
    /// The kinds of the matches ending at each token boundary `0...count`.
    private var kindsEndingAt: [UInt16]

    init(tokenCount: Int) {
        byKind = Array(repeating: [], count: PhraseKind.allCases.count)
        firstAt = Array(repeating: 0, count: tokenCount)
        kindsAt = Array(repeating: 0, count: tokenCount)
        kindsEndingAt = Array(repeating: 0, count: tokenCount + 1)
    }

    /// Records the matches starting at `start`: one for each kind in `kinds`, with the end and entry
    /// `best` holds for it. Starts must come in increasing order.
    mutating func append(start: Int, kinds: UInt16, best: UnsafeBufferPointer<(end: Int32, entry: Int32)>) {
        kindsAt[start] = kinds
        firstAt[start] = Int32(byStart.count)
        var rest = kinds
        while rest != 0 {
            let kind = rest.trailingZeroBitCount
            let match = PhraseMatch(start: Int32(start), end: best[kind].end, entry: best[kind].entry)
            byStart.append(match)
            byKind[kind].append(match)
            kindsEndingAt[Int(match.end)] |= 1 << kind
            rest &= rest - 1
        }
    }

    /// The match of `kind` starting at token `i`, if any.
    @inline(__always)
    func match(_ kind: PhraseKind, at i: Int) -> PhraseMatch? {
        guard i >= 0 && i < kindsAt.count else { return nil }
        let kinds = kindsAt[i], bit = UInt16(1) << kind.rawValue
        guard kinds & bit != 0 else { return nil }
        return byStart[Int(firstAt[i]) + (kinds & (bit - 1)).nonzeroBitCount]
    }

    /// Whether some match of `kind` ends at token boundary `end`.
    @inline(__always)
    func hasMatch(_ kind: PhraseKind, endingAt end: Int) -> Bool {
        end >= 0 && end < kindsEndingAt.count && kindsEndingAt[end] & (UInt16(1) << kind.rawValue) != 0
    }
}
