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

    /// Tokens longer than this are never looked up.
    private static let longestKey = 48

    /// Folded and case-exact vocabulary ids of every token (`Vocabulary.none` when unknown). An ASCII
    /// token (nearly all) is lower-cased and hashed a word of eight bytes at a time (`WordKey`); others
    /// are folded byte by byte through `Folding`.
    func tokenIDs(_ tokens: [Token], _ source: SourceText) -> (folded: [Int32], exact: [Int32]) {
        var folded = [Int32](repeating: Vocabulary.none, count: tokens.count)
        var exact = [Int32](repeating: Vocabulary.none, count: tokens.count)
        let vocabulary = lexicon.vocabulary, exactVocabulary = lexicon.exactVocabulary
        let checkExact = exactVocabulary.count > 0
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        let wordCapacity = WordKey.wordCount(byteCount: PhraseMatcher.longestKey)
        // A token's words as written, then lower-cased.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * wordCapacity) { buffer in
            let written = buffer.baseAddress!, lowered = written + wordCapacity
            source.utf8.withUnsafeBufferPointer { bytes in
                for (i, token) in tokens.enumerated() {
                    let start = Int(token.startByte), count = Int(token.endByte) - start
                    if count > PhraseMatcher.longestKey { continue }
                    let wordCount = WordKey.wordCount(byteCount: count)
                    var high: UInt64 = 0
                    var hash = WordKey.seed(byteCount: count)
                    for k in 0..<wordCount {
                        let word = WordKey.word(bytes, at: start + 8 * k, count: count - 8 * k)
                        high |= word
                        written[k] = word
                        lowered[k] = WordKey.lowercasedASCII(word)
                        hash = WordKey.combine(hash, lowered[k])
                    }
                    let ascii = high & WordKey.highBits == 0
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<(start + count)])
                    if ascii {
                        folded[i] = vocabulary.id(words: lowered, byteCount: count, hash: hash)
                    } else {
                        scratch.removeAll(keepingCapacity: true)
                        Folding.fold(slice, into: &scratch)
                        folded[i] = scratch.withUnsafeBufferPointer { vocabulary.id(of: $0) }
                    }
                    if checkExact && token.flags.contains(.capitalized) {
                        let id: Int32
                        if ascii {
                            let words = UnsafeBufferPointer(start: written, count: wordCount)
                            id = exactVocabulary.id(words: written, byteCount: count, hash: WordKey.hash(words: words, byteCount: count))
                        } else {
                            id = exactVocabulary.id(of: slice)
                        }
                        if id != Vocabulary.none { exact[i] = id | PhraseTrie.exactBit }
                    }
                }
            }
        }
        return (folded, exact)
    }

    /// Every phrase of the text. The trie is walked depth first from each token that starts a phrase;
    /// where a token has both a folded and an exact id, the exact path is walked first and the folded
    /// one deferred, and among phrases of a kind that end at the same token the first reached wins.
    func match(folded: [Int32], exact: [Int32]) -> PhraseMatches {
        let trie = lexicon.trie
        let n = folded.count
        var result = PhraseMatches(tokenCount: n)
        // The longest match of each kind from the current start (valid for the kinds in `found`).
        var best = [(end: Int32, entry: Int32)](repeating: (0, 0), count: 16)
        // Nodes still to walk from the current start, with the position of their next token.
        var deferred: [(node: Int32, position: Int)] = []
        folded.withUnsafeBufferPointer { folded in
            exact.withUnsafeBufferPointer { exact in
                best.withUnsafeMutableBufferPointer { best in
                    for start in 0..<n where trie.startsPhrase(folded[start]) || trie.startsPhrase(exact[start]) {
                        var found: UInt16 = 0
                        /// The child of `node` by `id` (-1 when none), its phrases recorded as ending at `end`.
                        func enter(_ node: Int32, _ id: Int32, _ end: Int32) -> Int32 {
                            guard id != Vocabulary.none, let child = trie.child(node, id) else { return -1 }
                            for payload in trie.payloads(child) {
                                let kind = Int(payload.kind.rawValue), bit = UInt16(1) << kind
                                if found & bit == 0 || end > best[kind].end {
                                    best[kind] = (end, payload.entry)
                                    found |= bit
                                }
                            }
                            return child
                        }
                        var node = PhraseTrie.root, position = start
                        while true {
                            if position < n {
                                let end = Int32(position + 1)
                                let viaFolded = enter(node, folded[position], end)
                                let viaExact = enter(node, exact[position], end)
                                if viaExact >= 0 && viaFolded >= 0 { deferred.append((viaFolded, position + 1)) }
                                let next = viaExact >= 0 ? viaExact : viaFolded
                                if next >= 0 {
                                    node = next
                                    position += 1
                                    continue
                                }
                            }
                            guard let (nextNode, nextPosition) = deferred.popLast() else { break }
                            node = nextNode
                            position = nextPosition
                        }
                        if found != 0 { result.append(start: start, kinds: found, best: UnsafeBufferPointer(best)) }
                    }
                }
            }
        }
        return result
    }
}
