/// Writes an annotation as a standalone HTML page: inline CSS, no scripts, nothing fetched.
///
/// The text keeps its paragraphs (one `<p>` a line). Actors (by type), initiatives, actions (by
/// class, underlined), targets (by category) and stance cues are `<mark>` elements; quotes are
/// `<span class="q">` with their speaker as a label. Marks of different layers may overlap: the
/// writer keeps the elements properly nested by closing and reopening a mark where another crosses
/// it (each piece keeps the mark's classes and `title`). Every mark has a `title` saying what it is
/// and what made it (`via`, lemma, class, entity, role, events). After each sentence that takes a
/// position, a badge shows holder → toward, label, score and cues. A legend heads the page; tables of
/// events and stance follow the text. The same annotation always gives the same bytes.
struct HTMLWriter {
    let annotation: Annotation
    let layers: Set<Layer>

    private enum Kind: UInt8 { case quote, action, initiative, actor, target, cue }

    private struct Mark {
        var startByte: Int
        var endByte: Int
        var kind: Kind
        /// Index into the mark's layer (for a cue: the stance record).
        var index: Int
        /// For a cue: its index in the record's cues.
        var sub: Int
    }

    func write() -> [UInt8] {
        annotation.source.utf8.withUnsafeBufferPointer { text in
            var page = Page(annotation: annotation, layers: layers, text: text)
            page.write()
            return page.w.bytes
        }
    }

    private struct Page {
        let a: Annotation
        let layers: Set<Layer>
        let text: UnsafeBufferPointer<UInt8>
        var w: ByteWriter
        var marks: [Mark] = []
        /// Open elements, outermost first (indices into `marks`).
        var stack: [Int] = []
        /// Marks covering the current position, in nesting order (indices into `marks`).
        var active: [Int] = []
        var opened: [Bool] = []
        var inParagraph = false
        var eventsOfAction: [[Int]] = []
        var names: [String: String] = [:]
        var cssNames: [String: [UInt8]] = [:]

        init(annotation: Annotation, layers: Set<Layer>, text: UnsafeBufferPointer<UInt8>) {
            a = annotation
            self.layers = layers
            self.text = text
            w = ByteWriter(capacity: text.count * 6 + 16384)
        }

        // MARK: - Page

        mutating func write() {
            collectMarks()
            collectNames()
            eventsOfAction = [[Int]](repeating: [], count: a.actions.count)
            if layers.contains(.events) {
                for (i, e) in a.events.enumerated() where e.action >= 0 && e.action < a.actions.count {
                    eventsOfAction[e.action].append(i)
                }
            }
            let (classes, categories) = legendNames()

            w.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            w.raw("<meta name=\"generator\" content=\"accord ")
            w.html(a.annotator.version, attribute: true)
            w.raw("\">\n<title>")
            w.html(a.document.id)
            w.raw(" · accord</title>\n<style>\n")
            w.raw(HTMLWriter.css)
            styleRules(classes: classes, categories: categories)
            w.raw("</style>\n</head>\n<body>\n<header>\n<h1>")
            w.html(a.document.id)
            w.raw("</h1>\n<p class=\"meta\">")
            if let path = a.document.path { w.raw("<code>"); w.html(path); w.raw("</code> · ") }
            w.int(a.document.length); w.raw(" characters · ")
            w.int(a.sentences.count); w.raw(" sentences · ")
            w.int(a.actors.count); w.raw(" actors · ")
            w.int(a.actions.count); w.raw(" actions · ")
            w.int(a.targets.count); w.raw(" targets · ")
            w.int(a.quotes.count); w.raw(" quotes · ")
            w.int(a.stance.count); w.raw(" stance records<br>accord ")
            w.html(a.annotator.version); w.raw(", lexicons <code>")
            w.html(String(a.annotator.lexicons.prefix(12))); w.raw("</code></p>\n")
            if !a.warnings.isEmpty {
                w.raw("<ul class=\"warnings\">\n")
                for warning in a.warnings { w.raw("<li>"); w.html(warning); w.raw("</li>\n") }
                w.raw("</ul>\n")
            }
            w.raw("</header>\n")
            legend(classes: classes, categories: categories)
            w.raw("<main class=\"doc\">\n")
            body()
            w.raw("</main>\n")
            eventsTable()
            stanceTable()
            w.raw("<footer>Made by accord ")
            w.html(a.annotator.version)
            w.raw(". Hover a mark to see what it is and what made it.</footer>\n</body>\n</html>\n")
        }

        /// Action classes and target categories for the legend and the style rules: SPEC's, then any
        /// others the document uses (sorted).
        func legendNames() -> ([String], [String]) {
            var classes = HTMLPalette.actionClasses
            let extraClasses = Set(a.actions.map(\.actionClass)).subtracting(classes).sorted()
            classes += extraClasses
            var categories = HTMLPalette.targetCategories
            categories += Set(a.targets.map(\.category)).subtracting(categories).sorted()
            return (classes, categories)
        }

        mutating func styleRules(classes: [String], categories: [String]) {
            for type in HTMLPalette.actorTypes {
                w.raw(".ac-"); w.text(type.rawValue); w.raw("{background:"); w.text(HTMLPalette.actor(type)); w.raw("}\n")
            }
            for c in classes {
                w.raw(".act-"); w.text(OutputNames.cssClass(c)); w.raw("{border-bottom-color:")
                w.text(HTMLPalette.action(c)); w.raw("}\n")
            }
            for c in categories {
                let css = OutputNames.cssClass(c)
                w.raw(".tg-"); w.text(css); w.raw("{color:"); w.text(HTMLPalette.target(c))
                w.raw(";background:"); w.text(HTMLPalette.targetLight(c)); w.raw("}\n")
            }
        }

        mutating func legend(classes: [String], categories: [String]) {
            w.raw("<section class=\"legend\" aria-label=\"legend\">\n<div><span class=\"lg-head\">Actors</span>")
            for type in HTMLPalette.actorTypes {
                w.raw("<mark class=\"ac ac-"); w.text(type.rawValue); w.raw("\" title=\"legend: actor of type ")
                w.text(type.rawValue); w.raw("\">"); w.text(type.rawValue); w.raw("</mark>")
            }
            w.raw("<span class=\"lg-head lg-gap\">Initiatives</span><mark class=\"in\" title=\"legend: initiative\">initiative</mark></div>\n<div><span class=\"lg-head\">Actions</span>")
            for c in classes {
                w.raw("<mark class=\"act act-"); w.text(OutputNames.cssClass(c)); w.raw("\" title=\"legend: action of class ")
                w.html(c, attribute: true); w.raw("\">"); w.html(c); w.raw("</mark>")
            }
            w.raw("<mark class=\"act act-commit neg\" title=\"legend: a negated action is struck through\">negated</mark></div>\n")
            w.raw("<div><span class=\"lg-head\">Targets</span>")
            for c in categories {
                w.raw("<mark class=\"tg tg-"); w.text(OutputNames.cssClass(c)); w.raw("\" title=\"legend: target of category ")
                w.html(c, attribute: true); w.raw("\">"); w.html(c); w.raw("</mark>")
            }
            w.raw("</div>\n<div><span class=\"lg-head\">Quotes, stance</span>")
            w.raw("<span class=\"q first\" data-who=\"speaker\" title=\"legend: a quote, labelled with its speaker\">quote</span>")
            w.raw("<mark class=\"cue cue-support\" title=\"legend: a word that carries support\">support cue</mark>")
            w.raw("<mark class=\"cue cue-oppose\" title=\"legend: a word that carries opposition\">oppose cue</mark>")
            w.raw("<span class=\"stance st-support\" title=\"legend: a sentence's stance: holder → toward, label and score\">holder → initiative · support +0.8</span>")
            w.raw("</div>\n</section>\n")
        }

        // MARK: - Marks

        mutating func collectMarks() {
            func add(_ span: Span, _ kind: Kind, _ index: Int, _ sub: Int = 0) {
                let start = max(0, span.startByte), end = min(span.endByte, text.count)
                if start < end { marks.append(Mark(startByte: start, endByte: end, kind: kind, index: index, sub: sub)) }
            }
            if layers.contains(.quotes) { for (i, q) in a.quotes.enumerated() { add(q.span, .quote, i) } }
            if layers.contains(.actions) { for (i, m) in a.actions.enumerated() { add(m.span, .action, i) } }
            if layers.contains(.initiatives) { for (i, m) in a.initiatives.enumerated() { add(m.span, .initiative, i) } }
            if layers.contains(.actors) { for (i, m) in a.actors.enumerated() { add(m.span, .actor, i) } }
            if layers.contains(.targets) { for (i, m) in a.targets.enumerated() { add(m.span, .target, i) } }
            if layers.contains(.stance) {
                for (i, record) in a.stance.enumerated() {
                    for (k, cue) in record.cues.enumerated() { add(cue.span, .cue, i, k) }
                }
            }
            // Nesting order: earlier start first, then longer, then by layer.
            marks.sort {
                if $0.startByte != $1.startByte { return $0.startByte < $1.startByte }
                if $0.endByte != $1.endByte { return $0.endByte > $1.endByte }
                if $0.kind != $1.kind { return $0.kind.rawValue < $1.kind.rawValue }
                if $0.index != $1.index { return $0.index < $1.index }
                return $0.sub < $1.sub
            }
            opened = [Bool](repeating: false, count: marks.count)
        }

        /// A readable name per entity: for people, organizations, groups and initiatives the longest
        /// mention not found by coreference (up to 48 characters, the first of equal ones); for
        /// countries, initiatives with a longer full name and anything else a name made from the
        /// entity (`country:usa` → `United States`), since a country's longest mention is often a
        /// government phrase.
        mutating func collectNames() {
            func consider(_ entity: String, _ span: Span, _ via: String) {
                let length = span.end - span.start
                guard via != "coreference", length <= 48 else { return }
                if let known = names[entity], known.unicodeScalars.count >= length { return }
                names[entity] = a.text(of: span)
            }
            for m in a.actors where m.type != .country { consider(m.entity, m.span, m.via) }
            for m in a.initiatives { consider(m.entity, m.span, m.via) }
            // An initiative whose full name is too long for a badge goes by its entity's name
            // (`Bicentennial Framework`), not by a shorter variant (`Bicentennial accord`).
            for m in a.initiatives where m.via != "coreference" && m.span.end - m.span.start > 48 {
                names[m.entity] = nil
            }
        }

        /// Writes the CSS class suffix of a class or category (made once per name).
        mutating func cssName(_ name: String) {
            if let known = cssNames[name] { w.append(contentsOf: known); return }
            let made = Array(OutputNames.cssClass(name).utf8)
            cssNames[name] = made
            w.append(contentsOf: made)
        }

        func name(_ entity: String) -> String {
            names[entity] ?? OutputNames.display(entity: entity)
        }

        mutating func body() {
            let n = marks.count
            let ends = (0..<n).sorted { (marks[$0].endByte, $0) < (marks[$1].endByte, $1) }
            // Badges go after the last token of a sentence that has stance records.
            var badges: [(byte: Int, sentence: Int, records: [Int])] = []
            if layers.contains(.stance) {
                var bySentence: [Int: [Int]] = [:]
                for (i, record) in a.stance.enumerated() { bySentence[record.sentence, default: []].append(i) }
                for sentence in bySentence.keys.sorted() where sentence >= 0 && sentence < a.sentences.count {
                    let last = a.sentences[sentence].tokens.upperBound - 1
                    guard last >= 0, last < a.tokens.count else { continue }
                    badges.append((Int(a.tokens[last].endByte), sentence, bySentence[sentence]!))
                }
                badges.sort { ($0.byte, $0.sentence) < ($1.byte, $1.sentence) }
            }
            var si = 0, ei = 0, bi = 0, pos = 0
            while true {
                var b = Int.max
                if si < n { b = marks[si].startByte }
                if ei < n { b = min(b, marks[ends[ei]].endByte) }
                if bi < badges.count { b = min(b, badges[bi].byte) }
                if b == Int.max { break }
                if b > pos { emitText(pos, b); pos = b }
                if ei < n, marks[ends[ei]].endByte == b {
                    active.removeAll { marks[$0].endByte == b }
                    while ei < n, marks[ends[ei]].endByte == b { ei += 1 }
                }
                while bi < badges.count, badges[bi].byte == b {
                    closeAll()
                    if !inParagraph { w.raw("<p>"); inParagraph = true }
                    for (k, record) in badges[bi].records.enumerated() { badge(record, sentence: badges[bi].sentence, first: k == 0) }
                    bi += 1
                }
                // Marks start in nesting order, so appending keeps `active` in it.
                while si < n, marks[si].startByte == b { active.append(si); si += 1 }
            }
            if pos < text.count { emitText(pos, text.count) }
            endParagraph()
        }

        /// Writes text, escaped; a line feed ends the paragraph (a carriage return is dropped).
        mutating func emitText(_ from: Int, _ to: Int) {
            var runStart = from
            var i = from
            while i < to {
                let c = text[i]
                if c == 0x0A || c == 0x0D {
                    if runStart < i { run(runStart, i) }
                    if c == 0x0A { endParagraph() }
                    i += 1
                    runStart = i
                    continue
                }
                i += 1
            }
            if runStart < to { run(runStart, to) }
        }

        mutating func run(_ from: Int, _ to: Int) {
            var start = from
            if !inParagraph {
                // Leading blanks of a line would only make an empty paragraph.
                while start < to, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
                if start == to { return }
            }
            sync()
            w.html(UnsafeBufferPointer(rebasing: text[start..<to]))
        }

        /// Opens the paragraph and makes the open elements match the active marks: keeps the common
        /// outer part, closes the rest, opens what is missing.
        mutating func sync() {
            if !inParagraph { w.raw("<p>"); inParagraph = true }
            var k = 0
            while k < stack.count, k < active.count, stack[k] == active[k] { k += 1 }
            while stack.count > k { close(stack.removeLast()) }
            while k < active.count {
                open(active[k])
                stack.append(active[k])
                k += 1
            }
        }

        mutating func closeAll() {
            while let top = stack.popLast() { close(top) }
        }

        mutating func endParagraph() {
            closeAll()
            if inParagraph { w.raw("</p>\n"); inParagraph = false }
        }

        mutating func close(_ id: Int) {
            if marks[id].kind == .quote { w.raw("</span>") } else { w.raw("</mark>") }
        }

        /// Writes a span's text escaped for an attribute.
        mutating func spanText(_ span: Span) {
            let start = max(0, span.startByte), end = min(span.endByte, text.count)
            if start < end { w.html(UnsafeBufferPointer(rebasing: text[start..<end]), attribute: true) }
        }

        mutating func open(_ id: Int) {
            let mark = marks[id]
            let first = !opened[id]
            opened[id] = true
            switch mark.kind {
            case .actor:
                let m = a.actors[mark.index]
                w.raw("<mark class=\"ac ac-"); w.text(m.type.rawValue)
                w.raw("\" title=\"Actor · "); w.text(m.type.rawValue)
                w.raw("&#10;entity: "); w.html(m.entity, attribute: true)
                w.raw("&#10;via: "); w.html(m.via, attribute: true)
                if let role = m.role { w.raw("&#10;role: "); w.html(role, attribute: true) }
                if let affiliation = m.affiliation { w.raw("&#10;affiliation: "); w.html(affiliation, attribute: true) }
                w.raw("\">")
            case .initiative:
                let m = a.initiatives[mark.index]
                w.raw("<mark class=\"in\" title=\"Initiative&#10;entity: "); w.html(m.entity, attribute: true)
                w.raw("&#10;via: "); w.html(m.via, attribute: true)
                w.raw("\">")
            case .action:
                let m = a.actions[mark.index]
                w.raw("<mark class=\"act act-"); cssName(m.actionClass)
                if m.negated { w.raw(" neg") }
                w.raw("\" title=\"Action · "); w.html(m.actionClass, attribute: true)
                w.raw("&#10;lemma: "); w.html(m.lemma, attribute: true)
                if m.negated { w.raw("&#10;negated") }
                if m.modality != .none { w.raw("&#10;modality: "); w.text(m.modality.rawValue) }
                for e in eventsOfAction[mark.index] { eventLine(a.events[e]) }
                w.raw("\">")
            case .target:
                let m = a.targets[mark.index]
                w.raw("<mark class=\"tg tg-"); cssName(m.category)
                w.raw("\" title=\"Target · "); w.html(m.category, attribute: true)
                w.raw("&#10;term: "); w.html(m.term, attribute: true)
                w.raw("\">")
            case .quote:
                let q = a.quotes[mark.index]
                w.raw(first ? "<span class=\"q first\" data-who=\"" : "<span class=\"q\" data-who=\"")
                quoteSpeakers(q)
                w.raw("\" title=\"Quote&#10;speaker: ")
                if q.entities.isEmpty { w.raw("unknown") }
                for (k, e) in q.entities.enumerated() {
                    if k > 0 { w.raw(", ") }
                    w.html(name(e), attribute: true); w.raw(" ("); w.html(e, attribute: true); w.byte(0x29)
                }
                if let cue = q.cue { w.raw("&#10;cue: "); w.html(cue, attribute: true) }
                w.raw("\">")
            case .cue:
                let record = a.stance[mark.index]
                let cue = record.cues[mark.sub]
                w.raw("<mark class=\"cue cue-"); w.text(record.label.rawValue)
                w.raw("\" title=\"Stance cue · "); w.text(record.label.rawValue)
                w.raw("&#10;weight: "); w.signedDecimal(cue.weight)
                w.raw("&#10;holder: "); w.html(record.holder, attribute: true)
                w.raw("&#10;toward: "); w.html(record.toward, attribute: true)
                w.raw("\">")
            }
        }

        /// The speakers' names for a quote's label (`unattributed` when there is none).
        mutating func quoteSpeakers(_ q: Quote) {
            if q.entities.isEmpty { w.raw("unattributed"); return }
            for (k, e) in q.entities.enumerated() {
                if k > 0 { w.raw(" &amp; ") }
                w.html(name(e), attribute: true)
            }
        }

        /// `event: United States → gun, drug trafficking; acts on: cartels` in an action's title.
        mutating func eventLine(_ e: Event) {
            w.raw("&#10;event: ")
            if e.actor >= 0, e.actor < a.actors.count { spanText(a.actors[e.actor].span) } else { w.raw("?") }
            if !e.targets.isEmpty {
                w.raw(" → ")
                for (k, t) in e.targets.enumerated() where t >= 0 && t < a.targets.count {
                    if k > 0 { w.raw(", ") }
                    spanText(a.targets[t].span)
                }
            }
            if !e.objects.isEmpty {
                w.raw("; acts on: ")
                for (k, o) in e.objects.enumerated() where o >= 0 && o < a.actors.count {
                    if k > 0 { w.raw(", ") }
                    spanText(a.actors[o].span)
                }
            }
        }

        mutating func badge(_ index: Int, sentence: Int, first: Bool) {
            let record = a.stance[index]
            w.raw("<span class=\"stance st-"); w.text(record.label.rawValue); w.byte(0x22)
            if first { w.raw(" id=\"s"); w.int(sentence); w.byte(0x22) }
            w.raw(" title=\"Stance of sentence "); w.int(sentence)
            w.raw("&#10;holder: "); w.html(record.holder, attribute: true)
            w.raw("&#10;toward: "); w.html(record.toward, attribute: true)
            w.raw("&#10;label: "); w.text(record.label.rawValue)
            w.raw("&#10;score: "); w.signedDecimal(record.score)
            if let q = record.quote { w.raw("&#10;in quote "); w.int(q) }
            for cue in record.cues {
                w.raw("&#10;cue: "); spanText(cue.span); w.raw(" ("); w.signedDecimal(cue.weight); w.byte(0x29)
            }
            w.raw("\">")
            w.html(name(record.holder)); w.raw(" → "); w.html(name(record.toward))
            w.raw(" · <b>"); w.text(record.label.rawValue); w.raw("</b> "); w.signedDecimal(record.score)
            if !record.cues.isEmpty {
                w.raw(" · ")
                for (k, cue) in record.cues.enumerated() {
                    if k > 0 { w.raw(", ") }
                    w.raw("“"); spanText(cue.span); w.raw("”")
                }
            }
            w.raw("</span>")
        }

        // MARK: - Tables

        mutating func eventsTable() {
            guard layers.contains(.events), !a.events.isEmpty else { return }
            w.raw("<section class=\"tables\">\n<h2>Events</h2>\n<table>\n<thead><tr><th>sentence</th><th>agent</th><th>action</th><th>targets</th><th>acts on</th></tr></thead>\n<tbody>\n")
            for e in a.events {
                w.raw("<tr><td>"); w.int(e.sentence); w.raw("</td><td>")
                if e.actor >= 0, e.actor < a.actors.count {
                    let actor = a.actors[e.actor]
                    w.raw("<mark class=\"ac ac-"); w.text(actor.type.rawValue); w.raw("\" title=\"")
                    w.html(actor.entity, attribute: true); w.raw("\">"); spanText(actor.span); w.raw("</mark>")
                }
                w.raw("</td><td>")
                if e.action >= 0, e.action < a.actions.count {
                    let action = a.actions[e.action]
                    w.raw("<mark class=\"act act-"); cssName(action.actionClass)
                    if action.negated { w.raw(" neg") }
                    w.raw("\" title=\""); w.html(action.actionClass, attribute: true); w.raw(" · lemma ")
                    w.html(action.lemma, attribute: true); w.raw("\">"); spanText(action.span); w.raw("</mark>")
                    if action.modality != .none { w.raw(" <small>"); w.text(action.modality.rawValue); w.raw("</small>") }
                }
                w.raw("</td><td>")
                for (k, t) in e.targets.enumerated() where t >= 0 && t < a.targets.count {
                    if k > 0 { w.raw(" ") }
                    let target = a.targets[t]
                    w.raw("<mark class=\"tg tg-"); cssName(target.category); w.raw("\" title=\"")
                    w.html(target.category, attribute: true); w.raw("\">"); spanText(target.span); w.raw("</mark>")
                }
                w.raw("</td><td>")
                for (k, o) in e.objects.enumerated() where o >= 0 && o < a.actors.count {
                    if k > 0 { w.raw(" ") }
                    let actor = a.actors[o]
                    w.raw("<mark class=\"ac ac-"); w.text(actor.type.rawValue); w.raw("\" title=\"")
                    w.html(actor.entity, attribute: true); w.raw("\">"); spanText(actor.span); w.raw("</mark>")
                }
                w.raw("</td></tr>\n")
            }
            w.raw("</tbody>\n</table>\n</section>\n")
        }

        mutating func stanceTable() {
            guard layers.contains(.stance), !a.stance.isEmpty else { return }
            w.raw("<section class=\"tables\">\n<h2>Stance</h2>\n<table>\n<thead><tr><th>sentence</th><th>holder</th><th>toward</th><th>label</th><th>score</th><th>cues</th></tr></thead>\n<tbody>\n")
            for record in a.stance {
                w.raw("<tr><td><a href=\"#s"); w.int(record.sentence); w.raw("\">"); w.int(record.sentence)
                w.raw("</a></td><td>"); w.html(name(record.holder)); w.raw(" <small>"); w.html(record.holder)
                w.raw("</small></td><td>"); w.html(name(record.toward))
                w.raw("</td><td class=\"l-"); w.text(record.label.rawValue); w.raw("\">"); w.text(record.label.rawValue)
                w.raw("</td><td>"); w.signedDecimal(record.score); w.raw("</td><td>")
                for (k, cue) in record.cues.enumerated() {
                    if k > 0 { w.raw(", ") }
                    w.raw("“"); spanText(cue.span); w.raw("” "); w.signedDecimal(cue.weight)
                }
                w.raw("</td></tr>\n")
            }
            w.raw("</tbody>\n</table>\n</section>\n")
        }
    }

    static let css: StaticString = """
    :root{color-scheme:light}
    body{margin:0;background:#fbfaf7;color:#1d1d1d;font:17px/1.75 Georgia,"Times New Roman",serif}
    header,.legend,main,.tables,footer{max-width:880px;margin:0 auto;padding:0 24px}
    header{padding-top:20px}
    h1{font:600 26px/1.3 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 0 4px}
    h2{font:600 18px system-ui,-apple-system,"Segoe UI",sans-serif;margin:28px 0 8px}
    .meta{font:13px/1.5 system-ui,sans-serif;color:#666;margin:0 0 12px}
    code{font:12px ui-monospace,Menlo,Consolas,monospace}
    .warnings{font:13px system-ui,sans-serif;background:#fff4ce;border:1px solid #e0c36a;border-radius:6px;padding:6px 6px 6px 28px}
    .legend{position:sticky;top:0;z-index:2;background:#fff;border:1px solid #ddd;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.06);font:12.5px/2 system-ui,sans-serif;padding:6px 14px;max-width:832px}
    .legend mark,.legend .q,.legend .stance{margin-right:6px}
    .lg-head{display:inline-block;min-width:120px;font-weight:600;color:#555}
    .lg-gap{min-width:0;margin:0 8px 0 14px}
    main{margin-top:18px}
    main p{margin:0 0 1em}
    mark{color:inherit;background:none;padding:1px 2px;border-radius:3px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
    mark mark{padding:1px 1px}
    .ac{font-weight:500}
    .in{background:#ffe28a;box-shadow:inset 0 0 0 1px #d8a200;font-weight:600}
    .act{border-bottom:3px solid #999;border-radius:0;padding:0 1px}
    .act.neg{text-decoration:line-through 2px}
    .tg{font-weight:700}
    .q{background:rgba(0,0,0,.045);padding:2px 0}
    .q.first{border-left:3px solid #8a8a8a;padding-left:4px}
    .q.first::before{content:"❝ " attr(data-who);display:inline-block;white-space:nowrap;font:600 11px/1.25 system-ui,sans-serif;color:#fff;background:#6b6b6b;border-radius:3px;padding:1px 5px;margin-right:5px;vertical-align:2px}
    .cue{background:none;text-decoration:underline wavy 1.5px;text-underline-offset:4px}
    .cue-support{text-decoration-color:#2e7d32}
    .cue-oppose{text-decoration-color:#c62828}
    .stance{display:inline-block;font:12px/1.6 system-ui,sans-serif;border-radius:10px;padding:0 8px;margin:0 2px 0 6px;vertical-align:1px;white-space:nowrap}
    .st-support{background:#e4f4e5;border:1px solid #79b87c;color:#1b5e20}
    .st-oppose{background:#fdeaea;border:1px solid #e28b8b;color:#8e1b1b}
    .stance b{font-weight:600}
    table{border-collapse:collapse;width:100%;font:13px/1.6 system-ui,sans-serif;background:#fff}
    th,td{border-bottom:1px solid #e5e5e5;padding:3px 8px;text-align:left;vertical-align:top}
    th{background:#f2f2f2;font-weight:600}
    td small{color:#777}
    td mark{white-space:nowrap}
    td.l-support{color:#1b5e20;font-weight:600}
    td.l-oppose{color:#8e1b1b;font-weight:600}
    footer{font:12px system-ui,sans-serif;color:#888;padding-top:24px;padding-bottom:32px}

    """
}
