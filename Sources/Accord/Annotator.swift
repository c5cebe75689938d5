/// accord's version, written as `annotator.version`.
public enum Accord {
    public static let version = "0.1.0"
}

/// The one entry point: turns text into an `Annotation` with every layer SPEC.md describes.
///
/// ```swift
/// let annotator = Annotator()
/// let annotation = annotator.annotate("Mexico and the United States signed the accord.", id: "example")
/// ```
/// An annotator is immutable and `Sendable`: compile it once and share it across threads.
public struct Annotator: Sendable {
    public let lexicons: Lexicons
    /// Hard-wrapped text: a single line break is a space; blank lines and list markers end sentences.
    public var wrapped: Bool

    private let tokenizer: Tokenizer
    private let splitter: SentenceSplitter
    private let tagger: Tagger

    public init(lexicons: Lexicons = .builtIn, wrapped: Bool = false) {
        self.lexicons = lexicons
        self.wrapped = wrapped
        tokenizer = Tokenizer(abbreviations: lexicons.abbreviations)
        splitter = SentenceSplitter(abbreviations: lexicons.abbreviations, sentenceStarters: lexicons.sentenceStarters)
        tagger = Tagger(lexicon: lexicons.tagging)
    }

    /// An annotator like this one whose lexicons share no storage with it: give each thread of a
    /// parallel run its own (see `Lexicons.independentCopy()`).
    public func independentCopy() -> Annotator {
        Annotator(lexicons: lexicons.independentCopy(), wrapped: wrapped)
    }

    /// Annotates raw input bytes (UTF-8; a BOM is dropped, invalid sequences become U+FFFD with a warning).
    /// `layers` names the layers wanted: stages that no wanted layer needs are skipped (tokens and
    /// sentences are always made). Offsets are 32-bit: a document may hold at most `Int32.max` bytes.
    public func annotate(bytes: [UInt8], id: String, path: String? = nil, layers: Set<Layer> = Set(Layer.allCases)) -> Annotation {
        precondition(bytes.count <= Int(Int32.max), "accord annotates documents of at most 2 GiB - 1 bytes")
        let source = SourceText(bytes: bytes)
        var annotation = Annotation(
            document: DocumentInfo(id: id, path: path, sha256: SHA256.hex(bytes), length: source.scalarCount),
            annotator: AnnotatorInfo(lexicons: lexicons.digest),
            source: source)
        (annotation.tokens, annotation.sentences) = segment(source)
        annotation.warnings = InputWarnings.check(source, byteCount: bytes.count, tokenCount: annotation.tokens.count)
        let tagging: Set<Layer> = [.actors, .initiatives, .actions, .targets, .quotes, .events, .stance]
        if !layers.isDisjoint(with: tagging) {
            let context = tagger.tag(&annotation)
            let discourse: Set<Layer> = [.quotes, .events, .stance]
            if !layers.isDisjoint(with: discourse) {
                Discourse(context: context).annotate(&annotation)
            }
        }
        return annotation
    }

    /// Tokens and sentences alone: the first stage, with no tagging and no digest, for callers that
    /// need only segmentation (and to time it).
    public func segment(_ source: SourceText) -> (tokens: [Token], sentences: [Sentence]) {
        let tokens = tokenizer.tokenize(source)
        return (tokens, splitter.split(tokens, in: source, wrapped: wrapped))
    }

    /// Annotates a string.
    public func annotate(_ text: String, id: String = "text", path: String? = nil, layers: Set<Layer> = Set(Layer.allCases)) -> Annotation {
        var copy = text
        return annotate(bytes: copy.withUTF8 { Array($0) }, id: id, path: path, layers: layers)
    }
}
