/// Runs the discourse stages over a tagged document: quotes and their speakers, then events (which
/// read the speakers for `we`), then stance (which reads both).
struct Discourse {
    let context: TaggingContext

    func annotate(_ a: inout Annotation) {
        let (quotes, warnings) = QuoteAttributor(c: context, actors: a.actors, actions: a.actions).quotes()
        a.quotes = quotes
        a.warnings += warnings
        a.events = EventLinker(c: context, actors: a.actors, actions: a.actions, targets: a.targets, quotes: quotes).events()
        a.stance = StanceScorer(c: context, actors: a.actors, initiatives: a.initiatives, actions: a.actions, quotes: quotes).records()
    }
}
