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
    private(set) var actionForms: [ActionForm] = []
    private(set) var targets: [TargetEntry] = []
    /// Activity nouns, in their singular form (`trafficking`, `flow`).
    private(set) var activities: [String] = []
    /// False for phrases listed as not negating (`not only`), which block their shorter negator.
    private(set) var negators: [Bool] = []
    private(set) var modals: [Modality] = []
    private(set) var stanceWeights: [Double] = []
    private(set) var stanceCues: [String] = []
    private(set) var degreeFactors: [Double] = []
    /// Country entity per demonym.
    private(set) var demonyms: [String] = []
    private(set) var actionClasses: Set<String> = []
    private(set) var targetCategories: Set<String> = []

    init() {}

    init(files: [LexiconFile], group: (String) -> [LexiconFile], tokenizer: Tokenizer) throws {
        var builder = Builder(tokenizer: tokenizer)
        for word in FunctionWords.all { _ = builder.ids(word, exact: false) }
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
        try builder.loadWeights(group("stance.txt"), kind: .stance, range: -1...1, columns: "cue, weight")
        try builder.loadWeights(group("degree.txt"), kind: .degree, range: 0...4, columns: "word, factor")
        try builder.loadFlags(group("determiners.txt"), columns: "word") { _ in .determiner }
        try builder.loadFlags(group("locatives.txt"), columns: "word") { _ in .locative }
        try builder.loadWords(group("contrast.txt"), kind: .contrast, plural: false)
        try builder.loadFlags(group("sentence-starters.txt"), columns: "word") { _ in .sentenceStarter }
        try builder.loadPronouns(group("pronouns.txt"))
        try builder.loadFlags(group("organization-words.txt"), columns: "word") { _ in .organizationWord }
        try builder.loadFlags(group("name-particles.txt"), columns: "word") { _ in .nameParticle }
        try builder.loadFlags(group("calendar-words.txt"), columns: "word") { _ in .weekdayOrMonth }
        try builder.loadFlags(group("auxiliaries.txt"), columns: "word, passive (optional)", optional: 1) { entry in
            entry.fields.count > 1 && entry.fields[1] == "passive" ? [.auxiliary, .passiveAuxiliary] : .auxiliary
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
    private struct Builder {
        var lexicon = TaggingLexicon()
        let tokenizer: Tokenizer

        /// Folded (or exact) token ids of a phrase; nil when it has no tokens.
        mutating func ids(_ phrase: String, exact: Bool) -> [Int32]? {
            let source = SourceText(phrase)
            let tokens = tokenizer.tokenize(source)
            if tokens.isEmpty { return nil }
            return tokens.map { token in
                let bytes = Array(source.utf8[token.byteRange])
                if exact { return lexicon.exactVocabulary.intern(bytes) | PhraseTrie.exactBit }
                let id = lexicon.vocabulary.intern(Folding.fold(String(decoding: bytes, as: UTF8.self)))
                if Int(id) >= lexicon.wordFlags.count { lexicon.wordFlags.append(contentsOf: repeatElement([], count: Int(id) + 1 - lexicon.wordFlags.count)) }
                return id
            }
        }

        mutating func addPhrase(_ phrase: String, exact: Bool, _ payload: PhrasePayload) {
            guard let ids = ids(phrase, exact: exact) else { return }
            lexicon.trie.add(ids, payload)
        }

        /// The key entries are compared by: folded tokens, or the exact text.
        func key(_ phrase: String, exact: Bool) -> String {
            exact ? phrase : String(decoding: Folding.fold(phrase), as: UTF8.self)
        }

        /// Collects a file group's entries in order with overlay semantics: the phrase as last written,
        /// its value, and whether it matches case-exactly.
        func collect<Value: Equatable>(_ files: [LexiconFile], exactKey: (LexiconFile.Entry) -> Bool = { _ in false },
                                       _ parse: (LexiconFile, LexiconFile.Entry) throws -> Value) throws -> [(String, Value, Bool)] {
            var order: [String] = []
            var listed: Set<String> = []
            var values: [String: (phrase: String, value: Value, exact: Bool, file: String, line: Int)] = [:]
            for file in files {
                for entry in file.entries {
                    let exact = exactKey(entry)
                    let k = key(entry.key, exact: exact)
                    if entry.isRemoval { values[k] = nil; continue }
                    let value = try parse(file, entry)
                    if let old = values[k], old.file == file.name {
                        if old.value != value {
                            throw file.error(entry, "duplicate entry '\(entry.key)' with a different meaning than line \(old.line)")
                        }
                        continue
                    }
                    if listed.insert(k).inserted { order.append(k) }
                    values[k] = (entry.key, value, exact, file.name, entry.line)
                }
            }
            return order.compactMap { k in values[k].map { ($0.phrase, $0.value, $0.exact) } }
        }

        // MARK: Files

        mutating func loadClasses(_ files: [LexiconFile]) throws {
            for file in files {
                for entry in file.entries {
                    try file.requireFields(entry, 2, columns: "layer, name")
                    guard entry.fields.count >= 2 else {
                        throw file.error(entry, "a removal names the layer and the name (-action<TAB>say)")
                    }
                    switch entry.key {
                    case "action": if entry.isRemoval { lexicon.actionClasses.remove(entry.fields[1]) } else { lexicon.actionClasses.insert(entry.fields[1]) }
                    case "target": if entry.isRemoval { lexicon.targetCategories.remove(entry.fields[1]) } else { lexicon.targetCategories.insert(entry.fields[1]) }
                    default: throw file.error(entry, "unknown layer '\(entry.key)'; use action or target")
                    }
                }
            }
        }

        mutating func loadActors(_ files: [LexiconFile]) throws {
            struct Parsed: Equatable { let entry: ActorEntry; let exact: Bool; let aliases: [String] }
            let entries = try collect(files, exactKey: { $0.fields.count > 3 && $0.fields[3].contains("case=exact") }) { file, entry in
                try file.requireFields(entry, 3, optional: 1, columns: "phrase, entity, type, attributes")
                guard let type = ActorType(rawValue: entry.fields[2]) else {
                    throw file.error(entry, field: 2, "unknown actor type '\(entry.fields[2])'; use country, person, organization or group")
                }
                let entity = entry.fields[1]
                let prefix = ["country": "country:", "person": "person:", "organization": "org:", "group": "group:"][type.rawValue]!
                guard entity.hasPrefix(prefix), Slug.isValid(entity.dropFirst(prefix.count)) else {
                    throw file.error(entry, field: 1, "entity '\(entity)' should be \(prefix) followed by a slug of lower-case ASCII letters, digits and '-'")
                }
                let attributes = try file.attributes(entry, field: 3)
                var gender: ActorEntry.Gender?
                if let g = attributes["gender"] {
                    guard let parsed = ActorEntry.Gender(rawValue: g) else { throw file.error(entry, field: 3, "gender is male or female") }
                    gender = parsed
                }
                if let kind = attributes["kind"], kind != "metonym" {
                    throw file.error(entry, field: 3, "unknown kind '\(kind)'; the only kind is metonym")
                }
                let actor = ActorEntry(entity: entity, type: type, role: attributes["role"], affiliation: attributes["affiliation"],
                                       isMetonym: attributes["kind"] == "metonym", gender: gender, isAlias: false)
                let aliases = attributes["alias"].map { LexiconAttributes.items(of: $0, separator: UInt8(ascii: "|")) } ?? []
                return Parsed(entry: actor, exact: attributes["case"] == "exact", aliases: aliases)
            }
            for (phrase, parsed, _) in entries {
                let index = Int32(lexicon.actors.count)
                lexicon.actors.append(parsed.entry)
                addPhrase(phrase, exact: parsed.exact, PhrasePayload(kind: .actor, entry: index))
                if parsed.entry.type == .group || parsed.entry.type == .organization, !parsed.exact {
                    for plural in Inflection.plurals(phrase) { addPhrase(plural, exact: false, PhrasePayload(kind: .actor, entry: index)) }
                }
                if !parsed.aliases.isEmpty {
                    let aliasIndex = Int32(lexicon.actors.count)
                    let e = parsed.entry
                    lexicon.actors.append(ActorEntry(entity: e.entity, type: e.type, role: e.role, affiliation: e.affiliation,
                                                     isMetonym: false, gender: e.gender, isAlias: true))
                    for alias in parsed.aliases {
                        let exact = alias.count <= 4 && alias.uppercased() == alias // AMLO
                        addPhrase(alias, exact: exact, PhrasePayload(kind: .actor, entry: aliasIndex))
                    }
                }
            }
        }

        mutating func loadDemonyms(_ files: [LexiconFile]) throws {
            let entries = try collect(files, exactKey: { $0.fields.count > 2 && $0.fields[2].contains("case=exact") }) { file, entry in
                try file.requireFields(entry, 2, optional: 1, columns: "adjective, country entity, attributes")
                guard entry.fields[1].hasPrefix("country:") else { throw file.error(entry, field: 1, "a demonym names a country entity (country:mex)") }
                return entry.fields[1]
            }
            for (phrase, entity, exact) in entries {
                addPhrase(phrase, exact: exact, PhrasePayload(kind: .demonym, entry: Int32(lexicon.demonyms.count)))
                lexicon.demonyms.append(entity)
            }
        }

        mutating func loadTitles(_ files: [LexiconFile]) throws {
            let entries = try collect(files) { file, entry in
                try file.requireFields(entry, 2, optional: 1, columns: "title, role, attributes")
                let attributes = try file.attributes(entry, field: 2)
                return TitleEntry(role: entry.fields[1], affiliation: attributes["affiliation"])
            }
            for (phrase, title, _) in entries {
                addPhrase(phrase, exact: false, PhrasePayload(kind: .title, entry: Int32(lexicon.titles.count)))
                lexicon.titles.append(title)
            }
        }

        mutating func loadInitiatives(_ files: [LexiconFile]) throws {
            let entries = try collect(files) { file, entry in
                try file.requireFields(entry, 2, optional: 1, columns: "phrase, entity, attributes")
                guard entry.fields[1].hasPrefix("initiative:"), Slug.isValid(entry.fields[1].dropFirst(11)) else {
                    throw file.error(entry, field: 1, "entity should be initiative: followed by a slug (initiative:merida-initiative)")
                }
                let attributes = try file.attributes(entry, field: 2)
                let backReference = entry.key.lowercased().hasPrefix("the ")
                return InitiativeEntry(entity: entry.fields[1], via: attributes["via"] ?? (backReference ? "coreference" : "lexicon"),
                                       needsDeterminer: backReference)
            }
            for (phrase, initiative, _) in entries {
                let text = initiative.needsDeterminer ? String(phrase.dropFirst(4)) : phrase
                addPhrase(text, exact: false, PhrasePayload(kind: .initiative, entry: Int32(lexicon.initiatives.count)))
                lexicon.initiatives.append(initiative)
            }
        }

        mutating func loadActions(_ files: [LexiconFile], irregular: [LexiconFile]) throws {
            let forms = try collect(irregular) { file, entry in
                try file.requireFields(entry, 2, columns: "lemma, forms")
                return LexiconAttributes.items(of: entry.fields[1], separator: UInt8(ascii: ",")).filter { !$0.isEmpty }
            }
            var irregularForms: [String: [String]] = [:]
            for (lemma, list, _) in forms { irregularForms[lemma.lowercased()] = list }
            let classes = lexicon.actionClasses
            let entries = try collect(files) { file, entry in
                try file.requireFields(entry, 2, optional: 1, columns: "lemma, class, attributes")
                guard classes.contains(entry.fields[1]) else {
                    throw file.error(entry, field: 1, "unknown action class '\(entry.fields[1])'; add it to classes.txt or use one of \(classes.sorted().joined(separator: ", "))")
                }
                let attributes = try file.attributes(entry, field: 2)
                if let object = attributes["object"], object != "people" {
                    throw file.error(entry, field: 2, "unknown object '\(object)'; the only value is people")
                }
                return ActionEntry(lemma: entry.key, actionClass: entry.fields[1], needsPeopleObject: attributes["object"] == "people")
            }
            for (phrase, action, _) in entries {
                let index = Int32(lexicon.actions.count)
                lexicon.actions.append(action)
                let words = phrase.split(separator: " ", maxSplits: 1).map(String.init)
                let verb = words[0]
                let rest = words.count > 1 ? " " + words[1] : ""
                var generated = Inflection.verbForms(verb)
                for form in irregularForms[verb.lowercased()] ?? [] {
                    generated.append((form, Inflection.classify(form, of: verb)))
                }
                for (form, kind) in generated {
                    let formIndex = Int32(lexicon.actionForms.count)
                    lexicon.actionForms.append(ActionForm(entry: index, form: kind))
                    addPhrase(form + rest, exact: false, PhrasePayload(kind: .action, entry: formIndex))
                }
            }
        }

        mutating func loadTargets(_ files: [LexiconFile]) throws {
            let categories = lexicon.targetCategories
            let entries = try collect(files) { file, entry in
                try file.requireFields(entry, 3, columns: "term, category, canonical")
                guard categories.contains(entry.fields[1]) else {
                    throw file.error(entry, field: 1, "unknown target category '\(entry.fields[1])'; add it to classes.txt or use one of \(categories.sorted().joined(separator: ", "))")
                }
                return TargetEntry(category: entry.fields[1], canonical: entry.fields[2])
            }
            for (phrase, target, _) in entries {
                let payload = PhrasePayload(kind: .target, entry: Int32(lexicon.targets.count))
                lexicon.targets.append(target)
                addPhrase(phrase, exact: false, payload)
                for plural in Inflection.plurals(phrase) { addPhrase(plural, exact: false, payload) }
            }
        }

        mutating func loadWords(_ files: [LexiconFile], kind: PhraseKind, plural: Bool) throws {
            let entries = try collect(files) { file, entry in
                try file.requireFields(entry, 1, columns: "word")
                return true
            }
            for (phrase, _, _) in entries {
                let index: Int32
                if kind == .activity {
                    index = Int32(lexicon.activities.count)
                    lexicon.activities.append(phrase.lowercased())
                } else {
                    index = 0
                }
                addPhrase(phrase, exact: false, PhrasePayload(kind: kind, entry: index))
                if plural { for p in Inflection.plurals(phrase) { addPhrase(p, exact: false, PhrasePayload(kind: kind, entry: index)) } }
            }
        }

        mutating func loadNegators(_ files: [LexiconFile]) throws {
            let entries = try collect(files) { file, entry in
                try file.requireFields(entry, 1, optional: 1, columns: "phrase, negates (optional: no)")
                if entry.fields.count > 1 && !["no", "yes"].contains(entry.fields[1]) {
                    throw file.error(entry, field: 1, "the second field is 'no' for a phrase that does not negate (not only)")
                }
                return entry.fields.count < 2 || entry.fields[1] == "yes"
            }
            for (phrase, negates, _) in entries {
                addPhrase(phrase, exact: false, PhrasePayload(kind: .negator, entry: Int32(lexicon.negators.count)))
                lexicon.negators.append(negates)
            }
        }

        mutating func loadModals(_ files: [LexiconFile]) throws {
            let entries = try collect(files) { file, entry in
                try file.requireFields(entry, 2, columns: "phrase, modality")
                guard let modality = Modality(rawValue: entry.fields[1]), modality != .none else {
                    throw file.error(entry, field: 1, "unknown modality '\(entry.fields[1])'; use future, intent, obligation or possibility")
                }
                return modality
            }
            for (phrase, modality, _) in entries {
                addPhrase(phrase, exact: false, PhrasePayload(kind: .modal, entry: Int32(lexicon.modals.count)))
                lexicon.modals.append(modality)
            }
        }

        mutating func loadWeights(_ files: [LexiconFile], kind: PhraseKind, range: ClosedRange<Double>, columns: String) throws {
            let entries = try collect(files) { file, entry in
                try file.requireFields(entry, 2, columns: columns)
                guard let value = Double(entry.fields[1]), range.contains(value) else {
                    throw file.error(entry, field: 1, "'\(entry.fields[1])' is not a number in \(range.lowerBound)...\(range.upperBound)")
                }
                return value
            }
            for (phrase, value, _) in entries {
                if kind == .stance {
                    addPhrase(phrase, exact: false, PhrasePayload(kind: kind, entry: Int32(lexicon.stanceWeights.count)))
                    lexicon.stanceWeights.append(value)
                    lexicon.stanceCues.append(phrase)
                } else {
                    addPhrase(phrase, exact: false, PhrasePayload(kind: kind, entry: Int32(lexicon.degreeFactors.count)))
                    lexicon.degreeFactors.append(value)
                }
            }
        }

        mutating func loadFlags(_ files: [LexiconFile], columns: String, optional: Int = 0,
                                _ flag: (LexiconFile.Entry) throws -> WordFlags) throws {
            for file in files {
                for entry in file.entries {
                    try file.requireFields(entry, 1, optional: optional, columns: columns)
                    guard let ids = ids(entry.key, exact: false), ids.count == 1 else {
                        throw file.error(entry, "one word a line")
                    }
                    let f = try flag(entry)
                    if entry.isRemoval { lexicon.wordFlags[Int(ids[0])].remove(f) } else { lexicon.wordFlags[Int(ids[0])].insert(f) }
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
                        guard let ids = ids(entry.key, exact: false), ids.count == 1 else { throw file.error(entry, "one pronoun a line") }
                        lexicon.wordFlags[Int(ids[0])].subtract([.pronounMale, .pronounFemale, .pronounThing, .pronounPlural, .pronounSpeaker])
                        continue
                    }
                    guard let flag = kinds[entry.fields[1]] else {
                        throw file.error(entry, field: 1, "unknown pronoun kind '\(entry.fields[1])'; use \(kinds.keys.sorted().joined(separator: ", "))")
                    }
                    guard let ids = ids(entry.key, exact: false), ids.count == 1 else { throw file.error(entry, "one pronoun a line") }
                    if entry.isRemoval { lexicon.wordFlags[Int(ids[0])].remove(flag) } else { lexicon.wordFlags[Int(ids[0])].insert(flag) }
                }
            }
        }
    }
}

/// Entity slugs: lower-case ASCII letters, digits and `-`.
enum Slug {
    static func isValid<S: StringProtocol>(_ s: S) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// The slug of a name: diacritics folded, lower case, other characters `-`.
    static func make(_ name: String) -> String {
        var out: [UInt8] = []
        for b in Folding.fold(name) {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { out.append(b) } else if out.last != 0x2D && !out.isEmpty { out.append(0x2D) }
        }
        while out.last == 0x2D { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
