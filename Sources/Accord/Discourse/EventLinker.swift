/// Links actions to their agents and what they act on (SPEC "Events"), sentence by sentence.
///
/// The agent of an action (other than `say` and `criticize`) is, in order:
/// 1. its **subject**: the actor ending right before it, across auxiliaries, modals, negators and
///    adverbs (`Mexico has also pledged`), with actors coordinated to it (`the United States and Mexico`);
///    the object before an infinitive (`pressed Mexico to extradite`); the actor before `who`/`which`;
///    `both governments` (both countries), or `we` inside a quote (the speaker's side); for a passive
///    verb, the actor after `by` (`were seized by Mexican forces`), or none;
/// 2. the agent of the previous action in the sentence, after `to`, a conjunction or punctuation
///    (infinitives, purpose clauses and coordinated verbs: `seeks to reduce`, `collaborate ... to
///    develop`), never across a subject that is no actor (`the framework commits`);
/// 3. for the first action of a list item, the subject of the lead-in line (`The United States will:`).
/// Its targets are those from the action to where the next subject starts; its objects the actors
/// between the action and the next action.
struct EventLinker {
    let c: TaggingContext
    let actors: [ActorMention]
    let actions: [ActionMention]
    let targets: [TargetMention]
    let quotes: [Quote]
    let countries: CountryMentions
    /// Actor index by the token just past its end (the last such actor; `-1` where none ends).
    let actorEndingAt: TokenMarks
    /// Which actions are speech or criticism.
    let verbs: ReportingVerbs
    /// A person's affiliation, from any mention that gives it.
    let affiliations: [String: String]
    /// Modal and negator phrases, asked of a token in one test.
    let modalOrNegator = PhraseMatches.KindSet(.modal, .negator)

    init(c: TaggingContext, actors: [ActorMention], boundaries: ActorBoundaries, countries: CountryMentions,
         actions: [ActionMention], verbs: ReportingVerbs, targets: [TargetMention], quotes: [Quote]) {
        self.c = c
        self.verbs = verbs
        self.actors = actors
        actorEndingAt = boundaries.ending
        self.actions = actions
        self.targets = targets
        self.quotes = quotes
        self.countries = countries
        var affiliations: [String: String] = [:]
        // Backwards, so that the first mention giving an affiliation is the last written: one lookup each.
        for k in actors.indices.reversed() {
            if let a = actors[k].affiliation { affiliations[actors[k].entity] = a }
        }
        self.affiliations = affiliations
    }

    /// A subject: its agents, as a range of the agent pool, and the token where it starts.
    typealias Subject = (agents: Range<Int>, start: Int)

    func events() -> [Event] {
        var events: [Event] = []
        // About one event an action (fewer where none has an agent): no copy of the events as they grow.
        events.reserveCapacity(actions.count)
        // The agents of every subject and lead-in line, one after another: a subject is a range of
        // them rather than an array (an allocation) of its own.
        var pool: [Int] = []
        // Subjects first: an argument ends where a later action's own subject begins.
        var subjects: [Subject?] = actions.indices.map { subject(of: $0, into: &pool) }
        let leadIns = listLeadIns(into: &pool)
        var leadInCursor = 0
        var previous: (agents: Range<Int>, sentence: Int)?
        var targetCursor = 0
        var objectCursor = 0
        // Neighbouring verbs often reach the same targets: their events share one array.
        var lastTargets: (range: Range<Int>, indices: [Int]) = (0..<0, [])
        for a in actions.indices {
            let sentence = actions[a].sentence
            let tokens = actions[a].tokens
            if verbs.isReporting(a) {
                if let s = subjects[a] { previous = (s.agents, sentence) }
                continue
            }
            var agents = subjects[a]?.agents
            if agents == nil, let previous, previous.sentence == sentence, mayInherit(a) { agents = previous.agents }
            if agents == nil, isFirstAction(a) {
                while leadInCursor < leadIns.count && leadIns[leadInCursor].sentence < sentence { leadInCursor += 1 }
                if leadInCursor < leadIns.count && leadIns[leadInCursor].sentence == sentence { agents = leadIns[leadInCursor].agents }
            }
            subjects[a] = subjects[a] ?? agents.map { ($0, tokens.lowerBound) }
            guard let agents, !agents.isEmpty else { continue }
            previous = (agents, sentence)

            // `signed the Bicentennial Framework`, `the framework, which both countries adopted`: the
            // initiative's topics are not the signing's targets.
            let argumentEnd = actsOnInitiative(a, subject: subjects[a]) ? tokens.upperBound : self.argumentEnd(after: a, subjects, pool)
            let nextAction = a + 1 < actions.count && actions[a + 1].sentence == sentence
                ? actions[a + 1].tokens.lowerBound : argumentEnd
            while targetCursor < targets.count && targets[targetCursor].tokens.lowerBound < tokens.lowerBound { targetCursor += 1 }
            var t = targetCursor
            while t < targets.count && targets[t].tokens.lowerBound < argumentEnd { t += 1 }
            if lastTargets.range != targetCursor..<t { lastTargets = (targetCursor..<t, t > targetCursor ? Array(targetCursor..<t) : []) }
            // The first actor starting at or after the verb's end: a cursor, as verbs come in text order.
            while objectCursor < actors.count && actors[objectCursor].tokens.lowerBound < tokens.upperBound { objectCursor += 1 }
            while objectCursor > 0 && actors[objectCursor - 1].tokens.lowerBound >= tokens.upperBound { objectCursor -= 1 }
            var candidatesEnd = objectCursor
            while candidatesEnd < actors.count && actors[candidatesEnd].tokens.upperBound <= nextAction { candidatesEnd += 1 }
            let objects = self.objects(objectCursor..<candidatesEnd, of: a, agents: agents, subjects, pool)
            for agent in pool[agents] {
                events.append(Event(sentence: sentence, actor: agent, action: a, targets: lastTargets.indices, objects: objects))
            }
        }
        return events
    }

    /// The actors among `candidates` an action acts on: neither its agents nor the subjects of the
    /// next few verbs of its sentence. Counted before they are kept: mostly all or none are, and
    /// then the array is made at once or not at all (growing one by appends costs more than the test).
    private func objects(_ candidates: Range<Int>, of a: Int, agents: Range<Int>, _ subjects: [Subject?], _ pool: [Int]) -> [Int] {
        func isObject(_ o: Int) -> Bool {
            if pool[agents].contains(o) { return false }
            let sentence = actions[a].sentence
            var b = a + 1
            while b < min(actions.count, a + 1 + EventLinker.verbWindow) && actions[b].sentence == sentence {
                if let later = subjects[b], pool[later.agents].contains(o) { return false }
                b += 1
            }
            return true
        }
        var count = 0
        for o in candidates where isObject(o) { count += 1 }
        if count == 0 { return [] }
        if count == candidates.count { return Array(candidates) }
        var objects: [Int] = []
        objects.reserveCapacity(count)
        for o in candidates where isObject(o) { objects.append(o) }
        return objects
    }

    // MARK: - Arguments

    /// Where an action's arguments end: the start of the next subject in its sentence, or the sentence's end.
    private func argumentEnd(after a: Int, _ subjects: [Subject?], _ pool: [Int]) -> Int {
        let sentence = actions[a].sentence
        // A verb's arguments and purpose clauses lie within a few verbs and a few dozen tokens of it.
        let limit = min(c.sentences[sentence].tokens.upperBound, actions[a].tokens.upperBound + EventLinker.argumentWindow)
        var b = a + 1
        while b < actions.count && b <= a + EventLinker.verbWindow && actions[b].sentence == sentence {
            if let s = subjects[b], s.start > actions[a].tokens.upperBound,
               !pool[s.agents].allSatisfy({ agent in subjects[a].map { pool[$0.agents].contains(agent) } == true }) {
                return min(s.start, limit)
            }
            b += 1
        }
        return limit
    }

    /// How far (in tokens) and across how many later verbs an action's arguments may reach: bounds
    /// that keep the linker linear even on a document that is one endless sentence.
    static let argumentWindow = 60
    static let verbWindow = 8

    /// List items and the agents of the lead-in line they follow (`The United States and Mexico will:`):
    /// an item takes the nearest lead-in before it; a line that is no item ends the list. Only the
    /// lead-ins and the lines after them are visited. In order of sentence, for a cursor to walk;
    /// their agents are added to `pool`.
    private func listLeadIns(into pool: inout [Int]) -> [(sentence: Int, agents: Range<Int>)] {
        var result: [(sentence: Int, agents: Range<Int>)] = []
        var actorCursor = 0
        var current: (agents: Range<Int>, sentence: Int)?
        // The items of the current lead-in up to sentence `end`: the next line, then lines that open
        // with a bullet or a number.
        func items(through end: Int) {
            guard let lead = current else { return }
            var s = lead.sentence + 1
            while s <= end && (s == lead.sentence + 1 || c.startsListItem(s)) {
                result.append((s, lead.agents))
                s += 1
            }
        }
        for s in colonEndedSentences() {
            items(through: s)
            let sentence = c.sentences[s]
            while actorCursor < actors.count && actors[actorCursor].tokens.lowerBound < sentence.tokens.lowerBound { actorCursor += 1 }
            current = leadInAgents(of: sentence, actorCursor: actorCursor, into: &pool).map { ($0, s) }
        }
        items(through: c.sentences.count - 1)
        return result
    }

    /// The agents of a lead-in line: the object that controls its closing infinitive (`called on both
    /// governments to:`, `urged Mexico to:`), else its actors (`The United States and Mexico will:`).
    private func leadInAgents(of sentence: Sentence, actorCursor: Int, into pool: inout [Int]) -> Range<Int>? {
        let colon = sentence.tokens.upperBound - 1
        if c.id(colon - 1) == c.words.to {
            if actorEndingAt[colon - 1] >= 0 { return coordinated(Int(actorEndingAt[colon - 1]), into: &pool) }
            if let collective = c.match(.collective, endingAt: colon - 1, after: sentence.tokens.lowerBound - 1) {
                let agents = EventLinker.add(bothCountries(before: Int(collective.start)), to: &pool)
                if !agents.isEmpty { return agents }
            }
        }
        let first = pool.count
        var k = actorCursor
        while k < actors.count && actors[k].tokens.upperBound <= colon { pool.append(k); k += 1 }
        var agents = first..<pool.count
        if agents.isEmpty, let collective = c.firstMatchStart(.collective, in: sentence.tokens) {
            agents = EventLinker.add(bothCountries(before: collective), to: &pool)
        }
        return agents.isEmpty ? nil : agents
    }

    /// The sentences whose last token is a colon, in order: a tight pass over the sentences, as
    /// lead-in lines are rare.
    private func colonEndedSentences() -> [Int] {
        var found: [Int] = []
        c.sentences.withUnsafeBufferPointer { sentences in
            c.tokens.withUnsafeBufferPointer { tokens in
                c.source.utf8.withUnsafeBufferPointer { bytes in
                    for s in sentences.indices {
                        let last = tokens[sentences[s].tokens.upperBound - 1]
                        if last.endByte - last.startByte == 1 && bytes[Int(last.startByte)] == UInt8(ascii: ":") { found.append(s) }
                    }
                }
            }
        }
        return found
    }


    /// Whether an action's object is an initiative: one starts within three tokens after the verb
    /// (`adopted the Bicentennial Framework`, `signed the new framework`), or the verb's subject
    /// follows `which`/`that` after one (`the Bicentennial Framework, which Washington and Mexico signed`).
    private func actsOnInitiative(_ a: Int, subject: Subject?) -> Bool {
        let verb = actions[a].tokens
        for k in verb.upperBound..<min(verb.upperBound + 3, c.count) {
            if c.phrases.startsMatch(.initiative, at: k) { return true }
            if !c.isWord(k) || actorEndingAt[k + 1] >= 0 { break }
        }
        guard let subject else { return false }
        let pronoun = subject.start - 1
        guard c.id(pronoun) == c.words.which || c.id(pronoun) == c.words.that else { return false }
        let end = c.id(pronoun - 1) == c.words.comma ? pronoun - 1 : pronoun
        return c.match(.initiative, endingAt: end, after: max(0, end - 12)) != nil
    }

    private func isFirstAction(_ a: Int) -> Bool { a == 0 || actions[a - 1].sentence != actions[a].sentence }

}
