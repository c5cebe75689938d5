/// The layers a writer can leave out of its output (the text and document facts always stay).
public enum Layer: String, Sendable, CaseIterable {
    case sentences, tokens, actors, initiatives, actions, targets, quotes, events, stance
}

/// How to write an annotation as JSON.
public struct JSONOptions: Sendable {
    /// One line, no white space (JSONL); otherwise one array element a line, indented by two spaces.
    public var compact: Bool
    /// The layers to write; the others are left out (not written as empty arrays).
    public var layers: Set<Layer>

    public init(compact: Bool = false, layers: Set<Layer> = Set(Layer.allCases)) {
        self.compact = compact
        self.layers = layers
    }
}

/// Writes an `Annotation` as SPEC's `accord.annotation/1` document, keys in SPEC's order.
struct AnnotationJSON {
    let annotation: Annotation
    let options: JSONOptions

    func write(into w: inout JSONWriter) {
        let a = annotation
        a.source.utf8.withUnsafeBufferPointer { text in
            /// `, "name": [` unless `layer` is left out (`, "name": []` without items); returns
            /// whether elements follow, each on its own line in pretty mode, then `arrayEnd()`.
            func arrayStart(_ name: StaticString, _ layer: Layer?, isEmpty: Bool) -> Bool {
                if let layer, !options.layers.contains(layer) { return false }
                w.byte(0x2C); w.newline(indent: 1)
                w.key(name)
                if isEmpty { w.raw("[]"); return false }
                w.byte(0x5B)
                return true
            }
            func arrayEnd() {
                w.newline(indent: 1)
                w.byte(0x5D)
            }
            /// `, "name": [...]` with one element a line in pretty mode (see `arrayStart`). Each element
            /// is written by `body` through one cursor, over the room `room` says it needs beyond the
            /// separator. Both get a pointer to the element: passing the element itself would copy it,
            /// retaining and releasing each of its strings (some 200 instructions an actor).
            @inline(__always) func array<T>(
                _ name: StaticString, _ layer: Layer?, _ items: [T],
                room: (UnsafePointer<T>) -> Int, _ body: (UnsafePointer<T>, inout JSONWriter.Cursor) -> Void
            ) {
                guard arrayStart(name, layer, isEmpty: items.isEmpty) else { return }
                items.withUnsafeBufferPointer { items in
                    guard let base = items.baseAddress else { return }
                    for i in items.indices {
                        let item = base + i
                        w.write(reserving: 6 + room(item)) { o in
                            if i > 0 { o.byte(0x2C) }
                            o.newline(indent: 2)
                            body(item, &o)
                        }
                        w.maybeFlush()
                    }
                }
                arrayEnd()
            }

            w.byte(0x7B); w.newline(indent: 1)
            w.key("schema"); w.raw("\"accord.annotation/1\"")
            w.byte(0x2C); w.newline(indent: 1)
            w.key("document"); w.byte(0x7B)
            w.key("id"); w.string(a.document.id); w.comma()
            w.key("path"); if let path = a.document.path { w.string(path) } else { w.null() }; w.comma()
            w.key("sha256"); w.string(a.document.sha256); w.comma()
            w.key("length"); w.int(a.document.length)
            w.byte(0x7D)
            w.byte(0x2C); w.newline(indent: 1)
            w.key("annotator"); w.byte(0x7B)
            w.key("name"); w.string(a.annotator.name); w.comma()
            w.key("version"); w.string(a.annotator.version); w.comma()
            w.key("lexicons"); w.string(a.annotator.lexicons)
            w.byte(0x7D)
            w.byte(0x2C); w.newline(indent: 1)
            w.key("text"); w.string(utf8: text)
            w.maybeFlush()

            let k = options.compact ? LayerKeys.compact : LayerKeys.pretty
            let keyRoom = LayerKeys.room, intRoom = JSONWriter.Cursor.maxIntCount
            /// `{"start": …, "end": …, "text": …`: an object's opening and its span's fields (the
            /// object stays open for the element's other fields).
            func spanFields(_ span: Span, _ o: inout JSONWriter.Cursor) {
                o.piece(k.start); o.int(span.start)
                o.piece(k.end); o.int(span.end)
                o.piece(k.text)
                o.string(utf8: UnsafeBufferPointer(rebasing: text[span.startByte..<span.endByte]))
            }
            /// The room `spanFields` needs.
            func room(_ span: Span) -> Int {
                3 * keyRoom + 2 * intRoom + JSONWriter.Cursor.maxStringCount(span.endByte - span.startByte)
            }
            func room(_ s: String) -> Int { keyRoom + JSONWriter.Cursor.maxStringCount(s) }
            func room(_ s: String?) -> Int { keyRoom + (s.map(JSONWriter.Cursor.maxStringCount) ?? 4) }
            func intArray(_ values: [Int], _ o: inout JSONWriter.Cursor) {
                o.byte(0x5B)
                values.withUnsafeBufferPointer { values in
                    for i in values.indices { if i > 0 { o.comma() }; o.int(values[i]) }
                }
                o.byte(0x5D)
            }
            /// The room `intArray` needs.
            func room(_ values: [Int]) -> Int { keyRoom + 2 + values.count * (2 + intRoom) }

            array("sentences", .sentences, a.sentences, room: { _ in 3 * keyRoom + 4 * intRoom + 8 }) { s, o in
                o.piece(k.start); o.int(s.pointee.start)
                o.piece(k.end); o.int(s.pointee.end)
                o.piece(k.tokens); o.byte(0x5B); o.int(s.pointee.tokens.lowerBound); o.comma(); o.int(s.pointee.tokens.upperBound); o.byte(0x5D)
                o.byte(0x7D)
            }
            if arrayStart("tokens", .tokens, isEmpty: a.tokens.isEmpty) {
                TokenArrayJSON(compact: options.compact).write(a.tokens, source: text, into: &w)
                arrayEnd()
            }
            array("actors", .actors, a.actors, room: { m in
                room(m.pointee.span) + room(m.pointee.entity) + 2 * keyRoom + intRoom + room(m.pointee.via)
                    + room(m.pointee.role) + room(m.pointee.affiliation) + 1
            }) { m, o in
                spanFields(m.pointee.span, &o)
                o.piece(k.entity); o.string(m.pointee.entity)
                o.piece(k.type[m.pointee.type])
                o.piece(k.sentence); o.int(m.pointee.sentence)
                o.piece(k.via); o.string(m.pointee.via)
                if let role = m.pointee.role { o.piece(k.role); o.string(role) }
                if let affiliation = m.pointee.affiliation { o.piece(k.affiliation); o.string(affiliation) }
                o.byte(0x7D)
            }
            array("initiatives", .initiatives, a.initiatives, room: { m in
                room(m.pointee.span) + room(m.pointee.entity) + keyRoom + intRoom + room(m.pointee.via) + 1
            }) { m, o in
                spanFields(m.pointee.span, &o)
                o.piece(k.entity); o.string(m.pointee.entity)
                o.piece(k.sentence); o.int(m.pointee.sentence)
                o.piece(k.via); o.string(m.pointee.via)
                o.byte(0x7D)
            }
            array("actions", .actions, a.actions, room: { m in
                room(m.pointee.span) + room(m.pointee.lemma) + room(m.pointee.actionClass) + 3 * keyRoom + intRoom + 1
            }) { m, o in
                spanFields(m.pointee.span, &o)
                o.piece(k.lemma); o.string(m.pointee.lemma)
                o.piece(k.actionClass); o.string(m.pointee.actionClass)
                o.piece(k.sentence); o.int(m.pointee.sentence)
                o.piece(m.pointee.negated ? k.negatedTrue : k.negatedFalse)
                o.piece(k.modality[m.pointee.modality])
                o.byte(0x7D)
            }
            array("targets", .targets, a.targets, room: { m in
                room(m.pointee.span) + room(m.pointee.category) + room(m.pointee.term) + keyRoom + intRoom + 1
            }) { m, o in
                spanFields(m.pointee.span, &o)
                o.piece(k.category); o.string(m.pointee.category)
                o.piece(k.term); o.string(m.pointee.term)
                o.piece(k.sentence); o.int(m.pointee.sentence)
                o.byte(0x7D)
            }
            array("quotes", .quotes, a.quotes, room: { q in
                var entities = keyRoom + 2
                for e in q.pointee.entities { entities += 2 + JSONWriter.Cursor.maxStringCount(e) }
                return room(q.pointee.span) + room(q.pointee.speakers) + entities + room(q.pointee.cue) + 1
            }) { q, o in
                spanFields(q.pointee.span, &o)
                o.piece(k.speakers); intArray(q.pointee.speakers, &o)
                o.piece(k.entities); o.byte(0x5B)
                q.pointee.entities.withUnsafeBufferPointer { entities in
                    for i in entities.indices { if i > 0 { o.comma() }; o.string(entities[i]) }
                }
                o.byte(0x5D)
                o.piece(k.cue); o.string(q.pointee.cue)
                o.byte(0x7D)
            }
            array("events", .events, a.events, room: { e in
                3 * (keyRoom + intRoom) + room(e.pointee.targets) + room(e.pointee.objects) + 1
            }) { e, o in
                o.piece(k.sentenceFirst); o.int(e.pointee.sentence)
                o.piece(k.actor); o.int(e.pointee.actor)
                o.piece(k.action); o.int(e.pointee.action)
                o.piece(k.targets); intArray(e.pointee.targets, &o)
                o.piece(k.objects); intArray(e.pointee.objects, &o)
                o.byte(0x7D)
            }
            array("stance", .stance, a.stance, room: { s in
                var cues = keyRoom + 2
                for cue in s.pointee.cues { cues += 2 + room(cue.span) + keyRoom + JSONWriter.Cursor.maxDecimalCount + 1 }
                return 2 * (keyRoom + intRoom) + room(s.pointee.holder) + room(s.pointee.toward)
                    + 2 * keyRoom + JSONWriter.Cursor.maxDecimalCount + cues + 1
            }) { s, o in
                o.piece(k.sentenceFirst); o.int(s.pointee.sentence)
                o.piece(k.quote); o.int(s.pointee.quote)
                o.piece(k.holder); o.string(s.pointee.holder)
                o.piece(k.toward); o.string(s.pointee.toward)
                o.piece(k.label[s.pointee.label])
                o.piece(k.score); o.decimal(s.pointee.score)
                o.piece(k.cues); o.byte(0x5B)
                s.pointee.cues.withUnsafeBufferPointer { cues in
                    for i in cues.indices {
                        if i > 0 { o.comma() }
                        spanFields(cues[i].span, &o)
                        o.piece(k.weight); o.decimal(cues[i].weight)
                        o.byte(0x7D)
                    }
                }
                o.byte(0x5D)
                o.byte(0x7D)
            }
            array("warnings", nil, a.warnings, room: { JSONWriter.Cursor.maxStringCount($0.pointee) }) { s, o in o.string(s.pointee) }

            w.byte(0x2C); w.newline(indent: 1)
            w.key("summary"); w.byte(0x7B)
            let summary = AnnotationSummary(a)
            func counts(_ name: StaticString, _ table: [(String, Int)]) {
                w.key(name); w.byte(0x7B)
                for (i, (k, v)) in table.enumerated() {
                    if i > 0 { w.comma() }
                    w.string(k); w.raw(options.compact ? ":" : ": "); w.int(v)
                }
                w.byte(0x7D)
            }
            counts("actors", summary.actors); w.comma()
            counts("targets", summary.targets); w.comma()
            counts("stance", summary.stance); w.comma()
            counts("actions", summary.actions)
            w.byte(0x7D)
            w.newline(indent: 0)
            w.byte(0x7D)
        }
    }
}

/// The keys of the layer elements' objects as pieces in the writer's spacing, each with what goes
/// before it: `{` before an object's first key, `,` (`, ` in pretty output) before the others.
/// Writing a key is then one piece store instead of a quote, the name and a colon.
struct LayerKeys {
    /// The room a key's piece needs in a cursor (a piece stores 32 bytes).
    static let room = 32

    static let compact = LayerKeys(compact: true)
    static let pretty = LayerKeys(compact: false)

    /// `start` opens every object with a span; `sentenceFirst` opens events and stance records.
    let start, sentenceFirst: JSONWriter.Piece
    let end, text, tokens, entity, sentence, via, role, affiliation: JSONWriter.Piece
    let lemma, actionClass, category, term, speakers, entities, cue: JSONWriter.Piece
    let actor, action, targets, objects, quote, holder, toward, score, cues, weight: JSONWriter.Piece
    /// Keys with their values, for the fields whose values are a few fixed words.
    let type: KeyedValues<ActorType>
    let modality: KeyedValues<Modality>
    let label: KeyedValues<StanceRecord.Label>
    let negatedTrue, negatedFalse: JSONWriter.Piece

    private init(compact: Bool) {
        func first(_ name: String) -> JSONWriter.Piece {
            JSONWriter.Piece(compact ? "{\"\(name)\":" : "{\"\(name)\": ")
        }
        func next(_ name: String) -> JSONWriter.Piece {
            JSONWriter.Piece(compact ? ",\"\(name)\":" : ", \"\(name)\": ")
        }
        start = first("start"); sentenceFirst = first("sentence")
        end = next("end"); text = next("text"); tokens = next("tokens"); entity = next("entity")
        sentence = next("sentence"); via = next("via"); role = next("role")
        affiliation = next("affiliation"); lemma = next("lemma"); actionClass = next("class")
        category = next("category"); term = next("term"); speakers = next("speakers"); entities = next("entities"); cue = next("cue")
        actor = next("actor"); action = next("action"); targets = next("targets"); objects = next("objects")
        quote = next("quote"); holder = next("holder"); toward = next("toward")
        score = next("score"); cues = next("cues"); weight = next("weight")
        type = KeyedValues(next: "type", ActorType.allCases, compact: compact)
        modality = KeyedValues(next: "modality", Modality.allCases, compact: compact)
        label = KeyedValues(next: "label", [.support, .oppose], compact: compact)
        negatedTrue = JSONWriter.Piece(compact ? #","negated":true"# : #", "negated": true"#)
        negatedFalse = JSONWriter.Piece(compact ? #","negated":false"# : #", "negated": false"#)
    }
}

/// A key that is not an object's first, with each value of a string enum, as one piece a value
/// (`,"modality":"none"`): writing the pair is then one piece store, with no `String` made or
/// scanned.
struct KeyedValues<Value: RawRepresentable & Equatable & Sendable>: Sendable where Value.RawValue == String {
    private let values: [Value]
    private let pieces: [JSONWriter.Piece]

    /// `values` must hold every value the writer meets.
    init(next key: String, _ values: [Value], compact: Bool) {
        self.values = values
        pieces = values.map { value in
            JSONWriter.Piece((compact ? ",\"\(key)\":" : ", \"\(key)\": ") + JSONString.quoted(value.rawValue))
        }
    }

    subscript(value: Value) -> JSONWriter.Piece {
        guard let i = values.firstIndex(of: value) else { preconditionFailure("no piece for \(value)") }
        return pieces[i]
    }
}

/// Mention counts per entity, category, label and class, keys sorted (SPEC `summary`).
struct AnnotationSummary {
    let actors: [(String, Int)]
    let targets: [(String, Int)]
    let stance: [(String, Int)]
    let actions: [(String, Int)]

    init(_ a: Annotation) {
        /// Reads each mention's key in place (a lazy map would copy every mention, strings and all).
        func tally<T>(_ items: [T], _ key: (T) -> String) -> [(String, Int)] {
            var counts = SummaryTally()
            items.withUnsafeBufferPointer { items in
                for i in items.indices { counts.add(key(items[i])) }
            }
            return counts.sorted
        }
        actors = tally(a.actors) { $0.entity }
        targets = tally(a.targets) { $0.category }
        stance = tally(a.stance) { $0.label.rawValue }
        actions = tally(a.actions) { $0.actionClass }
    }
}

extension Annotation {
    /// The annotation as an `accord.annotation/1` JSON document (UTF-8, no trailing newline).
    public func json(_ options: JSONOptions = JSONOptions()) -> [UInt8] {
        var writer = JSONWriter(compact: options.compact, capacity: source.utf8.count * 4 + 4096)
        AnnotationJSON(annotation: self, options: options).write(into: &writer)
        return writer.bytes
    }

    /// Streams the JSON document to `sink` in pieces of a few hundred kilobytes, so that a large
    /// document never sits in memory twice. Each piece is lent straight from the writer's buffer
    /// (valid only during the call), so streaming to a file copies nothing.
    public func writeJSON(_ options: JSONOptions = JSONOptions(), chunks sink: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var writer = JSONWriter(compact: options.compact, capacity: 1 << 18 + 4096)
            writer.flush = { sink(UnsafeRawBufferPointer($0)) }
            AnnotationJSON(annotation: self, options: options).write(into: &writer)
            writer.flushAll()
        }
    }
}
