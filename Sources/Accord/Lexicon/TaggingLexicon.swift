/// The tagger's compiled lexicon: every phrase of every file in one `PhraseTrie` over interned token
/// ids, the meaning tables the trie's payloads point into, and bit flags for single-word lists.
struct TaggingLexicon: Sendable {
    private(set) var vocabulary = Vocabulary()
    /// Case-exact entries (`US`, `AP`) are interned by their raw bytes here.
    private(set) var exactVocabulary = Vocabulary()
    private(set) var trie = PhraseTrie()
    private(set) var wordFlags: [WordFlags] = []

    private(set) var actors: [ActorEntry] = []
    private(set) var titles: [TitleEntry] = []
    private(set) var initiatives: [InitiativeEntry] = []
    private(set) var actions: [ActionEntry] = []
    /// The lemmas of speech verbs whose object hears (`tell`, `ask`): `object=hearer`.
    private(set) var hearerLemmas: Set<String> = []
    private(set) var actionForms: [ActionForm] = []
    private(set) var targets: [TargetEntry] = []
    /// Activity nouns, in their singular form (`trafficking`, `flow`).
    private(set) var activities: [String] = []
    /// False for phrases listed as not negating (`not only`), which block their shorter negator.
    private(set) var negators: [Bool] = []
    private(set) var modals: [Modality] = []
    private(set) var stanceWeights: [Double] = []
    private(set) var stanceCues: [String] = []
    private(set) var stanceUses: [StanceCueUse] = []
    private(set) var degreeFactors: [Double] = []
    /// Country entity per demonym.
    private(set) var demonyms: [String] = []
    private(set) var actionClasses: Set<String> = []
    private(set) var targetCategories: Set<String> = []

    init() {}

    init(files: [LexiconFile], group: (String) -> [LexiconFile], tokenizer: Tokenizer) throws {
        var builder = Builder(tokenizer: tokenizer)
        for word in FunctionWords.all { _ = Array(word.utf8).withUnsafeBufferPointer { builder.tokenize($0, exact: false) } }
        try builder.loadClasses(group("classes.txt"))
        try builder.loadActors(group("actors.txt"))
        try builder.loadDemonyms(group("demonyms.txt"))
        try builder.loadWords(group("government-nouns.txt"), kind: .governmentNoun, plural: true)
        try builder.loadTitles(group("titles.txt"))
        try builder.loadInitiatives(group("initiatives.txt"))
        try builder.loadActions(group("actions.txt"), irregular: group("verb-forms.txt"))
        try builder.loadTargets(group("targets.txt"))
        try builder.loadWords(group("target-activities.txt"), kind: .activity, plural: true)
        try builder.loadNegators(group("negators.txt"))
        try builder.loadModals(group("modals.txt"))
        try builder.loadWeights(group("stance.txt"), kind: .stance, range: -1...1, columns: "cue, weight, attributes")
        try builder.loadWeights(group("degree.txt"), kind: .degree, range: 0...4, columns: "word, factor")
        try builder.loadFlags(group("determiners.txt"), columns: "word") { _ in .determiner }
        try builder.loadFlags(group("locatives.txt"), columns: "word") { _ in .locative }
        try builder.loadFlags(group("prepositions.txt"), columns: "word") { _ in .preposition }
        try builder.loadFlags(group("people-nouns.txt"), columns: "word") { _ in .peopleNoun }
        try builder.loadWords(group("contrast.txt"), kind: .contrast, plural: false)
        try builder.loadFlags(group("sentence-starters.txt"), columns: "word") { _ in .sentenceStarter }
        try builder.loadPronouns(group("pronouns.txt"))
        try builder.loadFlags(group("organization-words.txt"), columns: "word") { _ in .organizationWord }
        try builder.loadFlags(group("name-particles.txt"), columns: "word") { _ in .nameParticle }
        try builder.loadFlags(group("calendar-words.txt"), columns: "word") { _ in .weekdayOrMonth }
        try builder.loadFlags(group("time-words.txt"), columns: "word") { _ in .timeWord }
        try builder.loadFlags(group("auxiliaries.txt"), columns: "word, passive (optional)", optional: 1) { entry in
            entry.fieldCount > 1 && entry.field(1) == "passive" ? [.auxiliary, .passiveAuxiliary] : .auxiliary
        }
        try builder.loadWords(group("collective-subjects.txt"), kind: .collective, plural: false)
        builder.lexicon.trie.freeze()
        self = builder.lexicon
    }

    func flags(_ id: Int32) -> WordFlags {
        id >= 0 && Int(id) < wordFlags.count ? wordFlags[Int(id)] : []
    }

    /// The folded id of a single word, for rules that name a word (`to`, `said`).
    func id(_ word: String) -> Int32 { vocabulary.id(of: Folding.fold(word)) }

    /// Builds the lexicon file by file: duplicates in one file with different meanings are errors; a
    /// later file with the same name (a user's overlay) replaces or removes (`-key`) earlier entries.
    /// Phrases stay UTF-8 bytes from the file to the trie; only the meanings kept become strings.
    private struct Builder {
        var lexicon = TaggingLexicon()
        let tokenizer: Tokenizer
        /// The token ids of the last phrase tokenized, and one folded token: reused for every phrase.
        var phraseIDs: [Int32] = []
        var folded: [UInt8] = []
        /// The byte ranges of the last phrase's tokens, and whether it was split as a `PlainPhrase`.
        var words: [Range<Int>] = []
        var wordsArePlain = false

        init(tokenizer: Tokenizer) {
            self.tokenizer = tokenizer
            phraseIDs.reserveCapacity(16)
            folded.reserveCapacity(64)
            words.reserveCapacity(16)
        }

        /// Tokenizes a phrase and interns its tokens, folded (or exact), into `phraseIDs`; false when
        /// it has no tokens. Plain phrases (most of them) are split at their spaces without the tokenizer.
        mutating func tokenize(_ phrase: UnsafeBufferPointer<UInt8>, exact: Bool) -> Bool {
            phraseIDs.removeAll(keepingCapacity: true)
            wordsArePlain = PlainPhrase.words(phrase, into: &words)
            if wordsArePlain {
                internWords(of: phrase, exact: exact)
            } else {
                let source = SourceText(bytes: Array(phrase))
                words = tokenizer.tokenize(source).map(\.byteRange)
                source.utf8.withUnsafeBufferPointer { internWords(of: $0, exact: exact) }
            }
            return !phraseIDs.isEmpty
        }

        /// Interns the words at `words` in `bytes` into `phraseIDs`. In a case-exact phrase only the
        /// words that start with a capital are kept exact: the matcher looks up a token's exact id only
        /// when it is capitalised, so `of` and `'s` in `Ministry of Defense` or `Attorney General's
        /// Office` match folded (they never matched before).
        private mutating func internWords(of bytes: UnsafeBufferPointer<UInt8>, exact: Bool) {
            for range in words {
                let text = UnsafeBufferPointer(rebasing: bytes[range])
                if exact && Builder.startsWithCapital(text) {
                    phraseIDs.append(lexicon.exactVocabulary.intern(text) | PhraseTrie.exactBit)
                    continue
                }
                appendFolded(text)
            }
        }

        /// Whether a word's first scalar is upper case, as the tokenizer's `capitalized` flag has it.
        private static func startsWithCapital(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = String(decoding: text, as: UTF8.self).unicodeScalars.first else { return false }
            return Scalars.isUppercase(first.value)
        }

        /// Interns a word folded and appends its id to `phraseIDs`.
        private mutating func appendFolded(_ text: UnsafeBufferPointer<UInt8>) {
            let id = internFolded(text)
            while lexicon.wordFlags.count <= Int(id) { lexicon.wordFlags.append([]) }
            phraseIDs.append(id)
        }

        /// The id of a word folded, added when new. An ASCII word (nearly all) folds to its lower case,
        /// made on the stack.
        private mutating func internFolded(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count) { lowered in
                var high: UInt8 = 0
                for k in text.indices {
                    let b = text[k]
                    high |= b
                    lowered[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                if high < 0x80 { return lexicon.vocabulary.intern(UnsafeBufferPointer(lowered)) }
                folded.removeAll(keepingCapacity: true)
                Folding.fold(text, into: &folded)
                return folded.withUnsafeBufferPointer { lexicon.vocabulary.intern($0) }
            }
        }

        mutating func addPhrase(_ phrase: UnsafeBufferPointer<UInt8>, exact: Bool, _ payload: PhrasePayload) {
            guard tokenize(phrase, exact: exact) else { return }
            lexicon.trie.add(phraseIDs, payload)
        }

        mutating func addPhrase(_ phrase: [UInt8], exact: Bool, _ payload: PhrasePayload) {
            phrase.withUnsafeBufferPointer { addPhrase($0, exact: exact, payload) }
        }

        /// Adds a phrase and its plurals with one payload. A plural only changes letters at the end of
        /// the last word, so the plurals of a plain phrase are plain phrases with the same words before
        /// the last: they keep those ids and intern only their last word.
        mutating func addPhraseAndPlurals(_ phrase: UnsafeBufferPointer<UInt8>, _ payload: PhrasePayload) {
            addPhrase(phrase, exact: false, payload)
            guard wordsArePlain, let last = words.last else {
                Inflection.forEachPlural(utf8: phrase) { addPhrase($0, exact: false, payload) }
                return
            }
            Inflection.forEachPlural(utf8: phrase) { plural in
                phraseIDs.removeLast()
                appendFolded(UnsafeBufferPointer(rebasing: plural[last.lowerBound...]))
                lexicon.trie.add(phraseIDs, payload)
            }
        }

        /// The id of a one-word entry (`determiners.txt`, `pronouns.txt`), or nil when it is not one word.
        mutating func singleWordID(_ entry: LexiconFile.Entry) -> Int32? {
            entry.withField(0) { tokenize($0, exact: false) } && phraseIDs.count == 1 ? phraseIDs[0] : nil
        }

        // MARK: Files

        mutating func loadClasses(_ files: [LexiconFile]) throws {
            for file in files {
                for entry in file.entries {
                    try file.requireFields(entry, 2, columns: "layer, name")
                    guard entry.fieldCount >= 2 else {
                        throw file.error(entry, "a removal names the layer and the name (-action<TAB>say)")
                    }
                    let name = entry.field(1)
                    switch entry.key {
                    case "action": if entry.isRemoval { lexicon.actionClasses.remove(name) } else { lexicon.actionClasses.insert(name) }
                    case "target": if entry.isRemoval { lexicon.targetCategories.remove(name) } else { lexicon.targetCategories.insert(name) }
                    default: throw file.error(entry, "unknown layer '\(entry.key)'; use action or target")
                    }
                }
            }
        }

        mutating func loadActors(_ files: [LexiconFile]) throws {
            struct Parsed: Equatable { let entry: ActorEntry; let exact: Bool; let aliases: [String] }
            let entries = try LexiconFile.overlay(files, exactKey: { $0.fieldCount > 3 && $0.field(3, contains: "case=exact") }) { file, entry in
                try file.requireFields(entry, 3, optional: 1, columns: "phrase, entity, type, attributes")
                guard let type = entry.withField(2, Builder.actorType) else {
                    throw file.error(entry, field: 2, "unknown actor type '\(entry.field(2))'; use country, person, organization or group")
                }
                let prefix: StaticString = switch type {
                case .country: "country:"
                case .person: "person:"
                case .organization: "org:"
                case .group: "group:"
                }
                guard entry.withField(1, { Slug.isValid($0, after: prefix) }) else {
                    throw file.error(entry, field: 1, "entity '\(entry.field(1))' should be \(prefix) followed by a slug of lower-case ASCII letters, digits and '-'")
                }
                let entity = entry.field(1)
                let attributes = try file.attributes(entry, field: 3)
                var gender: ActorEntry.Gender?
                if let g = attributes["gender"] {
                    guard let parsed = ActorEntry.Gender(rawValue: g) else { throw file.error(entry, field: 3, "gender is male or female") }
                    gender = parsed
                }
                let kind = attributes["kind"]
                if let kind, kind != "metonym" {
                    throw file.error(entry, field: 3, "unknown kind '\(kind)'; the only kind is metonym")
                }
                let actor = ActorEntry(entity: entity, type: type, role: attributes["role"], affiliation: attributes["affiliation"],
                                       isMetonym: kind == "metonym", gender: gender, isAlias: false)
                let aliases = attributes["alias"].map { LexiconAttributes.items(of: $0, separator: UInt8(ascii: "|")) } ?? []
                return Parsed(entry: actor, exact: attributes["case"] == "exact", aliases: aliases)
            }
            for overlaid in entries {
                let parsed = overlaid.value
                let index = Int32(lexicon.actors.count)
                lexicon.actors.append(parsed.entry)
                overlaid.entry.withField(0) { phrase in
                    if parsed.entry.type == .group || parsed.entry.type == .organization, !parsed.exact {
                        addPhraseAndPlurals(phrase, PhrasePayload(kind: .actor, entry: index))
                    } else {
                        addPhrase(phrase, exact: parsed.exact, PhrasePayload(kind: .actor, entry: index))
                    }
                }
                if !parsed.aliases.isEmpty {
                    let aliasIndex = Int32(lexicon.actors.count)
                    let e = parsed.entry
                    lexicon.actors.append(ActorEntry(entity: e.entity, type: e.type, role: e.role, affiliation: e.affiliation,
                                                     isMetonym: false, gender: e.gender, isAlias: true))
                    for alias in parsed.aliases {
                        let exact = alias.count <= 4 && alias.uppercased() == alias // AMLO
                        addPhrase(Array(alias.utf8), exact: exact, PhrasePayload(kind: .actor, entry: aliasIndex))
                    }
                }
            }
        }

        /// The actor types by name, as bytes: an actor line names its type as a raw value, and no
        /// other text is equal to an ASCII name.
        private static let actorTypes = ActorType.allCases.map { (name: Array($0.rawValue.utf8), type: $0) }

        private static func actorType(_ name: UnsafeBufferPointer<UInt8>) -> ActorType? {
            actorTypes.first { $0.name.elementsEqual(name) }?.type
        }

        mutating func loadDemonyms(_ files: [LexiconFile]) throws {
            let entries = try LexiconFile.overlay(files, exactKey: { $0.fieldCount > 2 && $0.field(2, contains: "case=exact") }) { file, entry in
                try file.requireFields(entry, 2, optional: 1, columns: "adjective, country entity, attributes")
                let entity = entry.field(1)
                guard entity.hasPrefix("country:") else { throw file.error(entry, field: 1, "a demonym names a country entity (country:mex)") }
                return entity
            }
            for overlaid in entries {
                let payload = PhrasePayload(kind: .demonym, entry: Int32(lexicon.demonyms.count))
                overlaid.entry.withField(0) { addPhrase($0, exact: overlaid.exact, payload) }
                lexicon.demonyms.append(overlaid.value)
            }
        }

        mutating func loadTitles(_ files: [LexiconFile]) throws {
            let entries = try LexiconFile.overlay(files) { file, entry in
                try file.requireFields(entry, 2, optional: 1, columns: "title, role, attributes")
                let attributes = try file.attributes(entry, field: 2)
                return TitleEntry(role: entry.field(1), affiliation: attributes["affiliation"])
            }
            for overlaid in entries {
                let payload = PhrasePayload(kind: .title, entry: Int32(lexicon.titles.count))
                overlaid.entry.withField(0) { addPhrase($0, exact: false, payload) }
                lexicon.titles.append(overlaid.value)
            }
        }

        mutating func loadInitiatives(_ files: [LexiconFile]) throws {
            let entries = try LexiconFile.overlay(files) { file, entry in
                try file.requireFields(entry, 2, optional: 1, columns: "phrase, entity, attributes")
                let entity = entry.field(1)
                guard Slug.isValid(entity, after: "initiative:") else {
                    throw file.error(entry, field: 1, "entity should be initiative: followed by a slug (initiative:merida-initiative)")
                }
                let attributes = try file.attributes(entry, field: 2)
                let backReference = entry.key.lowercased().hasPrefix("the ")
                return InitiativeEntry(entity: entity, via: attributes["via"] ?? (backReference ? "coreference" : "lexicon"),
                                       needsDeterminer: backReference)
            }
            for overlaid in entries {
                // A back-reference starts with `the` and a space: four ASCII bytes, whatever their case.
                let payload = PhrasePayload(kind: .initiative, entry: Int32(lexicon.initiatives.count))
                let skipped = overlaid.value.needsDeterminer ? 4 : 0
                overlaid.entry.withField(0) { addPhrase(UnsafeBufferPointer(rebasing: $0.dropFirst(skipped)), exact: false, payload) }
                lexicon.initiatives.append(overlaid.value)
            }
        }

        mutating func loadActions(_ files: [LexiconFile], irregular: [LexiconFile]) throws {
            /// An entry as read, its `not-before` words not yet interned.
            struct ParsedAction: Equatable {
                let entry: ActionEntry
                let notBefore: [String]
            }
            let forms = try LexiconFile.overlay(irregular) { file, entry in
                try file.requireFields(entry, 2, columns: "lemma, forms")
                return LexiconAttributes.items(of: entry.field(1), separator: UInt8(ascii: ",")).filter { !$0.isEmpty }
            }
            var irregularForms: [String: [String]] = [:]
            for overlaid in forms { irregularForms[overlaid.entry.key.lowercased()] = overlaid.value }
            let classes = lexicon.actionClasses
            let entries = try LexiconFile.overlay(files) { file, entry in
                try file.requireFields(entry, 2, optional: 1, columns: "lemma, class, attributes")
                let actionClass = entry.field(1)
                guard classes.contains(actionClass) else {
                    throw file.error(entry, field: 1, "unknown action class '\(actionClass)'; add it to classes.txt or use one of \(classes.sorted().joined(separator: ", "))")
                }
                let attributes = try file.attributes(entry, field: 2)
                let objectName = attributes["object"] ?? "any"
                guard let object = ActionObject(rawValue: objectName), object != .any || attributes["object"] == nil else {
                    throw file.error(entry, field: 2, "unknown object '\(objectName)'; use people, patient or hearer")
                }
                let notBefore = attributes["not-before"].map { LexiconAttributes.items(of: $0, separator: UInt8(ascii: ",")) } ?? []
                return ParsedAction(entry: ActionEntry(lemma: entry.key, actionClass: actionClass, object: object), notBefore: notBefore)
            }
            var phrase: [UInt8] = []
            for overlaid in entries {
                let index = Int32(lexicon.actions.count)
                var action = overlaid.value.entry
                for word in overlaid.value.notBefore {
                    var bytes = Array(word.utf8)
                    let id = bytes.withUnsafeMutableBufferPointer { internFolded(UnsafeBufferPointer($0)) }
                    while lexicon.wordFlags.count <= Int(id) { lexicon.wordFlags.append([]) }
                    action.notBefore.append(id)
                }
                lexicon.actions.append(action)
                if action.objectHears { lexicon.hearerLemmas.insert(action.lemma) }
                let (verb, rest) = Inflection.splitFirstWord(overlaid.entry.bytes(of: 0))
                var generated = Inflection.verbForms(utf8: verb)
                let lemma = String(decoding: verb, as: UTF8.self)
                for form in irregularForms[lemma.lowercased()] ?? [] {
                    generated.append((Array(form.utf8), Inflection.classify(form, of: lemma)))
                }
                for (form, kind) in generated {
                    let formIndex = Int32(lexicon.actionForms.count)
                    lexicon.actionForms.append(ActionForm(entry: index, form: kind))
                    phrase.removeAll(keepingCapacity: true)
                    phrase.append(contentsOf: form)
                    phrase.append(contentsOf: rest)
                    addPhrase(phrase, exact: false, PhrasePayload(kind: .action, entry: formIndex))
                }
            }
        }

        mutating func loadTargets(_ files: [LexiconFile]) throws {
            let categories = lexicon.targetCategories
            // The category of the last entry, known to be in `categories`: entries come grouped by category.
            var known: String?
            let entries = try LexiconFile.overlay(files) { file, entry in
                try file.requireFields(entry, 3, columns: "term, category, canonical")
                let category = entry.field(1)
                if category != known {
                    guard categories.contains(category) else {
                        throw file.error(entry, field: 1, "unknown target category '\(category)'; add it to classes.txt or use one of \(categories.sorted().joined(separator: ", "))")
                    }
                    known = category
                }
                return TargetEntry(category: category, canonical: entry.field(2))
            }
            for overlaid in entries {
                let payload = PhrasePayload(kind: .target, entry: Int32(lexicon.targets.count))
                lexicon.targets.append(overlaid.value)
                overlaid.entry.withField(0) { addPhraseAndPlurals($0, payload) }
            }
        }

        mutating func loadWords(_ files: [LexiconFile], kind: PhraseKind, plural: Bool) throws {
            let entries = try LexiconFile.overlay(files) { file, entry in
                try file.requireFields(entry, 1, columns: "word")
                return true
            }
            for overlaid in entries {
                let index: Int32
                if kind == .activity {
                    index = Int32(lexicon.activities.count)
                    lexicon.activities.append(overlaid.entry.key.lowercased())
                } else {
                    index = 0
                }
                let payload = PhrasePayload(kind: kind, entry: index)
                overlaid.entry.withField(0) { phrase in
                    if plural { addPhraseAndPlurals(phrase, payload) } else { addPhrase(phrase, exact: false, payload) }
                }
            }
        }

        mutating func loadNegators(_ files: [LexiconFile]) throws {
            let entries = try LexiconFile.overlay(files) { file, entry in
                try file.requireFields(entry, 1, optional: 1, columns: "phrase, negates (optional: no)")
                guard entry.fieldCount > 1 else { return true }
                let negates = entry.field(1)
                if negates != "no" && negates != "yes" {
                    throw file.error(entry, field: 1, "the second field is 'no' for a phrase that does not negate (not only)")
                }
                return negates == "yes"
            }
            for overlaid in entries {
                let payload = PhrasePayload(kind: .negator, entry: Int32(lexicon.negators.count))
                overlaid.entry.withField(0) { addPhrase($0, exact: false, payload) }
                lexicon.negators.append(overlaid.value)
            }
        }

        mutating func loadModals(_ files: [LexiconFile]) throws {
            let entries = try LexiconFile.overlay(files) { file, entry in
                try file.requireFields(entry, 2, columns: "phrase, modality")
                let name = entry.field(1)
                guard let modality = Modality(rawValue: name), modality != .none else {
                    throw file.error(entry, field: 1, "unknown modality '\(name)'; use future, intent, obligation or possibility")
                }
                return modality
            }
            for overlaid in entries {
                let payload = PhrasePayload(kind: .modal, entry: Int32(lexicon.modals.count))
                overlaid.entry.withField(0) { addPhrase($0, exact: false, payload) }
                lexicon.modals.append(overlaid.value)
            }
        }

        mutating func loadWeights(_ files: [LexiconFile], kind: PhraseKind, range: ClosedRange<Double>, columns: String) throws {
            let entries = try LexiconFile.overlay(files) { file, entry in
                try file.requireFields(entry, 2, optional: kind == .stance ? 1 : 0, columns: columns)
                let text = entry.field(1)
                guard let value = Double(text), range.contains(value) else {
                    throw file.error(entry, field: 1, "'\(text)' is not a number in \(range.lowerBound)...\(range.upperBound)")
                }
                return WeightedCue(weight: value, use: try Builder.stanceUse(file, entry))
            }
            for overlaid in entries {
                let payload = PhrasePayload(kind: kind, entry: Int32(kind == .stance ? lexicon.stanceWeights.count : lexicon.degreeFactors.count))
                overlaid.entry.withField(0) { addPhrase($0, exact: false, payload) }
                if kind == .stance {
                    lexicon.stanceWeights.append(overlaid.value.weight)
                    lexicon.stanceCues.append(overlaid.entry.key)
                    lexicon.stanceUses.append(overlaid.value.use)
                } else {
                    lexicon.degreeFactors.append(overlaid.value.weight)
                }
            }
        }

        /// A weight (stance.txt, degree.txt) and, for a stance cue, its attributes.
        private struct WeightedCue: Equatable {
            let weight: Double
            let use: StanceCueUse
        }

        /// A stance cue's attributes: `subject=initiative`, `holder=subject`.
        private static func stanceUse(_ file: LexiconFile, _ entry: LexiconFile.Entry) throws -> StanceCueUse {
            let attributes = try file.attributes(entry, field: 2)
            var use: StanceCueUse = []
            if let subject = attributes["subject"] {
                guard subject == "initiative" else {
                    throw file.error(entry, field: 2, "unknown subject '\(subject)'; the only value is initiative")
                }
                use.insert(.initiativeSubject)
            }
            if let holder = attributes["holder"] {
                guard holder == "subject" else {
                    throw file.error(entry, field: 2, "unknown holder '\(holder)'; the only value is subject")
                }
                use.insert(.subjectHolds)
            }
            return use
        }

        mutating func loadFlags(_ files: [LexiconFile], columns: String, optional: Int = 0,
                                _ flag: (LexiconFile.Entry) throws -> WordFlags) throws {
            for file in files {
                for entry in file.entries {
                    try file.requireFields(entry, 1, optional: optional, columns: columns)
                    guard let id = singleWordID(entry) else {
                        throw file.error(entry, "one word a line")
                    }
                    let f = try flag(entry)
                    if entry.isRemoval { lexicon.wordFlags[Int(id)].remove(f) } else { lexicon.wordFlags[Int(id)].insert(f) }
                }
            }
        }

        mutating func loadPronouns(_ files: [LexiconFile]) throws {
            let kinds: [String: WordFlags] = ["person-male": .pronounMale, "person-female": .pronounFemale, "thing": .pronounThing,
                                              "plural": .pronounPlural, "speaker": .pronounSpeaker]
            for file in files {
                for entry in file.entries {
                    try file.requireFields(entry, 2, columns: "pronoun, kind")
                    if entry.isRemoval {
                        guard let id = singleWordID(entry) else { throw file.error(entry, "one pronoun a line") }
                        lexicon.wordFlags[Int(id)].subtract([.pronounMale, .pronounFemale, .pronounThing, .pronounPlural, .pronounSpeaker])
                        continue
                    }
                    let kind = entry.field(1)
                    guard let flag = kinds[kind] else {
                        throw file.error(entry, field: 1, "unknown pronoun kind '\(kind)'; use \(kinds.keys.sorted().joined(separator: ", "))")
                    }
                    guard let id = singleWordID(entry) else { throw file.error(entry, "one pronoun a line") }
                    lexicon.wordFlags[Int(id)].insert(flag)
                }
            }
        }
    }
}
