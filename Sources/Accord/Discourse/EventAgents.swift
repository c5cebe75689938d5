/// Finding an action's agents (SPEC "Events"): its subject, across auxiliaries, asides and relative
/// pronouns; the object that controls an infinitive; the `by` phrase of a passive verb; or the agent
/// of the verb before it, where the grammar lets it carry over.
extension EventLinker {

    /// The agents standing right before an action (added to `pool`), and where they start.
    func subject(of action: Int, into pool: inout [Int]) -> Subject? {
        let first = actions[action].tokens.lowerBound
        if isPassive(first) || isReducedPassive(action) { return passiveAgent(of: action, into: &pool) }
        var k = first
        let sentenceStart = c.sentences[actions[action].sentence].tokens.lowerBound
        while k > sentenceStart {
            let before = k - 1
            if actorEndingAt[k] >= 0 {
                let agents = coordinated(Int(actorEndingAt[k]), into: &pool)
                return (agents, actors[pool[agents].min()!].tokens.lowerBound)
            }
            // `Customs and Border Protection officers seized`, `Guardia Nacional troops arrested`: the
            // organization acts through its people.
            if let noun = c.match(.governmentNoun, endingAt: k, after: sentenceStart - 1), actorEndingAt[Int(noun.start)] >= 0,
               actors[Int(actorEndingAt[Int(noun.start)])].type == .organization {
                let agents = coordinated(Int(actorEndingAt[Int(noun.start)]), into: &pool)
                return (agents, actors[pool[agents].min()!].tokens.lowerBound)
            }
            // `pressed Mexico to extradite`, `urged the United States and Mexico to go after`,
            // `accused Mexico of failing to extradite`, `faulted Washington for not stopping`: the
            // object of the verb before controls the infinitive or gerund; not after `with`
            // (`worked with Mexico to reduce`: the subject does).
            // `urged U.S. authorities last year to prosecute`: a time phrase between them.
            let objectEnd = c.id(before) == c.words.to ? timePhraseStart(endingAt: before - 1, after: sentenceStart) ?? before : before
            if isControlWord(before), objectEnd > sentenceStart, actorEndingAt[objectEnd] >= 0 {
                let agents = coordinated(Int(actorEndingAt[objectEnd]), into: &pool)
                let start = conjunctStart(actors[pool[agents].min()!].tokens.lowerBound)
                let join = c.wordFlags(start - 1).contains(.determiner) ? start - 2 : start - 1
                // `of` and `for` only after a verb of the lexicon (`accused`, `blamed`): `guns seized
                // in Mexico for tracing` is no control. Nor is a partner (`worked with Sedena and the
                // Guard to`, `alongside`) or a destination (`sent agents to Mexico to help`).
                let joinID = c.id(join)
                if joinID != c.words.with && joinID != c.words.alongside && joinID != c.words.to
                    && (c.id(before) == c.words.to || endsAction(join + 1, before: action)) {
                    return (agents, actors[pool[agents].min()!].tokens.lowerBound)
                }
                pool.removeLast(agents.count)
            }
            // `commits both governments to reduce`: the two countries control it.
            if c.id(before) == c.words.to, let collective = c.match(.collective, endingAt: before, after: sentenceStart - 1) {
                let agents = EventLinker.add(bothCountries(before: Int(collective.start)), to: &pool)
                return agents.isEmpty ? nil : (agents, Int(collective.start))
            }
            // `Mexico, which has pledged`, `Ebrard, who promised`: the actor the relative pronoun
            // follows (`which` never stands for a person).
            if c.id(before) == c.words.who || c.id(before) == c.words.which {
                var end = c.id(before - 1) == c.words.comma ? before - 1 : before
                // `the Financial Intelligence Unit (UIF), which froze`: the name before the acronym.
                if actorEndingAt[end] < 0, let open = bracketOpening(endingAt: end, after: sentenceStart) { end = open }
                guard end > sentenceStart, actorEndingAt[end] >= 0,
                      c.id(before) == c.words.who || actors[Int(actorEndingAt[end])].type != .person else { return nil }
                let agents = coordinated(Int(actorEndingAt[end]), into: &pool)
                return (agents, actors[pool[agents].min()!].tokens.lowerBound)
            }
            // `continues to`, `has to`: an auxiliary's `to` stands between a subject and its verb.
            if c.id(before) == c.words.to, before > sentenceStart, isSkippable(before - 1),
               c.wordFlags(before - 1).isDisjoint(with: [.weekdayOrMonth, .timeWord]) {
                k -= 1
                continue
            }
            // `Customs and Border Protection (CBP) seized`, `the National Guard, she said, has helped`,
            // `the Office of Foreign Assets Control, or OFAC, has sanctioned`: an aside between them.
            // The name before a bracketed acronym is the agent, as the gold annotators mark it; the
            // acronym only when nothing before it is an actor.
            // `The National Guard, which keeps 4,000 troops there, sent`, `the UIF, an arm of the
            // finance ministry, froze`: a relative clause or an apposition between them.
            if let subject = actorBeforeParenthetical(endingAt: before, after: sentenceStart) {
                let agents = coordinated(subject, into: &pool)
                return (agents, actors[pool[agents].min()!].tokens.lowerBound)
            }
            if let asideStart = asideEnding(at: before, after: sentenceStart) {
                if actorEndingAt[before] >= 0 && c.id(before) != c.words.comma && actorEndingAt[asideStart] < 0 {
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
            // `When the United States and Mexico adopted the framework, they pledged`: `they` after
            // two coordinated countries is both.
            if c.id(before) == c.words.they, let pair = coordinatedCountries(before: before) {
                let agents = EventLinker.add([pair.0, pair.1], to: &pool)
                return (agents, before)
            }
            if c.id(before) == c.words.we, let quote = quotes.index(containing: before) {
                let agents = EventLinker.add(speakerSide(quote), to: &pool)
                return agents.isEmpty ? nil : (agents, before)
            }
            // `urged Washington to do more to stop`: the controller of the infinitive whose purpose
            // clause this is, across a verb that is no action.
            if c.id(before) == c.words.to, let object = controller(ofInfinitiveBefore: before, after: sentenceStart) {
                let agents = coordinated(object, into: &pool)
                return (agents, actors[pool[agents].min()!].tokens.lowerBound)
            }
            guard isSkippable(before) else { return nil }
            k -= 1
        }
        return nil
    }

    /// Who does what a purpose clause says, across verbs that are no actions, at most eight tokens
    /// back from its `to`, with no punctuation or action between: the object before an earlier `to`
    /// (`Washington` in `urged Washington to do more to`; none after `with`: `worked with Mexico to`,
    /// the subject acts), or the subject of a modal or auxiliary (`INL would use the money to`).
    private func controller(ofInfinitiveBefore to: Int, after sentenceStart: Int) -> Int? {
        var j = to - 1
        while j > sentenceStart && to - j <= 8 {
            if c.isQuote(j) { j -= 1; continue }
            if c.isPunctuation(j) || actionStarts(at: j) { return nil }
            if actorEndingAt[j] >= 0 {
                let actor = Int(actorEndingAt[j])
                if c.id(j) == c.words.to {
                    let start = actors[actor].tokens.lowerBound
                    let join = c.wordFlags(start - 1).contains(.determiner) ? start - 2 : start - 1
                    return c.id(join) == c.words.with ? nil : actor
                }
                if c.wordFlags(j).contains(.auxiliary) || c.match(.modal, at: j) != nil { return actor }
            }
            j -= 1
        }
        return nil
    }

    /// Whether an action starts at token `k`.
    private func actionStarts(at k: Int) -> Bool {
        let a = firstAction(startingAtOrAfter: k)
        return a < actions.count && actions[a].tokens.lowerBound == k
    }

    /// `were recovered by Mexican authorities`, `was arrested ... by agents of the National Guard`:
    /// the actor after `by` in the passive verb's clause (and those coordinated after it); none when
    /// there is no `by`: the passive subject is acted on, not the agent.
    func passiveAgent(of action: Int, into pool: inout [Int]) -> Subject? {
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

    /// `guns seized by Mexican authorities`, `a program paid for by USAID`, `the framework, adopted by
    /// both countries`: a past participle right before `by`, with no auxiliary and no actor right
    /// before it (`Mexico signed by the deadline` is active), is a passive without its auxiliary.
    func isReducedPassive(_ action: Int) -> Bool {
        let verb = actions[action].tokens
        guard c.id(verb.upperBound) == c.words.by, actorEndingAt[verb.lowerBound] < 0,
              !c.wordFlags(verb.lowerBound - 1).contains(.auxiliary) else { return false }
        return isParticiple(verb.lowerBound)
    }

    /// Whether token `first` is a past participle: it ends in `-ed` or `-en`, or starts a past form
    /// of the lexicon (`held`, `took`).
    func isParticiple(_ first: Int) -> Bool {
        let bytes = c.tokens[first].byteRange
        guard bytes.count > 3 else { return false }
        let (penultimate, last) = (c.source.utf8[bytes.upperBound - 2], c.source.utf8[bytes.upperBound - 1])
        return penultimate == UInt8(ascii: "e") && (last == UInt8(ascii: "d") || last == UInt8(ascii: "n")) || startsPastForm(first)
    }

    /// The actor before a comma-enclosed relative clause or apposition that ends with the comma at
    /// `end` (`, which keeps 4,000 troops in Sonora,`, `, an arm of the finance ministry,`, `, part
    /// of DHS,`, `, known as Semar,`): the clause opens with `who`/`which`, a determiner, `part` or a
    /// participle, within 24 tokens, and holds no speech verb.
    func actorBeforeParenthetical(endingAt end: Int, after sentenceStart: Int) -> Int? {
        guard c.id(end) == c.words.comma else { return nil }
        var k = end - 1
        while k > sentenceStart && end - k <= 24 {
            if c.isPunctuation(k) && c.id(k) != c.words.comma { return nil }
            // A comma inside a name (`the Bureau of Alcohol, Tobacco, Firearms and Explosives`) opens nothing.
            if c.id(k) == c.words.comma && actorCovering(k) == nil {
                let opener = k + 1, id = c.id(opener)
                // `, known as Semar,`, `, based in Mexico City,`: a participle opens a reduced relative clause.
                let participle = c.isLowercase(opener) && (c.endsIn(opener, "ed") || c.endsIn(opener, "wn"))
                guard k > sentenceStart, actorEndingAt[k] >= 0,
                      id == c.words.who || id == c.words.which || id == c.words.part || participle
                        || c.wordFlags(opener).contains(.determiner) else { return nil }
                var a = firstAction(startingAtOrAfter: k)
                while a < actions.count && actions[a].tokens.upperBound <= end {
                    if verbs.isReporting(a) { return nil }
                    a += 1
                }
                let actor = Int(actorEndingAt[k])
                return id == c.words.which && actors[actor].type == .person ? nil : actor
            }
            k -= 1
        }
        return nil
    }

    /// Whether one of the actions before `action` ends right before token `end`.
    func endsAction(_ end: Int, before action: Int) -> Bool {
        var b = action - 1
        while b >= 0 && actions[b].tokens.upperBound > end { b -= 1 }
        return b >= 0 && actions[b].tokens.upperBound == end
    }

    /// The start of a short aside that ends at token `end`: a parenthesis of at most four tokens
    /// (`(CBP)`), or a comma-enclosed `or NAME` or speech clause (`, or OFAC,`, `, she said,`).
    func asideEnding(at end: Int, after sentenceStart: Int) -> Int? {
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
                // Commas: an `or` alternative name, a speech clause, or a phrase that opens with a
                // preposition or an adverb and holds no verb (`, in turn,`, `, for its part,`, `, meanwhile,`).
                if c.id(k + 1) == c.words.or { return k }
                var a = firstAction(startingAtOrAfter: k)
                var holdsAction = false
                while a < actions.count && actions[a].tokens.upperBound <= end {
                    if verbs.isReporting(a) { return k }
                    holdsAction = true
                    a += 1
                }
                let opener = k + 1
                let adverbial = c.wordFlags(opener).contains(.preposition) || c.isLyAdverb(opener) || c.id(opener) == c.words.meanwhile
                return adverbial && !holdsAction && opener < end ? k : nil
            }
            k -= 1
        }
        return nil
    }

    /// The opening bracket of `(ACRONYM)` ending right before token `end`, when an actor ends right
    /// before that bracket (`the Financial Intelligence Unit (UIF)`): the name the acronym repeats.
    func bracketOpening(endingAt end: Int, after sentenceStart: Int) -> Int? {
        let close = end - 1
        guard close > sentenceStart, c.tokens[close].byteRange.count == 1,
              c.source.utf8[c.tokens[close].byteRange.lowerBound] == UInt8(ascii: ")"),
              let open = asideEnding(at: close, after: sentenceStart), actorEndingAt[open] >= 0 else { return nil }
        return open
    }

    /// The first action starting at token `k` or later: a binary search.
    func firstAction(startingAtOrAfter k: Int) -> Int {
        partitionIndex(count: actions.count, keyAtLeast: k) { actions[$0].tokens.lowerBound }
    }

    /// `to`, `of`, `for`: the words between a verb's object and the infinitive or gerund it controls.
    func isControlWord(_ k: Int) -> Bool {
        let id = c.id(k)
        return id == c.words.to || id == c.words.of || id == c.words.forWord
    }

    /// How far after a passive verb its `by` phrase may start and end.
    static let byWindow = 12

    /// The last two countries coordinated (`the United States and Mexico`, `Washington and Mexico
    /// City`) in the sentence of token `end` or the one before, ending before `end` and within
    /// `argumentWindow` tokens of it: distinct countries, in text order.
    func coordinatedCountries(before end: Int) -> (Int, Int)? {
        let sentence = Int(c.tokenSentence[end])
        let from = max(c.sentences[max(0, sentence - 1)].tokens.lowerBound, end - EventLinker.argumentWindow)
        var k = end - 1
        while k > from {
            let second = Int(actorEndingAt[k])
            if second >= 0, actors[second].type == .country {
                let start = actors[second].tokens.lowerBound
                let join = c.wordFlags(start - 1).contains(.determiner) ? start - 2 : start - 1
                if c.id(join) == c.words.and, join > from, actorEndingAt[join] >= 0 {
                    let first = Int(actorEndingAt[join])
                    if actors[first].type == .country && actors[first].entity != actors[second].entity { return (first, second) }
                }
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// The actor whose mention holds token `k`, if any (mentions do not overlap).
    func actorCovering(_ k: Int) -> Int? {
        let after = partitionIndex(count: actors.count, keyAtLeast: k + 1) { actors[$0].tokens.lowerBound }
        return after > 0 && actors[after - 1].tokens.contains(k) ? after - 1 : nil
    }

    /// The actor whose mention starts at token `k` (mentions do not overlap).
    func actorStartingAt(_ k: Int) -> Int? {
        let low = partitionIndex(count: actors.count, keyAtLeast: k) { actors[$0].tokens.lowerBound }
        return low < actors.count && actors[low].tokens.lowerBound == k ? low : nil
    }

    /// Whether an action without a subject of its own takes the agent of the one before it: after
    /// `to`, a conjunction or punctuation (`seeks to reduce`, `collaborate ... and develop`, list
    /// items), right after `help` or a speech verb (`helped cut`, `reported seizing`), or as an -ing
    /// form after a preposition (`by offering`); not after a word that is its own subject (`the
    /// framework commits`, `guns seized in Mexico`), nor when passive.
    func mayInherit(_ a: Int) -> Bool {
        let first = actions[a].tokens.lowerBound
        if isPassive(first) { return false }
        let sentenceStart = c.sentences[actions[a].sentence].tokens.lowerBound
        var k = first - 1
        // A quote mark is no boundary: `said that the framework "has not stopped` has the framework
        // as its subject.
        while k >= sentenceStart && (isSkippable(k) || c.isQuote(k)) {
            // `with the objective of fostering`, `a program aimed at improving`: a purpose phrase,
            // not the verb of a subject.
            if c.match(.modal, at: k) != nil, c.wordFlags(k).contains(.preposition) || c.endsIn(k, "ed") { return true }
            k -= 1
        }
        guard k >= sentenceStart, c.isWord(k) else { return true }
        let id = c.id(k)
        if id == c.words.to || id == c.words.and || id == c.words.or || id == c.words.but || id == c.words.then
            || c.wordFlags(k).contains(.preposition) { return true }
        // `helped cut` (a bare infinitive after `help`), `reported seizing` (an -ing form after a
        // speech verb): a verb right after another takes its agent; `pledged help` is an object.
        guard a > 0, actions[a - 1].tokens.upperBound == k + 1 else { return false }
        return actions[a - 1].lemma == "help" || verbs.isReporting(a - 1) && c.endsIn(first, "ing")
    }

    /// `had to be apprehended`, `were seized`: the subject is acted on, not the agent.
    /// The auxiliaries first: most verbs have none before them, and then their form is never read.
    func isPassive(_ first: Int) -> Bool {
        followsPassiveAuxiliary(first) && isParticiple(first)
    }

    /// `were`, `had to be`, `has not been` within three tokens before `first`, across auxiliaries and `not`.
    func followsPassiveAuxiliary(_ first: Int) -> Bool {
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
    func startsPastForm(_ first: Int) -> Bool {
        guard let match = c.match(.action, at: first) else { return false }
        return c.lexicon.actionForms[Int(match.entry)].form == .past
    }

    /// Auxiliaries, modals, negators and adverbs between a subject and its verb.
    func isSkippable(_ k: Int) -> Bool {
        guard c.isWord(k) else { return false }
        if c.wordFlags(k).contains(.auxiliary) { return true }
        if c.phrases.startsMatch(ofAnyOf: modalOrNegator, at: k) { return true }
        if c.id(k) == c.words.not { return true }
        if c.isLyAdverb(k) { return true }
        // `has since expanded`: `since` right after an auxiliary is an adverb.
        if c.id(k) == c.words.since && c.wordFlags(k - 1).contains(.auxiliary) { return true }
        // `OFAC on Tuesday sanctioned`, `Mexico in March extradited`: a date between them.
        if c.wordFlags(k).contains(.weekdayOrMonth) { return true }
        if (c.id(k) == c.words.on || c.id(k) == c.words.in_) && c.wordFlags(k + 1).contains(.weekdayOrMonth) { return true }
        // Inside a modal phrase that started earlier (`seeks to`, `aims to`).
        for back in 1...3 where c.phrases.startsMatch(ofAnyOf: modalOrNegator, at: k - back) {
            if let m = c.match(.modal, at: k - back), Int(m.end) > k { return true }
            if let m = c.match(.negator, at: k - back), Int(m.end) > k { return true }
        }
        return false
    }

    /// Adds agents to the pool; their range in it.
    static func add(_ agents: [Int], to pool: inout [Int]) -> Range<Int> {
        pool += agents
        return (pool.count - agents.count)..<pool.count
    }

    /// `A, B and C`: the actors coordinated with the one ending the subject, in text order, added to `pool`.
    func coordinated(_ actor: Int, into pool: inout [Int]) -> Range<Int> {
        let first = pool.count
        pool.append(actor)
        var start = actors[actor].tokens.lowerBound
        while start >= 2 {
            var join = conjunctStart(start) - 1
            if c.wordFlags(join).contains(.determiner) { join -= 1 } // `Mexico and the U.S.`
            // `A, B and C`: a comma joins only inside a list closed by `and` (not `According to X, the US`).
            let isAnd = c.id(join) == c.words.and || c.id(join) == c.words.or
            guard isAnd || (c.id(join) == c.words.comma && pool.count - first > 1) else { break }
            var other = Int(actorEndingAt[join])
            // `the Defense Ministry (SEDENA) and the Navy`: the name before the bracketed acronym.
            if other < 0, let open = bracketOpening(endingAt: join, after: 0) { other = Int(actorEndingAt[open]) }
            guard other >= 0 else { break }
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

    /// Where a conjunct whose actor starts at `start` begins: before a title (`Mexican Foreign
    /// Secretary Alicia Bárcena`), a possessive country (`Mexico's Defense Ministry`) or a demonym
    /// (`Mexican`) that qualifies it.
    func conjunctStart(_ start: Int) -> Int {
        var lead = start
        // The longest title ending there (`Foreign Secretary`, not `Secretary`).
        if c.phrases.hasMatch(.title, endingAt: start) {
            for k in stride(from: start - 1, through: max(0, start - 6), by: -1) {
                if let title = c.match(.title, at: k), Int(title.end) == start { lead = k }
            }
        }
        if lead >= 2, c.id(lead - 1) == c.words.s, actorEndingAt[lead - 1] >= 0, actors[Int(actorEndingAt[lead - 1])].type == .country {
            return actors[Int(actorEndingAt[lead - 1])].tokens.lowerBound
        }
        if lead < start, actorEndingAt[lead] >= 0, actors[Int(actorEndingAt[lead])].type == .country {
            return actors[Int(actorEndingAt[lead])].tokens.lowerBound
        }
        if lead < start, let demonym = c.match(.demonym, endingAt: lead, after: max(0, lead - 3)) { return Int(demonym.start) }
        return lead
    }

    /// The start of a time phrase of at most four tokens ending at token `end` (`last year`, `this
    /// afternoon`, `for years`, `in March`): time words (time-words.txt), weekdays and months,
    /// prepositions and numbers, ending on a time word, weekday or month.
    func timePhraseStart(endingAt end: Int, after sentenceStart: Int) -> Int? {
        let time: WordFlags = [.timeWord, .weekdayOrMonth]
        guard end > sentenceStart, !c.wordFlags(end).isDisjoint(with: time) else { return nil }
        var start = end
        while start - 1 > sentenceStart && end - (start - 1) < 4
                && (!c.wordFlags(start - 1).isDisjoint(with: time.union(.preposition)) || c.flags(start - 1).contains(.numeric)) {
            start -= 1
        }
        return start
    }

    /// `both governments`: the most recent mention of each of the two last-named countries.
    func bothCountries(before token: Int) -> [Int] {
        countries.latestDistinct(before: token, count: 2)
    }

    /// `we` in a quote: the speaker's country (its latest mention), or the speakers themselves.
    func speakerSide(_ quote: Int) -> [Int] {
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
}
