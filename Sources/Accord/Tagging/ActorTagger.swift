/// Finds actors (SPEC "Actors") in one left-to-right pass, trying at each token, in order:
/// 1. the **title rule**: `[Mexico's|U.S.|Mexican] Title Name` → a person with role and affiliation;
///    a title alone after `the` refers back to the last person with that role;
/// 2. the **government rule**: `Mexican|U.S.|Mexico's [1–2 modifiers] officials|government|...` → the country;
/// 3. **lexicon** names: countries (not inside a longer proper name), metonyms that act (not a
///    dateline, not after `in`), organizations, groups, people and their aliases;
/// 4. **coreference**: a surname of a person met earlier; `he`/`she` → the last fitting person;
///    `it`/`they` right after `COUNTRY said (that)`;
/// 5. the **name rule**: an unknown capitalised name next to a speech verb (`said Carlos Medina`).
struct ActorTagger {
    let c: TaggingContext
    let roleKeys: RoleKeys
    /// The mentions found, in order of tokens.
    var mentions: [ActorMention] = []
    /// Names promoted to people after later mentions were found (`promoteCandidate`), merged in at the end.
    private var promoted: [ActorMention] = []
    /// Whether the last mention added was promoted (it was `mentions.last` until the merge).
    private var lastWasPromoted = false
    private var people = PeopleMemory()
    /// Capitalised names not yet known to be people, by the hash of their last word.
    private var candidates = NameCandidates()
    /// Acronyms given in brackets after an organization the lexicon lacks, by folded hash.
    private var acronyms: [UInt64: String] = [:]
    /// Keys of the roles met that the lexicon does not have (`RoleKeys`), by their lower-cased text.
    private var otherRoles: [String: Int32] = [:]
    /// The end of the last initiative name of several tokens met: no name or organization rule
    /// starts inside one (`... Public Health and Safe Communities, the accord`).
    private var initiativeEnd = 0

    init(context: TaggingContext, roleKeys: RoleKeys) {
        c = context
        self.roleKeys = roleKeys
    }

    mutating func tag() -> [ActorMention] {
        let tokens = c.tokens, folded = c.folded
        // Room for about as many mentions as the lexicon names found, and as many again (rules,
        // pronouns): growing an array of mentions copied them all, each time. Room not used is
        // not touched.
        mentions.reserveCapacity(2 * c.matches(.actor).count + 16)
        // The tokens and their ids on their buffers: no bounds check on each at every token.
        precondition(folded.count == tokens.count, "a folded id for every token")
        tokens.withUnsafeBufferPointer { tokens in
            folded.withUnsafeBufferPointer { folded in
                var i = 0
                while i < tokens.count {
                    // (A rule's end lies past `i`: the tokens it consumed are never visited again.)
                    if tokens[i].kind == .word, mayStartMention(i, tokens[i].flags, folded[i]), let end = tagAt(i) {
                        i = end
                    } else {
                        i += 1
                    }
                }
            }
        }
        promoted.sort { ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound) }
        mentions.merge(promoted)
        return mentions
    }

    /// Whether some rule can start at word `i` (with these flags and folded id): every rule needs a
    /// capital letter, a pronoun, a lexicon name or a title there, and most words have none. Asked of
    /// every word, so it reads the token once and the cheap tests first.
    @inline(__always)
    private func mayStartMention(_ i: Int, _ flags: Token.Flags, _ id: Int32) -> Bool {
        flags.contains(.capitalized) || c.phrases.startsMatch(ofAnyOf: startingKinds, at: i)
            || !c.lexicon.flags(id).isDisjoint(with: pronouns)
    }

    /// The phrases some rule starts with: a name, a demonym, a title.
    /// An instance constant, not a static one: a static is checked for its lazy initialisation at
    /// every word.
    private let startingKinds = PhraseMatches.KindSet(.actor, .demonym, .title)

    /// Tries every rule at token `i`; returns the token after what it consumed.
    private mutating func tagAt(_ i: Int) -> Int? {
        if let initiative = c.match(.initiative, at: i), initiative.end - initiative.start >= 2 {
            initiativeEnd = max(initiativeEnd, Int(initiative.end))
        }
        let actor = c.match(.actor, at: i)
        let demonym = c.match(.demonym, at: i)

        // 1–2. A country or demonym that qualifies a title or a government noun.
        if actor != nil || demonym != nil, let country = c.qualifierCountry(actor, demonym) {
            let qualifierEnd = max(actor.map { Int($0.end) } ?? 0, demonym.map { Int($0.end) } ?? 0)
            var j = qualifierEnd
            if c.id(j) == c.words.s { j += 1 }
            if let end = titleRule(from: j, affiliation: country) { return end }
            if let end = governmentPhrase(from: i, after: qualifierEnd, country: country) { return end }
        }
        if let end = titleRule(from: i, affiliation: nil) { return end }

        // 3. Lexicon names.
        if let actor {
            return lexiconMention(actor)
        }
        // 4. Organizations the lexicon lacks, and their acronyms.
        if let end = organizationRule(at: i) { return end }
        // 5. Coreference.
        if let end = surnameMention(at: i) { return end }
        if let end = pronounMention(at: i) { return end }
        // 6. The name rule.
        return nameRule(at: i)
    }

    /// An instance constant (see `startingKinds`).
    private let pronouns: WordFlags = [.pronounMale, .pronounFemale, .pronounThing, .pronounPlural]

    // MARK: - Rule 1: titles

    /// A title at `j` (or capitalised words before a title: `Foreign Affairs Secretary`), and the
    /// capitalised name after it. `findTitle` looks for a title at `j`, `j + 1` or `j + 2`; most
    /// capitalised words have none, which the phrase index tells before the rule is called.
    @inline(__always)
    private mutating func titleRule(from j: Int, affiliation qualifier: String?) -> Int? {
        guard c.phrases.startsMatch(.title, at: j) || c.phrases.startsMatch(.title, at: j + 1)
            || c.phrases.startsMatch(.title, at: j + 2) else { return nil }
        return titleMention(from: j, affiliation: qualifier)
    }

    /// `titleRule` once a title may start near `j`.
    private mutating func titleMention(from j: Int, affiliation qualifier: String?) -> Int? {
        guard let (titleStart, titleEnd, entry) = c.findTitle(from: j) else { return nil }
        let title = c.lexicon.titles[Int(entry)]
        let isLexiconRole = titleStart == j && c.match(.title, at: j).map({ Int($0.end) == titleEnd }) == true
        var roleText = isLexiconRole ? title.role : c.text(titleStart..<titleEnd)
        var roleKey: Int32? = isLexiconRole ? roleKeys.titles[Int(entry)] : nil
        var nameStart = titleEnd
        // `Ambassador to Mexico Ken Salazar`: the title names its post.
        if (c.id(nameStart) == c.words.to || c.id(nameStart) == c.words.of), let post = c.match(.actor, at: nameStart + 1),
           c.lexicon.actors[Int(post.entry)].type == .country, c.isCapitalized(Int(post.end)) {
            roleText = c.text(titleStart..<Int(post.end))
            roleKey = nil
            nameStart = Int(post.end)
        }
        guard nameStart < c.count, !c.flags(nameStart).contains(.lineBefore) else { return backReference(j, titleEnd, entry) }
        let nameEnd = c.nameRunEnd(from: nameStart)
        guard nameEnd > nameStart else { return backReference(j, titleEnd, entry) }
        let known = knownPerson(in: nameStart..<nameEnd)
        let entity = known?.entity ?? c.personEntity(nameStart..<nameEnd)
        let affiliation = qualifier ?? title.affiliation ?? known?.affiliation
        people.met(entity, roleKey: roleKey ?? key(ofRole: roleText), gender: known?.gender, name: nameStart..<nameEnd, context: c)
        // `Foreign Affairs Secretary Ignacio Ferrer`: later also `the secretary`, the title the role
        // ends in, or the head of the lexicon's role (`Navy Secretary`, `Secretary of State`).
        if roleKey == nil { people.assign(roleKey: roleKeys.titles[Int(entry)], to: entity) }
        if let head = roleKeys.head(of: roleKeys.titles[Int(entry)]) { people.assign(roleKey: head, to: entity) }
        add(nameStart..<nameEnd, entity: entity, type: .person, via: "title-rule", role: roleText, affiliation: affiliation)
        return nameEnd
    }

    /// The key of a role read in the text (`RoleKeys`): the lexicon's if it has the role, else one
    /// given in this document.
    private mutating func key(ofRole text: String) -> Int32 {
        let lowered = text.lowercased()
        if let key = roleKeys.key(lowercased: lowered) ?? otherRoles[lowered] { return key }
        let key = Int32(roleKeys.count + otherRoles.count)
        otherRoles[lowered] = key
        return key
    }

    /// `the attorney general` without a name: the last person met with that role.
    /// Not an appositive right after a name (`Gertz Manero, the attorney general, said`): that is
    /// the name's role, not another mention.
    private mutating func backReference(_ j: Int, _ titleEnd: Int, _ title: Int32) -> Int? {
        guard c.wordFlags(j - 1).contains(.determiner), !(c.id(j - 2) == c.words.comma && mentions.last?.tokens.upperBound == j - 2),
              let person = people.person(withRoleKey: roleKeys.titles[Int(title)]) else { return nil }
        add(j..<titleEnd, entity: people.entity(person), type: .person, via: "coreference")
        people.mentioned(person)
        return titleEnd
    }

    /// A lexicon person (full name or alias) inside a name run, or a person met whose surname it is.
    /// A match that leaves the run's first name out counts only when that first name is the
    /// person's (`Antony J. Blinken`, not `Lucía Sandoval Treviño` for Luis Cresencio Sandoval).
    /// Reads the entry's fields in place (see `TaggingContext.qualifierCountry`).
    private func knownPerson(in range: Range<Int>) -> (entity: String, affiliation: String?, gender: ActorEntry.Gender?)? {
        for k in range {
            if let m = c.match(.actor, at: k), Int(m.end) <= range.upperBound {
                let e = Int(m.entry)
                if c.lexicon.actors[e].type == .person {
                    if k > range.lowerBound && !c.lexicon.actors[e].entity.hasPrefix(c.personEntity(range.lowerBound..<(range.lowerBound + 1)) + "-") {
                        continue
                    }
                    return (c.lexicon.actors[e].entity, c.lexicon.actors[e].affiliation, c.lexicon.actors[e].gender)
                }
            }
        }
        return people.entity(forSurname: range, context: c).map { ($0, nil, nil) }
    }

    // MARK: - Rule 2: government phrases

    private mutating func governmentPhrase(from i: Int, after j: Int, country: String) -> Int? {
        var k = j
        if c.id(k) == c.words.s { k += 1 }
        var modifiers = 0
        while modifiers <= 2 {
            if let noun = c.match(.governmentNoun, at: k) {
                var end = Int(noun.end)
                while let more = c.match(.governmentNoun, at: end) { end = Int(more.end) }
                add(i..<end, entity: country, type: .country, via: "government-rule")
                return end
            }
            guard c.isWord(k), c.isLowercase(k), c.match(.action, at: k) == nil, !c.wordFlags(k).contains(.determiner),
                  c.id(k) != c.words.and, c.id(k) != c.words.of, c.id(k) != c.words.to else { return nil }
            k += 1
            modifiers += 1
        }
        return nil
    }

    // MARK: - Rule 3: lexicon names

    /// Reads the entry's fields in place (see `TaggingContext.qualifierCountry`).
    private mutating func lexiconMention(_ m: PhraseMatch) -> Int? {
        let range = Int(m.start)..<Int(m.end), k = Int(m.entry)
        let type = c.lexicon.actors[k].type
        switch type {
        case .country:
            if c.lexicon.actors[k].isMetonym {
                // `in Washington`, `at the National Palace`: a place, not the government.
                let before = c.wordFlags(range.lowerBound - 1).contains(.determiner) ? range.lowerBound - 2 : range.lowerBound - 1
                if c.isDateline(range) || c.wordFlags(before).contains(.locative) { return range.upperBound }
            } else if let organization = c.match(.actor, at: range.upperBound), c.sameSentence(range.lowerBound, Int(organization.start)),
                      c.lexicon.actors[Int(organization.entry)].type == .organization {
                // `U.S. Department of the Treasury`: the country is part of the agency's name.
                add(range.lowerBound..<Int(organization.end), entity: c.lexicon.actors[Int(organization.entry)].entity,
                    type: .organization, via: "lexicon")
                return Int(organization.end)
            } else if c.insideLongerName(range) || c.isCountryAdjective(range) {
                return range.upperBound
            }
            add(range, entity: c.lexicon.actors[k].entity, type: .country, via: "lexicon")
        case .person:
            // `the López Obrador government` → the person's country.
            if let country = c.lexicon.actors[k].affiliation, country.hasPrefix("country:"),
               let noun = c.match(.governmentNoun, at: range.upperBound) {
                add(range.lowerBound..<Int(noun.end), entity: country, type: .country, via: "government-rule")
                return Int(noun.end)
            }
            // `Sandoval said`, after `Senator Lucía Sandoval Treviño`: the person of this document
            // last met with that surname outranks the lexicon's person the alias names.
            if c.lexicon.actors[k].isAlias, let (person, end) = people.surname(at: range.lowerBound, context: c),
               people.entity(person) != c.lexicon.actors[k].entity, end >= range.upperBound {
                add(range.lowerBound..<end, entity: people.entity(person), type: .person, via: "coreference")
                people.mentioned(person)
                return end
            }
            let entity = c.lexicon.actors[k].entity, isAlias = c.lexicon.actors[k].isAlias
            let seen = people.met(entity, roleKey: roleKeys.actors[k], gender: c.lexicon.actors[k].gender, name: range, context: c)
            if let role = roleKeys.actors[k], let head = roleKeys.head(of: role) { people.assign(roleKey: head, to: entity) }
            add(range, entity: entity, type: .person, via: isAlias && seen ? "coreference" : "lexicon",
                role: isAlias ? nil : c.lexicon.actors[k].role, affiliation: isAlias ? nil : c.lexicon.actors[k].affiliation)
        case .organization, .group:
            add(range, entity: c.lexicon.actors[k].entity, type: type, via: "lexicon")
        }
        return range.upperBound
    }

    // MARK: - Rule 4: organizations the lexicon lacks

    /// `Center for Hemispheric Security Studies (CHSS)`, then `CHSS`: a capitalised run holding an
    /// organization word is an organization (a cartel's name a group), its slug the entity; an
    /// acronym in brackets right after it names it again for the rest of the document.
    private mutating func organizationRule(at i: Int) -> Int? {
        if c.isAllCaps(i), !acronyms.isEmpty, let entity = acronyms[c.foldedHash(i..<(i + 1))] {
            add(i..<(i + 1), entity: entity, type: entity.hasPrefix("group:") ? .group : .organization, via: "organization-rule")
            return i + 1
        }
        // Not from `The` (`The Pima County Health Department` is the department's name without it).
        guard i >= initiativeEnd, c.isCapitalized(i), !c.wordFlags(i).contains(.determiner), !c.continuesCapitalisedRun(i),
              let end = c.organizationRunEnd(from: i) else { return nil }
        let isCartel = (i..<end).contains { ActorTagger.cartelWords.contains(c.text($0..<($0 + 1)).lowercased()) }
        let entity = c.slugEntity(isCartel ? "group:" : "org:", i..<end)
        add(i..<end, entity: entity, type: isCartel ? .group : .organization, via: "organization-rule")
        // `(CHSS)`
        if c.isPunctuation(end), c.text(end..<(end + 1)) == "(", c.isAllCaps(end + 1), c.isPunctuation(end + 2), c.text((end + 2)..<(end + 3)) == ")" {
            acronyms[c.foldedHash((end + 1)..<(end + 2))] = entity
        }
        return end
    }

    private static let cartelWords: Set<String> = ["cartel", "cártel"]

    // MARK: - Rule 5: coreference

    /// The first person named in the sentence of `i` before it, when a pronoun of this gender may
    /// refer to them: the clause's subject outranks a later name (`López Obrador described his call
    /// with Biden as cordial, but he said`).
    private func sentenceSubject(before i: Int, female: Bool) -> PeopleMemory.Person? {
        let start = c.sentenceStart(i)
        var first: PeopleMemory.Person?
        // At most the last `mentionReach` mentions: a sentence of any length costs a bounded scan.
        for m in mentions.suffix(ActorTagger.mentionReach).reversed() {
            if m.tokens.lowerBound < start { break }
            if m.type == .person, let person = people.person(named: m.entity), people.fits(person, female: female) { first = person }
        }
        return first
    }

    /// Whether `entity` was last named within the paragraph of token `i` or the one before it: a
    /// pronoun further away refers to someone the text did not name (`A 16-year-old ... arresting him`).
    /// Only the mentions within reach are visited (mentions come in text order; the few latest
    /// promoted names, which come in the order they were promoted), and at most `mentionReach`.
    private func isNear(_ entity: String, _ i: Int) -> Bool {
        let first = c.paragraph.firstToken(ofParagraph: max(0, Int(c.paragraph[i]) - ActorTagger.pronounReach))
        for m in promoted.suffix(8) where m.tokens.lowerBound >= first && m.entity == entity { return true }
        for m in mentions.suffix(ActorTagger.mentionReach).reversed() {
            if m.tokens.lowerBound < first { return false }
            if m.entity == entity { return true }
        }
        return false
    }

    static let pronounReach = 1
    /// How many mentions back a pronoun's rules look at most, so that a huge paragraph or sentence
    /// (hostile input) costs linear time.
    static let mentionReach = 48

    private mutating func surnameMention(at i: Int) -> Int? {
        guard c.isCapitalized(i) else { return nil }
        promoteCandidate(at: i)
        guard let (person, end) = people.surname(at: i, context: c) else { return nil }
        add(i..<end, entity: people.entity(person), type: .person, via: "coreference")
        people.mentioned(person)
        return end
    }

    private mutating func pronounMention(at i: Int) -> Int? {
        let flags = c.wordFlags(i)
        if flags.contains(.pronounMale) || flags.contains(.pronounFemale) {
            let female = flags.contains(.pronounFemale)
            guard !c.inQuote[i], c.isWord(i), !c.isPossessive(i),
                  let person = sentenceSubject(before: i, female: female) ?? people.lastPerson(female: female),
                  isNear(people.entity(person), i) else { return nil }
            add(i..<(i + 1), entity: people.entity(person), type: .person, via: "coreference")
            people.mentioned(person)
            return i + 1
        }
        if flags.contains(.pronounThing) || flags.contains(.pronounPlural), !c.inQuote[i], !c.isPossessive(i),
           let country = countryBeforeSpeechVerb(i) ?? governmentBefore(they: i) ?? countrySubject(before: i) {
            add(i..<(i + 1), entity: country, type: .country, via: "coreference")
            return i + 1
        }
        return nil
    }

    /// `U.S. prosecutors pursue cartels, yet they rarely ...`: `they` stands for the government phrase
    /// that opens its sentence or the one before (`Mexican authorities`, `U.S. prosecutors`), the
    /// subject news text refers back to (a plural: its last word ends in `s`); not when two
    /// countries' officials open them.
    private func governmentBefore(they i: Int) -> String? {
        guard c.id(i) == c.words.they else { return nil }
        let sentence = Int(c.tokenSentence[i])
        var found: String?
        // Indices, not elements: a mention copied out of its array retains all its strings. At most
        // the last `mentionReach` mentions: a huge sentence costs a bounded scan.
        for n in mentions.indices.suffix(ActorTagger.mentionReach).reversed() where mentions[n].tokens.upperBound <= i {
            let tokens = mentions[n].tokens
            if mentions[n].sentence < sentence - 1 { break }
            let start = c.sentences[mentions[n].sentence].tokens.lowerBound
            guard tokens.lowerBound - start <= 1, mentions[n].type == .country, mentions[n].via == "government-rule",
                  c.source.utf8[c.tokens[tokens.upperBound - 1].byteRange.upperBound - 1] == UInt8(ascii: "s") else { continue }
            if let found, found != mentions[n].entity { return nil }
            found = mentions[n].entity
        }
        return found
    }

    /// `Mexico must keep its side of the bargain. It should extradite ...`: `it` acting (before a
    /// verb, a modal or an auxiliary other than `be`) stands for the country that is the subject of
    /// its sentence or the one before, when no initiative is named in between (`it` for an
    /// initiative is no actor).
    private func countrySubject(before i: Int) -> String? {
        guard c.id(i) == c.words.it, c.phrases.startsMatch(.action, at: i + 1) || c.phrases.startsMatch(.modal, at: i + 1)
                || c.wordFlags(i + 1).contains(.auxiliary) && !c.wordFlags(i + 1).contains(.passiveAuxiliary) else { return nil }
        let sentence = Int(c.tokenSentence[i])
        // Indices, not elements: a mention copied out of its array retains all its strings.
        // At most the last `mentionReach` mentions: a huge sentence costs a bounded scan.
        for n in mentions.indices.suffix(ActorTagger.mentionReach).reversed() where mentions[n].tokens.upperBound <= i {
            if mentions[n].sentence < sentence - 1 { return nil }
            let start = c.sentences[mentions[n].sentence].tokens.lowerBound
            guard mentions[n].tokens.lowerBound - start <= 1 else { continue }
            guard mentions[n].type == .country, c.firstMatchStart(.initiative, in: mentions[n].tokens.upperBound..<i) == nil else { return nil }
            return mentions[n].entity
        }
        return nil
    }

    /// `Mexico said (that) it ...`: the country the pronoun stands for.
    private func countryBeforeSpeechVerb(_ i: Int) -> String? {
        var k = i - 1
        if c.id(k) == c.words.that { k -= 1 }
        guard k >= 0, let verbStart = c.speechVerbStart(endingAt: k + 1), !lastWasPromoted, let last = mentions.last,
              last.tokens.upperBound == verbStart || last.tokens.upperBound == verbStart - 1, last.type == .country,
              c.sameSentence(last.tokens.lowerBound, i) else { return nil }
        return last.entity
    }

    /// `Mariana Cázares counts the chairs. ... "…," Cázares said.`: a surname that speaks makes the
    /// earlier capitalised name it ends a person (merged into the mentions at the end).
    private mutating func promoteCandidate(at i: Int) {
        guard !candidates.isEmpty else { return }
        // `Ruiz said`, or a Spanish name's two surnames: `Soto Ramírez said`.
        let length = c.isCapitalized(i + 1) ? 2 : 1
        let speaks = c.speechVerbStart(endingAt: i) != nil || c.startsSpeechVerb(at: i + length)
        guard speaks, let range = candidates.take(key: c.foldedHash(i..<(i + length))) else { return }
        let entity = c.personEntity(range)
        people.met(entity, roleKey: nil, gender: nil, name: range, context: c)
        promoted.append(mention(range, entity: entity, type: .person, via: "name-rule"))
        lastWasPromoted = true
    }

    // MARK: - Rule 6: unknown names next to a speech verb

    private mutating func nameRule(at i: Int) -> Int? {
        // `the High-Level Security Dialogue, the ...`: a name after a determiner is no person's, nor
        // is the rest of a capitalised run that was none (a sentence's capitalised first word aside:
        // `For Rosa María Domínguez, 41,`).
        guard i >= initiativeEnd, c.isCapitalized(i), !c.isAllCaps(i), !c.wordFlags(i).contains(.sentenceStarter),
              !c.wordFlags(i - 1).contains(.determiner), !c.continuesCapitalisedRun(i),
              !c.isHonorific(i), c.match(.initiative, at: i) == nil else { return nil }
        let end = c.nameRunEnd(from: i)
        guard end - i >= 2, end - i <= 4 else { return nil }
        for k in i..<end where c.wordFlags(k).contains(.organizationWord) || c.match(.initiative, at: k) != nil { return nil }
        let before = c.speechVerbStart(endingAt: i) != nil || (c.id(i - 1) == c.words.to && c.id(i - 2) == c.words.according)
        let after = c.startsSpeechVerb(at: end)
        // `Nora Halvorsen, a spokeswoman`, `A spokeswoman, Nora Halvorsen, said`, `Rosa María
        // Domínguez, 41,` (an age), `His mother, Marisol Reyes, found`, `..., the lawyer, Ana Ruiz.`,
        // `Óscar Treviño Luján, who studies`; not a place (`in Camino Verde, a neighborhood`).
        let place = c.wordFlags(i - 1).contains(.locative) && c.id(i - 1) != c.words.to
        let appositive = c.id(end) == c.words.comma && !place
            && (c.id(end + 1) == c.words.a || c.id(end + 1) == c.words.an || c.id(end + 1) == c.words.the || c.id(end + 1) == c.words.who
                || c.id(i - 1) == c.words.comma && c.startsSpeechVerb(at: end + 1)
                || c.isAge(end + 1) || c.id(i - 1) == c.words.comma && c.isRoleNoun(i - 2))
            // `said one of the report's authors, Ana Ruiz.`
            || c.id(i - 1) == c.words.comma && c.isRoleNoun(i - 2) && c.isPunctuation(end) && !c.sameSentence(end, end + 1)
        guard before || after || appositive else {
            // Not (yet) known to be a person: if its surname later speaks (`Cázares said`), it was one.
            // Not the rest of a run that opens a line (`Ana Soto Ramírez knows`): that run, from its
            // first word, was noted already.
            let restOfLineStart = c.isCapitalized(i - 1) && c.startsLine(i - 1) && !c.wordFlags(i - 1).contains(.sentenceStarter)
            if c.isLowercase(end) && !restOfLineStart {
                if end - i == 2 {
                    candidates.note(i..<end, keys: c.foldedHash((end - 1)..<end))
                } else {
                    candidates.note(i..<end, keys: c.foldedHash((end - 1)..<end), c.foldedHash((end - 2)..<end))
                }
            }
            return nil
        }
        let entity = c.personEntity(i..<end)
        people.met(entity, roleKey: nil, gender: nil, name: i..<end, context: c)
        add(i..<end, entity: entity, type: .person, via: "name-rule")
        return end
    }

    // MARK: - Output

    /// Appends a mention; a person's callers record it in `people` (by number: no look-up by name).
    private mutating func add(_ range: Range<Int>, entity: String, type: ActorType, via: String,
                              role: String? = nil, affiliation: String? = nil) {
        mentions.append(mention(range, entity: entity, type: type, via: via, role: role, affiliation: affiliation))
        lastWasPromoted = false
    }

    private func mention(_ range: Range<Int>, entity: String, type: ActorType, via: String,
                         role: String? = nil, affiliation: String? = nil) -> ActorMention {
        ActorMention(span: c.span(range), entity: entity, type: type, sentence: Int(c.tokenSentence[range.lowerBound]),
                     via: via, role: role, affiliation: affiliation, tokens: range)
    }
}
