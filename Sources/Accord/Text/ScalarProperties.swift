/// Character classes the tokenizer and splitter ask about, on scalar values. ASCII is answered from a
/// table; other scalars from the standard library's Unicode properties (rare in English news).
enum Scalars {
    private static let letterBit: UInt8 = 1, digitBit: UInt8 = 2, upperBit: UInt8 = 4
    private static let spaceBit: UInt8 = 8, lineBit: UInt8 = 16

    private static let ascii: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(c)] = letterBit }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(c)] = letterBit | upperBit }
        for c in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(c)] = digitBit }
        for c: UInt8 in [0x20, 0x09] { table[Int(c)] = spaceBit }
        for c: UInt8 in [0x0A, 0x0B, 0x0C, 0x0D] { table[Int(c)] = spaceBit | lineBit }
        return table
    }()

    @inline(__always) static func asciiFlags(_ v: UInt32) -> UInt8 { ascii[Int(v)] }

    /// An ASCII letter or digit, by range checks alone (the tokenizer's inner loop).
    @inline(__always) static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }

    /// White_Space: separates tokens and belongs to none.
    @inline(__always) static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 128 { return ascii[Int(v)] & spaceBit != 0 }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// A line break: ends a sentence (a paragraph, headline or list item ends there).
    @inline(__always) static func isLineBreak(_ v: UInt32) -> Bool {
        if v < 128 { return ascii[Int(v)] & lineBit != 0 }
        return v == 0x85 || v == 0x2028 || v == 0x2029
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool {
        if v < 128 { return ascii[Int(v)] & digitBit != 0 }
        if isGeneralPunctuation(v) { return false }
        return properties(v)?.numericType == .decimal
    }

    /// Letters, and marks and other scalars that live inside words (combining accents, CJK, digits of
    /// other scripts).
    @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
        if v < 128 { return ascii[Int(v)] & letterBit != 0 }
        if isGeneralPunctuation(v) { return false }
        guard let p = properties(v) else { return false }
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber, .otherNumber, .decimalNumber:
            return v != 0x20E3 && !(0xFE00...0xFE0F).contains(v)
        default:
            return false
        }
    }

    @inline(__always) static func isAlphanumeric(_ v: UInt32) -> Bool {
        if v < 128 { return ascii[Int(v)] & (letterBit | digitBit) != 0 }
        return isLetter(v)
    }

    @inline(__always) static func isUppercase(_ v: UInt32) -> Bool {
        if v < 128 { return ascii[Int(v)] & upperBit != 0 }
        if isGeneralPunctuation(v) { return false }
        guard let p = properties(v) else { return false }
        return p.generalCategory == .uppercaseLetter || p.generalCategory == .titlecaseLetter
    }

    @inline(__always) static func isLowercase(_ v: UInt32) -> Bool {
        if v < 128 { return v >= 0x61 && v <= 0x7A }
        if isGeneralPunctuation(v) { return false }
        return properties(v)?.generalCategory == .lowercaseLetter
    }

    /// Starts an emoji: pictographs, regional indicators, and the symbols that default to emoji.
    @inline(__always) static func isEmojiStart(_ v: UInt32) -> Bool {
        switch v {
        case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF, 0x2300...0x23FF, 0x1F1E6...0x1F1FF,
             0x2190...0x21FF, 0x3030, 0x303D, 0x3297, 0x3299:
            return true
        default:
            return false
        }
    }

    @inline(__always) static func isRegionalIndicator(_ v: UInt32) -> Bool { v >= 0x1F1E6 && v <= 0x1F1FF }

    /// Scalars that extend an emoji: skin tones, variation selectors, the keycap mark, tags.
    @inline(__always) static func isEmojiModifier(_ v: UInt32) -> Bool {
        (0x1F3FB...0x1F3FF).contains(v) || (0xFE00...0xFE0F).contains(v) || v == 0x20E3 || (0xE0020...0xE007F).contains(v)
    }

    static let zeroWidthJoiner: UInt32 = 0x200D

    /// Punctuation (`punct`) versus symbols (`symbol`) for a single-scalar token.
    static func isPunctuation(_ v: UInt32) -> Bool {
        if v < 128 {
            switch UInt8(v) {
            case UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: "<"),
                 UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "^"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                return false
            default:
                return v >= 0x20 && v != 0x7F
            }
        }
        switch properties(v)?.generalCategory {
        case .connectorPunctuation?, .dashPunctuation?, .openPunctuation?, .closePunctuation?,
             .initialPunctuation?, .finalPunctuation?, .otherPunctuation?:
            return v != 0x2030 && v != 0x2031 // per mille is a symbol like %
        default:
            return false
        }
    }

    /// U+2000–U+206F, the General Punctuation block (curly quotes, dashes, spaces, `…`): no letters,
    /// marks or digits, so the questions above are answered without the Unicode tables.
    @inline(__always) private static func isGeneralPunctuation(_ v: UInt32) -> Bool { v &- 0x2000 < 0x70 }

    @inline(__always) private static func properties(_ v: UInt32) -> Unicode.Scalar.Properties? {
        Unicode.Scalar(v)?.properties
    }
}
