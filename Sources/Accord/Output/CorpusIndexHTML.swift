/// One document of a corpus as `index.html` shows it: its name, the link to its page, and the counts
/// the charts draw. Build it with `init(_:name:link:)` right after annotating (it keeps no text), or
/// fill the fields yourself.
public struct CorpusIndexEntry: Sendable, Hashable {
    /// The name shown, e.g. the input's path relative to the batch folder (`sub/a.txt`).
    public var name: String
    /// The document's page, relative to `index.html` (`sub/a.html`); written as given (escaped).
    public var link: String
    /// Target mentions per category (`["drugs": 10, "guns": 3]`).
    public var targets: [String: Int]
    /// Stance records per holder, then per label (`["person:marcelo-ebrard": ["support": 3, "oppose": 1]]`).
    public var stance: [String: [String: Int]]
    public var sentences: Int
    public var actors: Int
    public var actions: Int
    public var quotes: Int
    /// The document's warnings (shown as a count, listed in the title).
    public var warnings: [String]

    public init(name: String, link: String, targets: [String: Int] = [:], stance: [String: [String: Int]] = [:],
                sentences: Int = 0, actors: Int = 0, actions: Int = 0, quotes: Int = 0, warnings: [String] = []) {
        self.name = name
        self.link = link
        self.targets = targets
        self.stance = stance
        self.sentences = sentences
        self.actors = actors
        self.actions = actions
        self.quotes = quotes
        self.warnings = warnings
    }

    /// The entry for an annotated document.
    public init(_ annotation: Annotation, name: String, link: String) {
        var targets: [String: Int] = [:]
        for t in annotation.targets { targets[t.category, default: 0] += 1 }
        var stance: [String: [String: Int]] = [:]
        for s in annotation.stance { stance[s.holder, default: [:]][s.label.rawValue, default: 0] += 1 }
        self.init(name: name, link: link, targets: targets, stance: stance, sentences: annotation.sentences.count,
                  actors: annotation.actors.count, actions: annotation.actions.count, quotes: annotation.quotes.count,
                  warnings: annotation.warnings)
    }
}

/// Renders a corpus's `index.html` (for `accord batch --format html`): a standalone page (inline CSS
/// and SVG, no scripts, nothing fetched) with two bar charts — target mentions per document, stacked
/// by category, and stance records by holder, support to the right and opposition to the left — and
/// a table linking every document page, with the files that failed and why.
///
/// ```swift
/// var entries: [CorpusIndexEntry] = []
/// for (input, annotation) in done {
///     entries.append(CorpusIndexEntry(annotation, name: input, link: outputRelativePath))
/// }
/// let bytes = CorpusIndexHTML.render(entries, failures: ["bad.txt": "not valid UTF-8"])
/// ```
/// Entries are sorted by link, so the page is the same bytes whatever order they come in.
public enum CorpusIndexHTML {
    /// How many documents the targets chart draws before it keeps only the ones with most targets.
    public static let maxChartDocuments = 150
    /// How many holders the stance chart draws (the most frequent first).
    public static let maxChartHolders = 40

    /// The page's bytes (UTF-8). `failures` maps a file name to the reason it failed.
    public static func render(_ entries: [CorpusIndexEntry], failures: [String: String] = [:],
                              title: String = "accord corpus") -> [UInt8] {
        var page = IndexPage(entries: entries.sorted { ($0.link, $0.name) < ($1.link, $1.name) },
                             failures: failures.sorted { $0.key < $1.key }, title: title)
        page.write()
        return page.w.bytes
    }
}

private struct IndexPage {
    let entries: [CorpusIndexEntry]
    let failures: [(key: String, value: String)]
    let title: String
    var w = ByteWriter(capacity: 1 << 16)
    let categories: [String]

    init(entries: [CorpusIndexEntry], failures: [(key: String, value: String)], title: String) {
        self.entries = entries
        self.failures = failures
        self.title = title
        var all = Set<String>()
        for e in entries { for (k, v) in e.targets where v > 0 { all.insert(k) } }
        var ordered = HTMLPalette.targetCategories.filter { all.contains($0) }
        ordered += all.subtracting(ordered).sorted()
        categories = ordered
    }

    static let css: StaticString = """
    body{margin:0;background:#fbfaf7;color:#1d1d1d;font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
    .wrap{max-width:1040px;margin:0 auto;padding:20px 24px 40px}
    h1{font-size:26px;margin:0 0 4px}
    h2{font-size:18px;margin:28px 0 6px}
    .meta{color:#666;margin:0 0 8px}
    .note{color:#777;font-size:12px;margin:2px 0 6px}
    svg{display:block;background:#fff;border:1px solid #e3e3e3;border-radius:8px;width:100%;height:auto}
    svg text{font:12px system-ui,-apple-system,"Segoe UI",sans-serif;fill:#333}
    svg a text{fill:#1a4fa0}
    svg a:hover text{text-decoration:underline}
    svg .num{fill:#555;font-size:11px}
    svg .axis{stroke:#bbb;stroke-width:1}
    table{border-collapse:collapse;width:100%;background:#fff;font-size:12px}
    th,td{border-bottom:1px solid #e5e5e5;padding:4px 5px;text-align:right}
    .scroll{overflow-x:auto}
    th:first-child,td:first-child{text-align:left}
    th{background:#f2f2f2;font-weight:600;white-space:nowrap}
    td:first-child{white-space:nowrap}
    td.warn{color:#a15c00}
    .sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
    .failed li{margin:2px 0}

    """

    mutating func write() {
        w.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        w.html(title)
        w.raw("</title>\n<style>\n")
        w.raw(Self.css)
        w.raw("</style>\n</head>\n<body>\n<div class=\"wrap\">\n<h1>")
        w.html(title)
        w.raw("</h1>\n<p class=\"meta\">")
        let totalTargets = entries.reduce(0) { $0 + $1.targets.values.reduce(0, +) }
        let totalStance = entries.reduce(0) { $0 + $1.stance.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
        w.int(entries.count); w.raw(entries.count == 1 ? " document · " : " documents · ")
        w.int(entries.reduce(0) { $0 + $1.sentences }); w.raw(" sentences · ")
        w.int(entries.reduce(0) { $0 + $1.actors }); w.raw(" actors · ")
        w.int(entries.reduce(0) { $0 + $1.actions }); w.raw(" actions · ")
        w.int(totalTargets); w.raw(" targets · ")
        w.int(totalStance); w.raw(" stance records")
        if !failures.isEmpty { w.raw(" · "); w.int(failures.count); w.raw(" failed") }
        w.raw("</p>\n")
        targetsChart()
        stanceChart()
        documentTable()
        failedList()
        w.raw("</div>\n</body>\n</html>\n")
    }

    // MARK: - Charts

    /// A label cut to `limit` characters with an ellipsis.
    mutating func label(_ s: String, limit: Int) {
        if s.unicodeScalars.count <= limit { w.html(s); return }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s.unicodeScalars.prefix(limit - 1))
        w.html(String(view)); w.raw("…")
    }

    mutating func swatchLegend(_ items: [(String, String)], x: Int, y: Int) {
        var cx = x
        for (name, colour) in items {
            w.raw("<rect x=\""); w.int(cx); w.raw("\" y=\""); w.int(y - 9); w.raw("\" width=\"10\" height=\"10\" rx=\"2\" fill=\"")
            w.text(colour); w.raw("\"/><text x=\""); w.int(cx + 14); w.raw("\" y=\""); w.int(y); w.raw("\">")
            w.html(name); w.raw("</text>")
            cx += 14 + 7 * name.unicodeScalars.count + 18
        }
    }

    mutating func targetsChart() {
        w.raw("<h2>Targets per document</h2>\n")
        var rows = entries
        if rows.count > CorpusIndexHTML.maxChartDocuments {
            rows = rows.enumerated().sorted {
                let a = $0.element.targets.values.reduce(0, +), b = $1.element.targets.values.reduce(0, +)
                return a != b ? a > b : $0.offset < $1.offset
            }.prefix(CorpusIndexHTML.maxChartDocuments).sorted { $0.offset < $1.offset }.map(\.element)
            w.raw("<p class=\"note\">The ")
            w.int(rows.count); w.raw(" documents with most targets of "); w.int(entries.count)
            w.raw("; the table below lists all.</p>\n")
        }
        if rows.isEmpty || categories.isEmpty {
            w.raw("<p class=\"note\">No targets.</p>\n")
            return
        }
        let width = 940, labelWidth = 250, rowHeight = 22, top = 34
        let barArea = width - labelWidth - 60
        let maxTotal = max(1, rows.map { $0.targets.values.reduce(0, +) }.max() ?? 1)
        let height = top + rows.count * rowHeight + 28
        w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "); w.int(width); w.byte(0x20); w.int(height)
        w.raw("\" role=\"img\" aria-label=\"target mentions per document, by category\">\n")
        swatchLegend(categories.map { ($0, HTMLPalette.target($0)) }, x: labelWidth, y: 20)
        w.raw("\n")
        for (r, entry) in rows.enumerated() {
            let y = top + r * rowHeight
            w.raw("<a href=\""); w.html(entry.link, attribute: true); w.raw("\"><text x=\""); w.int(labelWidth - 10)
            w.raw("\" y=\""); w.int(y + 15); w.raw("\" text-anchor=\"end\"><title>"); w.html(entry.name)
            w.raw("</title>"); label(entry.name, limit: 34); w.raw("</text></a>")
            var x = Double(labelWidth)
            var total = 0
            for category in categories {
                let n = entry.targets[category] ?? 0
                guard n > 0 else { continue }
                total += n
                let segment = Double(barArea) * Double(n) / Double(maxTotal)
                w.raw("<rect x=\""); w.decimal(x); w.raw("\" y=\""); w.int(y + 3); w.raw("\" width=\"")
                w.decimal(segment); w.raw("\" height=\""); w.int(rowHeight - 6); w.raw("\" fill=\"")
                w.text(HTMLPalette.target(category)); w.raw("\"><title>"); w.html(entry.name); w.raw(": ")
                w.html(category); w.byte(0x20); w.int(n); w.raw("</title></rect>")
                x += segment
            }
            w.raw("<text class=\"num\" x=\""); w.decimal(x + 6); w.raw("\" y=\""); w.int(y + 15); w.raw("\">")
            w.int(total); w.raw("</text>\n")
        }
        let axisY = top + rows.count * rowHeight + 4
        w.raw("<line class=\"axis\" x1=\""); w.int(labelWidth); w.raw("\" y1=\""); w.int(top - 4)
        w.raw("\" x2=\""); w.int(labelWidth); w.raw("\" y2=\""); w.int(axisY); w.raw("\"/>")
        w.raw("<text class=\"num\" x=\""); w.int(labelWidth); w.raw("\" y=\""); w.int(axisY + 16); w.raw("\">0</text>")
        w.raw("<text class=\"num\" x=\""); w.int(labelWidth + barArea); w.raw("\" y=\""); w.int(axisY + 16)
        w.raw("\" text-anchor=\"middle\">"); w.int(maxTotal); w.raw("</text>\n</svg>\n")
    }

    mutating func stanceChart() {
        w.raw("<h2>Stance by holder</h2>\n")
        var counts: [String: (support: Int, oppose: Int, other: Int)] = [:]
        for entry in entries {
            for (holder, labels) in entry.stance {
                for (label, n) in labels {
                    switch label {
                    case "support": counts[holder, default: (0, 0, 0)].support += n
                    case "oppose": counts[holder, default: (0, 0, 0)].oppose += n
                    default: counts[holder, default: (0, 0, 0)].other += n
                    }
                }
            }
        }
        var holders = counts.map { (holder: $0.key, support: $0.value.support, oppose: $0.value.oppose) }
            .filter { $0.support + $0.oppose > 0 }
        holders.sort { ($0.support + $0.oppose, $1.holder) > ($1.support + $1.oppose, $0.holder) }
        if holders.isEmpty {
            w.raw("<p class=\"note\">No stance records.</p>\n")
            return
        }
        if holders.count > CorpusIndexHTML.maxChartHolders {
            w.raw("<p class=\"note\">The "); w.int(CorpusIndexHTML.maxChartHolders); w.raw(" holders with most records of ")
            w.int(holders.count); w.raw(".</p>\n")
            holders = Array(holders.prefix(CorpusIndexHTML.maxChartHolders))
        }
        let width = 940, labelWidth = 250, rowHeight = 22, top = 34
        let half = (width - labelWidth - 40) / 2
        let center = labelWidth + 20 + half
        let maxSide = max(1, holders.map { max($0.support, $0.oppose) }.max() ?? 1)
        let height = top + holders.count * rowHeight + 28
        w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "); w.int(width); w.byte(0x20); w.int(height)
        w.raw("\" role=\"img\" aria-label=\"stance records by holder: opposition left, support right\">\n")
        swatchLegend([("oppose", HTMLPalette.oppose), ("support", HTMLPalette.support)], x: labelWidth, y: 20)
        w.raw("\n")
        for (r, h) in holders.enumerated() {
            let y = top + r * rowHeight
            w.raw("<text x=\""); w.int(labelWidth - 10); w.raw("\" y=\""); w.int(y + 15)
            w.raw("\" text-anchor=\"end\"><title>"); w.html(h.holder); w.raw("</title>")
            label(OutputNames.display(entity: h.holder), limit: 34); w.raw("</text>")
            if h.oppose > 0 {
                let length = Double(half) * Double(h.oppose) / Double(maxSide)
                w.raw("<rect x=\""); w.decimal(Double(center) - length); w.raw("\" y=\""); w.int(y + 3)
                w.raw("\" width=\""); w.decimal(length); w.raw("\" height=\""); w.int(rowHeight - 6)
                w.raw("\" fill=\""); w.text(HTMLPalette.oppose); w.raw("\"><title>"); w.html(h.holder)
                w.raw(": oppose "); w.int(h.oppose); w.raw("</title></rect>")
                w.raw("<text class=\"num\" x=\""); w.decimal(Double(center) - length - 5); w.raw("\" y=\""); w.int(y + 15)
                w.raw("\" text-anchor=\"end\">"); w.int(h.oppose); w.raw("</text>")
            }
            if h.support > 0 {
                let length = Double(half) * Double(h.support) / Double(maxSide)
                w.raw("<rect x=\""); w.int(center); w.raw("\" y=\""); w.int(y + 3)
                w.raw("\" width=\""); w.decimal(length); w.raw("\" height=\""); w.int(rowHeight - 6)
                w.raw("\" fill=\""); w.text(HTMLPalette.support); w.raw("\"><title>"); w.html(h.holder)
                w.raw(": support "); w.int(h.support); w.raw("</title></rect>")
                w.raw("<text class=\"num\" x=\""); w.decimal(Double(center) + length + 5); w.raw("\" y=\""); w.int(y + 15)
                w.raw("\">"); w.int(h.support); w.raw("</text>")
            }
            w.byte(0x0A)
        }
        w.raw("<line class=\"axis\" x1=\""); w.int(center); w.raw("\" y1=\""); w.int(top - 4)
        w.raw("\" x2=\""); w.int(center); w.raw("\" y2=\""); w.int(top + holders.count * rowHeight + 4); w.raw("\"/>\n</svg>\n")
    }

    // MARK: - Table

    mutating func documentTable() {
        w.raw("<h2>Documents</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr><th>document</th><th>sentences</th><th>actors</th><th>actions</th><th>quotes</th>")
        for category in categories {
            w.raw("<th><span class=\"sw\" style=\"background:"); w.text(HTMLPalette.target(category)); w.raw("\"></span>")
            w.html(category); w.raw("</th>")
        }
        w.raw("<th>support</th><th>oppose</th><th>warnings</th></tr></thead>\n<tbody>\n")
        for entry in entries {
            w.raw("<tr><td><a href=\""); w.html(entry.link, attribute: true); w.raw("\">"); w.html(entry.name)
            w.raw("</a></td><td>"); w.int(entry.sentences)
            w.raw("</td><td>"); w.int(entry.actors)
            w.raw("</td><td>"); w.int(entry.actions)
            w.raw("</td><td>"); w.int(entry.quotes)
            for category in categories { w.raw("</td><td>"); w.int(entry.targets[category] ?? 0) }
            let support = entry.stance.values.reduce(0) { $0 + ($1["support"] ?? 0) }
            let oppose = entry.stance.values.reduce(0) { $0 + ($1["oppose"] ?? 0) }
            w.raw("</td><td>"); w.int(support)
            w.raw("</td><td>"); w.int(oppose)
            if entry.warnings.isEmpty {
                w.raw("</td><td>0")
            } else {
                w.raw("</td><td class=\"warn\" title=\"")
                for (k, warning) in entry.warnings.enumerated() {
                    if k > 0 { w.raw("&#10;") }
                    w.html(warning, attribute: true)
                }
                w.raw("\">"); w.int(entry.warnings.count)
            }
            w.raw("</td></tr>\n")
        }
        w.raw("</tbody>\n</table>\n</div>\n")
    }

    mutating func failedList() {
        guard !failures.isEmpty else { return }
        w.raw("<h2>Failed</h2>\n<ul class=\"failed\">\n")
        for (file, reason) in failures {
            w.raw("<li><code>"); w.html(file); w.raw("</code>: "); w.html(reason); w.raw("</li>\n")
        }
        w.raw("</ul>\n")
    }
}
