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
    private let countries: CountryMentions
    /// Actor index by the token just past its end (the last such actor; `-1` where none ends).
    private let actorEndingAt: TokenMarks
    /// Which actions are speech or criticism.
    private let verbs: ReportingVerbs
    /// A person's affiliation, from any mention that gives it.
    private let affiliations: [String: String]
    /// Modal and negator phrases, asked of a token in one test.
    private let modalOrNegator = PhraseMatches.KindSet(.modal, .negator)

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
    private typealias Subject = (agents: Range<Int>, start: Int)

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

            let argumentEnd = self.argumentEnd(after: a, subjects, pool)
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

    // MARK: - Subjects

    /// The agents standing right before an action (added to `pool`), and where they start.
    private func subject(of action: Int, into pool: inout [Int]) -> Subject? {
        let first = actions[action].tokens.lowerBound
        if isPassive(first) { return passiveAgent(of: action, into: &pool) }
        var k = first
        let sentenceStart = c.sentences[actions[action].sentence].tokens.lowerBound
        while k > sentenceStart {
            let before = k - 1
            if actorEndingAt[k] >= 0 {
                let agents = coordinated(Int(actorEndingAt[k]), into: &pool)
                return (agents, actors[pool[agents].min()!].tokens.lowerBound)
            }
            // `pressed Mexico to extradite`, `urged the United States and Mexico to go after`,
            // `accused Mexico of failing to extradite`, `faulted Washington for not stopping`: the
            // object of the verb before controls the infinitive or gerund; not after `with`
            // (`worked with Mexico to reduce`: the subject does).
            if isControlWord(before), before > sentenceStart, actorEndingAt[before] >= 0 {
                let object = Int(actorEndingAt[before])
                let start = actors[object].tokens.lowerBound
                let join = c.wordFlags(start - 1).contains(.determiner) ? start - 2 : start - 1
                // `of` and `for` only after a verb of the lexicon (`accused`, `blamed`): `guns seized
                // in Mexico for tracing` is no control.
                if c.id(join) != c.words.with && (c.id(before) == c.words.to || endsAction(join + 1, before: action)) {
                    let agents = coordinated(object, into: &pool)
                    return (agents, actors[pool[agents].min()!].tokens.lowerBound)
                }
            }
            // `commits both governments to reduce`: the two countries control it.
            if c.id(before) == c.words.to, let collective = c.match(.collective, endingAt: before, after: sentenceStart - 1) {
                let agents = EventLinker.add(bothCountries(before: Int(collective.start)), to: &pool)
                return agents.isEmpty ? nil : (agents, Int(collective.start))
            }
            // `Mexico, which has pledged`, `Ebrard, who promised`: the actor the relative pronoun
            // follows (`which` never stands for a person).
            if c.id(before) == c.words.who || c.id(before) == c.words.which {
                let end = c.id(before - 1) == c.words.comma ? before - 1 : before
                guard end > sentenceStart, actorEndingAt[end] >= 0,
                      c.id(before) == c.words.who || actors[Int(actorEndingAt[end])].type != .person else { return nil }
                let agents = coordinated(Int(actorEndingAt[end]), into: &pool)
                return (agents, actors[pool[agents].min()!].tokens.lowerBound)
            }
            // `continues to`, `has to`: an auxiliary's `to` stands between a subject and its verb.
            if c.id(before) == c.words.to, before > sentenceStart, isSkippable(before - 1) {
                k -= 1
                continue
            }
            // `Customs and Border Protection (CBP) seized`, `the National Guard, she said, has helped`,
            // `the Office of Foreign Assets Control, or OFAC, has sanctioned`: an aside between them.
            if let asideStart = asideEnding(at: before, after: sentenceStart) {
                if actorEndingAt[before] >= 0 && c.id(before) != c.words.comma {
                    let agents = coordinated(Int(actorEndingAt[before]), into: &pool)
                    return (agents, actors[pool[agents].min()!].tokens.lowerBound)
                }
                k = asideStart
                continue
            }
            if let collective = c.match(.collective, endingAt: k, after: sentenceStart - 1) {
                let agents = EventLinker.add(bothCountries(before: Int(collective.start)), to: &pool)
                return agents.isEmpty ? nil : (agents, Int(collective.start))
            }
            if c.id(before) == c.words.we, let quote = quotes.index(containing: before) {
                let agents = EventLinker.add(speakerSide(quote), to: &pool)
                return agents.isEmpty ? nil : (agents, before)
            }
            guard isSkippable(before) else { return nil }
            k -= 1
        }
        return nil
    }

    /// `were recovered by Mexican authorities`, `was arrested ... by agents of the National Guard`:
    /// the actor after `by` in the passive verb's clause (and those coordinated after it); none when
    /// there is no `by`: the passive subject is acted on, not the agent.
    private func passiveAgent(of action: Int, into pool: inout [Int]) -> Subject? {
        let verb = actions[action].tokens
        let end = min(c.sentences[actions[action].sentence].tokens.upperBound, verb.upperBound + EventLinker.byWindow)
        var k = verb.upperBound
        while k < end && !c.isPunctuation(k) && c.id(k) != c.words.by { k += 1 }
        guard k < end, c.id(k) == c.words.by else { return nil }
        var first = k + 1
        while first < min(end, k + 5) && !c.isPunctuation(first) && actorStartingAt(first) == nil { first += 1 }
        guard var agent = actorStartingAt(first) else { return nil }
        // `by Mexico's Congress`: the possessor names whose body acts.
        let after = actors[agent].tokens.upperBound
        if c.id(after) == c.words.s, let owned = actorStartingAt(after + 1) { agent = owned }
        let start = pool.count
        pool.append(agent)
        // `by Mexico and the United States`: the actors joined after it.
        var next = actors[agent].tokens.upperBound
        while next < end, c.id(next) == c.words.and || c.id(next) == c.words.or {
            let other = c.wordFlags(next + 1).contains(.determiner) ? next + 2 : next + 1
            guard let joined = actorStartingAt(other) else { break }
            pool.append(joined)
            next = actors[joined].tokens.upperBound
        }
        return (start..<pool.count, verb.lowerBound)
    }

    /// Whether one of the actions before `action` ends right before token `end`.
    private func endsAction(_ end: Int, before action: Int) -> Bool {
        var b = action - 1
        while b >= 0 && actions[b].tokens.upperBound > end { b -= 1 }
        return b >= 0 && actions[b].tokens.upperBound == end
    }

    /// The start of a short aside that ends at token `end`: a parenthesis of at most four tokens
    /// (`(CBP)`), or a comma-enclosed `or NAME` or speech clause (`, or OFAC,`, `, she said,`).
    private func asideEnding(at end: Int, after sentenceStart: Int) -> Int? {
        let closing = c.tokens[end].byteRange
        guard closing.count == 1 else { return nil }
        let mark = c.source.utf8[closing.lowerBound]
        let opening: UInt8 = mark == UInt8(ascii: ")") ? UInt8(ascii: "(") : mark == UInt8(ascii: ",") ? UInt8(ascii: ",") : 0
        guard opening != 0 else { return nil }
        var k = end - 1
        while k > sentenceStart && end - k <= 5 {
            let bytes = c.tokens[k].byteRange
            if bytes.count == 1 && c.source.utf8[bytes.lowerBound] == opening {
                if opening == UInt8(ascii: "(") { return k }
                // Commas: only an `or` alternative name or a speech verb inside.
                if c.id(k + 1) == c.words.or { return k }
                var a = firstAction(startingAtOrAfter: k)
                while a < actions.count && actions[a].tokens.upperBound <= end {
                    if verbs.isReporting(a) { return k }
                    a += 1
                }
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// The first action starting at token `k` or later: a binary search.
    private func firstAction(startingAtOrAfter k: Int) -> Int {
        partitionIndex(count: actions.count, keyAtLeast: k) { actions[$0].tokens.lowerBound }
    }

    /// `to`, `of`, `for`: the words between a verb's object and the infinitive or gerund it controls.
    private func isControlWord(_ k: Int) -> Bool {
        let id = c.id(k)
        return id == c.words.to || id == c.words.of || id == c.words.forWord
    }

    /// How far after a passive verb its `by` phrase may start and end.
    static let byWindow = 12

    /// The actor whose mention starts at token `k` (mentions do not overlap).
    private func actorStartingAt(_ k: Int) -> Int? {
        let low = partitionIndex(count: actors.count, keyAtLeast: k) { actors[$0].tokens.lowerBound }
        return low < actors.count && actors[low].tokens.lowerBound == k ? low : nil
    }

    /// Whether an action without a subject of its own takes the agent of the one before it: after
    /// `to`, a conjunction or punctuation (`seeks to reduce`, `collaborate ... and develop`, list
    /// items), right after `help` or a speech verb (`helped cut`, `reported seizing`), or as an -ing
    /// form after a preposition (`by offering`); not after a word that is its own subject (`the
    /// framework commits`, `guns seized in Mexico`), nor when passive.
    private func mayInherit(_ a: Int) -> Bool {
        let first = actions[a].tokens.lowerBound
        if isPassive(first) { return false }
        let sentenceStart = c.sentences[actions[a].sentence].tokens.lowerBound
        var k = first - 1
        while k >= sentenceStart && isSkippable(k) {
            // `with the objective of fostering`, `a program aimed at improving`: a purpose phrase,
            // not the verb of a subject.
            if c.match(.modal, at: k) != nil, c.wordFlags(k).contains(.preposition) || isPastParticiple(k) { return true }
            k -= 1
        }
        guard k >= sentenceStart, c.isWord(k) else { return true }
        let id = c.id(k)
        if id == c.words.to || id == c.words.and || id == c.words.or || id == c.words.but || id == c.words.then
            || c.wordFlags(k).contains(.preposition) { return true }
        // `helped cut` (a bare infinitive after `help`), `reported seizing` (an -ing form after a
        // speech verb): a verb right after another takes its agent; `pledged help` is an object.
        guard a > 0, actions[a - 1].tokens.upperBound == k + 1 else { return false }
        return actions[a - 1].lemma == "help" || verbs.isReporting(a - 1) && isIngForm(first)
    }

    /// Whether a token ends in `-ing`.
    private func isIngForm(_ k: Int) -> Bool {
        let bytes = c.tokens[k].byteRange
        return bytes.count > 4 && c.source.utf8[bytes.upperBound - 3] == UInt8(ascii: "i") && c.source.utf8[bytes.upperBound - 2] == UInt8(ascii: "n")
            && c.source.utf8[bytes.upperBound - 1] == UInt8(ascii: "g")
    }

    /// Whether a token ends in `-ed` (`aimed`, `designed`).
    private func isPastParticiple(_ k: Int) -> Bool {
        let bytes = c.tokens[k].byteRange
        return bytes.count > 3 && c.source.utf8[bytes.upperBound - 2] == UInt8(ascii: "e") && c.source.utf8[bytes.upperBound - 1] == UInt8(ascii: "d")
    }


    /// `had to be apprehended`, `were seized`: the subject is acted on, not the agent.
    /// The auxiliaries first: most verbs have none before them, and then their form is never read.
    private func isPassive(_ first: Int) -> Bool {
        let bytes = c.tokens[first].byteRange
        guard bytes.count > 3, followsPassiveAuxiliary(first) else { return false }
        let (penultimate, last) = (c.source.utf8[bytes.upperBound - 2], c.source.utf8[bytes.upperBound - 1])
        return penultimate == UInt8(ascii: "e") && (last == UInt8(ascii: "d") || last == UInt8(ascii: "n")) || startsPastForm(first)
    }

    /// `were`, `had to be`, `has not been` within three tokens before `first`, across auxiliaries and `not`.
    private func followsPassiveAuxiliary(_ first: Int) -> Bool {
        var k = first - 1
        while k >= 0 && first - k <= 3 {
            if c.wordFlags(k).contains(.passiveAuxiliary) { return true }
            guard c.wordFlags(k).contains(.auxiliary) || c.id(k) == c.words.not else { return false }
            k -= 1
        }
        return false
    }

    /// Whether token `first` starts a past form in the lexicon (`held`, `took`). Asked only of verbs
    /// after a passive auxiliary that do not end in `-ed`/`-en`: one look-up of the match starting
    /// there, not a list for every action.
    private func startsPastForm(_ first: Int) -> Bool {
        guard let match = c.match(.action, at: first) else { return false }
        return c.lexicon.actionForms[Int(match.entry)].form == .past
    }

    /// Auxiliaries, modals, negators and adverbs between a subject and its verb.
    private func isSkippable(_ k: Int) -> Bool {
        guard c.isWord(k) else { return false }
        if c.wordFlags(k).contains(.auxiliary) { return true }
        if c.phrases.startsMatch(ofAnyOf: modalOrNegator, at: k) { return true }
        if c.id(k) == c.words.not { return true }
        // An adverb in `-ly`.
        let end = Int(c.tokens[k].endByte)
        if end - Int(c.tokens[k].startByte) > 3, c.source.utf8[end - 1] == UInt8(ascii: "y"), c.source.utf8[end - 2] == UInt8(ascii: "l"),
           c.isLowercase(k) { return true }
        // Inside a modal phrase that started earlier (`seeks to`, `aims to`).
        for back in 1...3 where c.phrases.startsMatch(ofAnyOf: modalOrNegator, at: k - back) {
            if let m = c.match(.modal, at: k - back), Int(m.end) > k { return true }
            if let m = c.match(.negator, at: k - back), Int(m.end) > k { return true }
        }
        return false
    }

    /// Adds agents to the pool; their range in it.
    private static func add(_ agents: [Int], to pool: inout [Int]) -> Range<Int> {
        pool += agents
        return (pool.count - agents.count)..<pool.count
    }

    /// `A, B and C`: the actors coordinated with the one ending the subject, in text order, added to `pool`.
    private func coordinated(_ actor: Int, into pool: inout [Int]) -> Range<Int> {
        let first = pool.count
        pool.append(actor)
        var start = actors[actor].tokens.lowerBound
        while start >= 2 {
            var join = start - 1
            if c.wordFlags(join).contains(.determiner) { join -= 1 } // `Mexico and the U.S.`
            // `A, B and C`: a comma joins only inside a list closed by `and` (not `According to X, the US`).
            let isAnd = c.id(join) == c.words.and || c.id(join) == c.words.or
            guard isAnd || (c.id(join) == c.words.comma && pool.count - first > 1), actorEndingAt[join] >= 0 else { break }
            let other = Int(actorEndingAt[join])
            pool.append(other)
            start = actors[other].tokens.lowerBound
        }
        // Met from right to left. Swapped in place: reversing a slice of the pool would copy it.
        var (left, right) = (first, pool.count - 1)
        while left < right {
            pool.swapAt(left, right)
            left += 1
            right -= 1
        }
        return first..<pool.count
    }

    /// `both governments`: the most recent mention of each of the two last-named countries.
    private func bothCountries(before token: Int) -> [Int] {
        countries.latestDistinct(before: token, count: 2)
    }

    /// `we` in a quote: the speaker's country (its latest mention), or the speakers themselves.
    private func speakerSide(_ quote: Int) -> [Int] {
        let speakers = quotes[quote].speakers
        var side: [Int] = []
        for s in speakers {
            let speaker = actors[s]
            if speaker.type == .country || speaker.type == .organization { side.append(s); continue }
            let country = speaker.affiliation ?? affiliations[speaker.entity]
            if let country, let mention = countries.latest(country, before: quotes[quote].tokens.lowerBound) {
                side.append(mention)
            } else {
                side.append(s)
            }
        }
        // Distinct and in order: sorted, then each run of one actor kept once.
        side.sort()
        var distinct: [Int] = []
        distinct.reserveCapacity(side.count)
        for s in side where distinct.last != s { distinct.append(s) }
        return distinct
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
            while s <= end && (s == lead.sentence + 1 || startsListItem(s)) {
                result.append((s, lead.agents))
                s += 1
            }
        }
        for s in colonEndedSentences() {
            items(through: s)
            let sentence = c.sentences[s]
            let last = sentence.tokens.upperBound - 1
            while actorCursor < actors.count && actors[actorCursor].tokens.lowerBound < sentence.tokens.lowerBound { actorCursor += 1 }
            let first = pool.count
            var k = actorCursor
            while k < actors.count && actors[k].tokens.upperBound <= last { pool.append(k); k += 1 }
            var agents = first..<pool.count
            if agents.isEmpty, let collective = firstCollective(in: sentence.tokens) {
                agents = EventLinker.add(bothCountries(before: collective), to: &pool)
            }
            current = agents.isEmpty ? nil : (agents, s)
        }
        items(through: c.sentences.count - 1)
        return result
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


    /// The first `both governments` phrase in a token range.
    private func firstCollective(in range: Range<Int>) -> Int? {
        let matches = c.matches(.collective)
        var lo = 0, hi = matches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(matches[mid].start) < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < matches.count && range.contains(Int(matches[lo].start)) ? Int(matches[lo].start) : nil
    }

    private func isFirstAction(_ a: Int) -> Bool { a == 0 || actions[a - 1].sentence != actions[a].sentence }

    /// Whether a sentence opens with a bullet (`-` `•` `*` `·` `–` `—`) or a number with a period (`1.`).
    private func startsListItem(_ sentence: Int) -> Bool {
        let first = c.sentences[sentence].tokens.lowerBound
        if EventLinker.isBullet(c.source.utf8[c.tokens[first].byteRange]) { return true }
        return c.flags(first).contains(.numeric) && c.text(first..<(first + 1)).hasSuffix(".")
    }

    /// Whether a token's bytes are a bullet; `·` also as U+0387, which `String` equality (canonical
    /// equivalence) takes for U+00B7.
    static func isBullet(_ text: ArraySlice<UInt8>) -> Bool {
        let b = text.startIndex
        switch text.count {
        case 1: return text[b] == UInt8(ascii: "-") || text[b] == UInt8(ascii: "*")
        case 2: return text[b] == 0xC2 && text[b + 1] == 0xB7 || text[b] == 0xCE && text[b + 1] == 0x87
        case 3: return text[b] == 0xE2 && text[b + 1] == 0x80 && (text[b + 2] == 0xA2 || text[b + 2] == 0x93 || text[b + 2] == 0x94)
        default: return false
        }
    }
}
