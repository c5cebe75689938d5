import Accord

/// A small JSON writer for the summary: keys in byte order, `": "` and `", "` spacing, objects on
/// one line unless `indent` asks for one member a line. It appends UTF-8 bytes to one array: a
/// document's line is a few hundred short pieces, which a String appends far more slowly.
struct SummaryJSON {
    private(set) var bytes: [UInt8] = []
    /// Indentation level for a multi-line object; nil writes everything on one line.
    let indent: Int?

    init(indent: Int? = nil) { self.indent = indent }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    struct Object {
        fileprivate var writer: SummaryJSON
        fileprivate var count = 0

        /// Writes `"key": ` and the value, which is always on one line.
        mutating func member(_ key: String, _ value: (inout SummaryJSON) -> Void) {
            if count > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            if let indent = writer.indent {
                writer.newline(indent: indent + 1)
            } else if count > 0 {
                writer.bytes.append(UInt8(ascii: " "))
            }
            writer.string(key)
            writer.append(": ")
            var inner = SummaryJSON()
            swap(&inner.bytes, &writer.bytes)
            value(&inner)
            swap(&inner.bytes, &writer.bytes)
            count += 1
        }
    }

    mutating func object(_ body: (inout Object) -> Void) {
        append("{")
        var o = Object(writer: SummaryJSON(indent: indent))
        swap(&o.writer.bytes, &bytes)
        body(&o)
        swap(&o.writer.bytes, &bytes)
        if let indent, o.count > 0 { newline(indent: indent) }
        append("}")
    }

    mutating func int(_ n: Int) { bytes.appendDecimal(n) }

    mutating func string(_ s: String) { SummaryJSON.appendQuoted(s, to: &bytes) }

    mutating func strings(_ list: [String]) {
        append("[")
        for (i, s) in list.enumerated() {
            if i > 0 { append(", ") }
            string(s)
        }
        append("]")
    }

    mutating func counts(_ pairs: SortedCounts.Pairs) {
        object(pairs) { $0.int($1) }
    }

    mutating func stance(_ counts: SortedCounts) {
        append("{\"by_holder\": ")
        nested(counts.byHolder)
        append(", \"by_toward\": ")
        nested(counts.byToward)
        append(", \"labels\": ")
        self.counts(counts.labels)
        append("}")
    }

    private mutating func nested(_ table: [(key: String, value: SortedCounts.Pairs)]) {
        object(table) { $0.counts($1) }
    }

    /// `{"key": value, ...}`, in the pairs' order, each value written by `value`.
    private mutating func object<Value>(_ pairs: [(key: String, value: Value)], _ value: (inout Self, Value) -> Void) {
        append("{")
        for (i, pair) in pairs.enumerated() {
            if i > 0 { append(", ") }
            string(pair.key)
            append(": ")
            value(&self, pair.value)
        }
        append("}")
    }

    private mutating func append(_ text: String) { bytes.appendUTF8(text) }

    private mutating func newline(indent: Int) {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    static func quoted(_ s: String) -> String { JSONString.quoted(s) }

    /// Appends `s` quoted as `JSONString.quoted` quotes it: copied between quotes when no byte
    /// needs escaping (none below 0x20, no `"`, no `\`), the usual case for keys and paths.
    static func appendQuoted(_ s: String, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(0x22)
        bytes.appendUTF8(s)
        if bytes[(start + 1)...].contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            bytes.removeSubrange(start...)
            bytes.appendUTF8(JSONString.quoted(s))
        } else {
            bytes.append(0x22)
        }
    }
}

extension [UInt8] {
    /// Appends the UTF-8 of `s` in one copy (appending `s.utf8` goes a byte at a time).
    mutating func appendUTF8(_ s: String) {
        var s = s
        s.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends `n` in decimal, as `String(n)` writes it.
    mutating func appendDecimal(_ n: Int) {
        guard n >= 0 else { return append(contentsOf: String(n).utf8) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // room for Int.max's 19 digits
        Swift.withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            var rest = UInt(n)
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            append(contentsOf: buffer[start...])
        }
    }
}
