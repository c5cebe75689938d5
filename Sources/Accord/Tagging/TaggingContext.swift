/// What the taggers read: tokens, their vocabulary ids, their sentences, and the lexicon phrases found.
final class TaggingContext {
    let tokens: [Token]
    let source: SourceText
    let sentences: [Sentence]
    let lexicon: TaggingLexicon
    let words: FunctionWords
    /// Sentence index of every token.
    let tokenSentence: SentenceIndex
    /// Folded vocabulary id of every token (the case-exact ids serve phrase matching only, and are
    /// not kept).
    let folded: [Int32]
    /// The lexicon phrases found.
    let phrases: PhraseMatches
    /// The quotations of the document, in order: paired once here for `inQuote` and the quote attributor.
    let quotePairs: [QuoteRegions.Pair]
    /// Whether each token lies inside a pair of quote marks (quote marks themselves excluded).
    let inQuote: QuotedTokens
    /// Paragraph (line) index of every token: news text has one paragraph or item a line.
    let paragraph: ParagraphIndex

    /// - Parameter words: the lexicon's function-word ids, when the caller has looked them up once
    ///   for many documents (looking them up costs more than tagging a short article's sentence).
    init(tokens: [Token], source: SourceText, sentences: [Sentence], lexicon: TaggingLexicon, words: FunctionWords? = nil) {
        self.tokens = tokens
        self.source = source
        self.sentences = sentences
        self.lexicon = lexicon
        self.words = words ?? FunctionWords(lexicon)
        tokenSentence = SentenceIndex(count: tokens.count, sentences: sentences)
        let matcher = PhraseMatcher(lexicon: lexicon)
        let ids = matcher.tokenIDs(tokens, source)
        folded = ids.folded
        phrases = matcher.match(ids)
        (quotePairs, paragraph) = QuoteRegions.scan(tokens, source)
        inQuote = QuotedTokens(quotePairs, count: tokens.count)
    }

    var count: Int { tokens.count }

    /// The matches of a kind, sorted by start.
    func matches(_ kind: PhraseKind) -> PhraseMatches.KindMatches { phrases.matches(kind) }

    /// The match of `kind` starting at token `i`, if any.
    @inline(__always)
    func match(_ kind: PhraseKind, at i: Int) -> PhraseMatch? { phrases.match(kind, at: i) }

    /// The match of `kind` that ends exactly at token `end` and starts after `lowerBound`, if any
    /// (the one starting last, within six tokens of `end`). Asked of many tokens where nothing ends:
    /// that first test is inlined into the callers, the search behind it is not.
    @inline(__always)
    func match(_ kind: PhraseKind, endingAt end: Int, after lowerBound: Int) -> PhraseMatch? {
        phrases.hasMatch(kind, endingAt: end) ? match(kind, knownEndingAt: end, after: lowerBound) : nil
    }

    /// Where the first match of `kind` that starts in `range` starts, if any: a binary search.
    func firstMatchStart(_ kind: PhraseKind, in range: Range<Int>) -> Int? {
        let matches = self.matches(kind)
        let first = partitionIndex(count: matches.count, keyAtLeast: range.lowerBound) { Int(matches[$0].start) }
        return first < matches.count && range.contains(Int(matches[first].start)) ? Int(matches[first].start) : nil
    }

    /// `match(_:endingAt:after:)` once some match of `kind` is known to end at `end`.
    private func match(_ kind: PhraseKind, knownEndingAt end: Int, after lowerBound: Int) -> PhraseMatch? {
        var start = end - 1
        while start >= max(lowerBound, end - 6) {
            if let m = match(kind, at: start), Int(m.end) == end { return m }
            start -= 1
        }
        return nil
    }

    // MARK: - Token tests

    @inline(__always) func flags(_ i: Int) -> Token.Flags { i >= 0 && i < count ? tokens[i].flags : [] }
    @inline(__always) func isCapitalized(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].flags.contains(.capitalized) }
    @inline(__always) func isLowercase(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].flags.contains(.lowercase) }
    @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].kind == .word }
    @inline(__always) func id(_ i: Int) -> Int32 { i >= 0 && i < count ? folded[i] : Vocabulary.none }
    @inline(__always) func wordFlags(_ i: Int) -> WordFlags { i >= 0 && i < count ? lexicon.flags(folded[i]) : [] }
    @inline(__always) func sameSentence(_ a: Int, _ b: Int) -> Bool {
        a >= 0 && b >= 0 && a < count && b < count && tokenSentence[a] == tokenSentence[b]
    }

    /// The first token of the sentence holding `i`.
    func sentenceStart(_ i: Int) -> Int { sentences[Int(tokenSentence[i])].tokens.lowerBound }

    /// The first token of a sentence or line.
    func startsLine(_ i: Int) -> Bool { i == 0 || tokens[i].flags.contains(.lineBefore) || sentenceStart(i) == i }

    /// Sentence-internal punctuation that ends a clause or phrase (`,` `;` `:` `.` `(` `—`).
    func isPunctuation(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].kind == .punct }

    func isQuote(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].kind == .quote }

    /// Whether token `k` ends in the ASCII letters `suffix`, with at least two letters before them.
    func endsIn(_ k: Int, _ suffix: StaticString) -> Bool {
        let bytes = tokens[k].byteRange
        let n = suffix.utf8CodeUnitCount
        guard bytes.count > n + 1 else { return false }
        for j in 0..<n where source.utf8[bytes.upperBound - n + j] != suffix.utf8Start[j] { return false }
        return true
    }

    /// An adverb in `-ly` (`repeatedly`, `openly`): a lower-case word of more than three letters.
    func isLyAdverb(_ k: Int) -> Bool {
        isWord(k) && isLowercase(k) && endsIn(k, "ly")
    }

    /// Whether the token is entirely upper case (a dateline, an acronym): more than one byte, a
    /// capital first (`2021` is no acronym), and no ASCII lower-case letter. Read in place (no slice
    /// of the text to retain).
    func isAllCaps(_ i: Int) -> Bool {
        guard isCapitalized(i) else { return false }
        let start = Int(tokens[i].startByte), end = Int(tokens[i].endByte)
        guard end - start > 1 else { return false }
        return source.utf8.withUnsafeBufferPointer { bytes in
            for k in start..<end where bytes[k] &- 0x61 < 26 { return false }
            return true
        }
    }

    /// A hash of the folded text of some tokens (case and accents aside), built without allocating
    /// for ASCII: keys for names met in this document.
    func foldedHash<S: Sequence>(_ indices: S) -> UInt64 where S.Element == Int {
        var h = TaggingContext.emptyHash
        source.utf8.withUnsafeBufferPointer { bytes in
            for i in indices { hash(token: i, into: &h, bytes) }
        }
        return h
    }

    /// `foldedHash([first, second])` without the array.
    func foldedHash(_ first: Int, _ second: Int) -> UInt64 {
        var h = TaggingContext.emptyHash
        source.utf8.withUnsafeBufferPointer { bytes in
            hash(token: first, into: &h, bytes)
            hash(token: second, into: &h, bytes)
        }
        return h
    }

    private static let emptyHash = FNV1a.offsetBasis

    /// Where `hash(token:into:_:)` folds a non-ASCII token: kept, where a new array was allocated
    /// and freed for each (names with accents are common in this news).
    private var foldScratch: [UInt8] = []

    /// Adds the folded bytes of token `i` and a space to `h` (FNV-1a); nothing when `i` is outside the text.
    @inline(__always)
    private func hash(token i: Int, into h: inout UInt64, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard i >= 0 && i < count else { return }
        let range = tokens[i].byteRange
        for k in range {
            let b = bytes[k]
            if b >= 0x80 {
                foldScratch.removeAll(keepingCapacity: true)
                Folding.fold(UnsafeBufferPointer(rebasing: bytes[k..<range.upperBound]), into: &foldScratch)
                for f in foldScratch { h = FNV1a.mix(h, f) }
                break
            }
            h = FNV1a.mix(h, b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        h = FNV1a.mix(h, 0x20)
    }

    func text(_ range: Range<Int>) -> String {
        source.string(bytes: Int(tokens[range.lowerBound].startByte)..<Int(tokens[range.upperBound - 1].endByte))
    }

    func span(_ range: Range<Int>) -> Span { Span(tokens: tokens, range) }
}

/// Vocabulary ids of the function words rules name, looked up once per lexicon.
struct FunctionWords {
    let to, of, and, or, the, that, s, apostrophe, comma, colon, period, semicolon, according, by, with, not, only, from, a, an, on, in_, forWord: Int32
    let statement, declaration, joint, both, two, we, us, our, it, this, but, also, critics, if_, then, unless, they, who, which, part, meanwhile, alongside, its, since: Int32

    /// Interned by every lexicon, so that their ids are never `Vocabulary.none`.
    static let all = ["to", "of", "and", "or", "the", "that", "'s", "'", ",", ":", ".", ";", "according", "by", "with", "not", "only",
                      "from", "a", "an", "on", "in", "for", "statement", "declaration", "joint", "both", "two", "we", "us", "our", "it",
                      "this", "but", "also", "critics", "if", "then", "unless", "they", "who", "which", "part", "meanwhile", "alongside", "its", "since"]

    init(_ lexicon: TaggingLexicon) {
        func id(_ word: String) -> Int32 { lexicon.id(word) }
        to = id("to"); of = id("of"); and = id("and"); or = id("or"); the = id("the"); that = id("that")
        s = id("'s"); apostrophe = id("'"); comma = id(","); colon = id(":"); period = id("."); semicolon = id(";"); according = id("according"); by = id("by")
        with = id("with"); not = id("not"); only = id("only"); from = id("from"); a = id("a"); an = id("an")
        on = id("on"); in_ = id("in"); forWord = id("for")
        statement = id("statement"); declaration = id("declaration"); joint = id("joint"); both = id("both"); two = id("two")
        we = id("we"); us = id("us"); our = id("our"); it = id("it"); this = id("this"); but = id("but"); also = id("also")
        critics = id("critics"); if_ = id("if"); then = id("then"); unless = id("unless"); they = id("they")
        who = id("who"); which = id("which"); part = id("part"); meanwhile = id("meanwhile"); alongside = id("alongside"); its = id("its"); since = id("since")
    }
}
