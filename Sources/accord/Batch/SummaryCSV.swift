import Foundation

/// summary.csv: one count a row, `scope,path,layer,key,label,count`. `scope` is `corpus`,
/// `document` or `failed`; `layer` is `files`, `bytes`, `actors`, `targets`, `actions`, `stance`
/// (key empty, label the stance label), `stance-holder` / `stance-toward` (key the holder or
/// the initiative, label the stance label), `warning` (key the warning) or `error` (key the reason).
/// Rows are appended as UTF-8 bytes (a document has dozens, of six short fields each).
enum SummaryCSV {
    static let header = "scope,path,layer,key,label,count\n"

    /// `s` as a field: as it is, or quoted (with `"` doubled) if it holds a comma, a quote, LF or CR.
    static func field(_ s: String) -> String {
        var out: [UInt8] = []
        appendField(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `field(s)`: the bytes copied, checked, and only in the rare quoted case replaced by
    /// the quoting Foundation does.
    static func appendField(_ s: String, to out: inout [UInt8]) {
        let start = out.count
        out.appendUTF8(s)
        guard out[start...].contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return } // , " LF CR
        out.removeSubrange(start...)
        out.appendUTF8("\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    }

    static func row(_ scope: String, _ path: String, _ layer: String, _ key: String, _ label: String, _ count: Int) -> String {
        var out: [UInt8] = []
        append(&out, scope, pathField: Array(field(path).utf8), layer, key, label, count)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a row whose path is already a field: a document's rows share it.
    static func append(_ out: inout [UInt8], _ scope: String, pathField: [UInt8], _ layer: String, _ key: String,
                       _ label: String, _ count: Int) {
        out.appendUTF8(scope)
        out.append(0x2C)
        out.append(contentsOf: pathField)
        out.append(0x2C)
        out.appendUTF8(layer)
        out.append(0x2C)
        appendField(key, to: &out)
        out.append(0x2C)
        appendField(label, to: &out)
        out.append(0x2C)
        out.appendDecimal(count)
        out.append(0x0A)
    }

    static func countRows(_ out: inout [UInt8], scope: String, path: String, _ counts: SortedCounts) {
        var pathField: [UInt8] = []
        appendField(path, to: &pathField)
        for (layer, pairs) in [("actors", counts.actors), ("targets", counts.targets), ("actions", counts.actions)] {
            for (k, v) in pairs { append(&out, scope, pathField: pathField, layer, k, "", v) }
        }
        for (k, v) in counts.labels { append(&out, scope, pathField: pathField, "stance", "", k, v) }
        for (layer, table) in [("stance-holder", counts.byHolder), ("stance-toward", counts.byToward)] {
            for (key, pairs) in table {
                for (label, v) in pairs { append(&out, scope, pathField: pathField, layer, key, label, v) }
            }
        }
    }
}
