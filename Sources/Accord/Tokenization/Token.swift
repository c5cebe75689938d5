/// One token: a span of the text in scalar offsets (and, internally, byte offsets) with its kind.
public struct Token: Sendable, Hashable {
    /// SPEC's token kinds.
    public enum Kind: UInt8, Sendable, CaseIterable {
        case word, punct, symbol, quote

        public var name: String {
            switch self {
            case .word: "word"
            case .punct: "punct"
            case .symbol: "symbol"
            case .quote: "quote"
            }
        }
    }

    /// Layout facts the splitter and taggers read; set by the tokenizer.
    struct Flags: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        /// White space stands between this token and the previous one.
        static let spaceBefore = Flags(rawValue: 1)
        /// A line break stands between this token and the previous one.
        static let lineBefore = Flags(rawValue: 2)
        /// Two or more line breaks (a blank line) stand before this token.
        static let blankLineBefore = Flags(rawValue: 4)
        /// The first scalar is an upper-case letter.
        static let capitalized = Flags(rawValue: 8)
        /// The first scalar is a lower-case letter.
        static let lowercase = Flags(rawValue: 16)
        /// A word that keeps a final period (an abbreviation, initial or initialism).
        static let periodWord = Flags(rawValue: 32)
        /// A digit starts the token.
        static let numeric = Flags(rawValue: 64)
        /// Punctuation that may end a sentence: `.` `?` `!` `…` or a run of periods. Set by the
        /// tokenizer so that the splitter passes over commas, quotes and brackets without reading text.
        static let terminal = Flags(rawValue: 128)
    }

    let startScalar: Int32
    let endScalar: Int32
    let startByte: Int32
    let endByte: Int32
    /// The token's kind.
    public let kind: Kind
    let flags: Flags

    /// Scalar offset of the first scalar.
    public var start: Int { Int(startScalar) }
    /// Scalar offset just past the last scalar.
    public var end: Int { Int(endScalar) }
    var byteRange: Range<Int> { Int(startByte)..<Int(endByte) }
}
