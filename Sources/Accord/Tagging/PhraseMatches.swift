/// The lexicon phrases found in a text (for each start and kind, the longest), indexed for the
/// taggers' questions: the matches of a kind in order, and in O(1) the match of a kind starting at a
/// token, or whether any match of a kind ends at a token.
struct PhraseMatches {
    /// The matches starting and ending at one token, a bit per `PhraseKind` each.
    struct Kinds {
        var starting: UInt16 = 0
        var ending: UInt16 = 0
        /// Where the token's matches begin in `byStart` (when `starting` is not 0).
        var first: Int32 = 0
    }

    /// Matches per kind (`PhraseKind.rawValue`), each list sorted by start.
    let byKind: [[PhraseMatch]]
    /// All matches by start, those of one start in kind order.
    private let byStart: [PhraseMatch]
    /// Per token boundary `0...count`.
    private let kinds: [Kinds]

    init(byKind: [[PhraseMatch]], byStart: [PhraseMatch], kinds: [Kinds]) {
        self.byKind = byKind
        self.byStart = byStart
        self.kinds = kinds
    }

    /// The match of `kind` starting at token `i`, if any.
    @inline(__always)
    func match(_ kind: PhraseKind, at i: Int) -> PhraseMatch? {
        guard i >= 0 && i < kinds.count else { return nil }
        let k = kinds[i], bit = UInt16(1) << kind.rawValue
        guard k.starting & bit != 0 else { return nil }
        return byStart[Int(k.first) + (k.starting & (bit - 1)).nonzeroBitCount]
    }

    /// Whether some match of `kind` ends at token boundary `end`.
    @inline(__always)
    func hasMatch(_ kind: PhraseKind, endingAt end: Int) -> Bool {
        end >= 0 && end < kinds.count && kinds[end].ending & (UInt16(1) << kind.rawValue) != 0
    }
}
