/// An `accord.annotation/1` document as `compare` reads it: the text, the sentences, and per layer
/// the records with their spans and the fields SPEC.md defines.
///
/// A layer is `nil` when the document does not hold it: a gold file holds only the layers a person
/// annotated, and a comparison looks only at the layers present in the expected document. A field
/// is `nil` when the record does not give it (gold records may leave out `via` or `sentence`).
public struct AnnotationDocument: Sendable, Hashable {
    /// `document.id`: the file name without extension, `stdin`, or a JSONL record's `id`.
    public var id: String
    /// The text every offset points into, when the document holds it.
    public var text: String?
    public var sentences: [Sentence]?
    public var tokens: [Token]?
    public var actors: [Actor]?
    public var initiatives: [Initiative]?
    public var actions: [Action]?
    public var targets: [Target]?
    public var quotes: [Quote]?
    /// Events with their references resolved to the records they point at.
    public var events: [Event]?
    public var stance: [Stance]?

    public init(id: String, text: String? = nil) {
        self.id = id
        self.text = text
    }

    /// Whether the document holds `layer` (possibly empty).
    public func contains(_ layer: Layer) -> Bool {
        switch layer {
        case .sentences: sentences != nil
        case .tokens: tokens != nil
        case .actors: actors != nil
        case .initiatives: initiatives != nil
        case .actions: actions != nil
        case .targets: targets != nil
        case .quotes: quotes != nil
        case .events: events != nil
        case .stance: stance != nil
        }
    }

    /// The number of records in `layer` (0 when the document does not hold it).
    public func count(of layer: Layer) -> Int {
        switch layer {
        case .sentences: sentences?.count ?? 0
        case .tokens: tokens?.count ?? 0
        case .actors: actors?.count ?? 0
        case .initiatives: initiatives?.count ?? 0
        case .actions: actions?.count ?? 0
        case .targets: targets?.count ?? 0
        case .quotes: quotes?.count ?? 0
        case .events: events?.count ?? 0
        case .stance: stance?.count ?? 0
        }
    }
}

extension AnnotationDocument {
    /// A half-open span `[start, end)` of code-point offsets, with its text.
    public struct TextSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var start: Int
        public var end: Int
        public var text: String

        public init(start: Int, end: Int, text: String) {
            self.start = start
            self.end = end
            self.text = text
        }

        /// `[4,17)`.
        public var range: String { "[\(start),\(end))" }

        /// `"United States" [4,17)`.
        public var description: String { "\"\(text)\" \(range)" }

        /// The number of code points the two spans share.
        public func overlap(with other: TextSpan) -> Int { max(0, min(end, other.end) - max(start, other.start)) }

        public static func < (a: TextSpan, b: TextSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }
    }

    /// A sentence: its span (no text is stored for sentences).
    public struct Sentence: Sendable, Hashable {
        public var start: Int
        public var end: Int
    }

    /// A token: its span and kind (`word`, `punct`, `symbol`, `quote`).
    public struct Token: Sendable, Hashable {
        public var span: TextSpan
        public var kind: String?
    }

    /// An actor mention.
    public struct Actor: Sendable, Hashable {
        public var span: TextSpan
        public var entity: String
        /// `country`, `person`, `organization` or `group` (from the entity's prefix when not given).
        public var type: String
        /// The title; `nil` when the mention has none (an absent role means no role).
        public var role: String?
        /// The title's country; `nil` when there is none.
        public var affiliation: String?
        /// `nil` when the record does not say (gold files may leave it out).
        public var via: String?
        public var sentence: Int?
    }

    /// An initiative mention.
    public struct Initiative: Sendable, Hashable {
        public var span: TextSpan
        public var entity: String
        public var via: String?
    }

    /// An action: a verb or verbal phrase.
    public struct Action: Sendable, Hashable {
        public var span: TextSpan
        public var lemma: String?
        /// SPEC's `class`.
        public var actionClass: String
        public var negated: Bool?
        public var modality: String?
    }

    /// A target: an issue term.
    public struct Target: Sendable, Hashable {
        public var span: TextSpan
        public var category: String
        public var term: String?
    }

    /// A quotation.
    public struct Quote: Sendable, Hashable {
        public var span: TextSpan
        /// The speakers' entities (from `entities`, or resolved through `speakers`); `nil` when not given.
        public var speakers: [String]?
        /// The speech verb; `nil` when not given (or `null`).
        public var cue: String?
    }

    /// An event, its references resolved to the records of the same document.
    public struct Event: Sendable, Hashable {
        public var sentence: Int?
        public var actor: Actor
        public var action: Action
        public var targets: [Target]
        public var objects: [Actor]
    }

    /// A stance record: `sentence` (accord's output) or an anchor span (gold: the cue words).
    public struct Stance: Sendable, Hashable {
        public var sentence: Int?
        /// The span a gold record is anchored on (its cue words); `nil` in accord's output.
        public var anchor: TextSpan?
        /// The cue spans accord gives (`cues`).
        public var cues: [TextSpan]
        public var holder: String?
        public var toward: String
        /// `support` or `oppose`.
        public var label: String
    }
}
