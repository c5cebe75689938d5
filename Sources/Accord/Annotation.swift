/// Everything accord found in one document: the decoded text and every layer of SPEC.md section 2.
/// A value: stages add their layer, writers only read it.
public struct Annotation: Sendable {
    public var document: DocumentInfo
    public var annotator: AnnotatorInfo
    /// The decoded input every offset points into.
    public let source: SourceText
    public var sentences: [Sentence] = []
    public var tokens: [Token] = []
    public var actors: [ActorMention] = []
    public var initiatives: [InitiativeMention] = []
    public var actions: [ActionMention] = []
    public var targets: [TargetMention] = []
    public var quotes: [Quote] = []
    public var events: [Event] = []
    public var stance: [StanceRecord] = []
    public var warnings: [String] = []

    /// The decoded text.
    public var text: String { source.string }

    /// The text of a span, exactly as its slice of the document.
    public func text(of span: Span) -> String { source.string(bytes: span.startByte..<span.endByte) }

    /// The text of a token.
    public func text(of token: Token) -> String { source.string(bytes: token.byteRange) }
}

/// Where the document came from.
public struct DocumentInfo: Sendable, Hashable {
    /// The file name without extension, `stdin`, or a JSONL record's `id`.
    public var id: String
    public var path: String?
    /// Hex SHA-256 of the input bytes as read (before decoding).
    public var sha256: String
    /// Length of the decoded text in Unicode scalars.
    public var length: Int
}

/// Which annotator and lexicons made the annotation.
public struct AnnotatorInfo: Sendable, Hashable {
    public var name = "accord"
    public var version = Accord.version
    /// Hex digest of the lexicon set in use.
    public var lexicons: String
}

/// A span of the text: scalar offsets (what SPEC writes) and byte offsets (how accord slices).
///
/// Stored as 32-bit offsets (a document holds at most `Int32.max` bytes): a span sits in every
/// mention, so it costs 16 bytes, not 32.
public struct Span: Sendable, Hashable, Comparable {
    private let startScalar: Int32
    private let endScalar: Int32
    private let startByte32: Int32
    private let endByte32: Int32

    /// Scalar offset of the first scalar.
    public var start: Int { Int(startScalar) }
    /// Scalar offset just past the last scalar.
    public var end: Int { Int(endScalar) }
    var startByte: Int { Int(startByte32) }
    var endByte: Int { Int(endByte32) }

    init(start: Int, end: Int, startByte: Int, endByte: Int) {
        startScalar = Int32(truncatingIfNeeded: start)
        endScalar = Int32(truncatingIfNeeded: end)
        startByte32 = Int32(truncatingIfNeeded: startByte)
        endByte32 = Int32(truncatingIfNeeded: endByte)
    }

    /// The span from the first token's start to the last token's end.
    init(tokens: [Token], _ range: Range<Int>) {
        let first = tokens[range.lowerBound], last = tokens[range.upperBound - 1]
        self.init(start: first.start, end: last.end, startByte: Int(first.startByte), endByte: Int(last.endByte))
    }

    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// The four kinds of actor SPEC names.
public enum ActorType: String, Sendable, CaseIterable {
    case country, person, organization, group
}

/// Who: a country, person, organization or group mentioned in the text.
public struct ActorMention: Sendable, Hashable {
    public var span: Span
    /// `country:usa`, `person:antony-blinken`, `org:...`, `group:...`.
    public var entity: String
    public var type: ActorType
    public var sentence: Int
    /// The rule or lexicon that made the mark (`lexicon`, `title-rule`, `coreference`, ...).
    public var via: String
    public var role: String?
    public var affiliation: String?
    /// The token range of the mention (for later stages).
    var tokens: Range<Int>
}

/// A named program such as the Bicentennial Framework or the Merida Initiative.
public struct InitiativeMention: Sendable, Hashable {
    public var span: Span
    public var entity: String
    public var sentence: Int
    public var via: String
    var tokens: Range<Int>
}

/// SPEC's modality of an action.
public enum Modality: String, Sendable, CaseIterable {
    case none, future, intent, obligation, possibility
}

/// Does what: a verb or verbal phrase with its class.
public struct ActionMention: Sendable, Hashable {
    public var span: Span
    public var lemma: String
    /// `say`, `commit`, `combat`, ... (lexicons may add classes).
    public var actionClass: String
    public var sentence: Int
    public var negated: Bool
    public var modality: Modality
    var tokens: Range<Int>
}

/// About which issue: a term of one of the target categories.
public struct TargetMention: Sendable, Hashable {
    public var span: Span
    /// `guns`, `drugs`, `youth`, `corruption` (lexicons may add more).
    public var category: String
    /// The canonical term (`firearms` → `firearm`).
    public var term: String
    public var sentence: Int
    var tokens: Range<Int>
}

/// A quotation: the span inside the marks, with who says it.
public struct Quote: Sendable, Hashable {
    public var span: Span
    /// Indices into `actors` of the speakers.
    public var speakers: [Int]
    public var entities: [String]
    /// The speech verb of the attribution.
    public var cue: String?
    var tokens: Range<Int>
}

/// An actor doing an action, with what it acts on.
public struct Event: Sendable, Hashable {
    public var sentence: Int
    /// Index into `actors`.
    public var actor: Int
    /// Index into `actions`.
    public var action: Int
    /// Indices into `targets`.
    public var targets: [Int]
    /// Indices into `actors`: actors acted on.
    public var objects: [Int]
}

/// A position taken toward an initiative in one sentence.
public struct StanceRecord: Sendable, Hashable {
    public enum Label: String, Sendable { case support, oppose }

    public struct Cue: Sendable, Hashable {
        public var span: Span
        public var weight: Double
    }

    public var sentence: Int
    /// Index into `quotes` when the position is quoted.
    public var quote: Int?
    /// An entity, `document` or `other:critics`.
    public var holder: String
    /// The initiative's entity.
    public var toward: String
    public var label: Label
    public var score: Double
    public var cues: [Cue]
}
