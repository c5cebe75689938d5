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

    static let root: Int32 = 0

    /// An edge of the table: `key` is (node, token id), `UInt64.max` when the slot is empty.
    fileprivate struct Edge: Sendable {
        var key = UInt64.max
        var child: Int32 = 0
    }

    /// A node: where its payloads start in `payloadList` and how many there are (set by `freeze`),
    /// and whether any phrase goes on past it (so that a walk stops at a leaf without a look-up).
    /// Eight bytes: one load tells a walk all it needs of a node.
    fileprivate struct Node: Sendable {
        var firstPayload: Int32 = 0
        /// The number of payloads times two, plus one when a phrase goes on past the node.
        private var countAndChildren: UInt32 = 0

        var payloadCount: Int {
            get { Int(countAndChildren >> 1) }
            set { countAndChildren = UInt32(truncatingIfNeeded: newValue) << 1 | countAndChildren & 1 }
        }
        var hasChildren: Bool {
            get { countAndChildren & 1 != 0 }
            set { countAndChildren = countAndChildren & ~1 | (newValue ? 1 : 0) }
        }
    }

    private var edges = Array(repeating: Edge(), count: 4096)
    private var edgeCount = 0
    private var nodes = [Node()]
    /// Payloads in the order they were added, with their nodes; `freeze` groups them by node into
    /// `payloadList` (one pass, no list per node while adding).
    private var pending: [(node: Int32, payload: PhrasePayload)] = []
    private var payloadList: [PhrasePayload] = []
    /// The root's child by each folded id, and by each exact id (without `exactBit`), or -1: the
    /// first step of every walk, and for most tokens the last (no phrase starts with them).
    private var firstFolded: [Int32] = []
    private var firstExact: [Int32] = []

    private var nodeCount: Int { nodes.count }

    /// Adds a phrase (a sequence of token ids) with its payload; a payload already there is kept once.
    mutating func add(_ ids: [Int32], _ payload: PhrasePayload) {
        guard let first = ids.first else { return }
        var node = childOrInsert(PhraseTrie.root, first)
        if first & PhraseTrie.exactBit != 0 {
            PhraseTrie.set(&firstExact, Int(first & ~PhraseTrie.exactBit), node)
        } else {
            PhraseTrie.set(&firstFolded, Int(first), node)
        }
        for id in ids.dropFirst() { node = childOrInsert(node, id) }
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
        payloadList.reserveCapacity(sorted.count)
        for node in 0..<nodeCount {
            let first = payloadList.count
            nodes[node].firstPayload = Int32(first)
            for payload in sorted[start[node]..<start[node + 1]] where !payloadList[first...].contains(payload) {
                payloadList.append(payload)
            }
            nodes[node].payloadCount = payloadList.count - first
        }
        pending = []
    }

    /// The trie's tables as buffers, for the matcher's inner loop (no bounds checks or reference
    /// counting per look-up); valid only inside `body`.
    func withReader<R>(_ body: (Reader) -> R) -> R {
        edges.withUnsafeBufferPointer { edges in
            nodes.withUnsafeBufferPointer { nodes in
                payloadList.withUnsafeBufferPointer { payloads in
                    firstFolded.withUnsafeBufferPointer { firstFolded in
                        firstExact.withUnsafeBufferPointer { firstExact in
                            body(Reader(edges: edges, nodes: nodes, payloads: payloads, firstFolded: firstFolded, firstExact: firstExact))
                        }
                    }
                }
            }
        }
    }

    struct Reader {
        fileprivate let edges: UnsafeBufferPointer<Edge>
        fileprivate let nodes: UnsafeBufferPointer<Node>
        fileprivate let payloads: UnsafeBufferPointer<PhrasePayload>
        fileprivate let firstFolded: UnsafeBufferPointer<Int32>
        fileprivate let firstExact: UnsafeBufferPointer<Int32>

        /// The root's child by a folded id, or -1 (also for `Vocabulary.none`).
        @inline(__always)
        func child(folded id: Int32) -> Int32 {
            UInt(bitPattern: Int(id)) < UInt(bitPattern: firstFolded.count) ? firstFolded[Int(id)] : -1
        }

        /// The root's child by an exact id, or -1 (also for `Vocabulary.none`).
        @inline(__always)
        func child(exact id: Int32) -> Int32 {
            guard id != Vocabulary.none else { return -1 }
            let index = Int(id & ~PhraseTrie.exactBit)
            return index < firstExact.count ? firstExact[index] : -1
        }

        /// The child of `node` by token id `id`, or -1 (also for `Vocabulary.none`).
        @inline(__always)
        func child(_ node: Int32, _ id: Int32) -> Int32 {
            id == Vocabulary.none ? -1 : PhraseTrie.child(node, id, in: edges)
        }

        /// The payloads of a node (empty for inner nodes), and whether any phrase goes on past it.
        @inline(__always)
        func visit(_ node: Int32) -> (payloads: UnsafeBufferPointer<PhrasePayload>, hasChildren: Bool) {
            let n = nodes[Int(node)]
            return (UnsafeBufferPointer(start: payloads.baseAddress.map { $0 + Int(n.firstPayload) }, count: n.payloadCount), n.hasChildren)
        }
    }

    @inline(__always)
    private static func child<Edges: RandomAccessCollection<Edge>>(_ node: Int32, _ id: Int32, in edges: Edges) -> Int32
        where Edges.Index == Int {
        let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
        let mask = edges.count &- 1
        var slot = Int(truncatingIfNeeded: PhraseTrie.mix(key)) & mask
        while true {
            let edge = edges[slot]
            if edge.key == key { return edge.child }
            if edge.key == UInt64.max { return -1 }
            slot = (slot &+ 1) & mask
        }
    }

    /// Sets `table[index]`, growing the table with -1 as needed.
    private static func set(_ table: inout [Int32], _ index: Int, _ node: Int32) {
        if index >= table.count { table.append(contentsOf: repeatElement(-1, count: index + 1 - table.count)) }
        table[index] = node
    }

    private mutating func childOrInsert(_ node: Int32, _ id: Int32) -> Int32 {
        let existing = PhraseTrie.child(node, id, in: edges)
        if existing >= 0 { return existing }
        if (edgeCount + 1) * 2 > edges.count { grow() }
        let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
        let new = Int32(nodeCount)
        nodes.append(Node())
        nodes[Int(node)].hasChildren = true
        insert(Edge(key: key, child: new))
        edgeCount += 1
        return new
    }

    private mutating func insert(_ edge: Edge) {
        let mask = edges.count - 1
        var slot = Int(truncatingIfNeeded: PhraseTrie.mix(edge.key)) & mask
        while edges[slot].key != UInt64.max { slot = (slot + 1) & mask }
        edges[slot] = edge
    }

    private mutating func grow() {
        let old = edges
        edges = Array(repeating: Edge(), count: old.count * 2)
        for edge in old where edge.key != UInt64.max { insert(edge) }
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0x9E37_79B9_7F4A_7C15
        z ^= z >> 32
        return z
    }
}
