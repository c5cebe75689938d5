/// Splits text into Penn Treebank–style tokens (SPEC "Tokens"): clitics split, abbreviations keep
/// their periods, hyphenated words and numbers whole, URLs, e-mails and emoji one token each.
///
/// Works in one pass over the UTF-8 bytes: white space cuts the text into chunks, and each chunk is
/// scanned left to right with one scalar of look-ahead. Offsets are integers; nothing is copied.
/// - Complexity: O(n) in the length of the text.
struct Tokenizer: Sendable {
    let abbreviations: Abbreviations
    /// Off only in tests, which check that the fast path gives exactly what the full scanner gives.
    var usesFastPath = true

    func tokenize(_ text: SourceText) -> [Token] {
        // Tokens are written straight into the array's storage. A quarter of the byte count is room
        // enough for prose (news averages one token per five or six bytes); text denser in tokens
        // is tokenized again with room for one token per byte, the most there can be.
        let bytes = text.utf8.count
        if let tokens = tokenize(text, capacity: bytes / 4 + 16) { return tokens }
        return tokenize(text, capacity: bytes + 1) ?? []
    }

    private func tokenize(_ text: SourceText, capacity: Int) -> [Token]? {
        var complete = false
        let tokens = [Token](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
            var scanner = ChunkScanner(abbreviations: abbreviations, output: buffer)
            scanner.usesFastPath = usesFastPath
            text.utf8.withUnsafeBufferPointer { scanner.run($0) }
            complete = !scanner.tokens.overflowed
            initialized = complete ? scanner.tokens.count : 0
        }
        return complete ? tokens : nil
    }
}

/// The tokens written so far, in memory the caller owns; appending past its capacity sets
/// `overflowed` and stores nothing.
struct TokenSink {
    let buffer: UnsafeMutableBufferPointer<Token>
    private(set) var count = 0
    private(set) var overflowed = false

    init(_ buffer: UnsafeMutableBufferPointer<Token>) {
        self.buffer = buffer
    }

    var isEmpty: Bool { count == 0 }
    var last: Token? { count > 0 ? buffer[count - 1] : nil }

    @inline(__always) mutating func append(_ token: Token) {
        guard count < buffer.count else { overflowed = true; return }
        buffer.initializeElement(at: count, to: token)
        count += 1
    }

    /// Whether `k` more tokens fit; when they do not, the sink is marked overflowed.
    @inline(__always) mutating func reserve(_ k: Int) -> Bool {
        if buffer.count &- count >= k { return true }
        overflowed = true
        return false
    }

    /// Appends a token that `reserve` made room for, without checking again.
    @inline(__always) mutating func appendReserved(_ token: Token) {
        buffer.initializeElement(at: count, to: token)
        count &+= 1
    }
}

/// The tokenizer's working state: the current chunk's scalars and their byte offsets.
struct ChunkScanner {
    let abbreviations: Abbreviations
    var tokens: TokenSink
    var usesFastPath = true
    /// Scalars of the current chunk, and the byte offset of each (plus one past the end).
    var s: [UInt32] = []
    var b: [Int32] = []
    var chunkScalarStart = 0
    /// Flags for the next token emitted: the white space before it.
    var pendingFlags: Token.Flags = []
    /// An opening single quote is waiting for its close (so `s'` is a quote, not a possessive).
    var openSingleQuote = false
    /// The text being scanned.
    var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// The byte class table, held here so the inner loops load it once.
    let classes = ByteClass.table
    /// The case flag of each ASCII letter and digit, likewise.
    let leadFlags = ByteClass.leadFlags
    /// The flag of each one-byte mark, likewise.
    let markFlags = ByteClass.markFlags

    init(abbreviations: Abbreviations, output: UnsafeMutableBufferPointer<Token>) {
        self.abbreviations = abbreviations
        tokens = TokenSink(output)
    }

    @inline(__always) func byteClass(_ byte: UInt8) -> ByteClass {
        ByteClass(rawValue: classes[Int(byte)]).unsafelyUnwrapped
    }

    /// Cuts the text into chunks at white space and tokenizes each; stops early once the sink is full
    /// (the caller then tries again with more room).
    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let p = bytes.baseAddress else { return }
        text = bytes
        let n = bytes.count
        var i = 0
        /// UTF-8 continuation bytes before `i`: the scalar offset of byte `i` is `i - skew`.
        var skew = 0
        var lineBreaks = 0
        var sawSpace = false
        while i < n && !tokens.overflowed {
            let byte = p[i]
            if byte < 0x80 {
                if byteClass(byte) == .space {
                    sawSpace = true
                    // U+000A–U+000D break lines; CRLF is one line break.
                    if byte &- 0x0A < 4 && !(byte == 0x0A && i > 0 && p[i - 1] == 0x0D) { lineBreaks += 1 }
                    i &+= 1
                    continue
                }
            } else {
                let (value, length) = Folding.decode(bytes, i)
                if Scalars.isWhitespace(value) {
                    sawSpace = true
                    if Scalars.isLineBreak(value) { lineBreaks += 1 }
                    i += length
                    skew += length - 1
                    continue
                }
            }
            var flags = firstTokenFlags(sawSpace: sawSpace, lineBreaks: lineBreaks)
            if lineBreaks > 0 { openSingleQuote = false }
            sawSpace = false
            lineBreaks = 0
            guard usesFastPath else {
                pendingFlags = flags
                fullChunk(bytes, &i, &skew)
                continue
            }
            // Chunks one space apart, the commonest layout, follow each other here without going
            // back to the white-space loop above.
            while true {
                var wordEnd = i
                if let end = bareWordEnd(p, n, i, wordEnd: &wordEnd) {
                    // Back to the loop above, unless the words stopped before a chunk of another shape.
                    guard emitBareWords(p, n, &i, end, skew: skew, flags: flags, sawSpace: &sawSpace, wordEnd: &wordEnd),
                          !isSpaceOrNonASCII(p[i]) else { break }
                    sawSpace = false
                    flags = .spaceBefore
                }
                pendingFlags = flags
                if !emitWordAndMark(p, n, &i, wordEnd: wordEnd, skew: skew) && !fastChunk(p, n, &i, &skew) && !markChunk(p, n, &i, &skew) {
                    fullChunk(bytes, &i, &skew)
                }
                // `i` is at white space or the text's end.
                guard i &+ 1 < n, p[i] == 0x20, !isSpaceOrNonASCII(p[i &+ 1]), !tokens.overflowed else { break }
                i &+= 1
                flags = .spaceBefore
            }
        }
    }

    /// Whether `byte` is ASCII white space or part of a non-ASCII scalar, which may be white space too.
    @inline(__always)
    func isSpaceOrNonASCII(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byteClass(byte) == .space
    }

    /// The flags of a chunk's first token, from the white space before it.
    @inline(__always)
    func firstTokenFlags(sawSpace: Bool, lineBreaks: Int) -> Token.Flags {
        var flags: Token.Flags = []
        if sawSpace || tokens.isEmpty { flags.insert(.spaceBefore) }
        if lineBreaks > 0 { flags.insert(.lineBefore) }
        if lineBreaks > 1 { flags.insert(.blankLineBefore) }
        return flags
    }

    /// Gathers the scalars of the chunk at `i` up to the next white space and runs the full scanner
    /// over them; moves `i` and `skew` past the chunk.
    mutating func fullChunk(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ skew: inout Int) {
        chunkScalarStart = i - skew
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            var value: UInt32
            var length: Int
            if byte < 0x80 {
                value = UInt32(byte); length = 1
            } else {
                (value, length) = Folding.decode(bytes, i)
            }
            if Scalars.isWhitespace(value) { break }
            s.append(value)
            b.append(Int32(i))
            i += length
            skew += length - 1
        }
        flushChunk(endByte: i)
    }
}
