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

    /// Folded vocabulary ids of every token (`Vocabulary.none` when unknown), and the case-exact ids
    /// of the few tokens that have one. An ASCII token (nearly all) is lower-cased and hashed a word
    /// of eight bytes at a time (`WordKey`); others are folded byte by byte through `Folding`.
    func tokenIDs(_ tokens: [Token], _ source: SourceText) -> (folded: [Int32], exact: [ExactID]) {
        var exact: [ExactID] = []
        let vocabulary = lexicon.vocabulary, exactVocabulary = lexicon.exactVocabulary
        let checkExact = exactVocabulary.count > 0
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        // A long token's words as written, then lower-cased.
        let wordCapacity = WordKey.wordCount(byteCount: PhraseMatcher.longestKey)
        let written = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * wordCapacity)
        defer { written.deallocate() }
        let lowered = written + wordCapacity
        let folded = [Int32](unsafeUninitializedCapacity: tokens.count) { folded, initialized in
            source.utf8.withUnsafeBufferPointer { bytes in
                tokens.withUnsafeBufferPointer { tokens in
                    for (i, token) in tokens.enumerated() {
                        let start = Int(token.startByte), count = Int(token.endByte) &- start
                        if count > PhraseMatcher.longestKey {
                            folded[i] = Vocabulary.none
                            continue
                        }
                        // Nearly every token is one ASCII word.
                        let word = WordKey.asciiWord(bytes, at: start, count: count)
                        var longASCII = false
                        if let word {
                            folded[i] = vocabulary.id(word: WordKey.lowercasedASCII(word), byteCount: count)
                        } else if let hash = WordKey.loweredASCII(bytes, at: start, count: count, written: written, lowered: lowered) {
                            longASCII = true
                            folded[i] = vocabulary.id(words: lowered, byteCount: count, hash: hash)
                        } else {
                            scratch.removeAll(keepingCapacity: true)
                            Folding.fold(UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]), into: &scratch)
                            folded[i] = scratch.withUnsafeBufferPointer { vocabulary.id(of: $0) }
                        }
                        if checkExact && token.flags.contains(.capitalized) {
                            let id: Int32
                            if let word {
                                id = exactVocabulary.id(word: word, byteCount: count)
                            } else if longASCII {
                                let words = UnsafeBufferPointer(start: written, count: WordKey.wordCount(byteCount: count))
                                id = exactVocabulary.id(words: written, byteCount: count, hash: WordKey.hash(words: words, byteCount: count))
                            } else {
                                id = exactVocabulary.id(of: UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]))
                            }
                            if id != Vocabulary.none { exact.append(ExactID(token: Int32(i), id: id | PhraseTrie.exactBit)) }
                        }
                    }
                }
            }
            initialized = tokens.count
        }
        return (folded, exact)
    }

    /// Every phrase of the text: the trie is walked from each token that starts some phrase.
    func match(folded: [Int32], exact: [ExactID]) -> PhraseMatches {
        PhraseMatches.build(count: folded.count) { found in
            lexicon.trie.withReader { trie in
                folded.withUnsafeBufferPointer { folded in
                    exact.withUnsafeBufferPointer { exact in
                        var walk = PhraseWalk(trie: trie, folded: folded, exact: exact)
                        for start in folded.indices {
                            var kinds = walk.longest(from: start)
                            while kinds != 0 {
                                let kind = kinds.trailingZeroBitCount
                                let phrase = walk.best[kind]
                                found.add(PhraseMatch(start: Int32(start), end: phrase.end, entry: phrase.entry),
                                          kind: PhraseKind(rawValue: UInt8(kind))!)
                                kinds &= kinds - 1
                            }
                        }
                    }
                }
            }
        }
    }
}
