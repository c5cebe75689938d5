/// A lexicon phrase found in the text: tokens `start..<end`, and what it means.
struct PhraseMatch: Sendable {
    let start: Int32
    let end: Int32
    let entry: Int32
}

/// Finds every lexicon phrase in one pass: each token is folded and looked up once, then the trie is
/// walked from each token that starts some phrase. For each start and kind the longest phrase wins.
/// - Complexity: O(tokens × longest phrase), independent of the number of phrases.
struct PhraseMatcher {
    let lexicon: TaggingLexicon

    /// Folded and case-exact vocabulary ids of every token (`Vocabulary.none` when unknown).
    func tokenIDs(_ tokens: [Token], _ source: SourceText) -> (folded: [Int32], exact: [Int32]) {
        var folded = [Int32](repeating: Vocabulary.none, count: tokens.count)
        var exact = [Int32](repeating: Vocabulary.none, count: tokens.count)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        // ASCII tokens (nearly all) are lower-cased into this buffer; others fold through `scratch`.
        let lowered = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 48)
        defer { lowered.deallocate() }
        let checkExact = lexicon.exactVocabulary.count > 0
        source.utf8.withUnsafeBufferPointer { bytes in
            for (i, token) in tokens.enumerated() {
                let slice = UnsafeBufferPointer(rebasing: bytes[token.byteRange])
                if slice.count > 48 { continue }
                var ascii = true
                for (k, b) in slice.enumerated() {
                    ascii = ascii && b < 0x80
                    lowered[k] = b &- 0x41 < 26 ? b | 0x20 : b
                }
                if ascii {
                    folded[i] = lexicon.vocabulary.id(of: UnsafeBufferPointer(rebasing: lowered[..<slice.count]))
                } else {
                    scratch.removeAll(keepingCapacity: true)
                    Folding.fold(slice, into: &scratch)
                    folded[i] = scratch.withUnsafeBufferPointer { lexicon.vocabulary.id(of: $0) }
                }
                if checkExact && token.flags.contains(.capitalized) {
                    let id = lexicon.exactVocabulary.id(of: slice)
                    if id != Vocabulary.none { exact[i] = id | PhraseTrie.exactBit }
                }
            }
        }
        return (folded, exact)
    }

    /// Matches per phrase kind, each list sorted by start.
    func match(folded: [Int32], exact: [Int32]) -> [[PhraseMatch]] {
        var result = [[PhraseMatch]](repeating: [], count: PhraseKind.allCases.count)
        let trie = lexicon.trie
        let n = folded.count
        var best = [(end: Int32, entry: Int32)](repeating: (-1, -1), count: PhraseKind.allCases.count)
        var stack: [(node: Int32, position: Int)] = []
        for start in 0..<n {
            let f = folded[start], e = exact[start]
            guard (f != Vocabulary.none && trie.startsPhrase(f)) || (e != Vocabulary.none && trie.startsPhrase(e)) else { continue }
            for k in 0..<best.count { best[k] = (-1, -1) }
            stack.removeAll(keepingCapacity: true)
            stack.append((PhraseTrie.root, start))
            while let (node, position) = stack.popLast() {
                guard position < n else { continue }
                for choice in 0..<2 {
                    let id = choice == 0 ? folded[position] : exact[position]
                    guard id != Vocabulary.none, let next = trie.child(node, id) else { continue }
                    for payload in trie.payloads(next) {
                        let k = Int(payload.kind.rawValue)
                        if Int32(position + 1) > best[k].end { best[k] = (Int32(position + 1), payload.entry) }
                    }
                    stack.append((next, position + 1))
                }
            }
            for k in 0..<best.count where best[k].end >= 0 {
                result[k].append(PhraseMatch(start: Int32(start), end: best[k].end, entry: best[k].entry))
            }
        }
        return result
    }
}
