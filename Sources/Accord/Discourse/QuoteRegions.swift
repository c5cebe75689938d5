/// Pairs double quote marks into quotations: straight marks alternate, curly marks say which side
/// they are; a paragraph that opens a quotation without closing it continues when the next paragraph
/// opens with a quote mark (news style); otherwise the quotation ends at the paragraph break and is
/// reported as unbalanced, so one stray mark never swallows the rest of the document.
enum QuoteRegions {
    struct Pair: Sendable {
        /// Token index of the opening mark, and of the closing mark (or one past the last quoted token
        /// when the quotation was left open).
        let open: Int
        let close: Int
        let balanced: Bool
    }

    private enum Mark { case open, close, either, none }

    private static func mark(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Mark {
        guard token.kind == .quote else { return .none }
        let text = UnsafeBufferPointer(rebasing: bytes[token.byteRange])
        if text.count == 1 && text[0] == 0x22 { return .either }
        if text.count == 2 && text[0] == 0x60 { return .open } // ``
        if text.count == 2 && text[0] == 0x27 { return .close } // ''
        guard text.count == 3, text[0] == 0xE2, text[1] == 0x80 else {
            if text.count == 2 && text[0] == 0xC2 { return text[1] == 0xAB ? .open : (text[1] == 0xBB ? .close : .none) } // « »
            return .none
        }
        switch text[2] {
        case 0x9C, 0x9E: return .open // “ „
        case 0x9D: return .close // ”
        default: return .none
        }
    }

    /// The quotations of a document, in order, and its paragraphs: both read only quote marks and
    /// line breaks, so one pass over the tokens finds them (a second cost a full read of the tokens).
    static func scan(_ tokens: [Token], _ source: SourceText) -> (pairs: [Pair], paragraphs: ParagraphIndex) {
        var pairs: [Pair] = []
        var lineStarts: [Int32] = []
        source.utf8.withUnsafeBufferPointer { bytes in
            tokens.withUnsafeBufferPointer { tokens in
                var openAt: Int?
                var i = 0
                while true {
                    // Only quote marks and line breaks matter: skip the rest in a tight loop, one
                    // branch a token (its two facts combined as bits).
                    while i < tokens.count
                        && tokens[i].flags.rawValue & Token.Flags.lineBefore.rawValue | (tokens[i].kind == .quote ? 1 : 0) == 0 { i += 1 }
                    guard i < tokens.count else { break }
                    let token = tokens[i]
                    defer { i += 1 }
                    if token.flags.contains(.lineBefore) && i > 0 { lineStarts.append(Int32(i)) }
                    if let open = openAt, token.flags.contains(.lineBefore), i > open + 1 {
                        // A new paragraph: it continues the quotation only if it opens with a quote mark.
                        let m = mark(token, bytes)
                        if m == .open || m == .either { continue }
                        pairs.append(Pair(open: open, close: i, balanced: false))
                        openAt = nil
                    }
                    switch mark(token, bytes) {
                    case .open:
                        if let open = openAt { pairs.append(Pair(open: open, close: i, balanced: false)) }
                        openAt = i
                    case .close:
                        if let open = openAt { pairs.append(Pair(open: open, close: i, balanced: true)); openAt = nil }
                    case .either:
                        if let open = openAt {
                            pairs.append(Pair(open: open, close: i, balanced: true))
                            openAt = nil
                        } else {
                            openAt = i
                        }
                    case .none:
                        break
                    }
                }
                if let open = openAt { pairs.append(Pair(open: open, close: tokens.count, balanced: false)) }
            }
        }
        return (pairs, ParagraphIndex(lineStarts: lineStarts))
    }
}
