/// Writes an annotation as CoNLL-style columns (not CoNLL-U): a `#` line naming the columns, then one
/// token a line, tab-separated —
///
///     index  text  start  end  actor  initiative  action  target  quote  stance
///
/// `index` counts the tokens of a sentence from 1; `start`/`end` are SPEC's code-point offsets; each
/// layer column holds a BIO2 tag (`B-country`, `I-country`, `O`): actors by type, initiatives as
/// `initiative`, actions by class, targets by category, quotes as `quote`, stance cues by label
/// (`support`, `oppose`). A blank line ends each sentence. A mention that overlaps an earlier one of
/// the same layer is left out of that column (BIO cannot nest). Tokens hold no white space; a tab,
/// line feed or carriage return would be written as `\t`, `\n`, `\r`.
struct ConllWriter {
    let annotation: Annotation
    let layers: Set<Layer>

    static let header: StaticString = "# index\ttext\tstart\tend\tactor\tinitiative\taction\ttarget\tquote\tstance\n"

    /// One column: per token 0 (`O`), `k` (`B-` label k-1) or `-k` (`I-` label k-1).
    private struct Column {
        var tags: [Int32]
        var labels: [String] = []
        var labelIndex: [String: Int32] = [:]

        init(count: Int) { tags = [Int32](repeating: 0, count: count) }

        mutating func mark(_ range: Range<Int>, _ label: String) {
            guard !range.isEmpty else { return }
            for t in range where tags[t] != 0 { return }
            let code: Int32
            if let known = labelIndex[label] {
                code = known
            } else {
                labels.append(label)
                code = Int32(labels.count)
                labelIndex[label] = code
            }
            tags[range.lowerBound] = code
            for t in (range.lowerBound + 1)..<range.upperBound { tags[t] = -code }
        }
    }

    /// The tokens a span covers: from the first token ending after its start to the last token
    /// starting before its end.
    static func tokenRange(_ span: Span, in tokens: [Token]) -> Range<Int> {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].end <= span.start { low = mid + 1 } else { high = mid }
        }
        let first = low
        high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < span.end { low = mid + 1 } else { high = mid }
        }
        return first..<max(first, low)
    }

    func write() -> [UInt8] {
        let a = annotation
        let tokens = a.tokens
        var columns = [Column](repeating: Column(count: tokens.count), count: 6)
        if layers.contains(.actors) {
            for m in a.actors { columns[0].mark(Self.tokenRange(m.span, in: tokens), m.type.rawValue) }
        }
        if layers.contains(.initiatives) {
            for m in a.initiatives { columns[1].mark(Self.tokenRange(m.span, in: tokens), "initiative") }
        }
        if layers.contains(.actions) {
            for m in a.actions { columns[2].mark(Self.tokenRange(m.span, in: tokens), m.actionClass) }
        }
        if layers.contains(.targets) {
            for m in a.targets { columns[3].mark(Self.tokenRange(m.span, in: tokens), m.category) }
        }
        if layers.contains(.quotes) {
            for q in a.quotes { columns[4].mark(Self.tokenRange(q.span, in: tokens), "quote") }
        }
        if layers.contains(.stance) {
            var cues: [(Span, String)] = []
            for record in a.stance { for cue in record.cues { cues.append((cue.span, record.label.rawValue)) } }
            cues.sort { $0.0 < $1.0 }
            for (span, label) in cues { columns[5].mark(Self.tokenRange(span, in: tokens), label) }
        }
        // Labels as bytes, once.
        let labelBytes: [[[UInt8]]] = columns.map { column in column.labels.map { Array($0.utf8) } }

        var w = ByteWriter(capacity: tokens.count * 48 + 256)
        w.raw(Self.header)
        a.source.utf8.withUnsafeBufferPointer { text in
            for sentence in a.sentences {
                for t in sentence.tokens where t < tokens.count {
                    let token = tokens[t]
                    w.int(t - sentence.tokens.lowerBound + 1); w.byte(0x09)
                    tokenText(UnsafeBufferPointer(rebasing: text[token.byteRange]), &w); w.byte(0x09)
                    w.int(token.start); w.byte(0x09)
                    w.int(token.end)
                    for c in 0..<columns.count {
                        w.byte(0x09)
                        let code = columns[c].tags[t]
                        if code == 0 { w.byte(0x4F); continue }
                        // A span running on from the sentence before begins again: BIO2 is per sentence.
                        w.raw(code > 0 || t == sentence.tokens.lowerBound ? "B-" : "I-")
                        w.append(contentsOf: labelBytes[c][Int(code.magnitude) - 1])
                    }
                    w.byte(0x0A)
                }
                w.byte(0x0A)
            }
        }
        return w.bytes
    }

    private func tokenText(_ utf8: UnsafeBufferPointer<UInt8>, _ w: inout ByteWriter) {
        var runStart = 0
        for i in 0..<utf8.count {
            let c = utf8[i]
            guard c == 0x09 || c == 0x0A || c == 0x0D else { continue }
            if runStart < i { w.append(UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            switch c {
            case 0x09: w.raw("\\t")
            case 0x0A: w.raw("\\n")
            default: w.raw("\\r")
            }
            runStart = i + 1
        }
        if runStart < utf8.count { w.append(UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }
}
