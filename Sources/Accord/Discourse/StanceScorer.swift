/// Scores the position each sentence takes toward an initiative (SPEC "Stance"), in the spirit of
/// VADER but for policy text: only evaluative cues from the lexicon count (never topic words such as
/// `security`), degree words scale the cue after them, a negator within three tokens flips it,
/// the clause after `but`/`however` outweighs the one before, and a conditional or a question is
/// neutral. Each cue counts toward the initiative nearest to it, so `Goodbye Merida, welcome
/// Bicentennial accord` gives two records. A `criticize` action that acts on the initiative is a
/// cue of its own; so is the initiative as the subject of an outcome action (`has not reduced`,
/// `has not delivered`).
struct StanceScorer {
    let c: TaggingContext
    let actors: [ActorMention]
    let initiatives: [InitiativeMention]
    let actions: [ActionMention]
    let quotes: [Quote]
    /// Where each actor ends and starts.
    private let boundaries: ActorBoundaries
    /// Which actions are speech or criticism.
    private let verbs: ReportingVerbs
    /// Indices of the speech and criticism actions, in text order (so grouped by sentence).
    private let reporting: [Int]
    /// Where each sentence's actions start in `reporting` (one more entry than sentences).
    private let reportingStart: [Int32]
    /// The sentences of the criticism actions, in order (a sentence once per such action).
    private let criticismSentences: [Int]

    init(c: TaggingContext, actors: [ActorMention], boundaries: ActorBoundaries, initiatives: [InitiativeMention],
         actions: [ActionMention], verbs: ReportingVerbs, quotes: [Quote]) {
        self.c = c
        self.verbs = verbs
        self.actors = actors
        self.boundaries = boundaries
        self.initiatives = initiatives
        self.actions = actions
        self.quotes = quotes
        var reporting: [Int] = []
        var criticismSentences: [Int] = []
        var reportingStart = [Int32](repeating: 0, count: c.sentences.count + 1)
        for a in actions.indices where verbs.isReporting(a) {
            reporting.append(a)
            reportingStart[actions[a].sentence + 1] += 1
            if verbs.isCriticism(a) { criticismSentences.append(actions[a].sentence) }
        }
        for s in c.sentences.indices { reportingStart[s + 1] += reportingStart[s] }
        self.reporting = reporting
        self.reportingStart = reportingStart
        self.criticismSentences = criticismSentences
    }

    static let negationFactor = -0.74
    static let threshold = 0.2

    func records() -> [StanceRecord] {
        var records: [StanceRecord] = []
        let lexiconCues = StanceScorer.merged(self.lexiconCues(), outcomeCues())
        // At most a record a cue, and most cues make one: no copies of the records as they grow.
        records.reserveCapacity(lexiconCues.count + criticismSentences.count)
        var cueCursor = 0
        var criticismCursor = 0
        var contrastCursor = 0
        var initiativeCursor = 0
        // The first initiative named in the latest sentence before this one that names any.
        var recentTopic: (initiative: Int, sentence: Int)?
        // Each holder's latest label toward each initiative, and the record number that set it: a
        // holder's initiatives are few, so an array of them, found by the holder's number.
        var holderNumber: [String: Int] = [:]
        // Records come in runs of one holder (mostly `document`): the last one's number, without hashing.
        var lastHolder: (name: String, number: Int)?
        var positions: [[(initiative: String, label: StanceRecord.Label, order: Int)]] = []
        // A sentence's initiatives and its cues by initiative, their buffers kept from sentence to sentence.
        var targets: [(initiative: Int, token: Int)] = []
        var byInitiative: [Tally] = []
        // Only sentences with a cue (a lexicon cue or a criticism verb) can take a position: they are
        // visited in order, the others never looked at.
        while cueCursor < lexiconCues.count || criticismCursor < criticismSentences.count {
            let s = min(cueCursor < lexiconCues.count ? lexiconCues[cueCursor].sentence : Int.max,
                        criticismCursor < criticismSentences.count ? criticismSentences[criticismCursor] : Int.max)
            let sentence = c.sentences[s]
            while initiativeCursor < initiatives.count && initiatives[initiativeCursor].sentence < s {
                let named = initiatives[initiativeCursor].sentence
                if recentTopic?.sentence != named { recentTopic = (initiativeCursor, named) }
                initiativeCursor += 1
            }
            var k = initiativeCursor
            while k < initiatives.count && initiatives[k].sentence == s { k += 1 }
            let named = initiativeCursor..<k

            let firstCue = cueCursor
            while cueCursor < lexiconCues.count && lexiconCues[cueCursor].sentence == s { cueCursor += 1 }
            while criticismCursor < criticismSentences.count && criticismSentences[criticismCursor] == s { criticismCursor += 1 }
            let reportingVerbs = reportingActions(in: s)
            let backReference = named.isEmpty
            if backReference {
                guard let topic = recentTopic, s - topic.sentence <= 3, refersBack(sentence) else { continue }
            }
            guard !isConditionalOrQuestion(sentence) else { continue }
            targets.removeAllKeepingBuffer()
            if backReference {
                targets.append((recentTopic!.initiative, sentence.tokens.lowerBound))
            } else {
                for i in named { targets.append((i, initiatives[i].tokens.lowerBound)) }
            }
            let contrast = contrastPoint(in: sentence, from: &contrastCursor)
            byInitiative.removeAllKeepingBuffer()
            for cue in lexiconCues[firstCue..<cueCursor] {
                tally(cue.cue, targets, contrast: contrast, sentenceStart: sentence.tokens.lowerBound, into: &byInitiative)
            }
            // `criticize`, `reject`, `condemn` ... acting in the sentence.
            for a in reportingVerbs where verbs.isCriticism(a) && actsOnInitiative(a, backReference: backReference) {
                let cue = CueMatch(start: actions[a].tokens.lowerBound, end: actions[a].tokens.upperBound, weight: actions[a].negated ? 0.3 : -0.6)
                tally(cue, targets, contrast: contrast, sentenceStart: sentence.tokens.lowerBound, into: &byInitiative)
            }
            if byInitiative.count > 1 { byInitiative.sort { $0.key < $1.key } }
            for (resolved, entry) in byInitiative {
                let score = max(-1, min(1, entry.score))
                guard abs(score) >= StanceScorer.threshold else { continue }
                let quote = c.inQuote[entry.first] ? quotes.index(containing: entry.first) : nil
                let holder = quote == nil && entry.holder >= 0 ? actors[entry.holder].entity : holder(quote: quote, sentence: s, cue: entry.first)
                let label: StanceRecord.Label = score > 0 ? .support : .oppose
                var entity = resolved
                // A back-reference that would contradict its holder's earlier position means the other
                // initiative (`Goodbye Merida ... This is going to be a huge success.`).
                // Of several such, the one the holder spoke of most recently: never a dictionary's order.
                let h: Int
                if let last = lastHolder, last.name == holder {
                    h = last.number
                } else {
                    h = holderNumber[holder] ?? positions.count
                    if h == positions.count {
                        holderNumber[holder] = h
                        positions.append([])
                    }
                    lastHolder = (holder, h)
                }
                if backReference, let earlier = positions[h].first(where: { $0.initiative == resolved }), earlier.label != label,
                   let other = positions[h].filter({ $0.label == label && $0.initiative != resolved })
                       .max(by: { $0.order < $1.order })?.initiative {
                    entity = other
                }
                if let slot = positions[h].firstIndex(where: { $0.initiative == entity }) {
                    positions[h][slot] = (entity, label, records.count)
                } else {
                    positions[h].append((entity, label, records.count))
                }
                records.append(StanceRecord(sentence: s, quote: quote, holder: holder, toward: entity, label: label, score: score,
                                            cues: entry.cues.count > 1 ? entry.cues.sorted { $0.span < $1.span } : entry.cues))
            }
        }
        return records
    }

    /// Whether a sentence that names no initiative refers back to one: `it`, `its`, `this`, or
    /// `that` as a subject (before an auxiliary: `that wasn't enough`, `One that will see us as
    /// equal partners`) (SPEC: "by name, back-reference, `this` or `it`"); `Not everyone shares her
    /// optimism` does not.
    private func refersBack(_ sentence: Sentence) -> Bool {
        for k in sentence.tokens {
            let id = c.id(k)
            if id == c.words.it || id == c.words.its || id == c.words.this { return true }
            if id == c.words.that && (c.wordFlags(k + 1).contains(.auxiliary) || c.phrases.startsMatch(.modal, at: k + 1)) { return true }
        }
        return false
    }

    /// The cues of a sentence toward one initiative: their summed weight, the cues, where the first starts.
    private typealias Tally = (key: String, value: (score: Double, cues: [StanceRecord.Cue], first: Int, holder: Int))

    /// Counts a cue toward the initiative nearest to it. A sentence names one or two initiatives: a
    /// linear search beats hashing their names.
    private func tally(_ cue: CueMatch, _ targets: [(initiative: Int, token: Int)], contrast: Int?, sentenceStart: Int,
                       into byInitiative: inout [Tally]) {
        guard let scored = score(cue, contrast: contrast, sentenceStart: sentenceStart) else { return }
        let entity = initiatives[StanceScorer.nearest(targets, to: cue.start).initiative].entity
        guard let slot = byInitiative.firstIndex(where: { $0.key == entity }) else {
            byInitiative.append((entity, (scored.weight, [scored], cue.start, cue.holder)))
            return
        }
        if byInitiative[slot].value.holder < 0 { byInitiative[slot].value.holder = cue.holder }
        // In place: copying the entry out and back would copy its cues every time.
        byInitiative[slot].value.score += scored.weight
        byInitiative[slot].value.cues.append(scored)
    }

    /// The initiative mention nearest to a cue (the mentions are in text order): a binary search.
    static func nearest(_ targets: [(initiative: Int, token: Int)], to token: Int) -> (initiative: Int, token: Int) {
        var lo = 0, hi = targets.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if targets[mid].token < token { lo = mid + 1 } else { hi = mid }
        }
        if lo == targets.count { return targets[lo - 1] }
        if lo == 0 { return targets[0] }
        return token - targets[lo - 1].token <= targets[lo].token - token ? targets[lo - 1] : targets[lo]
    }

    /// A stance cue in the text: its tokens and base weight.
    private struct CueMatch {
        let start: Int
        let end: Int
        let weight: Double
        /// The actor holding the attitude the cue names (`holder=subject`), or -1.
        var holder = -1
    }

    /// The lexicon's stance cues, longest first and not overlapping, with their sentences, in text order.
    private func lexiconCues() -> [(sentence: Int, cue: CueMatch)] {
        var result: [(sentence: Int, cue: CueMatch)] = []
        var lastEnd = 0
        for m in c.matches(.stance) where Int(m.start) >= lastEnd {
            let start = Int(m.start)
            lastEnd = Int(m.end)
            let use = c.lexicon.stanceUses[Int(m.entry)]
            if use.contains(.initiativeSubject) && !hasInitiativeSubject(start) { continue }
            var cue = CueMatch(start: start, end: Int(m.end), weight: c.lexicon.stanceWeights[Int(m.entry)])
            if use.contains(.subjectHolds) { cue.holder = subjectActor(start) }
            result.append((Int(c.tokenSentence[start]), cue))
        }
        return result
    }

    /// `the framework has not reduced the violence`, `the accord slowed the flow`: an initiative (or
    /// `it`) as the subject of an outcome action (`isOutcome`) that happened judges the initiative;
    /// negation (`has not`, `failed to`) flips the cue as it flips any other. Intended or future
    /// outcomes (`aims to reduce`, `will curb`) are descriptions, not judgments.
    private func outcomeCues() -> [(sentence: Int, cue: CueMatch)] {
        var result: [(sentence: Int, cue: CueMatch)] = []
        var i = 0
        // Indices, not elements: a mention copied out of its array retains all its strings.
        for a in actions.indices where actions[a].modality == .none && isOutcome(a) {
            let verb = actions[a].tokens.lowerBound
            while i < initiatives.count && initiatives[i].tokens.upperBound <= verb - 5 { i += 1 }
            guard let subject = subjectEnd(before: verb) else { continue }
            var named = false
            var k = i
            while k < initiatives.count && initiatives[k].tokens.upperBound <= subject {
                if initiatives[k].tokens.upperBound == subject { named = true }
                k += 1
            }
            guard named || c.id(subject - 1) == c.words.it else { continue }
            result.append((actions[a].sentence, CueMatch(start: verb, end: actions[a].tokens.upperBound, weight: StanceScorer.outcomeWeight)))
        }
        return result
    }

    static let outcomeWeight = 0.5

    /// An action that judges its initiative subject by what came of it: any `prevent` action (`has
    /// slowed the flow`, `has not reduced the violence`), and the others when negated (`has not
    /// delivered`, `did not dismantle`); not speech, criticism or commitments, which describe.
    private func isOutcome(_ a: Int) -> Bool {
        let actionClass = actions[a].actionClass
        if actionClass == "prevent" { return true }
        return actions[a].negated && !verbs.isReporting(a) && actionClass != "commit"
    }

    /// Where the subject of the verb at `verb` ends: back across auxiliaries, adverbs and negators
    /// (`has not yet`, `has repeatedly`), at most four tokens, within the sentence.
    private func subjectEnd(before verb: Int) -> Int? {
        let start = c.sentenceStart(verb)
        var k = verb
        while k > start && verb - k <= 4 {
            if let negator = c.match(.negator, endingAt: k, after: start - 1) { k = Int(negator.start); continue }
            // `said the framework "has not stopped`: a partial quote opens between them.
            guard c.wordFlags(k - 1).contains(.auxiliary) || c.isLyAdverb(k - 1) || c.isQuote(k - 1) else { return k }
            k -= 1
        }
        return k > start ? k : nil
    }

    /// Two lists of cues in text order, merged in text order.
    private static func merged(_ a: [(sentence: Int, cue: CueMatch)], _ b: [(sentence: Int, cue: CueMatch)]) -> [(sentence: Int, cue: CueMatch)] {
        if b.isEmpty { return a }
        var result: [(sentence: Int, cue: CueMatch)] = []
        result.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if j == b.count || i < a.count && a[i].cue.start <= b[j].cue.start {
                result.append(a[i]); i += 1
            } else {
                result.append(b[j]); j += 1
            }
        }
        return result
    }

    /// Whether a criticism verb acts on the initiative: its object (`criticized the framework`,
    /// `rejected it`) within the clause after it, or its subject when passive (`the accord was
    /// criticized`). `accused of laundering`, `rejected the claims` in a sentence that names the
    /// framework elsewhere judge something else.
    private func actsOnInitiative(_ a: Int, backReference: Bool) -> Bool {
        let verb = actions[a].tokens
        let end = c.sentences[actions[a].sentence].tokens.upperBound
        var k = verb.upperBound
        while k < min(end, verb.upperBound + 6) && !c.isPunctuation(k) {
            if c.id(k) == c.words.it || c.id(k) == c.words.this { return true }
            if !backReference, initiative(at: k, \.lowerBound) { return true }
            k += 1
        }
        guard let subject = subjectEnd(before: verb.lowerBound) else { return false }
        return !backReference && initiative(at: subject, \.upperBound)
    }

    /// Whether an initiative starts (or ends) at token `k`: a binary search, as initiatives do not
    /// overlap and come in text order.
    private func initiative(at k: Int, _ bound: KeyPath<Range<Int>, Int>) -> Bool {
        let low = partitionIndex(count: initiatives.count, keyAtLeast: k) { initiatives[$0].tokens[keyPath: bound] }
        return low < initiatives.count && initiatives[low].tokens[keyPath: bound] == k
    }

    /// `the framework is working`, `it works`: whether an initiative or `it` is the subject of the
    /// word at `start`.
    private func hasInitiativeSubject(_ start: Int) -> Bool {
        guard let subject = subjectEnd(before: start) else { return false }
        return initiative(at: subject, \.upperBound) || c.id(subject - 1) == c.words.it
    }

    /// The actor that is the subject of the word at `start` (`Mexico welcomed`, `Ebrard, who
    /// praised`, `Mexico, which welcomed`, `she also defended`), or -1.
    private func subjectActor(_ start: Int) -> Int {
        guard let subject = subjectEnd(before: start) else { return -1 }
        if boundaries.ending[subject] >= 0 { return Int(boundaries.ending[subject]) }
        guard c.id(subject - 1) == c.words.who || c.id(subject - 1) == c.words.which else { return -1 }
        let end = c.id(subject - 2) == c.words.comma ? subject - 2 : subject - 1
        return end > 0 ? Int(boundaries.ending[end]) : -1
    }

    /// The speech and criticism actions of sentence `s`, as action indices.
    private func reportingActions(in s: Int) -> ArraySlice<Int> {
        reporting[Int(reportingStart[s])..<Int(reportingStart[s + 1])]
    }

    /// The cue with its degree word and negator folded in, and its clause's weight.
    private func score(_ cue: CueMatch, contrast: Int?, sentenceStart: Int) -> StanceRecord.Cue? {
        var start = cue.start
        var weight = cue.weight
        if let degree = c.match(.degree, endingAt: cue.start, after: sentenceStart - 1) {
            weight *= c.lexicon.degreeFactors[Int(degree.entry)]
            start = Int(degree.start)
        }
        var end = start
        while end > max(sentenceStart, start - 3) {
            if let negator = c.match(.negator, endingAt: end, after: sentenceStart - 1) {
                if c.lexicon.negators[Int(negator.entry)] {
                    weight *= StanceScorer.negationFactor
                    start = Int(negator.start)
                }
                break
            }
            if c.isPunctuation(end - 1) { break }
            end -= 1
        }
        if let contrast {
            weight *= cue.start > contrast ? 1.5 : 0.25
        }
        weight = max(-1, min(1, weight))
        return StanceRecord.Cue(span: c.span(start..<cue.end), weight: weight)
    }

    /// The token of `but`/`however`/`yet` that splits the sentence (not `but also`). `cursor` walks
    /// the contrast matches, as sentences come in order.
    private func contrastPoint(in sentence: Sentence, from cursor: inout Int) -> Int? {
        let matches = c.matches(.contrast)
        while cursor < matches.count && Int(matches[cursor].start) < sentence.tokens.lowerBound { cursor += 1 }
        var k = cursor
        while k < matches.count && sentence.tokens.contains(Int(matches[k].start)) {
            if c.id(Int(matches[k].end)) != c.words.also { return Int(matches[k].start) }
            k += 1
        }
        return nil
    }

    /// `If it delivers, it will be a success`, `Only then can we call it a success`, `Is it a success?`
    private func isConditionalOrQuestion(_ sentence: Sentence) -> Bool {
        let last = sentence.tokens.upperBound - 1
        let mark = c.tokens[last].byteRange
        if mark.count == 1 && c.source.utf8[mark.lowerBound] == UInt8(ascii: "?") { return true }
        let (ifWord, unless, then, only) = (c.words.if_, c.words.unless, c.words.then, c.words.only)
        return c.folded.withUnsafeBufferPointer { ids in
            // Eight ids a step while none of the three words is among them (most sentences have none),
            // then one by one from the first step that holds one.
            var start = sentence.tokens.lowerBound
            let (ifs, unlesses, thens) = (SIMD8(repeating: ifWord), SIMD8(repeating: unless), SIMD8(repeating: then))
            while start + 8 <= sentence.tokens.upperBound {
                let eight = UnsafeRawPointer(ids.baseAddress! + start).loadUnaligned(as: SIMD8<Int32>.self)
                if any(eight .== ifs .| eight .== unlesses .| eight .== thens) { break }
                start += 8
            }
            for k in start..<sentence.tokens.upperBound {
                if ids[k] == ifWord || ids[k] == unless { return true }
                if ids[k] == then, k == sentence.tokens.lowerBound || ids[k - 1] == only { return true }
            }
            return false
        }
    }


    /// The quote's speaker; a reporting subject (`Holloway said the plan failed`, `critics say`); or
    /// the document's own voice.
    private func holder(quote: Int?, sentence s: Int, cue: Int) -> String {
        if let quote, let entity = quotes[quote].entities.first { return entity }
        let sentence = c.sentences[s]
        // A reporting verb before the cue (`Holloway said the plan failed`, `critics say`) or after it
        // (`..., he said.`) makes its subject the holder.
        for a in reportingActions(in: s) where !c.inQuote[actions[a].tokens.lowerBound] {
            let verb = actions[a].tokens
            var k = verb.lowerBound - 1
            while k >= sentence.tokens.lowerBound && verb.lowerBound - k <= 6 {
                if c.id(k) == c.words.critics { return "other:critics" }
                if boundaries.ending[k + 1] >= 0 { return actors[Int(boundaries.ending[k + 1])].entity }
                if c.isPunctuation(k) { break }
                k -= 1
            }
            if verb.lowerBound > cue, boundaries.starting[verb.upperBound] >= 0 {
                return actors[Int(boundaries.starting[verb.upperBound])].entity
            }
        }
        return turnSpeaker(of: cue) ?? "document"
    }

    /// In a transcript or interview, the person whose turn holds token `k`: the turn's label opens its
    /// paragraph (`VILLASEÑOR: ...` naming a person met, or `A: ...`, the interviewee, taken as the
    /// first person the document names). A question's label (`Q:`, `HOST:`) holds nothing.
    private func turnSpeaker(of k: Int) -> String? {
        let label = c.paragraph.firstToken(ofParagraph: Int(c.paragraph[k]))
        // The label: one to three tokens and a colon (`VILLASEÑOR:`, `MS. KESSING:`, `A:`).
        guard let colon = (label + 1...label + 3).first(where: { $0 < k && c.id($0) == c.words.colon }),
              c.isWord(colon - 1) else { return nil }
        if boundaries.ending[colon] >= 0, actors[Int(boundaries.ending[colon])].type == .person,
           actors[Int(boundaries.ending[colon])].tokens.lowerBound >= label {
            return actors[Int(boundaries.ending[colon])].entity
        }
        guard colon == label + 1, c.text(label..<colon) == "A" else { return nil }
        return actors.first { $0.type == .person }?.entity
    }
}
