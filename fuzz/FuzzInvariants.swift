import Foundation

/// The structural promises of SPEC.md sections 1–2, checked on one annotation. Compiled into the
/// `Accord` module together with a fuzz target, so internal API (`Scalars`, byte offsets) is reachable.
/// Returns the first few violations; a fuzz target calls `fatalError` on any.
enum FuzzCheck {
    static func violations(_ a: Annotation) -> [String] {
        var problems: [String] = []
        let scalars = Array(a.text.unicodeScalars)
        let n = scalars.count
        func slice(_ start: Int, _ end: Int) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[start..<end]); return String(v)
        }
        func scalarsEqual(_ x: String, _ y: String) -> Bool { x.unicodeScalars.elementsEqual(y.unicodeScalars) }
        if a.document.length != n { problems.append("length \(a.document.length) != \(n) scalars") }

        // Tokens: ordered, non-empty, non-overlapping, text equals slice, no white space inside,
        // every non-white-space scalar covered.
        var covered = [Bool](repeating: false, count: n)
        var previousEnd = 0
        for (i, t) in a.tokens.enumerated() {
            guard t.start >= previousEnd, t.start < t.end, t.end <= n else {
                problems.append("token \(i) [\(t.start),\(t.end)) out of order, overlapping, empty or past the end (\(n))"); return problems
            }
            if !scalarsEqual(a.text(of: t), slice(t.start, t.end)) { problems.append("token \(i) [\(t.start),\(t.end)) text differs from its slice") }
            for k in t.start..<t.end {
                covered[k] = true
                if scalars[k].properties.isWhitespace && scalars[k].value != 0x85 {
                    problems.append("token \(i) holds white space U+\(String(scalars[k].value, radix: 16))")
                }
            }
            previousEnd = t.end
        }
        for (k, scalar) in scalars.enumerated() where !covered[k] && !Scalars.isWhitespace(scalar.value) {
            problems.append("scalar \(k) U+\(String(scalar.value, radix: 16)) lies in no token"); break
        }

        // Sentences partition the tokens in order.
        var nextToken = 0
        for (i, s) in a.sentences.enumerated() {
            if s.tokens.lowerBound != nextToken || s.tokens.isEmpty || s.tokens.upperBound > a.tokens.count {
                problems.append("sentence \(i) tokens \(s.tokens) do not continue the partition at \(nextToken)"); return problems
            }
            if s.start != a.tokens[s.tokens.lowerBound].start || s.end != a.tokens[s.tokens.upperBound - 1].end {
                problems.append("sentence \(i) span [\(s.start),\(s.end)) differs from its tokens")
            }
            nextToken = s.tokens.upperBound
        }
        if nextToken != a.tokens.count { problems.append("sentences cover \(nextToken) of \(a.tokens.count) tokens") }

        // Spans: inside the text, text equals slice, sorted by (start, end), `sentence` holds the start.
        func checkSpan(_ layer: String, _ i: Int, _ span: Span) {
            guard span.start >= 0, span.start <= span.end, span.end <= n else {
                problems.append("\(layer) \(i) [\(span.start),\(span.end)) outside the text (\(n))"); return
            }
            if !scalarsEqual(a.text(of: span), slice(span.start, span.end)) {
                problems.append("\(layer) \(i) [\(span.start),\(span.end)) text \(a.text(of: span).debugDescription) differs from its slice \(slice(span.start, span.end).debugDescription)")
            }
        }
        func checkSentence(_ layer: String, _ i: Int, _ sentence: Int, _ start: Int?) {
            guard sentence >= 0, sentence < a.sentences.count else {
                problems.append("\(layer) \(i) sentence \(sentence) out of range (\(a.sentences.count))"); return
            }
            if let start, !(a.sentences[sentence].start <= start && start < max(a.sentences[sentence].end, a.sentences[sentence].start + 1)) {
                problems.append("\(layer) \(i) starts at \(start), outside its sentence \(sentence) [\(a.sentences[sentence].start),\(a.sentences[sentence].end))")
            }
        }
        func checkSorted(_ layer: String, _ spans: [Span]) {
            for i in spans.indices.dropFirst() where spans[i] < spans[i - 1] {
                problems.append("\(layer) not sorted at \(i)"); return
            }
        }
        func checkTokenRange(_ layer: String, _ i: Int, _ r: Range<Int>) {
            if r.lowerBound < 0 || r.upperBound > a.tokens.count { problems.append("\(layer) \(i) token range \(r) out of range (\(a.tokens.count))") }
        }
        for (i, x) in a.actors.enumerated() { checkSpan("actor", i, x.span); checkSentence("actor", i, x.sentence, x.span.start); checkTokenRange("actor", i, x.tokens) }
        for (i, x) in a.initiatives.enumerated() { checkSpan("initiative", i, x.span); checkSentence("initiative", i, x.sentence, x.span.start); checkTokenRange("initiative", i, x.tokens) }
        for (i, x) in a.actions.enumerated() { checkSpan("action", i, x.span); checkSentence("action", i, x.sentence, x.span.start); checkTokenRange("action", i, x.tokens) }
        for (i, x) in a.targets.enumerated() { checkSpan("target", i, x.span); checkSentence("target", i, x.sentence, x.span.start); checkTokenRange("target", i, x.tokens) }
        for (i, q) in a.quotes.enumerated() {
            checkSpan("quote", i, q.span)
            checkTokenRange("quote", i, q.tokens)
            for s in q.speakers where s < 0 || s >= a.actors.count { problems.append("quote \(i) speaker \(s) out of range (\(a.actors.count))") }
        }
        checkSorted("actors", a.actors.map(\.span))
        checkSorted("initiatives", a.initiatives.map(\.span))
        checkSorted("actions", a.actions.map(\.span))
        checkSorted("targets", a.targets.map(\.span))
        checkSorted("quotes", a.quotes.map(\.span))

        // Cross-layer indices.
        for (i, e) in a.events.enumerated() {
            checkSentence("event", i, e.sentence, nil)
            if e.actor < 0 || e.actor >= a.actors.count { problems.append("event \(i) actor \(e.actor) out of range (\(a.actors.count))") }
            if e.action < 0 || e.action >= a.actions.count { problems.append("event \(i) action \(e.action) out of range (\(a.actions.count))") }
            for t in e.targets where t < 0 || t >= a.targets.count { problems.append("event \(i) target \(t) out of range (\(a.targets.count))") }
            for o in e.objects where o < 0 || o >= a.actors.count { problems.append("event \(i) object \(o) out of range (\(a.actors.count))") }
        }
        for (i, s) in a.stance.enumerated() {
            checkSentence("stance", i, s.sentence, nil)
            if let q = s.quote, q < 0 || q >= a.quotes.count { problems.append("stance \(i) quote \(q) out of range (\(a.quotes.count))") }
            if !(s.score >= -1 && s.score <= 1) { problems.append("stance \(i) score \(s.score) outside [-1, 1]") }
            for (k, cue) in s.cues.enumerated() { checkSpan("stance \(i) cue", k, cue.span) }
        }
        return problems
    }

    /// The compact JSON must parse; its `text`, `length` and every `{start, end, text}` object must agree.
    static func jsonViolations(_ a: Annotation) -> [String] {
        for compact in [true, false] {
            let bytes = a.json(JSONOptions(compact: compact))
            let object: Any
            do { object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) } catch {
                return ["JSON (compact: \(compact)) does not parse: \(error)"]
            }
            guard compact else { continue }
            guard let root = object as? [String: Any], let text = root["text"] as? String else { return ["JSON has no text"] }
            let scalars = Array(text.unicodeScalars)
            if !scalars.elementsEqual(a.text.unicodeScalars) { return ["JSON text differs from the annotation's text"] }
            if let doc = root["document"] as? [String: Any], let length = doc["length"] as? Int, length != scalars.count {
                return ["JSON document.length \(length) != \(scalars.count)"]
            }
            if let tokens = root["tokens"] as? [Any], tokens.count != a.tokens.count { return ["JSON has \(tokens.count) tokens, annotation \(a.tokens.count)"] }
            var problems: [String] = []
            func walk(_ value: Any, _ path: String) {
                if let dict = value as? [String: Any] {
                    if let s = dict["start"] as? Int, let e = dict["end"] as? Int, let t = dict["text"] as? String {
                        if s < 0 || s > e || e > scalars.count {
                            problems.append("JSON \(path) [\(s),\(e)) outside the text")
                        } else {
                            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s..<e])
                            if !v.elementsEqual(t.unicodeScalars) { problems.append("JSON \(path) [\(s),\(e)) text \(t.debugDescription) differs from its slice") }
                        }
                    }
                    for (k, v) in dict where k != "text" { walk(v, path + "." + k) }
                } else if let array = value as? [Any] {
                    for (i, v) in array.enumerated() { walk(v, path + "[\(i)]") }
                }
                if problems.count > 5 { return }
            }
            walk(root, "")
            if !problems.isEmpty { return problems }
        }
        return []
    }

    static func fail(_ what: String, _ problems: [String], input: [UInt8]) -> Never {
        let preview = String(decoding: input.prefix(400), as: UTF8.self)
        fatalError("\(what): \(problems.prefix(5).joined(separator: "; "))\ninput (\(input.count) bytes): \(preview.debugDescription)")
    }
}
