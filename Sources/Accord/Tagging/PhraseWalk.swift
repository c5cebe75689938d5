/// The walk of the phrase trie from one token: depth first over the tokens' ids, keeping for each
/// kind the longest phrase found. Where a token has both a folded and an exact id, the exact path is
/// walked first and the folded one deferred; among phrases of a kind ending at the same token, the
/// first reached wins.
struct PhraseWalk {
    /// A phrase found: the token it ends before, and its entry.
    struct Found {
        var end: Int32 = 0
        var entry: Int32 = 0
    }

    private let trie: PhraseTrie.Reader
    private let folded: UnsafeBufferPointer<Int32>
    private var exact: ExactCursor
    /// The longest phrase of each kind (`PhraseKind.rawValue`) from the last start, for the kinds
    /// `longest(from:)` returned.
    private(set) var best = InlineArray<16, Found>(repeating: Found())
    private var kinds: UInt16 = 0
    /// Nodes still to walk from the current start, with the position of their next token.
    private var deferred: [(node: Int32, position: Int)] = []

    /// - Parameter exact: the tokens with a case-exact id, in order.
    init(trie: PhraseTrie.Reader, folded: UnsafeBufferPointer<Int32>, exact: UnsafeBufferPointer<ExactID>) {
        self.trie = trie
        self.folded = folded
        self.exact = ExactCursor(exact)
    }

    /// The first token at or after `start` (called with growing starts) that a walk may find some
    /// phrase from: one whose folded id starts a phrase, or one with an exact id; and the root's
    /// child by its folded id (-1 where none). Most tokens start nothing: a tight loop over their
    /// ids passes them.
    @inline(__always)
    mutating func nextStart(from start: Int) -> (start: Int, node: Int32) {
        exact.skip(to: start)
        let limit = min(folded.count, exact.nextToken)
        var i = start
        while i < limit {
            let node = trie.child(folded: folded[i])
            if node >= 0 { return (i, node) }
            i &+= 1
        }
        return (i, i < folded.count ? trie.child(folded: folded[i]) : -1)
    }

    /// Walks from token `start` (called with growing starts); returns the kinds found (a bit per
    /// `PhraseKind`), their phrases in `best`.
    @inline(__always)
    mutating func longest(from start: Int) -> UInt16 {
        longest(from: start, node: trie.child(folded: folded[start]))
    }

    /// `longest(from:)` given the root's child by token `start`'s folded id. Where no token's exact
    /// id leads on, the trie has one path (nearly always), walked here in a tight loop; where one
    /// does, the walk starts over by both ids (`walkBoth`).
    @inline(__always)
    mutating func longest(from start: Int, node first: Int32) -> UInt16 {
        exact.skip(to: start)
        guard start < exact.nextToken || trie.child(exact: exact.id(start)) < 0 else { return walkBoth(from: start) }
        var node = first
        var kinds: UInt16 = 0, end = start &+ 1
        while node >= 0 {
            let (payloads, hasChildren) = trie.visit(node)
            for payload in payloads { PhraseWalk.record(payload, end: Int32(truncatingIfNeeded: end), in: &kinds, &best) }
            guard hasChildren && end < folded.count else { break }
            guard end < exact.nextToken || trie.child(node, exact.id(end)) < 0 else { return walkBoth(from: start) }
            node = trie.child(node, folded[end])
            end &+= 1
        }
        return kinds
    }

    /// `longest(from:)` by the walk that follows both ids everywhere: the reference the one-path
    /// walk is tested against.
    mutating func longestByBothIDs(from start: Int) -> UInt16 {
        exact.skip(to: start)
        return walkBoth(from: start)
    }

    /// `longest(from:)` by the folded and exact ids alike.
    @inline(never)
    private mutating func walkBoth(from start: Int) -> UInt16 {
        let first = trie.child(folded: folded[start]), firstExact = trie.child(exact: exact.id(start))
        guard first >= 0 || firstExact >= 0 else { return 0 }
        return walk(from: start, first, firstExact)
    }

    /// Keeps `payload` as its kind's phrase when it is the first of its kind or ends later.
    @inline(__always)
    private static func record(_ payload: PhrasePayload, end: Int32, in kinds: inout UInt16, _ best: inout InlineArray<16, Found>) {
        let kind = Int(payload.kind.rawValue), bit = UInt16(1) << kind
        if kinds & bit == 0 || end > best[kind].end {
            best[kind] = Found(end: end, entry: payload.entry)
            kinds |= bit
        }
    }

    /// The walk from the root's children by token `start`'s folded and exact ids (-1 where none).
    @inline(__always)
    private mutating func walk(from start: Int, _ first: Int32, _ firstExact: Int32) -> UInt16 {
        kinds = 0
        var position = start + 1
        var node = follow(enter(first, Int32(position)), enter(firstExact, Int32(position)), position)
        while true {
            if node >= 0 && position < folded.count {
                let end = Int32(position + 1)
                node = follow(enter(trie.child(node, folded[position]), end), enter(trie.child(node, exact.id(position)), end), position + 1)
                position += 1
                continue
            }
            guard let (deferredNode, deferredPosition) = deferred.popLast() else { return kinds }
            node = deferredNode
            position = deferredPosition
        }
    }

    /// The node to walk on from the two children of a node by one token's folded and exact ids (-1
    /// where none): the exact one, the folded one deferred to after it.
    @inline(__always)
    private mutating func follow(_ viaFolded: Int32, _ viaExact: Int32, _ position: Int) -> Int32 {
        if viaExact >= 0 && viaFolded >= 0 { deferred.append((viaFolded, position)) }
        return viaExact >= 0 ? viaExact : viaFolded
    }

    /// Records the phrases that end at `node` (when it is not -1) as ending before token `end`;
    /// returns the node when some phrase goes on past it, else -1.
    @inline(__always)
    private mutating func enter(_ node: Int32, _ end: Int32) -> Int32 {
        guard node >= 0 else { return -1 }
        let (payloads, hasChildren) = trie.visit(node)
        for payload in payloads { PhraseWalk.record(payload, end: end, in: &kinds, &best) }
        return hasChildren ? node : -1
    }
}
