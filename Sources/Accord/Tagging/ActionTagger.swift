/// Finds actions (SPEC "Actions"): verb forms and verbal phrases from the lexicon, longest first,
/// that are used as verbs, with their negation and modality.
///
/// - Noun rule: a form right after a determiner or possessive (`the fight`, `its support`), any form
///   but -ing right after a preposition (`in arrests`, `with help`), or a base form before `of`
///   (`a call of`), is a noun, not an action.
/// - `object=people` entries (`support`) are actions only with an actor or young people as object.
/// - Negation: a negator phrase (`not`, `n't`, `failed to`, `did little to`) ending within four
///   tokens before the verb, in the same clause; `not only` does not negate.
/// - Modality: the nearest modal phrase within five tokens (`will`, `seeks to`, `must`, `could`), else
///   a bare purpose `to` (intent), else the modality of the action it is coordinated with, else, for
///   a list item's first verb, its lead-in's (`The United States will:` future, `called on ... to:` intent).
struct ActionTagger {
    let c: TaggingContext
    /// `c.lexicon`, held here: reading an entry through the context copied the whole lexicon value.
    private let lexicon: TaggingLexicon

    init(c: TaggingContext) {
        self.c = c
        lexicon = c.lexicon
    }

    func tag(actors: [ActorMention], initiatives: [InitiativeMention], targets: [TargetMention]) -> [ActionMention] {
        // Indices, not elements: a mention copied out of its array retains all its strings.
        var blocked = RangeSweep(count: actors.count) { actors[$0].tokens }
        var blockedByInitiative = RangeSweep(count: initiatives.count) { initiatives[$0].tokens }

        let matches = c.matches(.action)
        var mentions: [ActionMention] = []
        mentions.reserveCapacity(matches.count)
        var lastEnd = 0
        for m in matches where Int(m.start) >= lastEnd {
            let start = Int(m.start), end = Int(m.end)
            let form = lexicon.actionForms[Int(m.entry)]
            // The entry's fields are read in place: a copy would retain its strings.
            let k = Int(form.entry)
            if blocked.covers(start) || blockedByInitiative.covers(start) || isNoun(start, end, form.form) || inTitleCaseName(start) { continue }
            switch lexicon.actions[k].object {
            case .people:
                if !hasPeopleObject(in: end..<min(end + 5, c.count), sentenceOf: start, actors: actors, targets: targets) { continue }
            case .patient:
                if !hasPatient(after: end, form: form.form, sentenceOf: start, targets: targets) { continue }
            case .any, .hearer:
                break
            }
            if !lexicon.actions[k].notBefore.isEmpty, c.sameSentence(start, end), lexicon.actions[k].notBefore.contains(c.id(end)) { continue }
            let negated = isNegated(start)
            var modality = modalityBefore(start)
            // Speech verbs report; they do not share the modality of the verbs they report.
            if modality == .none, lexicon.actions[k].actionClass != "say", let previous = mentions.indices.last,
               isCoordinated(mentions[previous].modality, mentions[previous].sentence, mentions[previous].tokens, start) {
                modality = mentions[previous].modality
            }
            // A list item's first verb: the modality of its lead-in (`will:` future, `to:` intent).
            let sentence = Int(c.tokenSentence[start])
            if modality == .none, mentions.last?.sentence != sentence, let colon = c.leadInColon(ofItem: sentence) {
                modality = modalityBefore(colon)
            }
            mentions.append(ActionMention(span: c.span(start..<end), lemma: lexicon.actions[k].lemma, actionClass: lexicon.actions[k].actionClass,
                                          sentence: sentence, negated: negated, modality: modality,
                                          tokens: start..<end))
            lastEnd = end
        }
        return mentions
    }

    /// Whether an actor, a noun for people (people-nouns.txt, government-nouns.txt) or a `youth`
    /// target starts in `window`, in the sentence of `start`: the object an `object=people` entry
    /// needs. Both arrays are in order of start (binary search).
    private func hasPeopleObject(in window: Range<Int>, sentenceOf start: Int, actors: [ActorMention], targets: [TargetMention]) -> Bool {
        var a = partitionIndex(count: actors.count, keyAtLeast: window.lowerBound) { actors[$0].tokens.lowerBound }
        while a < actors.count, actors[a].tokens.lowerBound < window.upperBound {
            if c.sameSentence(actors[a].tokens.lowerBound, start) { return true }
            a += 1
        }
        // `trained health workers`, `train Mexican police`: a noun for people.
        for k in window where c.sameSentence(k, start) {
            if c.wordFlags(k).contains(.peopleNoun) || c.phrases.startsMatch(.governmentNoun, at: k) { return true }
        }
        var t = partitionIndex(count: targets.count, keyAtLeast: window.lowerBound) { targets[$0].tokens.lowerBound }
        while t < targets.count, targets[t].tokens.lowerBound < window.upperBound {
            if targets[t].category == "youth" && c.sameSentence(targets[t].tokens.lowerBound, start) { return true }
            t += 1
        }
        return false
    }

    /// Whether the object of a `treat` starting at `end` is a drug target or a noun for people
    /// within six tokens, or, for a participle after `be`, a drug target ends within four tokens
    /// before the auxiliary (`addiction can be treated`).
    private func hasPatient(after end: Int, form: Inflection.VerbForm, sentenceOf start: Int, targets: [TargetMention]) -> Bool {
        let window = end..<min(end + 6, c.count)
        for k in window where c.sameSentence(k, start) && c.wordFlags(k).contains(.peopleNoun) { return true }
        var t = partitionIndex(count: targets.count, keyAtLeast: window.lowerBound) { targets[$0].tokens.lowerBound }
        while t < targets.count, targets[t].tokens.lowerBound < window.upperBound {
            if targets[t].category == "drugs" && c.sameSentence(targets[t].tokens.lowerBound, start) { return true }
            t += 1
        }
        guard form == .past, c.wordFlags(start - 1).contains(.auxiliary) else { return false }
        let before = partitionIndex(count: targets.count, keyAtLeast: start - 1) { targets[$0].tokens.upperBound }
        guard before > 0 else { return false }
        let target = targets[before - 1]
        return target.category == "drugs" && target.tokens.upperBound >= start - 5 && c.sameSentence(target.tokens.lowerBound, start)
    }

    private func isNoun(_ start: Int, _ end: Int, _ form: Inflection.VerbForm) -> Bool {
        let before = start - 1
        let flags = c.wordFlags(before)
        if flags.contains(.determiner) && c.sameSentence(before, start) { return true }
        if form == .base && isModifiedNoun(start) { return true }
        if form == .ing && isListedNoun(start, end) { return true }
        if isTurnLabel(start, end) { return true }
        if flags.contains(.preposition) && form != .ing && c.sameSentence(before, start) { return true }
        if c.id(before) == c.words.s || c.id(before) == c.words.apostrophe { return true }
        if form != .past && c.id(end) == c.words.of { return true }
        if form == .third || form == .ing { return isBareNoun(start, end, form) }
        return false
    }

    /// `trafficking charges in Chicago`, `coordinated sanctions by`, `helicopters and training for`:
    /// an -s or -ing form after a common word and before a preposition, punctuation, `and`/`or` or a
    /// participle is a noun. As a verb, that form follows its subject (a name, a pronoun, an
    /// auxiliary) and takes an object.
    private func isBareNoun(_ start: Int, _ end: Int, _ form: Inflection.VerbForm) -> Bool {
        let before = start - 1
        guard c.isWord(before), c.isLowercase(before), c.sameSentence(before, start) else { return false }
        let flags = c.wordFlags(before)
        if !flags.isDisjoint(with: ActionTagger.subjectWords) { return false }
        let id = c.id(before)
        if id == c.words.to || id == c.words.who || id == c.words.which || id == c.words.that || id == c.words.also { return false }
        if form == .third && (id == c.words.and || id == c.words.or) { return false }
        if c.phrases.startsMatch(ofAnyOf: TaggingContext.modalOrNegator, at: before) || c.endsIn(before, "ly") { return false }
        guard end < c.count, c.sameSentence(start, end) else { return true }
        if c.isPunctuation(end) || c.wordFlags(end).contains(.preposition) { return true }
        return c.id(end) == c.words.and || c.id(end) == c.words.or || c.endsIn(end, "ed")
    }

    /// `a harder question`, `an unfinished promise`: a base form after a determiner and one lower-case
    /// word is a noun. As a verb it would need a plural subject there (`the officials ask`), so the
    /// word between must not end in `s` nor be a noun for people (`the police arrest`), an auxiliary,
    /// a modal or negator (`the U.S. will not stop`), an adverb or a relative pronoun.
    private func isModifiedNoun(_ start: Int) -> Bool {
        let word = start - 1, determiner = start - 2
        guard c.wordFlags(determiner).contains(.determiner), c.sameSentence(determiner, start),
              c.isWord(word), c.isLowercase(word), !c.endsIn(word, "s"), !c.endsIn(word, "ly") else { return false }
        let flags = c.wordFlags(word)
        if !flags.isDisjoint(with: ActionTagger.subjectWords.union(.peopleNoun)) { return false }
        let id = c.id(word)
        if id == c.words.to || id == c.words.who || id == c.words.which || id == c.words.that { return false }
        return !c.phrases.startsMatch(ofAnyOf: TaggingContext.modalOrNegator, at: word) && !c.phrases.startsMatch(.governmentNoun, at: word)
    }

    /// `helicopters, training and equipment`: an -ing form between list separators (a comma, `and`,
    /// `or` before it; a comma, `and`, `or` or the sentence's end after it) has no object: a noun.
    private func isListedNoun(_ start: Int, _ end: Int) -> Bool {
        let before = start - 1
        guard c.sameSentence(before, start), isListSeparator(before) else { return false }
        guard end < c.count, c.sameSentence(start, end) else { return true }
        return isListSeparator(end) || c.id(end) == c.words.period || c.id(end) == c.words.semicolon
    }

    private func isListSeparator(_ k: Int) -> Bool {
        let id = c.id(k)
        return id == c.words.comma || id == c.words.and || id == c.words.or
    }

    /// `QUESTION:` opening a transcript's line: a speaker label in capitals, not a verb.
    private func isTurnLabel(_ start: Int, _ end: Int) -> Bool {
        c.startsLine(start) && c.id(end) == c.words.colon && !c.flags(start).contains(.lowercase) && c.isAllCaps(start)
    }

    /// Words after which an -s or -ing form is a verb: auxiliaries, pronouns, prepositions (`by sharing`).
    private static let subjectWords: WordFlags = [.auxiliary, .preposition, .pronounMale, .pronounFemale, .pronounThing,
                                                  .pronounPlural, .pronounSpeaker]

    /// `Joint Task Force`, a capitalised word inside a name (not at a sentence's start).
    private func inTitleCaseName(_ start: Int) -> Bool {
        c.isCapitalized(start) && !c.startsLine(start) && (c.isCapitalized(start - 1) && !c.isQuote(start - 1) || c.isCapitalized(start + 1))
            && !c.isQuote(start - 1)
    }

    /// Punctuation or a quote mark (the token's kind read once).
    private func clauseBoundary(_ k: Int) -> Bool {
        guard k >= 0 && k < c.count else { return false }
        let kind = c.tokens[k].kind
        return kind == .punct || kind == .quote
    }

    private func isNegated(_ start: Int) -> Bool {
        var end = start
        while end > start - 5 && end > 0 {
            if let m = c.match(.negator, endingAt: end, after: start - 8) {
                return lexicon.negators[Int(m.entry)]
            }
            if clauseBoundary(end - 1) || (end < start && c.phrases.startsMatch(.action, at: end - 1)) { return false }
            end -= 1
        }
        return false
    }

    private func modalityBefore(_ start: Int) -> Modality {
        var end = start
        while end > start - 6 && end > 0 {
            if let m = c.match(.modal, endingAt: end, after: start - 9) { return lexicon.modals[Int(m.entry)] }
            if clauseBoundary(end - 1) || (end < start && c.phrases.startsMatch(.action, at: end - 1)) { break }
            if end == start || end == start - 1, c.id(end - 1) == c.words.to { return .intent }
            end -= 1
        }
        return .none
    }

    /// `must address ..., destroy ..., and focus`: the same clause's list of verbs.
    /// - Parameters: the previous action's modality, sentence and tokens (a copied mention would
    ///   retain its strings).
    private func isCoordinated(_ modality: Modality, _ sentence: Int, _ tokens: Range<Int>, _ start: Int) -> Bool {
        guard modality != .none, sentence == Int(c.tokenSentence[start]), start - tokens.upperBound <= 12 else { return false }
        var k = start - 1
        var sawJoin = false
        while k >= start - 2 && k >= tokens.upperBound {
            if c.id(k) == c.words.and || c.id(k) == c.words.or || c.id(k) == c.words.comma { sawJoin = true } else { break }
            k -= 1
        }
        return sawJoin
    }
}
