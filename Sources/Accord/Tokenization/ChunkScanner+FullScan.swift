/// The full scanner: one chunk decoded to scalars and scanned left to right with one scalar of
/// look-ahead (clitics, abbreviations, hyphens, numbers, URLs, e-mails, emoji).
extension ChunkScanner {
    mutating func flushChunk(endByte: Int) {
        b.append(Int32(endByte))
        scanChunk()
        s.removeAll(keepingCapacity: true)
        b.removeAll(keepingCapacity: true)
    }

    @inline(__always) func at(_ k: Int) -> UInt32 { k >= 0 && k < s.count ? s[k] : 0 }

    mutating func emit(_ from: Int, _ to: Int, _ kind: Token.Kind, extra: Token.Flags = []) {
        var flags = pendingFlags.union(extra)
        pendingFlags = []
        let first = s[from]
        if Scalars.isUppercase(first) { flags.insert(.capitalized) } else if Scalars.isLowercase(first) { flags.insert(.lowercase) }
        if Scalars.isDigit(first) { flags.insert(.numeric) }
        if kind == .punct && (first == 0x2E || first == 0x3F || first == 0x21 || first == 0x2026) { flags.insert(.terminal) }
        tokens.append(Token(startScalar: Int32(chunkScalarStart + from), endScalar: Int32(chunkScalarStart + to),
                            startByte: b[from], endByte: b[to], kind: kind, flags: flags))
    }

    mutating func scanChunk() {
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
    mutating func scanWord(from i: Int) -> Int {
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
    func isListNumber(_ i: Int, _ j: Int) -> Bool {
        guard i == 0, j + 1 == s.count, s[j] == 0x2E, j - i <= 3,
              pendingFlags.contains(.lineBefore) || tokens.isEmpty else { return false }
        return (i..<j).allSatisfy { Scalars.isDigit(s[$0]) }
    }

    /// Emits a word, splitting clitics: `Mexico's`, `wasn't`, `they're`, `cannot`.
    mutating func emitWord(_ i: Int, _ j: Int, _ flags: Token.Flags) {
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
    mutating func scanOther(from i: Int) -> Int {
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

    @inline(__always) func lower(_ k: Int) -> UInt32 {
        let v = s[k]
        return v >= 0x41 && v <= 0x5A ? v + 0x20 : v
    }

    @inline(__always) func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 }

    @inline(__always) func isHyphen(_ v: UInt32) -> Bool { v == 0x2D || v == 0x2010 || v == 0x2011 }

    func isQuote(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A, 0x2018, 0x2019, 0x201A, 0x27, 0x60,
             0x300C, 0x300D:
            return true
        default:
            return false
        }
    }

    /// `'s`, `’re`, `'ll`… after a word that ended before the apostrophe (`U.S.'s`).
    func cliticEnd(from i: Int) -> Int? {
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
    func keepsPeriod(_ i: Int, _ dot: Int) -> Bool {
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

    func urlEnd(from i: Int) -> Int? {
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

    func emailEnd(from i: Int) -> Int {
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
    func emojiEnd(from i: Int) -> Int {
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
