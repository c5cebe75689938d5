/// The fast path: chunks of the common shapes (bare words, a word and one mark, clitics,
/// initialisms) emitted straight from the bytes, without the full scanner's scalar buffer.
extension ChunkScanner {
    /// The end of the commonest chunk, a bare word of ASCII letters and digits followed by white
    /// space or the end of the text; nil for any other chunk (and for `cannot`, which splits).
    /// Sets `wordEnd` to the end of the run of letters and digits at `i`, for the next shapes tried.
    @inline(__always)
    func bareWordEnd(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, wordEnd: inout Int) -> Int? {
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
    mutating func emitBareWords(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ end: Int, skew: Int,
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
    mutating func emitBareWord(_ lead: UInt8, _ i: Int, _ j: Int, skew: Int, flags: Token.Flags) {
        guard tokens.reserve(1) else { return }
        emitFast(i, j, i &- skew, j &- skew, .word, flags.union(caseFlag(lead)))
    }

    /// The flag for a word's first byte, an ASCII letter or digit.
    @inline(__always)
    func caseFlag(_ lead: UInt8) -> Token.Flags {
        Token.Flags(rawValue: leadFlags[Int(lead)])
    }

    /// The flag of a one-byte punctuation token: `terminal` for `.` `?` `!`, none for other marks.
    @inline(__always)
    func markFlag(_ byte: UInt8) -> Token.Flags {
        Token.Flags(rawValue: markFlags[Int(byte)])
    }

    /// The commonest chunk after a bare word: a word of ASCII letters and digits with one closing mark
    /// or period after it (`said,` `Iran.` `Inc.`), then white space or the text's end. Emits it as
    /// `fastChunk` would, with less to rule out, and moves `i` past it; returns false, having emitted
    /// nothing, for any other chunk and for `1.` to `999.` and `cannot`, which take the longer paths.
    /// `wordEnd` is where the run of letters and digits at `i` ends (`i` when there is none).
    @inline(__always)
    mutating func emitWordAndMark(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, wordEnd mark: Int, skew: Int) -> Bool {
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
            emitFast(mark, end, scalar &+ length, scalar &+ length &+ 1, p[mark] == 0x22 ? .quote : .punct, markFlag(p[mark]))
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
    mutating func fastChunk(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ skew: inout Int) -> Bool {
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
            emitFast(k, wide ? k &+ 3 : k &+ 1, scalar, scalar &+ 1, kind, markFlag(p[k]))
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
    static func initialismEnd(_ p: UnsafePointer<UInt8>, _ n: Int, _ wordStart: Int, _ dot: Int) -> Int? {
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

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// A chunk that is a dash or a bullet alone (a run of `-`, or one `—` `–` `•`): one punctuation
    /// token, as `scanOther` gives. On that shape, emits it, moves `i` and `skew` past it and returns
    /// true; on any other, returns false.
    @inline(__always)
    mutating func markChunk(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ skew: inout Int) -> Bool {
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
    func cliticEnd(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int) -> Int {
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
    mutating func emitFast(_ startByte: Int, _ endByte: Int, _ startScalar: Int, _ endScalar: Int,
                                   _ kind: Token.Kind, _ flags: Token.Flags) {
        tokens.appendReserved(Token(startScalar: Int32(truncatingIfNeeded: startScalar), endScalar: Int32(truncatingIfNeeded: endScalar),
                                    startByte: Int32(truncatingIfNeeded: startByte), endByte: Int32(truncatingIfNeeded: endByte),
                                    kind: kind, flags: flags))
    }

    /// A letter of U+00C0–U+017F (Latin-1 letters and Latin Extended-A: `á`, `ñ`, `ł`) at byte `j`,
    /// two bytes long; not `×` or `÷`.
    @inline(__always)
    static func isLatinLetter(_ p: UnsafePointer<UInt8>, _ j: Int, _ n: Int) -> Bool {
        let lead = p[j]
        guard lead &- 0xC3 < 3, j + 1 < n else { return false }
        let next = p[j + 1]
        return next & 0xC0 == 0x80 && !(lead == 0xC3 && (next == 0x97 || next == 0xB7))
    }

    /// Whether the word at bytes `i..<j` is six bytes long and starts with `c` or `C`: one branch,
    /// seldom taken, where the length alone would be a hard-to-predict branch at every word.
    @inline(__always)
    static func mayBeCannot(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int) -> Bool {
        (UInt(p[i] | 0x20) ^ 0x63) | (UInt(bitPattern: j &- i) ^ 6) == 0
    }

    /// `cannot` in any case (split as `can` `not`), from the six bytes at `p`.
    @inline(__always)
    static func isCannot(_ p: UnsafePointer<UInt8>) -> Bool {
        let raw = UnsafeRawPointer(p)
        let head = UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)) | 0x2020_2020
        let tail = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt16.self)) | 0x2020
        return head == 0x6E_6E_61_63 && tail == 0x74_6F // "nnac" and "to": `cannot`'s bytes, little-endian
    }
}

/// What the fast path needs to know of a byte, from one table look-up.
enum ByteClass: UInt8 {
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

    /// The flag a one-byte mark gets: `terminal` for `.` `?` `!`, none for any other byte.
    nonisolated(unsafe) static let markFlags: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for b in ".?!".utf8 { table[Int(b)] = Token.Flags.terminal.rawValue }
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
