/// The tagger's compiled tables (filled in by the tagging stage).
struct TaggingLexicon: Sendable {
    init(files: [LexiconFile], group: (String) -> [LexiconFile]) throws {}
}
