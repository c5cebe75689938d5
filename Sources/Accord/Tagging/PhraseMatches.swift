/// The lexicon phrases found in a text (for each start and kind, the longest), indexed for the
/// taggers' questions: the matches of a kind in order, and in O(1) the match of a kind starting at a
/// token, or whether any match of a kind ends at a token.
///
/// Sized for large documents: each match is stored once (`byStart`); the per-token index takes
/// four bytes a token, plus one where a match starts and four per block of 16 tokens.
struct PhraseMatches {
    /// The matches of one kind in order of start: its range of `positions` (places in `byStart`),
    /// read as matches.
    struct KindMatches: RandomAccessCollection {
        fileprivate let byStart: [PhraseMatch]
        fileprivate let positions: [Int32]
        fileprivate let range: Range<Int>

        var startIndex: Int { 0 }
        var endIndex: Int { range.count }
        subscript(i: Int) -> PhraseMatch { byStart[Int(positions[range.lowerBound + i])] }
    }

    /// Some phrase kinds, as their bits in `bits`: asked together in one test.
    struct KindSet {
        fileprivate let bits: UInt32

        init(_ kinds: PhraseKind...) {
            bits = kinds.reduce(0) { $0 | UInt32(1) << $1.rawValue }
        }
    }

    /// Tokens per block of `blockFirst`: small enough that a token's `offset` in its block fits a
    /// byte (at most 15 earlier tokens with one match per kind each).
    static let blockShift = 4

    /// All matches by start, those of one start in kind order.
    private let byStart: [PhraseMatch]
    /// The places in `byStart` of the matches of each kind in turn (`PhraseKind.rawValue` order),
    /// each kind's in order of start: one array of the exact size rather than one per kind.
    private let positions: [Int32]
    /// Where each kind's places begin in `positions`, and where the last kind's end.
    private let kindStart: [Int]
    /// Per token boundary `0...count`: a bit per `PhraseKind` for the matches starting there (low
    /// 16 bits) and ending there (high 16 bits).
    private let bits: [UInt32]
    /// Per token boundary: where its matches begin in `byStart`, counted from its block's first.
    private let offset: [UInt8]
    /// Per block of boundaries: where the block's matches begin in `byStart`.
    private let blockFirst: [Int32]

    /// Collects the matches in order of start, those of one start in kind order, writing the
    /// per-token tables in place (they are allocated once, at their final size), the matches straight
    /// to the storage of `byStart` (sized from the caller's estimate; past it, to a buffer of their
    /// own) and their kinds to a buffer.
    struct Builder {
        fileprivate let bits: UnsafeMutableBufferPointer<UInt32>
        fileprivate let offset: UnsafeMutableBufferPointer<UInt8>
        fileprivate let blockFirst: UnsafeMutableBufferPointer<Int32>
        /// The matches so far (`count` of them), and the kind of each.
        fileprivate var matches: UnsafeMutablePointer<PhraseMatch>
        fileprivate var kinds: UnsafeMutablePointer<UInt8>
        fileprivate var count = 0
        /// Whether `matches` outgrew the storage it was given, and is now a buffer of its own.
        fileprivate private(set) var grew = false
        /// The number of matches of each kind so far.
        fileprivate var kindCounts = InlineArray<16, Int>(repeating: 0)
        private var capacity: Int
        /// The first block whose `blockFirst` is not yet set.
        private var nextBlock = 0

        fileprivate init(bits: UnsafeMutableBufferPointer<UInt32>, offset: UnsafeMutableBufferPointer<UInt8>,
                         blockFirst: UnsafeMutableBufferPointer<Int32>, matches: UnsafeMutableBufferPointer<PhraseMatch>) {
            self.bits = bits
            self.offset = offset
            self.blockFirst = blockFirst
            self.matches = matches.baseAddress!
            capacity = matches.count
            kinds = .allocate(capacity: capacity)
        }

        /// Notes that the matches of `kinds` (a bit per `PhraseKind.rawValue`) start at token `start`,
        /// after those of earlier starts; `add` then adds each, in kind order.
        @inline(__always)
        mutating func start(at start: Int, kinds: UInt16) {
            let block = start >> PhraseMatches.blockShift
            while nextBlock <= block {
                blockFirst[nextBlock] = Int32(truncatingIfNeeded: count)
                nextBlock &+= 1
            }
            offset[start] = UInt8(count &- Int(blockFirst[block]))
            bits[start] |= UInt32(kinds)
            if count &+ 16 > capacity { grow() }
        }

        /// Adds a match of kind `kind` (a `PhraseKind.rawValue`) at the start last given to `start`.
        @inline(__always)
        mutating func add(_ match: PhraseMatch, kind: Int) {
            bits[Int(match.end)] |= 1 << (16 &+ kind)
            matches[count] = match
            kinds[count] = UInt8(truncatingIfNeeded: kind)
            kindCounts[kind] &+= 1
            count &+= 1
        }

        /// Doubles the buffers (past the estimate: only for text unlike news, where phrases crowd),
        /// keeping room for the up to 16 matches of a start.
        @inline(never)
        private mutating func grow() {
            capacity = 2 * capacity + 16
            let grownMatches = UnsafeMutablePointer<PhraseMatch>.allocate(capacity: capacity)
            let grownKinds = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grownMatches.moveInitialize(from: matches, count: count)
            grownKinds.moveInitialize(from: kinds, count: count)
            if grew { matches.deallocate() }
            kinds.deallocate()
            matches = grownMatches
            kinds = grownKinds
            grew = true
        }

        fileprivate func deallocate() {
            if grew { matches.deallocate() }
            kinds.deallocate()
        }
    }

    /// The matches `body` adds, for a text of `count` tokens, indexed; `expected` is about how many
    /// there will be (`byStart` is allocated for that many, copied only when there are more).
    static func build(count: Int, expected: Int, _ body: (inout Builder) -> Void) -> PhraseMatches {
        precondition(PhraseKind.allCases.count <= 16 && PhraseKind.allCases.count * 15 <= Int(UInt8.max),
                     "a kind's bit or a block's offset does not fit")
        var bits = [UInt32](repeating: 0, count: count + 1)
        var offset = [UInt8](repeating: 0, count: count + 1)
        var blockFirst = [Int32](repeating: 0, count: (count >> PhraseMatches.blockShift) + 1)
        var positions: [Int32] = [], kindStart: [Int] = [], grown: [PhraseMatch]?
        var byStart = [PhraseMatch](unsafeUninitializedCapacity: max(expected, 16)) { storage, initialized in
            bits.withUnsafeMutableBufferPointer { bits in
                offset.withUnsafeMutableBufferPointer { offset in
                    blockFirst.withUnsafeMutableBufferPointer { blockFirst in
                        var builder = Builder(bits: bits, offset: offset, blockFirst: blockFirst, matches: storage)
                        defer { builder.deallocate() }
                        body(&builder)
                        let matchCount = builder.count
                        if builder.grew {
                            grown = [PhraseMatch](unsafeUninitializedCapacity: matchCount) { grown, grownCount in
                                grown.baseAddress!.initialize(from: builder.matches, count: matchCount)
                                grownCount = matchCount
                            }
                        }
                        initialized = builder.grew ? 0 : matchCount
                        (positions, kindStart) = PhraseMatches.positionsByKind(UnsafeBufferPointer(start: builder.kinds, count: matchCount),
                                                                                 counts: builder.kindCounts)
                    }
                }
            }
        }
        if let grown { byStart = grown }
        return PhraseMatches(byStart: byStart, positions: positions, kindStart: kindStart, bits: bits, offset: offset, blockFirst: blockFirst)
    }

    /// The places in `byStart` grouped by kind (a counting sort, stable), from the kind of each match
    /// and the number of matches of each kind.
    private static func positionsByKind(_ kinds: UnsafeBufferPointer<UInt8>, counts: InlineArray<16, Int>) -> (positions: [Int32], kindStart: [Int]) {
        var kindStart = [Int](repeating: 0, count: PhraseKind.allCases.count + 1)
        var next = InlineArray<16, Int>(repeating: 0)
        for kind in PhraseKind.allCases.indices {
            next[kind] = kindStart[kind]
            kindStart[kind + 1] = kindStart[kind] + counts[kind]
        }
        let positions = [Int32](unsafeUninitializedCapacity: kinds.count) { positions, initialized in
            for (position, kind) in kinds.enumerated() {
                let kind = Int(kind)
                positions[next[kind]] = Int32(truncatingIfNeeded: position)
                next[kind] &+= 1
            }
            initialized = kinds.count
        }
        return (positions, kindStart)
    }

    private init(byStart: [PhraseMatch], positions: [Int32], kindStart: [Int], bits: [UInt32], offset: [UInt8], blockFirst: [Int32]) {
        self.byStart = byStart
        self.positions = positions
        self.kindStart = kindStart
        self.bits = bits
        self.offset = offset
        self.blockFirst = blockFirst
    }

    /// The matches of a kind, sorted by start.
    func matches(_ kind: PhraseKind) -> KindMatches {
        let kind = Int(kind.rawValue)
        return KindMatches(byStart: byStart, positions: positions, range: kindStart[kind]..<kindStart[kind + 1])
    }

    /// The match of `kind` starting at token `i`, if any.
    @inline(__always)
    func match(_ kind: PhraseKind, at i: Int) -> PhraseMatch? {
        guard i >= 0 && i < bits.count else { return nil }
        let starting = bits[i] & 0xFFFF, bit = UInt32(1) << kind.rawValue
        guard starting & bit != 0 else { return nil }
        let first = Int(blockFirst[i >> PhraseMatches.blockShift]) + Int(offset[i])
        return byStart[first + (starting & (bit - 1)).nonzeroBitCount]
    }

    /// Whether a match of `kind` starts at token `i` (`match(_:at:)` without reading the match).
    @inline(__always)
    func startsMatch(_ kind: PhraseKind, at i: Int) -> Bool {
        i >= 0 && i < bits.count && bits[i] & (UInt32(1) << kind.rawValue) != 0
    }

    /// Whether a match of any of `kinds` starts at token `i`: one test where asking each kind costs
    /// a look-up each.
    @inline(__always)
    func startsMatch(ofAnyOf kinds: KindSet, at i: Int) -> Bool {
        i >= 0 && i < bits.count && bits[i] & kinds.bits != 0
    }

    /// Whether some match of `kind` ends at token boundary `end`.
    @inline(__always)
    func hasMatch(_ kind: PhraseKind, endingAt end: Int) -> Bool {
        end >= 0 && end < bits.count && bits[end] & (UInt32(1) << (16 + kind.rawValue)) != 0
    }
}
