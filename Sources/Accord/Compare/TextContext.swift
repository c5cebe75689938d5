/// Short excerpts of a document's text for difference lines: a few words either side of a span,
/// white space (line breaks too) shown as one space.
struct TextContext {
    let scalars: [Unicode.Scalar]

    init?(_ text: String?) {
        guard let text else { return nil }
        scalars = Array(text.unicodeScalars)
    }

    /// The span with `words` words either side: `…to combat gun and drug…`. A long span is cut
    /// after its first words (`…options. “We must address the violence, destroy…`).
    func around(start: Int, end: Int, words: Int = 2) -> String {
        let start = min(max(0, start), scalars.count), end = min(max(start, end), scalars.count)
        var from = start
        for _ in 0..<words {
            while from > 0, isSpace(scalars[from - 1]), start - from < 40 { from -= 1 }
            while from > 0, !isSpace(scalars[from - 1]), start - from < 40 { from -= 1 }
        }
        let prefix = from > 0 ? "…" : ""
        if end - start > 40 { return prefix + flattened(from, start + 32) + "…" }
        var to = end
        for _ in 0..<words {
            while to < scalars.count, isSpace(scalars[to]), to - end < 40 { to += 1 }
            while to < scalars.count, !isSpace(scalars[to]), to - end < 40 { to += 1 }
        }
        return prefix + flattened(from, to) + (to < scalars.count ? "…" : "")
    }

    /// The text of `[start, end)`, cut to `limit` code points with `…`.
    func excerpt(start: Int, end: Int, limit: Int = 48) -> String {
        let start = min(max(0, start), scalars.count), end = min(max(start, end), scalars.count)
        return end - start > limit ? flattened(start, start + limit) + "…" : flattened(start, end)
    }

    private func flattened(_ from: Int, _ to: Int) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in scalars[from..<to] {
            if isSpace(scalar) {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        return String(out)
    }

    private func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
}

extension String {
    /// The string cut to `limit` characters with `…`, line breaks shown as spaces (for quotes in lines).
    func shortened(to limit: Int = 48) -> String {
        let flat = split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
