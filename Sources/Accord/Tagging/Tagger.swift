/// Runs the taggers in order (actors, initiatives, targets, actions) over one document, each
/// reading what the earlier ones found.
struct Tagger {
    let lexicon: TaggingLexicon
    /// Looked up once, not per document.
    private let words: FunctionWords
    private let roleKeys: RoleKeys

    init(lexicon: TaggingLexicon) {
        self.lexicon = lexicon
        words = FunctionWords(lexicon)
        roleKeys = RoleKeys(lexicon)
    }

    func tag(_ annotation: inout Annotation) -> TaggingContext {
        let context = TaggingContext(tokens: annotation.tokens, source: annotation.source,
                                     sentences: annotation.sentences, lexicon: lexicon, words: words)
        var actors = ActorTagger(context: context, roleKeys: roleKeys)
        annotation.actors = actors.tag()
        annotation.initiatives = InitiativeTagger(c: context).tag()
        annotation.targets = TargetTagger(c: context).tag(actors: annotation.actors, initiatives: annotation.initiatives)
        annotation.actions = ActionTagger(c: context).tag(actors: annotation.actors, initiatives: annotation.initiatives,
                                                          targets: annotation.targets)
        return context
    }
}
