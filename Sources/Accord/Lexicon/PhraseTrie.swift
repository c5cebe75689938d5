/// What a lexicon phrase is: the layer or word list it belongs to.
enum PhraseKind: UInt8, Sendable, CaseIterable {
    case actor, title, initiative, action, target, activity, negator, modal, stance, degree, demonym, governmentNoun, contrast, collective
}

/// A phrase's meaning: its kind and the index of its entry in that kind's table.
struct PhrasePayload: Sendable, Hashable {
    let kind: PhraseKind
    let entry: Int32
}

/// A trie over token ids: every lexicon phrase of every kind, matched in one pass over the tokens
/// whatever the number of phrases. Edges live in one open-addressing table keyed by (node, token id).
struct PhraseTrie: Sendable {
    /// Marks an id from the case-exact vocabulary.
    static let exactBit: Int32 = 0x4000_0000

    private var keys: [UInt64] = Array(repeating: UInt64.max, count: 4096)
    private var children: [Int32] = Array(repeating: 0, count: 4096)
    private var edgeCount = 0
    private var nodeCount = 1
    /// Payloads in the order they were added, with their nodes; `freeze` groups them by node into
    /// `payloadStart`/`payloadList` (one pass, no list per node while adding).
    private var pending: [(node: Int32, payload: PhrasePayload)] = []
    private var payloadStart: [Int32] = []
    private var payloadList: [PhrasePayload] = []
    /// For each id (folded at 2·id, exact at 2·id+1): whether a phrase starts with it.
    private var starters: [Bool] = []

    static let root: Int32 = 0

    /// Adds a phrase (a sequence of token ids) with its payload; a payload already there is kept once.
    mutating func add(_ ids: [Int32], _ payload: PhrasePayload) {
        var node = PhraseTrie.root
        if let first = ids.first {
            let index = Int(first & ~PhraseTrie.exactBit) * 2 + (first & PhraseTrie.exactBit != 0 ? 1 : 0)
            if index >= starters.count { starters.append(contentsOf: repeatElement(false, count: index + 1 - starters.count)) }
            starters[index] = true
        }
        for id in ids { node = childOrInsert(node, id) }
        pending.append((node, payload))
    }

    /// Freezes payload lists for fast reading (each node's payloads in the order added, a repeated
    /// payload once); call once after the last `add`.
    mutating func freeze() {
        // A stable counting sort of the pending payloads by node.
        var start = Array(repeating: 0, count: nodeCount + 1)
        for item in pending { start[Int(item.node) + 1] += 1 }
        for node in 0..<nodeCount { start[node + 1] += start[node] }
        var next = start
        var sorted = Array(repeating: PhrasePayload(kind: .actor, entry: 0), count: pending.count)
        for item in pending {
            sorted[next[Int(item.node)]] = item.payload
            next[Int(item.node)] += 1
        }
        payloadStart = Array(repeating: 0, count: nodeCount + 1)
        payloadList.reserveCapacity(sorted.count)
        for node in 0..<nodeCount {
            let first = payloadList.count
            payloadStart[node] = Int32(first)
            for payload in sorted[start[node]..<start[node + 1]] where !payloadList[first...].contains(payload) {
                payloadList.append(payload)
            }
        }
        payloadStart[nodeCount] = Int32(payloadList.count)
        pending = []
    }

    /// Whether some phrase starts with this token id (most ids start none: skip them at once); false
    /// for `Vocabulary.none`.
    @inline(__always)
    func startsPhrase(_ id: Int32) -> Bool {
        let index = Int(id & ~PhraseTrie.exactBit) &* 2 &+ (id & PhraseTrie.exactBit != 0 ? 1 : 0)
        return UInt(bitPattern: index) < UInt(starters.count) && starters[index]
    }

    @inline(__always)
    func child(_ node: Int32, _ id: Int32) -> Int32? {
        let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: PhraseTrie.mix(key)) & mask
        while true {
            let k = keys[slot]
            if k == key { return children[slot] }
            if k == UInt64.max { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The payloads of a node (empty for inner nodes).
    @inline(__always)
    func payloads(_ node: Int32) -> ArraySlice<PhrasePayload> {
        payloadList[Int(payloadStart[Int(node)])..<Int(payloadStart[Int(node) + 1])]
    }

    private mutating func childOrInsert(_ node: Int32, _ id: Int32) -> Int32 {
        if let existing = child(node, id) { return existing }
        if (edgeCount + 1) * 2 > keys.count { grow() }
        let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
        let new = Int32(nodeCount)
        nodeCount += 1
        insert(key, new)
        edgeCount += 1
        return new
    }

    private mutating func insert(_ key: UInt64, _ value: Int32) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: PhraseTrie.mix(key)) & mask
        while keys[slot] != UInt64.max { slot = (slot + 1) & mask }
        keys[slot] = key
        children[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldChildren = children
        keys = Array(repeating: UInt64.max, count: oldKeys.count * 2)
        children = Array(repeating: 0, count: oldKeys.count * 2)
        for (k, c) in zip(oldKeys, oldChildren) where k != UInt64.max { insert(k, c) }
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0x9E37_79B9_7F4A_7C15
        z ^= z >> 32
        return z
    }
}
