import Foundation

/// The scores as a text table and as JSON.
extension AnnotationScores {
    /// A table: layer, expected, actual, matched, precision, recall, F1, then the accuracies
    /// (`entity 0.947 (36/38)`); `-` where a ratio has no cases.
    public var table: String {
        let header = ["layer", "expected", "actual", "matched", "precision", "recall", "F1", "accuracy"]
        var rows = [header]
        for score in layers {
            let accuracy = score.accuracies.map { "\($0.name) \(Self.format($0.value)) (\($0.correct)/\($0.total))" }
            rows.append([score.layer.rawValue, String(score.expected), String(score.actual), String(score.matched),
                         Self.format(score.precision), Self.format(score.recall), Self.format(score.f1),
                         accuracy.joined(separator: ", ")])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.indices.map { column in
                let cell = row[column], pad = String(repeating: " ", count: widths[column] - cell.count)
                if column == 0 { return cell + pad }
                return column == row.count - 1 ? cell : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpace()
        }
        if layers.isEmpty { lines.append("(EXPECTED holds none of the layers compared)") }
        var footer = "\(documents) document\(documents == 1 ? "" : "s") scored (micro-averaged)"
        if !unpaired.isEmpty { footer += "; on one side only, not scored: " + unpaired.joined(separator: ", ") }
        lines.append(footer)
        return lines.joined(separator: "\n")
    }

    /// The scores as a JSON object: `documents`, `unpaired`, and `layers` (one object per layer with
    /// `layer`, `expected`, `actual`, `matched`, `precision`, `recall`, `f1` — `null` without cases —
    /// and `accuracy`: `{name: {correct, total, value}}`). Ratios are rounded to three decimals.
    public var json: String {
        var w = JSONWriter(compact: false)
        func ratio(_ value: Double?) { if let value { w.decimal(value) } else { w.null() } }
        w.byte(0x7B); w.newline(indent: 1)
        w.key("documents"); w.int(documents); w.byte(0x2C); w.newline(indent: 1)
        w.key("unpaired"); w.byte(0x5B)
        for (i, name) in unpaired.enumerated() { if i > 0 { w.comma() }; w.string(name) }
        w.byte(0x5D); w.byte(0x2C); w.newline(indent: 1)
        w.key("layers"); w.byte(0x5B)
        for (i, score) in layers.enumerated() {
            if i > 0 { w.byte(0x2C) }
            w.newline(indent: 2)
            w.byte(0x7B)
            w.key("layer"); w.string(score.layer.rawValue); w.comma()
            w.key("expected"); w.int(score.expected); w.comma()
            w.key("actual"); w.int(score.actual); w.comma()
            w.key("matched"); w.int(score.matched); w.comma()
            w.key("precision"); ratio(score.precision); w.comma()
            w.key("recall"); ratio(score.recall); w.comma()
            w.key("f1"); ratio(score.f1); w.comma()
            w.key("accuracy"); w.byte(0x7B)
            for (j, accuracy) in score.accuracies.enumerated() {
                if j > 0 { w.comma() }
                w.string(accuracy.name); w.raw(": "); w.byte(0x7B)
                w.key("correct"); w.int(accuracy.correct); w.comma()
                w.key("total"); w.int(accuracy.total); w.comma()
                w.key("value"); ratio(accuracy.value)
                w.byte(0x7D)
            }
            w.byte(0x7D)
            w.byte(0x7D)
        }
        if !layers.isEmpty { w.newline(indent: 1) }
        w.byte(0x5D); w.newline(indent: 0)
        w.byte(0x7D)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// `0.947`, or `-` for no value.
    static func format(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "-"
    }
}
