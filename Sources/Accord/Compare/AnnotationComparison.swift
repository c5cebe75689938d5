import Foundation

/// A comparison of an actual annotation with an expected one (a gold file, or a saved output):
/// the differences layer by layer, and precision, recall and F1 per layer.
///
/// Only the layers EXPECTED holds are compared (a gold file holds only the layers a person
/// annotated), and within a record only the fields both sides give. In a test:
///
/// ```swift
/// let comparison = try AnnotationComparison(expected: goldData, actual: Data(annotation.json()))
/// XCTAssert(comparison.isEqual, comparison.report)
/// print(comparison.scoreTable)
/// ```
public struct AnnotationComparison: Sendable {
    /// The layers asked for (all by default); of these, each document compares those EXPECTED holds.
    public let layers: Set<Layer>
    /// Every difference, grouped by document (in EXPECTED's order) and by layer (in SPEC's order).
    public let differences: [AnnotationDifference]
    let pairs: [DocumentPair]

    /// Compares annotation JSON: each side one document, a JSON array of documents, or JSONL
    /// (documents then pair by `document.id`).
    ///
    /// - Throws: `CompareError` for invalid JSON or a document that is not `accord.annotation/1`.
    public init(expected: Data, actual: Data, layers: Set<Layer>? = nil) throws {
        let left = try AnnotationDocument.documents(from: expected, source: "EXPECTED")
        let right = try AnnotationDocument.documents(from: actual, source: "ACTUAL")
        self.init(pairs: try DocumentPairing.pair(expected: left, actual: right, expectedSource: "EXPECTED", actualSource: "ACTUAL"),
                  layers: layers)
    }

    /// Compares two annotation files, or two folders whose `*.json`/`*.jsonl` files pair by their
    /// path in the folder (a file on one side only is a difference).
    ///
    /// - Throws: `CompareError` naming the file that cannot be read or is not an annotation.
    public init(expected: URL, actual: URL, layers: Set<Layer>? = nil) throws {
        self.init(pairs: try DocumentPairing.pair(expected: expected, actual: actual), layers: layers)
    }

    /// Compares documents already read; several on a side pair by `document.id`.
    public init(expected: [AnnotationDocument], actual: [AnnotationDocument], layers: Set<Layer>? = nil) throws {
        self.init(pairs: try DocumentPairing.pair(expected: expected, actual: actual, expectedSource: "EXPECTED", actualSource: "ACTUAL"),
                  layers: layers)
    }

    init(pairs: [DocumentPair], layers: Set<Layer>?) {
        self.pairs = pairs
        let layers = layers ?? Set(Layer.allCases)
        self.layers = layers
        differences = pairs.flatMap { AnnotationDiff.differences($0, layers: layers) }
    }

    /// Whether nothing differs in the layers compared.
    public var isEqual: Bool { differences.isEmpty }

    /// The ids of the documents compared (and names of documents or files found on one side only).
    public var documentNames: [String] { pairs.map(\.name) }

    /// The layers actually compared: those asked for that some expected document holds.
    public var comparedLayers: [Layer] {
        Layer.allCases.filter { layer in layers.contains(layer) && pairs.contains { $0.expected?.contains(layer) == true } }
    }

    /// The differences as text: per document a header and one line per difference, then a summary
    /// line (`no differences in 1 document (compared: actors, targets)` when equal).
    public var report: String {
        let compared = "compared: " + (comparedLayers.isEmpty ? "no layer" : comparedLayers.map(\.rawValue).joined(separator: ", "))
        let documents = "\(pairs.count) document\(pairs.count == 1 ? "" : "s")"
        if isEqual { return "no differences in \(documents) (\(compared))" }
        var lines: [String] = []
        var differing = 0
        for pair in pairs {
            let mine = differences.filter { $0.document == pair.name }
            guard !mine.isEmpty else { continue }
            differing += 1
            if mine.count == 1, mine[0].layer == "document" {
                lines.append("\(pair.name): \(pair.note ?? mine[0].kind.rawValue)")
                continue
            }
            lines.append("\(pair.name): \(mine.count) difference\(mine.count == 1 ? "" : "s")")
            lines += mine.map { "  " + $0.description }
        }
        let counts = AnnotationDifference.Kind.allCases.map { kind in "\(differences.filter { $0.kind == kind }.count) \(kind.rawValue)" }
        lines.append("")
        lines.append("\(differing) of \(documents) differ\(differing == 1 && pairs.count == 1 ? "s" : ""): "
                     + counts.joined(separator: ", ") + " (\(compared))")
        return lines.joined(separator: "\n")
    }

    /// The differences as a JSON array of objects with `document`, `layer`, `kind`, `start`, `end`,
    /// `field`, `expected`, `actual` (`null` where they do not apply) and `line` (the text line).
    public var reportJSON: String {
        var w = JSONWriter(compact: false)
        func optional(_ value: String?) { if let value { w.string(value) } else { w.null() } }
        func optional(_ value: Int?) { if let value { w.int(value) } else { w.null() } }
        w.byte(0x5B)
        for (i, d) in differences.enumerated() {
            if i > 0 { w.byte(0x2C) }
            w.newline(indent: 1)
            w.byte(0x7B)
            w.key("document"); w.string(d.document); w.comma()
            w.key("layer"); w.string(d.layer); w.comma()
            w.key("kind"); w.string(d.kind.rawValue); w.comma()
            w.key("start"); optional(d.start); w.comma()
            w.key("end"); optional(d.end); w.comma()
            w.key("field"); optional(d.field); w.comma()
            w.key("expected"); optional(d.expected); w.comma()
            w.key("actual"); optional(d.actual); w.comma()
            w.key("line"); w.string(d.description)
            w.byte(0x7D)
        }
        if !differences.isEmpty { w.newline(indent: 0) }
        w.byte(0x5D)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Precision, recall and F1 per layer, micro-averaged over the paired documents (computed on each access).
    public var scores: AnnotationScores { AnnotationScoring.scores(pairs, layers: layers) }

    /// `scores` as a text table.
    public var scoreTable: String { scores.table }

    /// `scores` as JSON.
    public var scoreJSON: String { scores.json }
}
