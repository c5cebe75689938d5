/// Builds the quote layer (SPEC "Quotes"): each pair of quote marks is a quote; its speakers come
/// from the attribution around it, tried in this order:
/// 1. after the quote, in its sentence: `"…," said Ebrard`, `"…," Ebrard explained`, `"…," he said`,
///    `"…," the joint statement read` (the statement's parties: the countries named before it);
/// 2. before it: `Ebrard said: "…"`, `according to Ebrard, "…"`;
/// 3. a quote without its own attribution continues the last attributed quote of its paragraph
///    (`"…," Ebrard explained. "…"`).
/// Speech verbs are the lexicon's `say` actions.
struct QuoteAttributor {
    let c: TaggingContext
    let actors: [ActorMention]
    let actions: [ActionMention]
    /// How many unbalanced quote marks are listed one by one before the rest are counted.
    static let warningLimit = 10

    /// Actor index by the token just past its end (`-1` where none ends).
    private let actorEndingAt: TokenMarks
    /// Actor index by its first token (`-1` where none starts).
    private let actorAt: TokenMarks
    /// Which actions are speech or criticism.
    private let verbs: ReportingVerbs
    private let countries: CountryMentions

    init(c: TaggingContext, actors: [ActorMention], boundaries: ActorBoundaries, countries: CountryMentions,
         actions: [ActionMention], verbs: ReportingVerbs) {
        self.c = c
        self.verbs = verbs
        self.countries = countries
        self.actors = actors
        self.actions = actions
        actorEndingAt = boundaries.ending
        actorAt = boundaries.starting
    }

    func quotes() -> (quotes: [Quote], warnings: [String]) {
        var quotes: [Quote] = []
        quotes.reserveCapacity(c.quotePairs.count)
        var warnings: [String] = []
        var previous: (paragraph: Int, speakers: [Int], cue: String?)?
        // Consecutive quotes of one speaker share one array of entities.
        var lastEntities: (speakers: [Int], entities: [String]) = ([], [])
        // The first action starting at or after the quote's opening mark: the quotes open in text
        // order, so a cursor, and the attribution patterns walk from it.
        var firstAction = 0
        var unbalanced = 0
        for pair in c.quotePairs {
            while firstAction < actions.count && actions[firstAction].tokens.lowerBound < pair.open { firstAction += 1 }
            let inner = (pair.open + 1)..<pair.close
            if !pair.balanced {
                unbalanced += 1
                if unbalanced <= QuoteAttributor.warningLimit {
                    warnings.append("unbalanced quote mark at offset \(c.tokens[pair.open].start): the quotation ends at its paragraph's end")
                }
            }
            guard !inner.isEmpty else { continue }
            let paragraph = Int(c.paragraph[pair.open])
            // A partial quote inside a clause (`described the call as "cordial," but he said ...`)
            // belongs to the speech verb before it first; a quote that opens its sentence, to the one after.
            let partial = c.isWord(pair.open - 1) && c.sameSentence(pair.open - 1, pair.open)
            var found = partial ? before(pair, firstAction) ?? after(pair, firstAction) : after(pair, firstAction) ?? before(pair, firstAction)
            if found == nil {
                found = lastSpeechAct(before: firstAction, paragraph: paragraph)
            }
            if found == nil, let previous, previous.paragraph == paragraph {
                found = (previous.speakers, previous.cue)
            }
            let speakers = found?.speakers ?? []
            if speakers != lastEntities.speakers { lastEntities = (speakers, uniqueEntities(speakers)) }
            quotes.append(Quote(span: c.span(inner), speakers: speakers, entities: lastEntities.entities, cue: found?.cue, tokens: inner))
            if found != nil { previous = (paragraph, speakers, found?.cue) }
        }
        if unbalanced > QuoteAttributor.warningLimit {
            warnings.append("\(unbalanced - QuoteAttributor.warningLimit) more unbalanced quote marks not listed")
        }
        return (quotes, warnings)
    }

    // MARK: - Attribution patterns

    /// `"…," said Ebrard` / `"…," Ebrard said` / `"…," the joint statement read` / `"…," according to
    /// Ebrard`. `firstAction` is
    /// the first action starting at or after the opening mark.
    private func after(_ pair: QuoteRegions.Pair, _ firstAction: Int) -> (speakers: [Int], cue: String?)? {
        var k = pair.close + 1
        guard pair.balanced, k < c.count, !c.flags(k).contains(.lineBefore) else { return nil }
        let limit = min(c.count, k + 14)
        var subject: [Int] = []
        // The first action starting at or after `k`, moved along as `k` moves (actions start in order).
        var a = firstAction
        // Not past the end of the quote's sentence (`"... leaders." U.S. prosecutors have asked`).
        while k < limit, !c.flags(k).contains(.lineBefore), !c.isQuote(k) || k == pair.close + 1, c.sameSentence(pair.close, k) {
            // `"…," according to Villaseñor`, `according to the ATF`.
            if subject.isEmpty, c.id(k) == c.words.according, c.id(k + 1) == c.words.to {
                let name = c.wordFlags(k + 2).contains(.determiner) ? k + 3 : k + 2
                return name < c.count && actorAt[name] >= 0 ? ([Int(actorAt[name])], "according to") : nil
            }
            while a < actions.count && actions[a].tokens.lowerBound < k { a += 1 }
            if a < actions.count && actions[a].tokens.lowerBound == k, verbs.isReporting(a) {
                let cue = c.text(actions[a].tokens)
                if !subject.isEmpty { return (subject, cue) }
                // `told Reuters`: who hears is no speaker.
                if c.lexicon.hearerLemmas.contains(actions[a].lemma) { return nil }
                // `said Ebrard` / `said Mexico's Foreign Affairs Secretary Marcelo Ebrard`
                var j = actions[a].tokens.upperBound
                while j < limit, !c.flags(j).contains(.lineBefore), !isClauseEnd(j) {
                    if actorAt[j] >= 0 { return ([Int(actorAt[j])], cue) }
                    j += 1
                }
                if let parties = statementParties(before: pair.open, from: pair.close + 1, to: actions[a].tokens.lowerBound) {
                    return (parties, cue)
                }
                return nil
            }
            if actorAt[k] >= 0 {
                // `Rebecca Lindqvist, a senior fellow at CSIS, wrote`: the first actor is the speaker.
                if subject.isEmpty { subject = [Int(actorAt[k])] }
                k = actors[Int(actorAt[k])].tokens.upperBound
                continue
            }
            if isClauseEnd(k) && k > pair.close + 1 { return nil }
            k += 1
        }
        return nil
    }

    /// `Ebrard said: "…"`, `Ebrard said, "…"`, `according to Ebrard, "…"`. `firstAction` is the
    /// first action starting at or after the opening mark.
    private func before(_ pair: QuoteRegions.Pair, _ firstAction: Int) -> (speakers: [Int], cue: String?)? {
        let sentenceStart = c.sentenceStart(pair.open)
        var k = pair.open - 1
        if k >= 0, c.isPunctuation(k) { k -= 1 }
        // The last action starting at or before `k`, moved back as `k` moves back.
        var a = firstAction - 1
        while k >= sentenceStart && k >= pair.open - 24 {
            if c.isQuote(k) { return nil }
            while a >= 0 && actions[a].tokens.lowerBound > k { a -= 1 }
            if a >= 0 && actions[a].tokens.lowerBound == k, verbs.isSpeech(a) {
                let verb = actions[a].tokens
                guard let speaker = subject(ofVerbAt: verb.lowerBound, sentenceStart: sentenceStart) else { return nil }
                return ([speaker], c.text(verb))
            }
            // `according to Ebrard, "…"`, `according to the ATF, "…"`.
            let to = c.wordFlags(k - 1).contains(.determiner) ? k - 2 : k - 1
            if actorAt[k] >= 0, c.id(to) == c.words.to, c.id(to - 1) == c.words.according {
                return ([Int(actorAt[k])], "according to")
            }
            k -= 1
        }
        return nil
    }

    /// The speaker of a reporting verb: the actor right before it (across auxiliaries and adverbs:
    /// `Ebrard has repeatedly said`), else the sentence's first actor, its main subject (`Sheinbaum
    /// praised the talks but warned that ...`).
    private func subject(ofVerbAt verb: Int, sentenceStart: Int) -> Int? {
        var k = verb
        while k > sentenceStart {
            if actorEndingAt[k] >= 0 { return Int(actorEndingAt[k]) }
            let word = k - 1
            guard c.wordFlags(word).contains(.auxiliary) || c.isLyAdverb(word) || c.match(.modal, at: word) != nil else { break }
            k -= 1
        }
        let first = actors.firstIndex(startingAtOrAfter: sentenceStart)
        guard first < actors.count, actors[first].tokens.upperBound <= verb, !c.inQuote[actors[first].tokens.lowerBound] else { return nil }
        return first
    }

    /// `…, he said. "…"`: the speaker of the latest speech verb of the paragraph, outside quotes, the
    /// actions before `firstAction` being those before the quote.
    private func lastSpeechAct(before firstAction: Int, paragraph: Int) -> (speakers: [Int], cue: String?)? {
        var a = firstAction - 1
        let oldest = a - 50 // a bounded look back: linear even in a document of one paragraph
        // The actions before the quote are in its paragraph from the paragraph's first token on.
        let paragraphStart = c.paragraph.firstToken(ofParagraph: paragraph)
        while a >= 0, a > oldest, actions[a].tokens.lowerBound >= paragraphStart {
            // The verb's tokens only: a copy of the whole mention would retain its strings.
            let verb = actions[a].tokens
            if verbs.isSpeech(a), !c.inQuote[verb.lowerBound] {
                let subject = actorEndingAt[verb.lowerBound]
                if subject >= 0, !c.inQuote[actors[Int(subject)].tokens.lowerBound] {
                    return ([Int(subject)], c.text(verb))
                }
                if actorAt[verb.upperBound] >= 0 { return ([Int(actorAt[verb.upperBound])], c.text(verb)) }
            }
            a -= 1
        }
        return nil
    }

    /// The joint statement's parties: the distinct countries named before the quote, each by its most
    /// recent mention, when the attribution names a statement (`the joint statement read`).
    private func statementParties(before open: Int, from: Int, to: Int) -> [Int]? {
        guard (from..<to).contains(where: { c.id($0) == c.words.statement || c.id($0) == c.words.declaration }),
              (from..<to).contains(where: { c.id($0) == c.words.joint }) else { return nil }
        let parties = countries.latestDistinct(before: open, count: 8)
        return parties.isEmpty ? nil : parties
    }

    // MARK: - Helpers

    private func isClauseEnd(_ k: Int) -> Bool {
        guard c.isPunctuation(k) else { return false }
        let bytes = c.tokens[k].byteRange
        guard bytes.count == 1 else { return false }
        switch c.source.utf8[bytes.lowerBound] {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ":"): return true
        default: return false
        }
    }

    private func uniqueEntities(_ speakers: [Int]) -> [String] {
        // Mostly no speaker or one: an array made at its size, not a search and a growing array.
        if speakers.isEmpty { return [] }
        if speakers.count == 1 { return [actors[speakers[0]].entity] }
        var seen: [String] = []
        for s in speakers where !seen.contains(actors[s].entity) { seen.append(actors[s].entity) }
        return seen
    }
}
