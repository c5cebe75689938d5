import Accord
import Foundation

/// What `summary.json` says about one annotated document: mention counts per actor entity, target
/// category, action class and stance label (overall, per holder and per toward), and its warnings.
struct DocumentSummary: Sendable, Equatable {
    var path: String
    var id: String
    var sha256: String
    var bytes: Int
    var length: Int
    var sentences: Int
    var quotes: Int
    var outputs: [String]
    var actors: [String: Int] = [:]
    var targets: [String: Int] = [:]
    var actions: [String: Int] = [:]
    var stanceLabels: [String: Int] = [:]
    var stanceByHolder: [String: [String: Int]] = [:]
    var stanceByToward: [String: [String: Int]] = [:]
    var warnings: [String] = []

    init(path: String, annotation a: Annotation, bytes: Int, outputs: [String], extraWarnings: [String] = []) {
        self.path = path
        id = a.document.id
        sha256 = a.document.sha256
        self.bytes = bytes
        length = a.document.length
        sentences = a.sentences.count
        quotes = a.quotes.count
        self.outputs = outputs
        // Room for every mention, so that counting never rehashes a growing table.
        actors.reserveCapacity(a.actors.count)
        targets.reserveCapacity(a.targets.count)
        actions.reserveCapacity(a.actions.count)
        for m in a.actors { actors[m.entity, default: 0] += 1 }
        for m in a.targets { targets[m.category, default: 0] += 1 }
        for m in a.actions { actions[m.actionClass, default: 0] += 1 }
        for s in a.stance {
            stanceLabels[s.label.rawValue, default: 0] += 1
            stanceByHolder[s.holder, default: [:]][s.label.rawValue, default: 0] += 1
            stanceByToward[s.toward, default: [:]][s.label.rawValue, default: 0] += 1
        }
        warnings = a.warnings + extraWarnings
    }

    /// Reads back what `json` wrote (from the resume manifest); nil if anything is missing.
    init?(json object: [String: Any]) {
        func counts(_ value: Any?) -> [String: Int]? {
            guard let dictionary = value as? [String: Any] else { return nil }
            var out: [String: Int] = [:]
            for (k, v) in dictionary {
                guard let n = (v as? NSNumber)?.intValue else { return nil }
                out[k] = n
            }
            return out
        }
        func nested(_ value: Any?) -> [String: [String: Int]]? {
            guard let dictionary = value as? [String: Any] else { return nil }
            var out: [String: [String: Int]] = [:]
            for (k, v) in dictionary {
                guard let c = counts(v) else { return nil }
                out[k] = c
            }
            return out
        }
        guard let path = object["path"] as? String, let id = object["id"] as? String,
              let sha256 = object["sha256"] as? String,
              let bytes = (object["bytes"] as? NSNumber)?.intValue, let length = (object["length"] as? NSNumber)?.intValue,
              let sentences = (object["sentences"] as? NSNumber)?.intValue, let quotes = (object["quotes"] as? NSNumber)?.intValue,
              let outputs = object["outputs"] as? [String],
              let actors = counts(object["actors"]), let targets = counts(object["targets"]),
              let actions = counts(object["actions"]), let stance = object["stance"] as? [String: Any],
              let labels = counts(stance["labels"]), let byHolder = nested(stance["by_holder"]),
              let byToward = nested(stance["by_toward"]), let warnings = object["warnings"] as? [String]
        else { return nil }
        self.path = path
        self.id = id
        self.sha256 = sha256
        self.bytes = bytes
        self.length = length
        self.sentences = sentences
        self.quotes = quotes
        self.outputs = outputs
        self.actors = actors
        self.targets = targets
        self.actions = actions
        stanceLabels = labels
        stanceByHolder = byHolder
        stanceByToward = byToward
        self.warnings = warnings
    }

    /// The count tables in key order, for `json(_:)` and `csvRows(_:)`.
    var sortedCounts: SortedCounts {
        SortedCounts(actors: actors, targets: targets, actions: actions, labels: stanceLabels, byHolder: stanceByHolder,
                     byToward: stanceByToward)
    }

    /// One line of JSON, keys sorted: an element of `documents` in summary.json.
    func json(_ counts: SortedCounts) -> [UInt8] {
        var w = SummaryJSON()
        w.object { o in
            o.member("actions") { $0.counts(counts.actions) }
            o.member("actors") { $0.counts(counts.actors) }
            o.member("bytes") { $0.int(bytes) }
            o.member("id") { $0.string(id) }
            o.member("length") { $0.int(length) }
            o.member("outputs") { $0.strings(outputs) }
            o.member("path") { $0.string(path) }
            o.member("quotes") { $0.int(quotes) }
            o.member("sentences") { $0.int(sentences) }
            o.member("sha256") { $0.string(sha256) }
            o.member("stance") { $0.stance(counts) }
            o.member("targets") { $0.counts(counts.targets) }
            o.member("warnings") { $0.strings(warnings) }
        }
        return w.bytes
    }

    /// The document's line in the HTML format's `index.html`.
    func indexEntry(link: String) -> CorpusIndexEntry {
        CorpusIndexEntry(name: path, link: link, targets: targets, stance: stanceByHolder, sentences: sentences,
                         actors: actors.values.reduce(0, +), actions: actions.values.reduce(0, +), quotes: quotes, warnings: warnings)
    }

    /// Rows of summary.csv for this document.
    func csvRows(_ counts: SortedCounts) -> [UInt8] {
        var out: [UInt8] = []
        SummaryCSV.countRows(&out, scope: "document", path: path, counts)
        for warning in warnings { out.appendUTF8(SummaryCSV.row("document", path, "warning", warning, "", 1)) }
        return out
    }
}

/// Corpus-wide counts: only sums, whatever the number of documents.
struct CorpusTotals {
    var files = 0
    var documents = 0
    var failed = 0
    var bytes = 0
    var withWarnings = 0
    var actors: [String: Int] = [:]
    var targets: [String: Int] = [:]
    var actions: [String: Int] = [:]
    var stanceLabels: [String: Int] = [:]
    var stanceByHolder: [String: [String: Int]] = [:]
    var stanceByToward: [String: [String: Int]] = [:]

    mutating func add(_ d: DocumentSummary) {
        documents += 1
        bytes += d.bytes
        if !d.warnings.isEmpty { withWarnings += 1 }
        for (k, v) in d.actors { actors[k, default: 0] += v }
        for (k, v) in d.targets { targets[k, default: 0] += v }
        for (k, v) in d.actions { actions[k, default: 0] += v }
        for (k, v) in d.stanceLabels { stanceLabels[k, default: 0] += v }
        for (holder, labels) in d.stanceByHolder { for (k, v) in labels { stanceByHolder[holder, default: [:]][k, default: 0] += v } }
        for (toward, labels) in d.stanceByToward { for (k, v) in labels { stanceByToward[toward, default: [:]][k, default: 0] += v } }
    }

    /// The `corpus` object of summary.json, indented one level.
    var json: String {
        let counts = sortedCounts
        var w = SummaryJSON(indent: 1)
        w.object { o in
            o.member("actions") { $0.counts(counts.actions) }
            o.member("actors") { $0.counts(counts.actors) }
            o.member("bytes") { $0.int(bytes) }
            o.member("documents") { $0.int(documents) }
            o.member("failed") { $0.int(failed) }
            o.member("files") { $0.int(files) }
            o.member("stance") { $0.stance(counts) }
            o.member("targets") { $0.counts(counts.targets) }
            o.member("with_warnings") { $0.int(withWarnings) }
        }
        return w.text
    }

    var csvRows: String {
        var out = ""
        out += SummaryCSV.row("corpus", "", "files", "found", "", files)
        out += SummaryCSV.row("corpus", "", "files", "annotated", "", documents)
        out += SummaryCSV.row("corpus", "", "files", "failed", "", failed)
        out += SummaryCSV.row("corpus", "", "files", "with_warnings", "", withWarnings)
        out += SummaryCSV.row("corpus", "", "bytes", "", "", bytes)
        var counts: [UInt8] = []
        SummaryCSV.countRows(&counts, scope: "corpus", path: "", sortedCounts)
        return out + String(decoding: counts, as: UTF8.self)
    }

    private var sortedCounts: SortedCounts {
        SortedCounts(actors: actors, targets: targets, actions: actions, labels: stanceLabels, byHolder: stanceByHolder,
                     byToward: stanceByToward)
    }
}

/// Count tables as pairs in byte order of their keys: a document's are sorted once for both its
/// summary.json line and its summary.csv rows.
struct SortedCounts {
    typealias Pairs = [(key: String, value: Int)]

    let actors: Pairs
    let targets: Pairs
    let actions: Pairs
    let labels: Pairs
    let byHolder: [(key: String, value: Pairs)]
    let byToward: [(key: String, value: Pairs)]

    init(actors: [String: Int], targets: [String: Int], actions: [String: Int], labels: [String: Int],
         byHolder: [String: [String: Int]], byToward: [String: [String: Int]]) {
        self.actors = SortedCounts.pairs(actors)
        self.targets = SortedCounts.pairs(targets)
        self.actions = SortedCounts.pairs(actions)
        self.labels = SortedCounts.pairs(labels)
        self.byHolder = SortedCounts.nested(byHolder)
        self.byToward = SortedCounts.nested(byToward)
    }

    static func pairs(_ table: [String: Int]) -> Pairs {
        table.sorted { byteOrder($0.key, $1.key) }
    }

    static func nested(_ table: [String: [String: Int]]) -> [(key: String, value: Pairs)] {
        table.sorted { byteOrder($0.key, $1.key) }.map { ($0.key, pairs($0.value)) }
    }
}

/// Sorts keys the same way on every machine: by their UTF-8 bytes (memcmp, then the shorter first).
func byteOrder(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        }
    }
}
