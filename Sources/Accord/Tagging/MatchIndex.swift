/// The phrase matches of one kind by token, built once so that rules asking at every token (or
/// backwards from it) read an array instead of searching the sorted list each time.
struct MatchIndex {
    private let matches: [PhraseMatch]
    /// The match starting at each token (`-1` where none does).
    private let byStart: [Int32]
    /// The match ending at each token that starts last, within `maxLength` tokens (`-1` where none).
    private let byEnd: [Int32]
    /// How far back `match(endingAt:after:)` looks, as `TaggingContext` does.
    private static let maxLength = 6

    /// - Parameter ends: whether `match(endingAt:after:)` will be asked (it needs a second table).
    init(_ context: TaggingContext, _ kind: PhraseKind, ends: Bool = false) {
        matches = context.matches(kind)
        var byStart = [Int32](repeating: -1, count: context.count + 1)
        var byEnd = [Int32](repeating: -1, count: ends ? context.count + 1 : 0)
        for (k, m) in matches.enumerated() {
            byStart[Int(m.start)] = Int32(k)
            // Sorted by start: a later match with the same end starts later, and is the one to keep.
            if ends && m.end - m.start <= Int32(MatchIndex.maxLength) { byEnd[Int(m.end)] = Int32(k) }
        }
        self.byStart = byStart
        self.byEnd = byEnd
    }

    /// The match starting at token `i`, if any (as `TaggingContext.match(_:at:)`).
    @inline(__always)
    func match(at i: Int) -> PhraseMatch? {
        guard i >= 0 && i < byStart.count, byStart[i] >= 0 else { return nil }
        return matches[Int(byStart[i])]
    }

    /// The match ending exactly at token `end` and starting after `lowerBound`, the shortest first
    /// (as `TaggingContext.match(_:endingAt:after:)`).
    @inline(__always)
    func match(endingAt end: Int, after lowerBound: Int) -> PhraseMatch? {
        guard end >= 0 && end < byEnd.count, byEnd[end] >= 0 else { return nil }
        let m = matches[Int(byEnd[end])]
        return Int(m.start) >= lowerBound ? m : nil
    }
}
