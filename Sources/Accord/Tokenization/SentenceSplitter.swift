/// One sentence: a run of tokens, with the scalar span from its first token to its last.
public struct Sentence: Sendable, Hashable {
    public let start: Int
    public let end: Int
    /// The half-open range of token indices in the sentence.
    public let tokens: Range<Int>
}

/// Finds sentence boundaries between tokens (SPEC "Sentences"). Boundaries are token indices, so the
/// text is never rewritten; each rule is a named decision below.
struct SentenceSplitter: Sendable {
    let abbreviations: Abbreviations
    /// Lower-cased words that open a new sentence after an abbreviation (`U.S. The next day`).
    let sentenceStarters: Set<String>

    func split(_ tokens: [Token], in text: SourceText, wrapped: Bool = false) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        // The array is local to the closure: captured from outside, each append would pay a dynamic
        // exclusivity check.
        return tokens.withUnsafeBufferPointer { tokens in
            text.utf8.withUnsafeBufferPointer { bytes in
                var sentences: [Sentence] = []
                sentences.reserveCapacity(tokens.count / 20 + 1)
                var first = 0
                var t = 0
                let count = tokens.count
                func close(after last: Int) {
                    sentences.append(Sentence(start: tokens[first].start, end: tokens[last].end, tokens: first..<(last + 1)))
                    first = last + 1
                }
                while t < count {
                    t = Self.nextStop(from: t, tokens)
                    let terminal = Self.isTerminal(tokens[t])
                    let last = terminal ? closingMarksEnd(after: t, tokens, bytes) : t
                    let next = last + 1
                    if next >= count { close(after: last); break }
                    if breaksLine(before: next, tokens, bytes, wrapped: wrapped) {
                        close(after: last)
                    } else if terminal {
                        if endsSentence(terminal: t, next: next, tokens, bytes) { close(after: last) }
                    }
                    t = next
                }
                return sentences
            }
        }
    }

    // MARK: - Rules

    /// A line break ends a sentence; with `wrapped`, only a blank line or a list marker does.
    private func breaksLine(before k: Int, _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, wrapped: Bool) -> Bool {
        let flags = tokens[k].flags
        guard flags.contains(.lineBefore) else { return false }
        if !wrapped || flags.contains(.blankLineBefore) { return true }
        return isListMarker(at: k, tokens, bytes)
    }

    /// `-`, `*`, `•`, or `1.` / `1)` / `a)` at the start of a line.
    private func isListMarker(at k: Int, _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let token = tokens[k]
        let text = slice(token, bytes)
        if text.count == 1, [UInt8(ascii: "-"), UInt8(ascii: "*")].contains(text[0]) { return true }
        if Self.equals(text, 0xE2, 0x80, 0xA2) || Self.equals(text, 0xC2, 0xB7) { return true } // • ·
        if token.flags.contains(.numeric) && text.last == UInt8(ascii: ".") { return true } // `1.`
        guard k + 1 < tokens.count, token.byteRange.count <= 3,
              token.flags.contains(.numeric) || token.byteRange.count == 1 else { return false }
        let marker = slice(tokens[k + 1], bytes)
        return !tokens[k + 1].flags.contains(.spaceBefore) && marker.count == 1
            && (marker[0] == UInt8(ascii: ".") || marker[0] == UInt8(ascii: ")"))
    }

    /// The first token from `t` on that is a terminal or has a line break after it; the last token
    /// when none does. Most tokens are neither (commas and quotes too, which the tokenizer does not
    /// flag `terminal`): each is passed over with one branch, its two facts combined as bits.
    @inline(__always)
    private static func nextStop(from t: Int, _ tokens: UnsafeBufferPointer<Token>) -> Int {
        let last = tokens.count - 1
        let terminal = Token.Flags.periodWord.rawValue | Token.Flags.terminal.rawValue
        var t = t
        while t < last {
            let stops = tokens[t].flags.rawValue & terminal | tokens[t + 1].flags.rawValue & Token.Flags.lineBefore.rawValue
            if stops != 0 { break }
            t += 1
        }
        return t
    }

    /// `.`, `?`, `!`, an ellipsis, or a word that kept its final period: the tokenizer's flags.
    private static func isTerminal(_ token: Token) -> Bool {
        !token.flags.isDisjoint(with: [.periodWord, .terminal])
    }

    /// Closing quotes, brackets and further terminal marks that hang on a terminal mark (`?!"`, `.)`).
    private func closingMarksEnd(after t: Int, _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var last = t
        while last + 1 < tokens.count {
            let next = tokens[last + 1]
            if next.flags.contains(.lineBefore) { break }
            let text = slice(next, bytes)
            let isClosingBracket = next.kind == .punct && text.count == 1
                && (text[0] == UInt8(ascii: ")") || text[0] == UInt8(ascii: "]") || text[0] == UInt8(ascii: "}"))
            let isAlwaysClosing = Self.equals(text, 0xE2, 0x80, 0x9D) || Self.equals(text, 0xC2, 0xBB) // ” »
            let attached = !next.flags.contains(.spaceBefore)
            if (attached && (next.kind == .quote || isClosingBracket || Self.isTerminal(next) && next.kind == .punct))
                || isAlwaysClosing {
                last += 1
            } else {
                break
            }
        }
        return last
    }

    /// Whether the sentence ends after the terminal at `t` (and its closing marks), given the next token.
    private func endsSentence(terminal t: Int, next: Int, _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let token = tokens[t]
        let following = tokens[next]
        // Goes on in lower case: `"Who profits?" the senator asked.`, `Yahoo! is`, `U.S. officials`.
        if following.flags.contains(.lowercase) { return false }
        if following.kind == .punct, let c = slice(following, bytes).first,
           [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"), UInt8(ascii: "-")].contains(c) {
            return false
        }
        if token.flags.contains(.periodWord) {
            return abbreviationEndsSentence(token, before: following, bytes)
        }
        let text = slice(token, bytes)
        if text.count >= 2 || text.first == 0xE2 { // an ellipsis ends a sentence only before a capital or a quote
            return following.flags.contains(.capitalized) || following.kind == .quote || following.flags.contains(.numeric)
        }
        return true
    }

    /// An abbreviation ends a sentence only where the next word plainly starts one.
    private func abbreviationEndsSentence(_ token: Token, before following: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch abbreviations.kind(ofUTF8: slice(token, bytes)) {
        case .title?:
            return false
        case .number?, .month?:
            if following.flags.contains(.numeric) { return false }
        default:
            break
        }
        if following.kind == .quote { return true }
        guard following.flags.contains(.capitalized) else { return false }
        let next = String(decoding: slice(following, bytes), as: UTF8.self).lowercased()
        return sentenceStarters.contains(next)
    }

    /// Whether `text` is exactly the two bytes given (no array is built to compare with).
    @inline(__always)
    private static func equals(_ text: UnsafeBufferPointer<UInt8>, _ b0: UInt8, _ b1: UInt8) -> Bool {
        text.count == 2 && text[0] == b0 && text[1] == b1
    }

    /// Whether `text` is exactly the three bytes given.
    @inline(__always)
    private static func equals(_ text: UnsafeBufferPointer<UInt8>, _ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        text.count == 3 && text[0] == b0 && text[1] == b1 && text[2] == b2
    }

    @inline(__always)
    private func slice(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[token.byteRange])
    }
}
