/// Runs the discourse stages over a tagged document: quotes and their speakers, then events (which
/// read the speakers for `we`), then stance (which reads both).
struct Discourse {
    let context: TaggingContext

    func annotate(_ a: inout Annotation) {
        // One index of where actors end and start, of the countries named and of the reporting verbs
        // serves all three stages.
        let boundaries = ActorBoundaries(a.actors, tokenCount: context.count)
        let countries = CountryMentions(a.actors)
        let verbs = ReportingVerbs(a.actions)
        let (quotes, warnings) = QuoteAttributor(c: context, actors: a.actors, boundaries: boundaries, countries: countries,
                                                 actions: a.actions, verbs: verbs).quotes()
        a.quotes = quotes
        a.warnings += warnings
        a.events = EventLinker(c: context, actors: a.actors, boundaries: boundaries, countries: countries,
                               actions: a.actions, verbs: verbs, targets: a.targets, quotes: quotes).events()
        a.stance = StanceScorer(c: context, actors: a.actors, boundaries: boundaries, initiatives: a.initiatives,
                                actions: a.actions, verbs: verbs, quotes: quotes).records()
    }
}
