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
            func spanText(_ span: Span) {
                w.string(utf8: UnsafeBufferPointer(rebasing: text[span.startByte..<span.endByte]))
            }
            func spanFields(_ span: Span) {
                w.key("start"); w.int(span.start); w.comma()
                w.key("end"); w.int(span.end); w.comma()
                w.key("text"); spanText(span)
            }
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
            /// still reaches `body` as a copy (its strings retained and released), about 200
            /// instructions an actor: the remaining overhead of this general path.
            @inline(__always) func array<T>(_ name: StaticString, _ layer: Layer?, _ items: [T], _ body: (T) -> Void) {
                guard arrayStart(name, layer, isEmpty: items.isEmpty) else { return }
                items.withUnsafeBufferPointer { items in
                    for i in items.indices {
                        w.write(reserving: 6) { o in
                            if i > 0 { o.byte(0x2C) }
                            o.newline(indent: 2)
                        }
                        body(items[i])
                        w.maybeFlush()
                    }
                }
                arrayEnd()
            }
            func intArray(_ values: [Int]) {
                w.byte(0x5B)
                for (i, v) in values.enumerated() { if i > 0 { w.comma() }; w.int(v) }
                w.byte(0x5D)
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

            array("sentences", .sentences, a.sentences) { s in
                w.byte(0x7B)
                w.key("start"); w.int(s.start); w.comma()
                w.key("end"); w.int(s.end); w.comma()
                w.key("tokens"); w.byte(0x5B); w.int(s.tokens.lowerBound); w.comma(); w.int(s.tokens.upperBound); w.byte(0x5D)
                w.byte(0x7D)
            }
            if arrayStart("tokens", .tokens, isEmpty: a.tokens.isEmpty) {
                TokenArrayJSON(compact: options.compact).write(a.tokens, source: text, into: &w)
                arrayEnd()
            }
            array("actors", .actors, a.actors) { m in
                w.byte(0x7B)
                spanFields(m.span); w.comma()
                w.key("entity"); w.string(m.entity); w.comma()
                w.key("type"); w.string(m.type.rawValue); w.comma()
                w.key("sentence"); w.int(m.sentence); w.comma()
                w.key("via"); w.string(m.via)
                if let role = m.role { w.comma(); w.key("role"); w.string(role) }
                if let affiliation = m.affiliation { w.comma(); w.key("affiliation"); w.string(affiliation) }
                w.byte(0x7D)
            }
            array("initiatives", .initiatives, a.initiatives) { m in
                w.byte(0x7B)
                spanFields(m.span); w.comma()
                w.key("entity"); w.string(m.entity); w.comma()
                w.key("sentence"); w.int(m.sentence); w.comma()
                w.key("via"); w.string(m.via)
                w.byte(0x7D)
            }
            array("actions", .actions, a.actions) { m in
                w.byte(0x7B)
                spanFields(m.span); w.comma()
                w.key("lemma"); w.string(m.lemma); w.comma()
                w.key("class"); w.string(m.actionClass); w.comma()
                w.key("sentence"); w.int(m.sentence); w.comma()
                w.key("negated"); w.bool(m.negated); w.comma()
                w.key("modality"); w.string(m.modality.rawValue)
                w.byte(0x7D)
            }
            array("targets", .targets, a.targets) { m in
                w.byte(0x7B)
                spanFields(m.span); w.comma()
                w.key("category"); w.string(m.category); w.comma()
                w.key("term"); w.string(m.term); w.comma()
                w.key("sentence"); w.int(m.sentence)
                w.byte(0x7D)
            }
            array("quotes", .quotes, a.quotes) { q in
                w.byte(0x7B)
                spanFields(q.span); w.comma()
                w.key("speakers"); intArray(q.speakers); w.comma()
                w.key("entities"); w.byte(0x5B)
                for (i, e) in q.entities.enumerated() { if i > 0 { w.comma() }; w.string(e) }
                w.byte(0x5D); w.comma()
                w.key("cue"); if let cue = q.cue { w.string(cue) } else { w.null() }
                w.byte(0x7D)
            }
            array("events", .events, a.events) { e in
                w.byte(0x7B)
                w.key("sentence"); w.int(e.sentence); w.comma()
                w.key("actor"); w.int(e.actor); w.comma()
                w.key("action"); w.int(e.action); w.comma()
                w.key("targets"); intArray(e.targets); w.comma()
                w.key("objects"); intArray(e.objects)
                w.byte(0x7D)
            }
            array("stance", .stance, a.stance) { s in
                w.byte(0x7B)
                w.key("sentence"); w.int(s.sentence); w.comma()
                w.key("quote"); if let q = s.quote { w.int(q) } else { w.null() }; w.comma()
                w.key("holder"); w.string(s.holder); w.comma()
                w.key("toward"); w.string(s.toward); w.comma()
                w.key("label"); w.string(s.label.rawValue); w.comma()
                w.key("score"); w.decimal(s.score); w.comma()
                w.key("cues"); w.byte(0x5B)
                for (i, cue) in s.cues.enumerated() {
                    if i > 0 { w.comma() }
                    w.byte(0x7B); spanFields(cue.span); w.comma()
                    w.key("weight"); w.decimal(cue.weight); w.byte(0x7D)
                }
                w.byte(0x5D)
                w.byte(0x7D)
            }
            array("warnings", nil, a.warnings) { w.string($0) }

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
