/// Finds targets (SPEC "Targets"): issue terms from the lexicon, longest first, extended by a
/// following activity noun (`drug` + `trafficking`); coordination needs no rule (`gun and drug
/// trafficking` gives `gun` and `drug trafficking`). Terms inside proper names are skipped: inside an
/// organization's or named group's span, or in a run of capitalised words (`Office on Drugs and Crime`).
struct TargetTagger {
    let c: TaggingContext

    func tag(actors: [ActorMention], initiatives: [InitiativeMention]) -> [TargetMention] {
        // Indices, not elements: a mention copied out of its array retains all its strings. The
        // other actors are passed as empty ranges (which hold no token).
        var namedActors = RangeSweep(count: actors.count) { a in
            let named = actors[a].type == .organization || actors[a].type == .group && c.isCapitalized(actors[a].tokens.lowerBound)
            return named ? actors[a].tokens : 0..<0
        }
        var namedInitiatives = RangeSweep(count: initiatives.count) { initiatives[$0].tokens }

        var extendedTerms = ExtendedTerms()
        let matches = c.matches(.target)
        var mentions: [TargetMention] = []
        mentions.reserveCapacity(matches.count)
        var lastEnd = 0
        for m in matches where Int(m.start) >= lastEnd {
            let start = Int(m.start)
            var end = Int(m.end)
            if namedActors.overlaps(start..<end) || namedInitiatives.overlaps(start..<end) || inCapitalisedName(start..<end) { continue }
            let entry = c.lexicon.targets[Int(m.entry)]
            var term = entry.canonical
            if let activity = c.match(.activity, at: end), c.sameSentence(start, Int(activity.start)) {
                term = extendedTerms.term(entry.canonical, Int(m.entry), c.lexicon.activities, Int(activity.entry))
                end = Int(activity.end)
            }
            mentions.append(TargetMention(span: c.span(start..<end), category: entry.category, term: term,
                                          sentence: Int(c.tokenSentence[start]), tokens: start..<end))
            lastEnd = end
        }
        return mentions
    }

    /// A capitalised term inside a capitalised run that names an organization (`National Institute on
    /// Drug Abuse`): the run may hold `of`, `on`, `and`, `for`, `the` between capitalised words.
    private func inCapitalisedName(_ range: Range<Int>) -> Bool {
        guard c.isCapitalized(range.lowerBound) else { return false }
        func isPart(_ k: Int) -> Bool {
            c.sameSentence(k, range.lowerBound) && (c.isCapitalized(k) || c.id(k) == c.words.of || c.id(k) == c.words.and
                || c.id(k) == c.words.the || c.id(k) == c.words.on || c.id(k) == c.words.forWord)
        }
        var k = range.lowerBound - 1
        while k >= 0 && range.lowerBound - k <= 6 && isPart(k) {
            if c.wordFlags(k).contains(.organizationWord) { return true }
            k -= 1
        }
        k = range.upperBound
        while k < c.count && k - range.upperBound < 6 && isPart(k) {
            if c.wordFlags(k).contains(.organizationWord) { return true }
            k += 1
        }
        return false
    }
}

/// The terms extended by an activity noun (`drug trafficking`), each joined once per document and
/// shared by its mentions: joining them for every mention allocated two strings each time. (Indexed
/// by `HashedNumbers`, whose types are in use already: a dictionary of a new type had its type
/// metadata made at run time, for more than a 1 MB document's joins.)
private struct ExtendedTerms {
    private var index = HashedNumbers()
    private var joined: [String] = []

    /// `term activity`, for target entry `target` and activity entry `activity`.
    mutating func term(_ term: String, _ target: Int, _ activities: [String], _ activity: Int) -> String {
        let key = UInt64(target) << 32 | UInt64(activity)
        if let known = index[key] { return joined[known] }
        joined.append(term + " " + activities[activity])
        index[key] = joined.count - 1
        return joined[joined.count - 1]
    }
}
