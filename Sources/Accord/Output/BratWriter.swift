/// Writes an annotation as brat standoff (`.ann`), for a copy of the text saved beside it as `.txt`.
///
/// - `T` lines: actors (type `Country`, `Person`, `Organization` or `Group`), initiatives
///   (`Initiative`), actions (the class: `Commit`, `Say`, ...), targets (the category: `Guns`, ...),
///   quotes (`Quote`) and stance (`Stance`, over its cue words). Offsets are SPEC's code-point offsets;
///   a span across a line break is written as fragments (`0 5;6 10`), the break characters left out,
///   and its text as the fragments joined by a space (as brat writes it).
/// - `E` lines: every action is an event trigger; each SPEC event is an `E` line
///   (`E1\tCommit:T12 Agent:T3 Target:T20 Target2:T21 Object:T5`); an action in no event gets an `E`
///   line with its trigger only. Each stance record is a `Stance` event with `Holder` and `Toward`
///   arguments where the holder and the initiative are mentioned.
/// - `A` lines: `Negated` and `Modality` on action events, `Label` (support or oppose) on stance
///   events, `Coreference` on mentions found by coreference.
/// - `R` lines: `Speaker` from a quote to each of its speakers.
/// - `#` lines: `AnnotatorNotes` with the entity, `via`, role, lemma, term, speakers, cue or score.
///
/// Numbering follows the layers: actors first (`T1` is the first actor), then initiatives, actions,
/// targets, quotes and stance.
struct BratWriter {
    let annotation: Annotation
    let layers: Set<Layer>

    private struct Fragment {
        var start: Int
        var end: Int
        var startByte: Int
        var endByte: Int
    }

    private static let country = Array("Country".utf8), person = Array("Person".utf8)
    private static let organization = Array("Organization".utf8), group = Array("Group".utf8)
    private static let initiative = Array("Initiative".utf8), quote = Array("Quote".utf8), stance = Array("Stance".utf8)

    func write() -> [UInt8] {
        annotation.source.utf8.withUnsafeBufferPointer { text in
            var state = State(text: text, w: ByteWriter(capacity: annotation.source.utf8.count * 3 + 1024))
            write(&state)
            return state.w.bytes
        }
    }

    private struct State {
        let text: UnsafeBufferPointer<UInt8>
        var w: ByteWriter
        var nextT = 1
        var nextE = 1
        var nextA = 1
        var nextR = 1
        var nextNote = 1
        var typeNames: [String: [UInt8]] = [:]

        /// The brat type of a class or category, as bytes (made once per name).
        mutating func typeName(_ name: String) -> [UInt8] {
            if let known = typeNames[name] { return known }
            let made = Array(OutputNames.bratType(name).utf8)
            typeNames[name] = made
            return made
        }

        /// The fragments of a span: split at each line break, break characters left out, empty
        /// pieces dropped.
        func fragments(_ span: Span, into out: inout [Fragment]) {
            var scalar = span.start
            var fragmentStart = span.start, fragmentStartByte = span.startByte
            var i = span.startByte
            let end = min(span.endByte, text.count)
            while i < end {
                let b = text[i]
                var breakLength = 0
                if b == 0x0A || b == 0x0D {
                    breakLength = 1
                } else if b == 0xE2, i + 2 < end, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 {
                    breakLength = 3 // U+2028, U+2029
                } else if b == 0xC2, i + 1 < end, text[i + 1] == 0x85 {
                    breakLength = 2 // U+0085
                }
                if breakLength > 0 {
                    if fragmentStartByte < i {
                        out.append(Fragment(start: fragmentStart, end: scalar, startByte: fragmentStartByte, endByte: i))
                    }
                    i += breakLength
                    scalar += 1
                    fragmentStart = scalar
                    fragmentStartByte = i
                    continue
                }
                if b & 0xC0 != 0x80 { scalar += 1 }
                i += 1
            }
            if fragmentStartByte < end {
                out.append(Fragment(start: fragmentStart, end: scalar, startByte: fragmentStartByte, endByte: end))
            }
        }

        /// `T<n>\t<Type> <start> <end>[;<start> <end>...]\t<text>`; `nil` (nothing written) for an
        /// empty span.
        mutating func textBound(_ type: [UInt8], _ fragments: [Fragment]) -> Int? {
            guard !fragments.isEmpty else { return nil }
            let id = nextT
            nextT += 1
            w.byte(0x54); w.int(id); w.byte(0x09)
            w.append(contentsOf: type)
            for (i, f) in fragments.enumerated() {
                w.byte(i == 0 ? 0x20 : 0x3B)
                w.int(f.start); w.byte(0x20); w.int(f.end)
            }
            w.byte(0x09)
            for (i, f) in fragments.enumerated() {
                if i > 0 { w.byte(0x20) }
                w.append(UnsafeBufferPointer(rebasing: text[f.startByte..<f.endByte]))
            }
            w.byte(0x0A)
            return id
        }

        mutating func textBound(_ type: [UInt8], _ span: Span, scratch: inout [Fragment]) -> Int? {
            scratch.removeAll(keepingCapacity: true)
            fragments(span, into: &scratch)
            return textBound(type, scratch)
        }

        /// `#<n>\tAnnotatorNotes T<id>\t<note>`.
        mutating func note(_ id: Int, _ body: (inout ByteWriter) -> Void) {
            w.byte(0x23); w.int(nextNote); w.raw("\tAnnotatorNotes T"); w.int(id); w.byte(0x09)
            nextNote += 1
            body(&w)
            w.byte(0x0A)
        }

        /// `A<n>\t<Name> <X><id>[ <value>]`.
        mutating func attribute(_ name: StaticString, _ kind: UInt8, _ id: Int, value: String? = nil) {
            w.byte(0x41); w.int(nextA); w.byte(0x09)
            nextA += 1
            w.raw(name); w.byte(0x20); w.byte(kind); w.int(id)
            if let value { w.byte(0x20); w.text(value) }
            w.byte(0x0A)
        }
    }

    private func write(_ s: inout State) {
        let a = annotation
        var scratch: [Fragment] = []
        scratch.reserveCapacity(4)

        // Text-bound annotations, each followed by its note.
        var actorT = [Int?](repeating: nil, count: a.actors.count)
        if layers.contains(.actors) {
            for (i, m) in a.actors.enumerated() {
                let type: [UInt8]
                switch m.type {
                case .country: type = Self.country
                case .person: type = Self.person
                case .organization: type = Self.organization
                case .group: type = Self.group
                }
                guard let id = s.textBound(type, m.span, scratch: &scratch) else { continue }
                actorT[i] = id
                s.note(id) { w in
                    w.singleLine(m.entity); w.raw(" (via "); w.singleLine(m.via); w.byte(0x29)
                    if let role = m.role { w.raw("; role: "); w.singleLine(role) }
                    if let affiliation = m.affiliation { w.raw("; affiliation: "); w.singleLine(affiliation) }
                }
            }
        }
        var initiativeT = [Int?](repeating: nil, count: a.initiatives.count)
        if layers.contains(.initiatives) {
            for (i, m) in a.initiatives.enumerated() {
                guard let id = s.textBound(Self.initiative, m.span, scratch: &scratch) else { continue }
                initiativeT[i] = id
                s.note(id) { w in w.singleLine(m.entity); w.raw(" (via "); w.singleLine(m.via); w.byte(0x29) }
            }
        }
        var actionT = [Int?](repeating: nil, count: a.actions.count)
        if layers.contains(.actions) {
            for (i, m) in a.actions.enumerated() {
                guard let id = s.textBound(s.typeName(m.actionClass), m.span, scratch: &scratch) else { continue }
                actionT[i] = id
                s.note(id) { w in w.raw("lemma: "); w.singleLine(m.lemma) }
            }
        }
        var targetT = [Int?](repeating: nil, count: a.targets.count)
        if layers.contains(.targets) {
            for (i, m) in a.targets.enumerated() {
                guard let id = s.textBound(s.typeName(m.category), m.span, scratch: &scratch) else { continue }
                targetT[i] = id
                s.note(id) { w in w.raw("term: "); w.singleLine(m.term) }
            }
        }
        var quoteT = [Int?](repeating: nil, count: a.quotes.count)
        if layers.contains(.quotes) {
            for (i, q) in a.quotes.enumerated() {
                guard let id = s.textBound(Self.quote, q.span, scratch: &scratch) else { continue }
                quoteT[i] = id
                s.note(id) { w in
                    w.raw("speakers: ")
                    if q.entities.isEmpty { w.raw("none") }
                    for (k, e) in q.entities.enumerated() { if k > 0 { w.raw(", ") }; w.singleLine(e) }
                    if let cue = q.cue { w.raw("; cue: "); w.singleLine(cue) }
                }
            }
        }
        var stanceT = [Int?](repeating: nil, count: a.stance.count)
        if layers.contains(.stance) {
            for (i, record) in a.stance.enumerated() {
                scratch.removeAll(keepingCapacity: true)
                let cues = record.cues.map(\.span).sorted()
                if cues.isEmpty, record.sentence < a.sentences.count {
                    let sentence = a.sentences[record.sentence]
                    if sentence.tokens.lowerBound < sentence.tokens.upperBound, sentence.tokens.upperBound <= a.tokens.count {
                        s.fragments(Span(tokens: a.tokens, sentence.tokens), into: &scratch)
                    }
                }
                for cue in cues { s.fragments(cue, into: &scratch) }
                // Sorted, without overlaps, as brat wants fragments.
                var merged: [Fragment] = []
                for f in scratch.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
                    if let last = merged.last, f.start <= last.end {
                        if f.end > last.end { merged[merged.count - 1].end = f.end; merged[merged.count - 1].endByte = f.endByte }
                    } else {
                        merged.append(f)
                    }
                }
                guard let id = s.textBound(Self.stance, merged) else { continue }
                stanceT[i] = id
                s.note(id) { w in
                    w.raw("holder: "); w.singleLine(record.holder)
                    w.raw("; toward: "); w.singleLine(record.toward)
                    w.raw("; score: "); w.decimal(record.score)
                    for (k, cue) in record.cues.enumerated() {
                        w.raw(k == 0 ? "; cues: " : ", ")
                        w.singleLine(a.text(of: cue.span)); w.raw(" ("); w.decimal(cue.weight); w.byte(0x29)
                    }
                }
            }
        }

        // Events: one E line per SPEC event, a bare trigger for an action in none.
        var eventsOfAction = [[Int]](repeating: [], count: a.actions.count)
        if layers.contains(.events) {
            for (i, e) in a.events.enumerated() where e.action >= 0 && e.action < a.actions.count {
                eventsOfAction[e.action].append(i)
            }
        }
        func optionalT(_ table: [Int?], _ index: Int) -> Int? {
            index >= 0 && index < table.count ? table[index] : nil
        }
        for (actionIndex, action) in a.actions.enumerated() {
            guard let trigger = actionT[actionIndex] else { continue }
            let type = s.typeName(action.actionClass)
            let events = eventsOfAction[actionIndex]
            for k in 0..<max(events.count, 1) {
                let id = s.nextE
                s.nextE += 1
                s.w.byte(0x45); s.w.int(id); s.w.byte(0x09)
                s.w.append(contentsOf: type); s.w.raw(":T"); s.w.int(trigger)
                if !events.isEmpty {
                    let event = a.events[events[k]]
                    if let agent = optionalT(actorT, event.actor) { s.w.raw(" Agent:T"); s.w.int(agent) }
                    var n = 0
                    for t in event.targets {
                        guard let target = optionalT(targetT, t) else { continue }
                        n += 1
                        s.w.raw(" Target")
                        if n > 1 { s.w.int(n) }
                        s.w.raw(":T"); s.w.int(target)
                    }
                    n = 0
                    for o in event.objects {
                        guard let object = optionalT(actorT, o) else { continue }
                        n += 1
                        s.w.raw(" Object")
                        if n > 1 { s.w.int(n) }
                        s.w.raw(":T"); s.w.int(object)
                    }
                }
                s.w.byte(0x0A)
                if action.negated { s.attribute("Negated", 0x45, id) }
                if action.modality != .none { s.attribute("Modality", 0x45, id, value: action.modality.rawValue) }
            }
        }
        let actorIndex = EntityIndex(a.stance.isEmpty ? [] : a.actors.enumerated().map { ($1.entity, $0) })
        let initiativeIndex = EntityIndex(a.stance.isEmpty ? [] : a.initiatives.enumerated().map { ($1.entity, $0) })
        for (i, record) in a.stance.enumerated() {
            guard let trigger = stanceT[i] else { continue }
            let id = s.nextE
            s.nextE += 1
            s.w.byte(0x45); s.w.int(id); s.w.raw("\tStance:T"); s.w.int(trigger)
            if let holder = holderMention(record, actorIndex).flatMap({ optionalT(actorT, $0) }) {
                s.w.raw(" Holder:T"); s.w.int(holder)
            }
            if let toward = towardMention(record, initiativeIndex).flatMap({ optionalT(initiativeT, $0) }) {
                s.w.raw(" Toward:T"); s.w.int(toward)
            }
            s.w.byte(0x0A)
            s.attribute("Label", 0x45, id, value: record.label.rawValue)
        }

        // Relations: a quote's speakers.
        for (i, q) in a.quotes.enumerated() {
            guard let quote = quoteT[i] else { continue }
            for speaker in q.speakers {
                guard let actor = optionalT(actorT, speaker) else { continue }
                s.w.byte(0x52); s.w.int(s.nextR); s.w.raw("\tSpeaker Arg1:T"); s.w.int(quote)
                s.w.raw(" Arg2:T"); s.w.int(actor); s.w.byte(0x0A)
                s.nextR += 1
            }
        }

        // Coreference as a binary attribute, so brat can draw it.
        for (i, m) in a.actors.enumerated() where m.via == "coreference" {
            if let id = actorT[i] { s.attribute("Coreference", 0x54, id) }
        }
        for (i, m) in a.initiatives.enumerated() where m.via == "coreference" {
            if let id = initiativeT[i] { s.attribute("Coreference", 0x54, id) }
        }
    }

    /// Mentions of each entity, in text order (so in sentence order), for finding a stance's holder
    /// and initiative without scanning every mention per record.
    private struct EntityIndex {
        var positions: [String: [Int]] = [:]

        init(_ entities: [(String, Int)]) {
            for (entity, i) in entities { positions[entity, default: []].append(i) }
        }

        /// The first mention of `entity` in `sentence`; with `orBefore`, else the last one before it.
        func find(_ entity: String, sentence: Int, orBefore: Bool, sentenceOf: (Int) -> Int) -> Int? {
            guard let list = positions[entity] else { return nil }
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if sentenceOf(list[mid]) < sentence { low = mid + 1 } else { high = mid }
            }
            if low < list.count, sentenceOf(list[low]) == sentence { return list[low] }
            return orBefore && low > 0 ? list[low - 1] : nil
        }
    }

    /// The actor mention that holds a stance: a speaker of its quote with the holder's entity, else
    /// the first mention of the holder in its sentence.
    private func holderMention(_ record: StanceRecord, _ actors: EntityIndex) -> Int? {
        let a = annotation
        if let q = record.quote, q >= 0, q < a.quotes.count {
            for speaker in a.quotes[q].speakers where speaker >= 0 && speaker < a.actors.count {
                if a.actors[speaker].entity == record.holder { return speaker }
            }
        }
        return actors.find(record.holder, sentence: record.sentence, orBefore: false) { a.actors[$0].sentence }
    }

    /// The initiative mention a stance is toward: the first in its sentence, else the last one before.
    private func towardMention(_ record: StanceRecord, _ initiatives: EntityIndex) -> Int? {
        let a = annotation
        return initiatives.find(record.toward, sentence: record.sentence, orBefore: true) { a.initiatives[$0].sentence }
    }
}

extension OutputFormat {
    /// brat's `annotation.conf` for the built-in lexicons: every entity, event (with argument roles),
    /// relation and attribute (with values) the `.ann` files use. Save it in the brat collection
    /// folder beside the `.ann` and `.txt` files.
    public static let bratConfiguration: String = bratConfiguration(for: .builtIn)

    /// brat's `visual.conf` for the built-in lexicons: labels and colours (the HTML page's colours).
    public static let bratVisualConfiguration: String = bratVisualConfiguration(for: .builtIn)

    /// brat's `annotation.conf` for a lexicon set (its action classes and target categories).
    public static func bratConfiguration(for lexicons: Lexicons) -> String {
        BratConfiguration(actionClasses: lexicons.tagging.actionClasses.sorted(),
                          targetCategories: lexicons.tagging.targetCategories.sorted()).annotationConf
    }

    /// brat's `visual.conf` for a lexicon set.
    public static func bratVisualConfiguration(for lexicons: Lexicons) -> String {
        BratConfiguration(actionClasses: lexicons.tagging.actionClasses.sorted(),
                          targetCategories: lexicons.tagging.targetCategories.sorted()).visualConf
    }
}

/// The brat configuration files, built from the class and category lists.
struct BratConfiguration {
    let actionClasses: [String]
    let targetCategories: [String]

    static let actors = "Country|Person|Organization|Group"

    var annotationConf: String {
        let targets = targetCategories.map(OutputNames.bratType).joined(separator: "|")
        var lines: [String] = [
            "# brat annotation.conf for accord standoff (SPEC.md section 3).",
            "",
            "[entities]",
            "!Actor",
            "\tCountry",
            "\tPerson",
            "\tOrganization",
            "\tGroup",
            "Initiative",
            "!Target",
        ]
        for category in targetCategories { lines.append("\t" + OutputNames.bratType(category)) }
        lines += ["Quote", "", "[relations]", "Speaker\tArg1:Quote, Arg2:\(Self.actors)",
                  "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", "!Action"]
        let arguments = "Agent?:\(Self.actors)" + (targets.isEmpty ? "" : ", Target*:\(targets)") + ", Object*:\(Self.actors)"
        for actionClass in actionClasses {
            lines.append("\t" + OutputNames.bratType(actionClass) + "\t" + arguments)
        }
        lines += ["Stance\tHolder?:\(Self.actors), Toward?:Initiative", "", "[attributes]",
                  "Negated\tArg:<EVENT>",
                  "Modality\tArg:<EVENT>, Value:future|intent|obligation|possibility",
                  "Label\tArg:Stance, Value:support|oppose",
                  "Coreference\tArg:\(Self.actors)|Initiative", ""]
        return lines.joined(separator: "\n")
    }

    var visualConf: String {
        var lines: [String] = [
            "# brat visual.conf for accord standoff: the colours of accord's HTML pages.",
            "",
            "[labels]",
            "Country | Country | Ctry",
            "Person | Person | Per",
            "Organization | Organization | Org",
            "Group | Group | Grp",
            "Initiative | Initiative | Init",
            "Quote | Quote | Q",
            "Stance | Stance | St",
        ]
        for name in actionClasses + targetCategories {
            let type = OutputNames.bratType(name)
            lines.append("\(type) | \(type)")
        }
        lines += [
            "",
            "[drawing]",
            "SPAN_DEFAULT\tfgColor:black, bgColor:lightgray, borderColor:darken",
            "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5",
            "ATTRIBUTE_DEFAULT\tglyph:*",
        ]
        for (type, colour) in [("Country", HTMLPalette.actor(.country)), ("Person", HTMLPalette.actor(.person)),
                               ("Organization", HTMLPalette.actor(.organization)), ("Group", HTMLPalette.actor(.group)),
                               ("Initiative", HTMLPalette.initiative), ("Quote", HTMLPalette.quote),
                               ("Stance", HTMLPalette.stance)] {
            lines.append("\(type)\tbgColor:\(colour)")
        }
        for name in actionClasses {
            lines.append("\(OutputNames.bratType(name))\tbgColor:\(HTMLPalette.actionLight(name)), borderColor:\(HTMLPalette.action(name))")
        }
        for name in targetCategories {
            lines.append("\(OutputNames.bratType(name))\tbgColor:\(HTMLPalette.targetLight(name))")
        }
        lines += [
            "Agent\tcolor:#1f4e9c, arrowHead:triangle-5",
            "Target\tcolor:#8a2c2c, arrowHead:triangle-5",
            "Object\tcolor:#6b3fa0, arrowHead:triangle-5",
            "Holder\tcolor:#2e7d32, arrowHead:triangle-5",
            "Toward\tcolor:#b26a00, arrowHead:triangle-5",
            "Speaker\tcolor:#555555, dashArray:3-3, arrowHead:triangle-5",
            "Negated\tbox:crossed, glyph:<NONE>, dashArray:<NONE>",
            "Modality\tglyph:⇒|→|!|?, dashArray:<NONE>",
            "Label\tglyph:+|−",
            "Coreference\tglyph:↩, dashArray:3-3",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
