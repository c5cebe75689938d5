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

    /// Folded vocabulary ids of every token, and the case-exact ids of the few tokens that have one.
    /// An ASCII token of up to eight bytes (nearly all) is read, lower-cased and looked up as one
    /// word (`WordKey`) in a tight loop, one of up to sixteen as two; the others are left to
    /// `OtherTokenIDs`, out of line, so that the loop keeps its values in registers.
    func tokenIDs(_ tokens: [Token], _ source: SourceText) -> TokenIDs {
        var exact: [ExactID] = []
        exact.reserveCapacity(tokens.count / 32)
        let vocabulary = lexicon.vocabulary, exactVocabulary = lexicon.exactVocabulary
        let checkExact = exactVocabulary.count > 0
        var others = OtherTokenIDs(vocabulary: vocabulary, exactVocabulary: exactVocabulary)
        defer { others.deallocate() }
        let folded = [Int32](unsafeUninitializedCapacity: tokens.count) { folded, initialized in
            source.utf8.withUnsafeBufferPointer { bytes in
                tokens.withUnsafeBufferPointer { tokens in
                    for i in tokens.indices {
                        let token = tokens[i]
                        let start = Int(token.startByte), count = Int(token.endByte) &- start
                        let checksExact = checkExact && token.flags.contains(.capitalized)
                        guard let word = WordKey.asciiWord(bytes, at: start, count: count) else {
                            guard let (first, second) = WordKey.asciiWords(bytes, at: start, count: count) else {
                                folded[i] = others.ids(bytes, at: start, count: count, token: i, checksExact: checksExact, exact: &exact)
                                continue
                            }
                            folded[i] = vocabulary.id(words: WordKey.lowercasedASCII(first), WordKey.lowercasedASCII(second), byteCount: count)
                            if checksExact {
                                let id = exactVocabulary.id(words: first, second, byteCount: count)
                                if id != Vocabulary.none { exact.append(ExactID(token: Int32(i), id: id | PhraseTrie.exactBit)) }
                            }
                            continue
                        }
                        folded[i] = vocabulary.id(word: WordKey.lowercasedASCII(word), byteCount: count)
                        if checksExact {
                            let id = exactVocabulary.id(word: word, byteCount: count)
                            if id != Vocabulary.none { exact.append(ExactID(token: Int32(i), id: id | PhraseTrie.exactBit)) }
                        }
                    }
                }
            }
            initialized = tokens.count
        }
        return TokenIDs(folded: folded, exact: exact)
    }

    /// Every phrase of the text: the trie is walked from each token that starts some phrase.
    func match(_ ids: TokenIDs) -> PhraseMatches {
        // News text has about one match per three tokens: the buffers hold one per two before growing.
        PhraseMatches.build(count: ids.folded.count, expected: ids.folded.count / 2) { found in
            lexicon.trie.withReader { trie in
                ids.folded.withUnsafeBufferPointer { folded in
                    ids.exact.withUnsafeBufferPointer { exact in
                        var walk = PhraseWalk(trie: trie, folded: folded, exact: exact)
                        var (start, node) = walk.nextStart(from: 0)
                        while start < folded.count {
                            var kinds = walk.longest(from: start, node: node)
                            if kinds != 0 { found.start(at: start, kinds: kinds) }
                            while kinds != 0 {
                                let kind = kinds.trailingZeroBitCount
                                let phrase = walk.best[kind]
                                found.add(PhraseMatch(start: Int32(truncatingIfNeeded: start), end: phrase.end, entry: phrase.entry), kind: kind)
                                kinds &= kinds &- 1
                            }
                            (start, node) = walk.nextStart(from: start &+ 1)
                        }
                    }
                }
            }
        }
    }
}
