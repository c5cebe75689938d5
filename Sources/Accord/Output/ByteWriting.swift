/// The byte buffer every hand-written output format shares. `JSONWriter` already holds the buffer and
/// the primitives (`raw`, `byte`, `int`, `decimal`); the brat, CoNLL and HTML writers use the same
/// type under this name and add the few primitives below, so digits and escapes are written in one
/// place.
typealias ByteWriter = JSONWriter

extension JSONWriter {
    /// A writer for a text format (the JSON `compact` flag is irrelevant to it).
    init(capacity: Int) { self.init(compact: true, capacity: capacity) }

    /// Copies a string's UTF-8 as it is.
    mutating func text(_ s: String) {
        var copy = s
        copy.withUTF8 { append($0) }
    }

    /// A string on one line: tabs, carriage returns and line feeds become spaces (brat notes).
    mutating func singleLine(_ s: String) {
        var copy = s
        copy.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count where utf8[i] == 0x09 || utf8[i] == 0x0A || utf8[i] == 0x0D {
                if runStart < i { append(UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                byte(0x20)
                runStart = i + 1
            }
            if runStart < utf8.count { append(UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
    }

    /// HTML-escapes UTF-8: `&`, `<`, `>` always; in an attribute value (double-quoted) also `"` and
    /// line breaks (as `&#10;`, so a `title` keeps its lines). Control characters that HTML forbids
    /// become U+FFFD. Runs without special bytes are copied whole.
    mutating func html(_ utf8: UnsafeBufferPointer<UInt8>, attribute: Bool = false) {
        var runStart = 0
        var i = 0
        let n = utf8.count
        while i < n {
            let c = utf8[i]
            if c > 0x3E && c != 0x7F { i += 1; continue }
            let special: Bool
            switch c {
            case 0x26, 0x3C, 0x3E: special = true
            case 0x22: special = attribute
            case 0x0A, 0x0D: special = attribute
            case 0x09: special = false
            case 0x00...0x1F, 0x7F: special = true
            default: special = false
            }
            if !special { i += 1; continue }
            if runStart < i { append(UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            switch c {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            case 0x0A: raw("&#10;")
            case 0x0D: break
            default: raw("\u{FFFD}")
            }
            i += 1
            runStart = i
        }
        if runStart < n { append(UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
    }

    /// HTML-escapes a string (see `html(_:attribute:)`).
    mutating func html(_ s: String, attribute: Bool = false) {
        var copy = s
        copy.withUTF8 { html($0, attribute: attribute) }
    }

    /// A decimal with its sign always written (`+0.8`, `-0.25`, `0`).
    mutating func signedDecimal(_ value: Double) {
        if value.isFinite, (value * 1000).rounded() > 0 { byte(0x2B) }
        decimal(value)
    }
}

/// Small text helpers shared by the writers (not per-token: per type, entity or label).
enum OutputNames {
    /// A brat type name: first letter upper case, characters brat does not allow in a type as `_`
    /// (`guns` → `Guns`, `money laundering` → `Money_laundering`).
    static func bratType(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for (i, c) in name.unicodeScalars.enumerated() {
            let ok = c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-")
            var s = ok ? c : "_"
            if i == 0, let upper = String(s).uppercased().unicodeScalars.first { s = upper }
            out.append(s)
        }
        return out.isEmpty ? "_" : String(out)
    }

    /// A CSS class suffix: lower-case ASCII letters, digits and `-`; anything else as `_`.
    static func cssClass(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for c in name.unicodeScalars {
            if c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" {
                out.append(Unicode.Scalar(UInt8(c.value) | (c.properties.isUppercase ? 0x20 : 0)))
            } else {
                out.append("_")
            }
        }
        return String(out)
    }

    /// A readable name for an entity: `person:marcelo-ebrard` → `Marcelo Ebrard`, `country:usa` →
    /// `United States` (other countries: the code, `CAN`), `initiative:merida-initiative` →
    /// `Merida Initiative`, `document` → `the writer`, `other:critics` → `critics`.
    static func display(entity: String) -> String {
        if entity == "document" { return "the writer" }
        guard let colon = entity.firstIndex(of: ":") else { return entity }
        let prefix = entity[..<colon]
        let slug = entity[entity.index(after: colon)...]
        if prefix == "country" {
            switch slug {
            case "usa": return "United States"
            case "mex": return "Mexico"
            default: return slug.uppercased()
            }
        }
        if prefix == "other" { return slug.split(separator: "-").joined(separator: " ") }
        return slug.split(separator: "-").map { word -> String in
            let small: Set<Substring> = ["de", "del", "la", "las", "los", "el", "y", "of", "the", "and", "for", "on"]
            if small.contains(word) { return String(word) }
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
}
