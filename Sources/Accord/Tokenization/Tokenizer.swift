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
private struct TokenSink {
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
private struct ChunkScanner {
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
    private let classes = ByteClass.table
    /// The case flag of each ASCII letter and digit, likewise.
    private let leadFlags = ByteClass.leadFlags

    init(abbreviations: Abbreviations, output: UnsafeMutableBufferPointer<Token>) {
        self.abbreviations = abbreviations
        tokens = TokenSink(output)
    }

    @inline(__always) private func byteClass(_ byte: UInt8) -> ByteClass {
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
    private func isSpaceOrNonASCII(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byteClass(byte) == .space
    }

    /// The flags of a chunk's first token, from the white space before it.
    @inline(__always)
    private func firstTokenFlags(sawSpace: Bool, lineBreaks: Int) -> Token.Flags {
        var flags: Token.Flags = []
        if sawSpace || tokens.isEmpty { flags.insert(.spaceBefore) }
        if lineBreaks > 0 { flags.insert(.lineBefore) }
        if lineBreaks > 1 { flags.insert(.blankLineBefore) }
        return flags
    }

    /// Gathers the scalars of the chunk at `i` up to the next white space and runs the full scanner
    /// over them; moves `i` and `skew` past the chunk.
    private mutating func fullChunk(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ skew: inout Int) {
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

    // MARK: - The fast path: chunks of the common shape

    /// The end of the commonest chunk, a bare word of ASCII letters and digits followed by white
    /// space or the end of the text; nil for any other chunk (and for `cannot`, which splits).
    /// Sets `wordEnd` to the end of the run of letters and digits at `i`, for the next shapes tried.
    @inline(__always)
    private func bareWordEnd(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, wordEnd: inout Int) -> Int? {
        guard byteClass(p[i]) == .alphanumeric else { wordEnd = i; return nil }
        let j = AlphanumericRun.end(p, from: i &+ 1, n)
        wordEnd = j
        guard j == n || byteClass(p[j]) == .space else { return nil }
        if Self.mayBeCannot(p, i, j) && Self.isCannot(p + i) { return nil }
        return j
    }

    /// Emits the bare word at bytes `i..<end`, then each further bare word that follows after a
    /// single space (flagged `spaceBefore` only: no line break lies between); leaves `i` past the
    /// last one and the single space after it, if any text follows that space. Returns whether the
    /// text at `i` was found not to be a bare word, with `wordEnd` then as `bareWordEnd` set it there.
    @inline(__always)
    private mutating func emitBareWords(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ end: Int, skew: Int,
                                        flags: Token.Flags, sawSpace: inout Bool, wordEnd: inout Int) -> Bool {
        var start = i, end = end, flags = flags
        while true {
            emitBareWord(p[start], start, end, skew: skew, flags: flags)
            // A space that ends the text is left to `run`, like other white space.
            guard end &+ 1 < n && p[end] == 0x20 else { i = end; return false }
            sawSpace = true
            i = end &+ 1
            // A full sink stores nothing more, and `run` stops at the next chunk: no check per word.
            guard let next = bareWordEnd(p, n, i, wordEnd: &wordEnd) else { return true }
            sawSpace = false
            start = i
            end = next
            flags = .spaceBefore
        }
    }

    /// Emits the bare word at bytes `i..<j`, one scalar per byte, starting with `lead`.
    @inline(__always)
    private mutating func emitBareWord(_ lead: UInt8, _ i: Int, _ j: Int, skew: Int, flags: Token.Flags) {
        guard tokens.reserve(1) else { return }
        emitFast(i, j, i &- skew, j &- skew, .word, flags.union(caseFlag(lead)))
    }

    /// The flag for a word's first byte, an ASCII letter or digit.
    @inline(__always)
    private func caseFlag(_ lead: UInt8) -> Token.Flags {
        Token.Flags(rawValue: leadFlags[Int(lead)])
    }

    /// The commonest chunk after a bare word: a word of ASCII letters and digits with one closing mark
    /// or period after it (`said,` `Iran.` `Inc.`), then white space or the text's end. Emits it as
    /// `fastChunk` would, with less to rule out, and moves `i` past it; returns false, having emitted
    /// nothing, for any other chunk and for `1.` to `999.` and `cannot`, which take the longer paths.
    /// `wordEnd` is where the run of letters and digits at `i` ends (`i` when there is none).
    @inline(__always)
    private mutating func emitWordAndMark(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, wordEnd mark: Int, skew: Int) -> Bool {
        let start = i
        guard mark != start, mark < n, mark &+ 1 == n || byteClass(p[mark &+ 1]) == .space else { return false }
        let markClass = byteClass(p[mark])
        guard markClass == .closing || markClass == .period else { return false }
        let lead = p[start]
        let length = mark &- start
        if Self.mayBeCannot(p, start, mark) && Self.isCannot(p + start) { return false }
        var keepsPeriod = false
        if markClass == .period {
            if length <= 3 && lead &- 0x30 < 10 { return false } // perhaps a list marker
            if length == 1 && lead &- 0x41 < 26 {
                keepsPeriod = true // an initial
            } else if length <= 12 {
                keepsPeriod = abbreviations.kind(ofUTF8: UnsafeBufferPointer(start: p + start, count: length &+ 1)) != nil
            }
        }
        let end = mark &+ 1
        i = end
        guard tokens.reserve(2) else { return true }
        let scalar = start &- skew
        let flags = pendingFlags.union(caseFlag(lead))
        if keepsPeriod {
            emitFast(start, end, scalar, scalar &+ length &+ 1, .word, flags.union(.periodWord))
        } else {
            emitFast(start, mark, scalar, scalar &+ length, .word, flags)
            emitFast(mark, end, scalar &+ length, scalar &+ length &+ 1, p[mark] == 0x22 ? .quote : .punct, [])
        }
        return true
    }

    /// Most chunks of news text are a word with an opening mark or two before it and plain closing
    /// punctuation after it. For those the rules below have nothing to decide, so they are emitted
    /// straight from the bytes; every other chunk (clitics, initialisms, URLs, numbers with
    /// separators, ellipses, emoji...) takes the full scanner.
    ///
    /// The shape: opening `(` `"` `“`; a word of ASCII letters and digits that starts with one, with
    /// Latin-1 and Latin Extended-A letters inside and single hyphens between its parts; then either
    /// a clitic `'s` `'d` `'m` (split off) or a period, kept when the word is an initial, an initialism
    /// like `U.S.` or a listed abbreviation (`1.` to `999.` opening a chunk go to the full scanner:
    /// they may be list markers); closing `,` `;` `:` `)` `"` `!` `?` `.` `”`.
    /// On that shape, emits the chunk, moves `i` and `skew` past it and returns true; on any other,
    /// emits nothing and returns false.
    @inline(__always)
    private mutating func fastChunk(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ skew: inout Int) -> Bool {
        // Offsets stay below 2^31 (the text's limit): the arithmetic below wraps rather than checks.
        let start = i
        var j = start
        while j < n && byteClass(p[j]) != .alphanumeric {
            let c = p[j]
            if c == 0x28 || c == 0x22 { j &+= 1 } // ( "
            else if c == 0xE2 && j + 2 < n && p[j + 1] == 0x80 && p[j + 2] == 0x9C { j &+= 3 } // “
            else { return false }
        }
        let wordStart = j
        guard j < n else { return false }
        j &+= 1
        var lastPart = wordStart
        var continuationBytes = 0
        while true {
            j = AlphanumericRun.end(p, from: j, n)
            guard j < n else { break }
            if Self.isLatinLetter(p, j, n) { j += 2; continuationBytes += 1; continue }
            if p[j] == 0x2D && j + 1 < n && (byteClass(p[j + 1]) == .alphanumeric || Self.isLatinLetter(p, j + 1, n)) {
                j += 1
                lastPart = j
                continue
            }
            break
        }
        let wordEnd = j
        if wordEnd &- wordStart == 6 && Self.isCannot(p + wordStart) { return false }
        let cliticEnd = self.cliticEnd(p, n, wordEnd)
        if cliticEnd != wordEnd {
            j = cliticEnd
            // A period after `Mexico's` makes the full scanner ask whether it is kept: left to it.
            if j < n && p[j] == 0x2E { return false }
        }
        var keepsPeriod = false
        if j < n && p[j] == 0x2E {
            // `1.` to `999.` alone may be a list marker: the full scanner decides.
            if wordStart == start && wordEnd - wordStart <= 3 && p[wordStart] &- 0x30 < 10 { return false }
            let scalars = wordEnd - wordStart - continuationBytes
            if let end = Self.initialismEnd(p, n, wordStart, j) {
                keepsPeriod = true // `U.S.`
                j = end
            } else {
                if scalars == 1 && p[wordStart] &- 0x41 < 26 {
                    keepsPeriod = true // an initial
                } else if scalars <= 12 {
                    keepsPeriod = abbreviations.kind(ofUTF8: UnsafeBufferPointer(start: p + lastPart, count: j + 1 - lastPart)) != nil
                }
                if keepsPeriod { j += 1 }
            }
        }
        let closingStart = j
        closing: while j < n {
            switch byteClass(p[j]) {
            case .closing: j += 1
            case .space: break closing
            case .period: // one period; a run of them is an ellipsis
                if p[j - 1] == 0x2E || (j + 1 < n && p[j + 1] == 0x2E) { return false }
                j += 1
            default:
                guard p[j] == 0xE2 && j + 2 < n && p[j + 1] == 0x80 && p[j + 2] == 0x9D else { return false } // ”
                j += 3
            }
        }
        // No more tokens than bytes: one check makes room for the whole chunk.
        guard tokens.reserve(j &- start) else {
            i = j
            return true
        }
        // Emit: the opening marks, the word, the closing marks; one scalar each but the word.
        var flags = pendingFlags
        var k = start
        var scalar = start &- skew
        while k < wordStart {
            let wide = p[k] == 0xE2
            let kind: Token.Kind = p[k] == 0x28 ? .punct : .quote
            emitFast(k, wide ? k &+ 3 : k &+ 1, scalar, scalar &+ 1, kind, flags)
            flags = []
            k &+= wide ? 3 : 1
            scalar &+= 1
        }
        let lead = p[wordStart]
        flags.insert(caseFlag(lead))
        if keepsPeriod { flags.insert(.periodWord) }
        // The word runs on to its kept period, or stops at its clitic.
        let wordTokenEnd = cliticEnd == wordEnd ? closingStart : wordEnd
        let wordScalars = wordTokenEnd &- wordStart &- continuationBytes
        emitFast(wordStart, wordTokenEnd, scalar, scalar &+ wordScalars, .word, flags)
        scalar &+= wordScalars
        if cliticEnd != wordEnd {
            emitFast(wordEnd, cliticEnd, scalar, scalar &+ 2, .word, [])
            scalar &+= 2
        }
        k = closingStart
        while k < j {
            let wide = p[k] == 0xE2
            let kind: Token.Kind = wide || p[k] == 0x22 ? .quote : .punct
            emitFast(k, wide ? k &+ 3 : k &+ 1, scalar, scalar &+ 1, kind, [])
            k &+= wide ? 3 : 1
            scalar &+= 1
        }
        i = j
        skew = j &- scalar
        return true
    }

    /// The end, past its last period, of an initialism (`U.S.`, `e.g.`) whose first run of letters is
    /// bytes `wordStart..<dot`: two or more runs of one or two ASCII letters, each closed by a period,
    /// which `keepsPeriod` keeps whole with the last period; nil for any other shape.
    @inline(__always)
    private static func initialismEnd(_ p: UnsafePointer<UInt8>, _ n: Int, _ wordStart: Int, _ dot: Int) -> Int? {
        guard dot &- wordStart <= 2, isASCIILetter(p[wordStart]), isASCIILetter(p[dot &- 1]) else { return nil }
        var j = dot &+ 1
        var runs = 1
        while j < n && isASCIILetter(p[j]) {
            let run = j
            repeat { j &+= 1 } while j < n && isASCIILetter(p[j])
            guard j &- run <= 2, j < n, p[j] == 0x2E else { return nil }
            j &+= 1
            runs &+= 1
        }
        return runs >= 2 ? j : nil
    }

    @inline(__always) private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// A chunk that is a dash or a bullet alone (a run of `-`, or one `—` `–` `•`): one punctuation
    /// token, as `scanOther` gives. On that shape, emits it, moves `i` and `skew` past it and returns
    /// true; on any other, returns false.
    @inline(__always)
    private mutating func markChunk(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ skew: inout Int) -> Bool {
        let start = i
        var j = start
        let scalars: Int
        if p[j] == 0x2D {
            repeat { j &+= 1 } while j < n && p[j] == 0x2D
            scalars = j &- start
        } else if p[j] == 0xE2 && j + 2 < n && p[j &+ 1] == 0x80 && (p[j &+ 2] == 0x94 || p[j &+ 2] == 0x93 || p[j &+ 2] == 0xA2) {
            j &+= 3
            scalars = 1
        } else {
            return false
        }
        guard j == n || byteClass(p[j]) == .space else { return false }
        let scalar = start &- skew
        if tokens.reserve(1) { emitFast(start, j, scalar, scalar &+ scalars, .punct, pendingFlags) }
        i = j
        skew = j &- (scalar &+ scalars)
        return true
    }

    /// The end of a clitic `'s`, `'d` or `'m` (either apostrophe, either case) at byte `j`, right
    /// after an ASCII letter, as `emitWord` splits it off (`Mexico's`); `j` itself when there is none.
    /// Whatever follows the clitic is for the caller to check.
    @inline(__always)
    private func cliticEnd(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int) -> Int {
        guard j < n, byteClass(p[j &- 1]) == .alphanumeric, p[j &- 1] &- 0x30 >= 10 else { return j }
        let k: Int
        if p[j] == 0x27 {
            k = j &+ 1
        } else if p[j] == 0xE2 && j + 2 < n && p[j &+ 1] == 0x80 && p[j &+ 2] == 0x99 { // ’
            k = j &+ 3
        } else {
            return j
        }
        guard k < n else { return j }
        let letter = p[k] | 0x20
        return letter == 0x73 || letter == 0x64 || letter == 0x6D ? k &+ 1 : j
    }

    @inline(__always)
    private mutating func emitFast(_ startByte: Int, _ endByte: Int, _ startScalar: Int, _ endScalar: Int,
                                   _ kind: Token.Kind, _ flags: Token.Flags) {
        tokens.appendReserved(Token(startScalar: Int32(truncatingIfNeeded: startScalar), endScalar: Int32(truncatingIfNeeded: endScalar),
                                    startByte: Int32(truncatingIfNeeded: startByte), endByte: Int32(truncatingIfNeeded: endByte),
                                    kind: kind, flags: flags))
    }

    /// A letter of U+00C0–U+017F (Latin-1 letters and Latin Extended-A: `á`, `ñ`, `ł`) at byte `j`,
    /// two bytes long; not `×` or `÷`.
    @inline(__always)
    private static func isLatinLetter(_ p: UnsafePointer<UInt8>, _ j: Int, _ n: Int) -> Bool {
        let lead = p[j]
        guard lead &- 0xC3 < 3, j + 1 < n else { return false }
        let next = p[j + 1]
        return next & 0xC0 == 0x80 && !(lead == 0xC3 && (next == 0x97 || next == 0xB7))
    }

    /// Whether the word at bytes `i..<j` is six bytes long and starts with `c` or `C`: one branch,
    /// seldom taken, where the length alone would be a hard-to-predict branch at every word.
    @inline(__always)
    private static func mayBeCannot(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int) -> Bool {
        (UInt(p[i] | 0x20) ^ 0x63) | (UInt(bitPattern: j &- i) ^ 6) == 0
    }

    /// `cannot` in any case (split as `can` `not`), from the six bytes at `p`.
    @inline(__always)
    private static func isCannot(_ p: UnsafePointer<UInt8>) -> Bool {
        let raw = UnsafeRawPointer(p)
        let head = UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)) | 0x2020_2020
        let tail = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt16.self)) | 0x2020
        return head == 0x6E_6E_61_63 && tail == 0x74_6F // "nnac" and "to": `cannot`'s bytes, little-endian
    }

    // MARK: - One chunk

    private mutating func flushChunk(endByte: Int) {
        b.append(Int32(endByte))
        scanChunk()
        s.removeAll(keepingCapacity: true)
        b.removeAll(keepingCapacity: true)
    }

    @inline(__always) private func at(_ k: Int) -> UInt32 { k >= 0 && k < s.count ? s[k] : 0 }

    private mutating func emit(_ from: Int, _ to: Int, _ kind: Token.Kind, extra: Token.Flags = []) {
        var flags = pendingFlags.union(extra)
        pendingFlags = []
        let first = s[from]
        if Scalars.isUppercase(first) { flags.insert(.capitalized) } else if Scalars.isLowercase(first) { flags.insert(.lowercase) }
        if Scalars.isDigit(first) { flags.insert(.numeric) }
        tokens.append(Token(startScalar: Int32(chunkScalarStart + from), endScalar: Int32(chunkScalarStart + to),
                            startByte: b[from], endByte: b[to], kind: kind, flags: flags))
    }

    private mutating func scanChunk() {
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            if Scalars.isAlphanumeric(c) || (c == 0x40 && Scalars.isAlphanumeric(at(i + 1)) && i == 0)
                || (c == 0x2E && Scalars.isDigit(at(i + 1)) && !Scalars.isAlphanumeric(at(i - 1))) { // .50-caliber
                i = scanWord(from: i)
                continue
            }
            i = scanOther(from: i)
        }
    }

    /// A word, number, URL or e-mail address starting at `i`; returns where it ends.
    private mutating func scanWord(from i: Int) -> Int {
        let n = s.count
        if let end = urlEnd(from: i) {
            emit(i, end, .word)
            return end
        }
        var j = i + 1
        scan: while j < n {
            let c = s[j]
            if Scalars.isAlphanumeric(c) || c == 0x5F { j += 1; continue }
            let prev = s[j - 1], next = at(j + 1)
            switch c {
            case 0x2E: // .
                if Scalars.isAlphanumeric(next) { j += 1; continue }
                // `U.S.-Mexico`: an initialism joined by a hyphen.
                if isHyphen(next) && Scalars.isAlphanumeric(at(j + 2)) && keepsPeriod(i, j) { j += 2; continue }
                break scan
            case 0x2D, 0x2010, 0x2011: // hyphens
                if (Scalars.isAlphanumeric(prev) || prev == 0x2E) && Scalars.isAlphanumeric(next) { j += 1; continue }
                break scan
            case 0x2013: // en dash between numbers: 2021–22
                if Scalars.isDigit(prev) && Scalars.isDigit(next) { j += 1; continue }
                break scan
            case 0x2C, 0x3A: // , :  inside numbers
                if Scalars.isDigit(prev) && Scalars.isDigit(next) { j += 1; continue }
                break scan
            case 0x2F: // /  10/8/2021, and/or
                if Scalars.isAlphanumeric(prev) && Scalars.isAlphanumeric(next) { j += 1; continue }
                break scan
            case 0x27, 0x2019: // apostrophe inside a word: O'Brien, don't (clitics split below)
                if Scalars.isLetter(prev) && Scalars.isLetter(next) { j += 1; continue }
                break scan
            case 0x26: // AT&T
                if Scalars.isUppercase(prev) && Scalars.isUppercase(next) { j += 1; continue }
                break scan
            case 0x40: // e-mail
                if Scalars.isAlphanumeric(prev) && Scalars.isAlphanumeric(next) {
                    j = emailEnd(from: j + 1)
                    emit(i, j, .word)
                    return j
                }
                break scan
            default:
                break scan
            }
        }
        var flags: Token.Flags = []
        if isListNumber(i, j) {
            j += 1 // `1.` opening a line is a list marker, not a sentence end
        } else if j < n && s[j] == 0x2E && at(j + 1) != 0x2E && keepsPeriod(i, j) {
            j += 1
            flags.insert(.periodWord)
        }
        emitWord(i, j, flags)
        return j
    }

    /// `1.`–`999.` as a whole chunk at the start of a line.
    private func isListNumber(_ i: Int, _ j: Int) -> Bool {
        guard i == 0, j + 1 == s.count, s[j] == 0x2E, j - i <= 3,
              pendingFlags.contains(.lineBefore) || tokens.isEmpty else { return false }
        return (i..<j).allSatisfy { Scalars.isDigit(s[$0]) }
    }

    /// Emits a word, splitting clitics: `Mexico's`, `wasn't`, `they're`, `cannot`.
    private mutating func emitWord(_ i: Int, _ j: Int, _ flags: Token.Flags) {
        let length = j - i
        if length >= 4, lower(j - 3) == 0x6E, isApostrophe(s[j - 2]), lower(j - 1) == 0x74 { // n't
            emit(i, j - 3, .word, extra: flags.subtracting(.periodWord)); emit(j - 3, j, .word); return
        }
        if length >= 3, isApostrophe(s[j - 2]), [0x73, 0x64, 0x6D].contains(lower(j - 1)) { // 's 'd 'm
            emit(i, j - 2, .word, extra: flags.subtracting(.periodWord)); emit(j - 2, j, .word); return
        }
        if length >= 4, isApostrophe(s[j - 3]),
           (lower(j - 2) == 0x72 && lower(j - 1) == 0x65) || (lower(j - 2) == 0x76 && lower(j - 1) == 0x65)
            || (lower(j - 2) == 0x6C && lower(j - 1) == 0x6C) { // 're 've 'll
            emit(i, j - 3, .word, extra: flags.subtracting(.periodWord)); emit(j - 3, j, .word); return
        }
        if length == 6, lower(i) == 0x63, lower(i + 1) == 0x61, lower(i + 2) == 0x6E, lower(i + 3) == 0x6E,
           lower(i + 4) == 0x6F, lower(i + 5) == 0x74 { // cannot
            emit(i, i + 3, .word, extra: flags); emit(i + 3, j, .word); return
        }
        emit(i, j, .word, extra: flags)
    }

    /// Punctuation, quotes, symbols and emoji starting at `i`; returns where the token ends.
    private mutating func scanOther(from i: Int) -> Int {
        let n = s.count
        let c = s[i]
        switch c {
        case 0x2E: // . or an ellipsis of dots
            var j = i + 1
            while j < n && s[j] == 0x2E { j += 1 }
            emit(i, j, .punct)
            return j
        case 0x2D: // - or --
            var j = i + 1
            while j < n && s[j] == 0x2D { j += 1 }
            emit(i, j, .punct)
            return j
        case 0x27, 0x2019: // ' ’ : a clitic after a word, a possessive, or a quote mark
            let prevIsWord = i > 0 && tokens.last.map { $0.kind == .word && Int($0.endScalar) == chunkScalarStart + i } == true
            if prevIsWord, let end = cliticEnd(from: i) {
                emit(i, end, .word)
                return end
            }
            if prevIsWord && (s[i - 1] == 0x73 || s[i - 1] == 0x53) && !Scalars.isLetter(at(i + 1)) && !openSingleQuote {
                emit(i, i + 1, .word) // cartels'
                return i + 1
            }
            if c == 0x27 && at(i + 1) == 0x27 { // '' as a closing quote
                emit(i, i + 2, .quote)
                openSingleQuote = false
                return i + 2
            }
            let opening = !prevIsWord && (Scalars.isAlphanumeric(at(i + 1)) || isQuote(at(i + 1)))
            openSingleQuote = opening
            emit(i, i + 1, .quote)
            return i + 1
        case 0x60: // ` or ``
            let j = at(i + 1) == 0x60 ? i + 2 : i + 1
            emit(i, j, .quote)
            return j
        case 0x2018: // ‘
            openSingleQuote = true
            emit(i, i + 1, .quote)
            return i + 1
        default:
            break
        }
        if isQuote(c) {
            emit(i, i + 1, .quote)
            return i + 1
        }
        if Scalars.isEmojiStart(c) {
            let j = emojiEnd(from: i)
            emit(i, j, .symbol)
            return j
        }
        emit(i, i + 1, Scalars.isPunctuation(c) ? .punct : .symbol)
        return i + 1
    }

    // MARK: - Helpers

    @inline(__always) private func lower(_ k: Int) -> UInt32 {
        let v = s[k]
        return v >= 0x41 && v <= 0x5A ? v + 0x20 : v
    }

    @inline(__always) private func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 }

    @inline(__always) private func isHyphen(_ v: UInt32) -> Bool { v == 0x2D || v == 0x2010 || v == 0x2011 }

    private func isQuote(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A, 0x2018, 0x2019, 0x201A, 0x27, 0x60,
             0x300C, 0x300D:
            return true
        default:
            return false
        }
    }

    /// `'s`, `’re`, `'ll`… after a word that ended before the apostrophe (`U.S.'s`).
    private func cliticEnd(from i: Int) -> Int? {
        var j = i + 1
        while j < s.count && Scalars.isLetter(s[j]) { j += 1 }
        if j < s.count && Scalars.isAlphanumeric(s[j]) { return nil }
        let letters = (i + 1..<j).map { lower($0) }
        switch letters {
        case [0x73], [0x64], [0x6D], [0x72, 0x65], [0x76, 0x65], [0x6C, 0x6C]: return j
        default: return nil
        }
    }

    /// Whether the period at `dot` belongs to the word `s[i..<dot]`: an initial, an initialism with
    /// inner periods of one or two letters, or a listed abbreviation.
    private func keepsPeriod(_ i: Int, _ dot: Int) -> Bool {
        let length = dot - i
        if length == 1 && Scalars.isUppercase(s[i]) { return true }
        var hasInnerPeriod = false
        var run = 0
        var initialism = true
        for k in i..<dot {
            if s[k] == 0x2E { hasInnerPeriod = true; if run == 0 || run > 2 { initialism = false }; run = 0 }
            else if Scalars.isLetter(s[k]) && !Scalars.isDigit(s[k]) { run += 1 }
            else { initialism = false; break }
        }
        if run == 0 || run > 2 { initialism = false }
        if hasInnerPeriod && initialism { return true }
        if length > 12 { return false }
        // `D-Ariz.`: a hyphenated word keeps the period of its last part's abbreviation.
        var first = i
        for k in i..<dot where isHyphen(s[k]) { first = k + 1 }
        return abbreviations.kind(ofUTF8: UnsafeBufferPointer(rebasing: text[Int(b[first])...Int(b[dot])])) != nil
    }

    private func urlEnd(from i: Int) -> Int? {
        switch lower(i) {
        case 0x68, 0x66, 0x77: break // h f w
        default: return nil
        }
        let n = s.count
        func matches(_ prefix: String) -> Bool {
            var k = i
            for u in prefix.unicodeScalars {
                guard k < n, lower(k) == u.value else { return false }
                k += 1
            }
            return k < n && Scalars.isAlphanumeric(s[k]) || prefix.hasSuffix("//")
        }
        guard matches("http://") || matches("https://") || matches("ftp://") || matches("www.") else { return nil }
        var j = n
        // Trailing sentence punctuation and closing marks are not part of the address.
        while j > i + 4 {
            switch s[j - 1] {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x3E:
                j -= 1
            default:
                return j
            }
        }
        return j
    }

    private func emailEnd(from i: Int) -> Int {
        var j = i
        while j < s.count {
            let c = s[j]
            if Scalars.isAlphanumeric(c) || c == 0x2D || c == 0x5F || c == 0x2B { j += 1; continue }
            if c == 0x2E && Scalars.isAlphanumeric(at(j + 1)) { j += 1; continue }
            break
        }
        return j
    }

    /// An emoji cluster: a pictograph with modifiers and ZWJ-joined parts, or a pair of regional indicators.
    private func emojiEnd(from i: Int) -> Int {
        let n = s.count
        var j = i + 1
        if Scalars.isRegionalIndicator(s[i]) {
            return j < n && Scalars.isRegionalIndicator(s[j]) ? j + 1 : j
        }
        while j < n {
            if Scalars.isEmojiModifier(s[j]) { j += 1; continue }
            if s[j] == Scalars.zeroWidthJoiner && j + 1 < n && Scalars.isEmojiStart(s[j + 1]) { j += 2; continue }
            break
        }
        return j
    }
}

/// What the fast path needs to know of a byte, from one table look-up.
private enum ByteClass: UInt8 {
    case other
    /// An ASCII letter or digit.
    case alphanumeric
    /// ASCII white space.
    case space
    /// `,` `;` `:` `)` `"` `!` `?`: closing marks the fast path emits one by one.
    case closing
    case period

    /// Each byte's class as its raw value.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: ByteClass.other.rawValue, count: 256)
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = ByteClass.alphanumeric.rawValue }
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = ByteClass.alphanumeric.rawValue }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = ByteClass.alphanumeric.rawValue }
        for b: UInt8 in [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D] { table[Int(b)] = ByteClass.space.rawValue }
        for b in ",;:)\"!?".utf8 { table[Int(b)] = ByteClass.closing.rawValue }
        table[Int(UInt8(ascii: "."))] = ByteClass.period.rawValue
        return UnsafePointer(table)
    }()

    /// The flag a word gets from its first byte: `capitalized` for A–Z, `lowercase` for a–z,
    /// `numeric` for 0–9 (and, unused, for any other byte).
    nonisolated(unsafe) static let leadFlags: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: Token.Flags.numeric.rawValue, count: 256)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = Token.Flags.lowercase.rawValue }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = Token.Flags.capitalized.rawValue }
        return UnsafePointer(table)
    }()
}
