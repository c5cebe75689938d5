/// One record as the diff sees it: an identity (`key`), the fields to compare, and the words that
/// describe it in a line.
struct DiffEntry {
    /// Records with the same key are the same record on both sides (the same span, for span layers).
    var key: String
    /// Where the record sorts in its layer.
    var order: [Int]
    var span: (start: Int, end: Int)?
    /// The compared fields in display order; `nil` where the record does not give the field
    /// (a field is compared only when both sides give it).
    var fields: [(name: String, value: String?)]
    /// For missing/extra lines: `"gun" [86,89) guns`.
    var subject: String
    /// For changed lines: `at [4,17) "United States"`.
    var place: String
    /// The span whose surrounding words are quoted, if any.
    var context: (start: Int, end: Int)?

    /// The fields both entries give whose values differ.
    func differingFields(from other: DiffEntry) -> [(name: String, expected: String, actual: String)] {
        var result: [(name: String, expected: String, actual: String)] = []
        for (name, value) in fields {
            guard let value, let otherValue = other.fields.first(where: { $0.name == name })?.value else { continue }
            if value != otherValue { result.append((name, value, otherValue)) }
        }
        return result
    }
}

/// The diff's view of each layer's records.
struct DiffEntries {
    let document: AnnotationDocument
    let locator: SentenceLocator?
    let context: TextContext?

    func entries(_ layer: Layer) -> [DiffEntry] {
        switch layer {
        case .sentences:
            return (document.sentences ?? []).map { s in
                let range = "[\(s.start),\(s.end))"
                let excerpt = context.map { " \"\($0.excerpt(start: s.start, end: s.end))\"" } ?? ""
                return DiffEntry(key: range, order: [s.start, s.end], span: (s.start, s.end), fields: [],
                                 subject: range + excerpt, place: "at " + range, context: nil)
            }
        case .tokens:
            return (document.tokens ?? []).map { t in
                spanEntry(t.span, fields: [("kind", t.kind)], summary: t.kind ?? "")
            }
        case .actors:
            return (document.actors ?? []).map { a in
                var summary = a.entity
                if let role = a.role { summary += " (\(role)\(a.affiliation.map { ", " + $0 } ?? ""))" }
                return spanEntry(a.span, fields: [("entity", a.entity), ("type", a.type), ("role", a.role ?? "none"),
                                                  ("affiliation", a.affiliation ?? "none"), ("via", a.via)], summary: summary)
            }
        case .initiatives:
            return (document.initiatives ?? []).map { i in
                spanEntry(i.span, fields: [("entity", i.entity), ("via", i.via)], summary: i.entity)
            }
        case .actions:
            return (document.actions ?? []).map { a in
                var summary = a.actionClass + (a.lemma.map { ": " + $0 } ?? "")
                if a.negated == true { summary += ", negated" }
                if let modality = a.modality, modality != "none" { summary += ", " + modality }
                return spanEntry(a.span, fields: [("class", a.actionClass), ("lemma", a.lemma), ("negated", a.negated.map(String.init)),
                                                  ("modality", a.modality)], summary: summary)
            }
        case .targets:
            return (document.targets ?? []).map { t in
                let term = t.term.flatMap { $0 == t.span.text.lowercased() ? nil : " (term \($0))" } ?? ""
                return spanEntry(t.span, fields: [("category", t.category), ("term", t.term)], summary: t.category + term)
            }
        case .quotes:
            return (document.quotes ?? []).map { q in
                let speakers = q.speakers.map { $0.isEmpty ? "none" : $0.sorted().joined(separator: ", ") }
                var summary = "speakers " + (speakers ?? "not given")
                if let cue = q.cue { summary += ", cue \(cue)" }
                var entry = spanEntry(q.span, fields: [("speakers", speakers), ("cue", q.cue)], summary: summary)
                entry.subject = "\"\(q.span.text.shortened())\" \(q.span.range) \(summary)"
                entry.place = "at \(q.span.range) \"\(q.span.text.shortened(to: 32))\""
                return entry
            }
        case .events:
            return (document.events ?? []).map { e in
                let who = "\(e.actor.span) → \(e.action.span)"
                let targets = e.targets.isEmpty ? "none" : e.targets.sorted { $0.span < $1.span }.map(\.span.description).joined(separator: ", ")
                let objects = e.objects.isEmpty ? "none" : e.objects.sorted { $0.span < $1.span }.map(\.span.description).joined(separator: ", ")
                var subject = who + ", targets " + targets
                if !e.objects.isEmpty { subject += ", objects " + objects }
                return DiffEntry(key: "\(e.action.span.range)|\(e.actor.span.range)",
                                 order: [e.action.span.start, e.action.span.end, e.actor.span.start, e.actor.span.end],
                                 span: (e.action.span.start, e.action.span.end),
                                 fields: [("targets", targets), ("objects", objects)],
                                 subject: subject, place: "for " + who, context: (e.action.span.start, e.action.span.end))
            }
        case .stance:
            return (document.stance ?? []).map { s in
                let sentence = locator.sentence(of: s)
                let whereText = sentence.map { "sentence \($0)" } ?? "sentence ?"
                let which = "\(whereText) toward \(s.toward)"
                var subject = "\(s.label) \(which)"
                if let holder = s.holder { subject += ", holder \(holder)" }
                let cue = s.anchor ?? s.cues.first
                if let cue { subject += ", cue \(cue)" }
                let sentenceSpan = sentence.flatMap { i in locator.flatMap { $0.sentences.indices.contains(i) ? $0.sentences[i] : nil } }
                let shown = cue.map { ($0.start, $0.end) } ?? sentenceSpan.map { ($0.start, min($0.end, $0.start + 1)) }
                return DiffEntry(key: sentence.map { "\($0)|\(s.toward)" } ?? "\(s.anchor?.range ?? "?")|\(s.toward)",
                                 order: [sentence ?? s.anchor?.start ?? -1], span: cue.map { ($0.start, $0.end) },
                                 fields: [("label", s.label), ("holder", s.holder)],
                                 subject: subject, place: "for " + which, context: shown)
            }
        }
    }

    private func spanEntry(_ span: AnnotationDocument.TextSpan, fields: [(name: String, value: String?)], summary: String) -> DiffEntry {
        DiffEntry(key: span.range, order: [span.start, span.end], span: (span.start, span.end), fields: fields,
                  subject: "\(span) \(summary)".trimmingTrailingSpace(), place: "at \(span.range) \"\(span.text)\"",
                  context: (span.start, span.end))
    }
}

extension String {
    func trimmingTrailingSpace() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
