/// The actor rules' questions about the text, asked of the context (a class) rather than of the
/// tagger: a call on the tagger's large value from its mutating rules copied the whole value first.
extension TaggingContext {
    /// The country a name or demonym starting a mention stands for, when it may qualify a title or
    /// a government noun. Reads the entry's fields in place: copying an `ActorEntry` out would
    /// retain all its strings.
    func qualifierCountry(_ actor: PhraseMatch?, _ demonym: PhraseMatch?) -> String? {
        if let actor {
            let k = Int(actor.entry)
            if lexicon.actors[k].type == .country && !lexicon.actors[k].isMetonym { return lexicon.actors[k].entity }
        }
        if let demonym { return lexicon.demonyms[Int(demonym.entry)] }
        return nil
    }

    /// The title starting at `j`, or after up to two capitalised words from `j`, with any title that
    /// follows it at once (`Deputy Foreign Secretary`): its start (`j`), end and entry.
    @inline(__always)
    func findTitle(from j: Int) -> (Int, Int, Int32)? {
        if let m = match(.title, at: j) { return compoundTitle(j, m) }
        // Up to two capitalised words before a title, in the same sentence.
        var k = j
        while k < j + 2, isCapitalized(k), sameSentence(j, k + 1), match(.actor, at: k) == nil {
            k += 1
            if let m = match(.title, at: k) { return compoundTitle(j, m) }
        }
        return nil
    }

    /// `Deputy` + `Foreign Secretary`: a title followed at once by another is one title, whose
    /// entry is the last (the role's head); otherwise the second would be read as a name.
    private func compoundTitle(_ start: Int, _ first: PhraseMatch) -> (Int, Int, Int32) {
        var last = first
        while sameSentence(start, Int(last.end)), let next = match(.title, at: Int(last.end)) { last = next }
        return (start, Int(last.end), last.entry)
    }

    /// The end of a capitalised name starting at `k` (particles and initials allowed inside).
    func nameRunEnd(from k: Int) -> Int {
        var end = k
        while end < count && end < k + 6 && sameSentence(k, end) {
            let allCaps = isAllCaps(end)
            if isCapitalized(end) && isWord(end) && !allCaps || (allCaps && end > k) {
                if match(.title, at: end) != nil && end > k { break }
                if let a = match(.actor, at: end), lexicon.actors[Int(a.entry)].type != .person { break }
                end += 1
            } else if wordFlags(end).contains(.nameParticle) && end > k,
                      let after = Optional((end + 1) + (wordFlags(end + 1).contains(.nameParticle) ? 1 : 0)), isCapitalized(after) {
                // `de la Fuente`: one or two particles before a capitalised word.
                end = after
            } else {
                break
            }
            if end > k && flags(end).contains(.lineBefore) { break }
        }
        return end
    }

    /// A dateline: a place name opening a line in capitals or before `(AP)`, `—` or `,`.
    func isDateline(_ range: Range<Int>) -> Bool {
        guard startsLine(range.lowerBound) || flags(range.lowerBound).contains(.lineBefore) else { return false }
        if range.allSatisfy({ isAllCaps($0) }) { return true }
        guard range.upperBound < count, isPunctuation(range.upperBound) else { return false }
        let next = text(range.upperBound..<range.upperBound + 1)
        return ["(", "—", "–", "-", ",", "--"].contains(next)
    }

    /// A country name inside a longer proper name: `U.S. Embassy`, `Bank of Mexico`.
    func insideLongerName(_ range: Range<Int>) -> Bool {
        let next = range.upperBound
        if isCapitalized(next), sameSentence(range.lowerBound, next), !flags(next).contains(.lineBefore),
           match(.actor, at: next) == nil, match(.demonym, at: next) == nil, match(.title, at: next) == nil,
           !wordFlags(next).contains(.weekdayOrMonth), !wordFlags(next).contains(.sentenceStarter), isWord(next) {
            return true
        }
        let of = range.lowerBound - 1, head = of - 1
        if id(of) == words.of || wordFlags(of).contains(.nameParticle), head >= 0, isCapitalized(head), head != sentenceStart(head),
           match(.governmentNoun, at: head) == nil {
            return true // `Bank of Mexico`, `Colegio de México`
        }
        return false
    }

    /// `U.S. banks`, `lax U.S. gun laws`: an abbreviated country name right before a common noun is
    /// an adjective (SPEC: a country adjective on other nouns is no actor). A verb, an auxiliary or a
    /// function word after it leaves it a name (`the U.S. will`, `the U.S. and Mexico`, `the U.S. pledged`).
    func isCountryAdjective(_ range: Range<Int>) -> Bool {
        let last = range.upperBound - 1, next = range.upperBound
        guard isLowercase(next), isWord(next), sameSentence(last, next), isAllCaps(last) || hasPeriod(last) else { return false }
        let flags = wordFlags(next)
        if !flags.isDisjoint(with: [.auxiliary, .preposition, .determiner, .locative]) { return false }
        let id = self.id(next)
        if id == words.and || id == words.or || id == words.to || id == words.that || id == words.who || id == words.which { return false }
        if match(.action, at: next) != nil || phrases.startsMatch(ofAnyOf: TaggingContext.modalOrNegator, at: next) { return false }
        return !endsIn(next, "ed")
    }

    /// Modal and negator phrases, asked of a token in one test.
    static let modalOrNegator = PhraseMatches.KindSet(.modal, .negator)

    /// The end of a capitalised run that names an organization the lexicon lacks (`Pima County
    /// Health Department`, `Center for Hemispheric Security Studies`): capitalised words joined by
    /// `of`, `for`, `and`, `on`, `the` or name particles, two at least, one of them an organization
    /// word (organization-words.txt), ending on a capitalised word, stopping before a lexicon actor
    /// other than a country that ends it (`... University of Mexico`).
    /// None in a headline (a sentence without a lower-case word of four letters or more).
    func organizationRunEnd(from k: Int) -> Int? {
        // Most capitalised runs hold no organization word: a scan of their flags says so before
        // any phrase is looked up.
        var probe = k
        while probe < count && probe < k + 10 && !wordFlags(probe).contains(.organizationWord) {
            guard isCapitalized(probe) || isOrganizationJoin(probe) else { return nil }
            probe += 1
        }
        guard probe < count && probe < k + 10 else { return nil }
        var end = k, lastWord = -1, wordCount = 0, hasOrganizationWord = false
        while end < count && end < k + 10 && sameSentence(k, end) {
            if end > k && flags(end).contains(.lineBefore) { break }
            if isCapitalized(end) && isWord(end) && !isAllCaps(end) {
                if end > k, let actor = match(.actor, at: end) {
                    // `National Autonomous University of Mexico`: a country closes the name.
                    guard lexicon.actors[Int(actor.entry)].type == .country, isOrganizationJoin(end - 1),
                          hasOrganizationWord, !isCapitalized(Int(actor.end)) else { break }
                    lastWord = Int(actor.end) - 1
                    wordCount += 1
                    break
                }
                if match(.initiative, at: end) != nil || match(.title, at: end) != nil { return nil }
                if wordFlags(end).contains(.organizationWord) { hasOrganizationWord = true }
                lastWord = end
                wordCount += 1
                end += 1
            } else if end > k, isOrganizationJoin(end), isCapitalized(end + 1) || (id(end + 1) == words.the && isCapitalized(end + 2)) {
                end += 1
            } else {
                break
            }
        }
        guard hasOrganizationWord, wordCount >= 2, !isHeadline(sentenceOf: k) else { return nil }
        return lastWord + 1
    }

    private func isOrganizationJoin(_ k: Int) -> Bool {
        let id = self.id(k)
        return id == words.of || id == words.forWord || id == words.and || id == words.on || id == words.the
            || wordFlags(k).contains(.nameParticle)
    }

    /// A title-case line (`Mexico Extradites Alleged Cartel Money Man`): no lower-case word of four
    /// letters or more in the sentence holding `k`.
    func isHeadline(sentenceOf k: Int) -> Bool {
        let range = sentences[Int(tokenSentence[k])].tokens
        for t in range where isLowercase(t) && tokens[t].byteRange.count >= 4 { return false }
        return true
    }

    /// Whether token `k` follows a capitalised word of its sentence, other than the sentence's first
    /// word (capitalised for its place) or an honorific (`Dr.`).
    func continuesCapitalisedRun(_ k: Int) -> Bool {
        let before = k - 1
        guard isCapitalized(before), sameSentence(before, k), !isHonorific(before) else { return false }
        return !startsLine(before)
    }

    /// `41,` after a name: an age in the news' way, a number of one to three digits and a comma.
    func isAge(_ k: Int) -> Bool {
        guard isWord(k), id(k + 1) == words.comma else { return false }
        let bytes = tokens[k].byteRange
        guard (1...3).contains(bytes.count) else { return false }
        return source.utf8.withUnsafeBufferPointer { $0[bytes].allSatisfy { $0 &- UInt8(ascii: "0") < 10 } }
    }

    /// A lower-case noun before `, NAME,` (`His mother, Marisol Reyes,`, `its Senate coordinator,
    /// Ricardo Anaya,`): a word that is no function word, verb or adverb, so the name is its apposition.
    func isRoleNoun(_ k: Int) -> Bool {
        guard isWord(k), isLowercase(k), sameSentence(k, k + 1) else { return false }
        if !wordFlags(k).isDisjoint(with: [.determiner, .preposition, .auxiliary, .locative, .pronounPlural, .pronounThing]) { return false }
        let id = self.id(k)
        if id == words.and || id == words.or || id == words.but || id == words.that || id == words.to { return false }
        if match(.action, at: k) != nil || tokens[k].byteRange.count < 3 { return false }
        return !endsIn(k, "ly") && !endsIn(k, "ed")
    }

    /// `Dr.`, `Mr.`, `Sra.`: a short capitalised abbreviation, an honorific before a name and no
    /// part of it (`U.S.`, with two periods, is none).
    func isHonorific(_ k: Int) -> Bool {
        guard isCapitalized(k), isWord(k) else { return false }
        let bytes = tokens[k].byteRange
        guard (3...4).contains(bytes.count), source.utf8[bytes.upperBound - 1] == UInt8(ascii: ".") else { return false }
        return !source.utf8.withUnsafeBufferPointer { $0[bytes.lowerBound..<(bytes.upperBound - 1)].contains(UInt8(ascii: ".")) }
    }

    /// Whether a token holds a period (`U.S.`), read in place.
    private func hasPeriod(_ k: Int) -> Bool {
        let bytes = tokens[k].byteRange
        return source.utf8.withUnsafeBufferPointer { $0[bytes].contains(UInt8(ascii: ".")) }
    }

    /// `his`, `its`, `their`, and `her` before a noun: possessives are not mentions.
    func isPossessive(_ i: Int) -> Bool {
        guard wordFlags(i).contains(.determiner) else { return false }
        guard wordFlags(i).contains(.pronounFemale) else { return true }
        let next = id(i + 1)
        return isWord(i + 1) && !wordFlags(i + 1).contains(.determiner)
            && next != words.that && next != words.to && next != words.and
    }

    /// The start of a speech verb ending at `end`; asked of many tokens where no verb ends, which
    /// the phrase index tells before the search.
    @inline(__always)
    func speechVerbStart(endingAt end: Int) -> Int? {
        phrases.hasMatch(.action, endingAt: end) ? speechVerbStart(knownEndingAt: end) : nil
    }

    func speechVerbStart(knownEndingAt end: Int) -> Int? {
        for start in stride(from: end - 1, through: max(0, end - 3), by: -1) {
            if let m = match(.action, at: start), Int(m.end) == end, isSpeech(m) { return start }
        }
        return nil
    }

    /// Whether the longest action starting at `i` is a speech verb (class `say`).
    func startsSpeechVerb(at i: Int) -> Bool {
        match(.action, at: i).map(isSpeech) ?? false
    }

    /// Whether an action match is a speech verb.
    private func isSpeech(_ m: PhraseMatch) -> Bool {
        lexicon.actions[Int(lexicon.actionForms[Int(m.entry)].entry)].actionClass == "say"
    }
}
