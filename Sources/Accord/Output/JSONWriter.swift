/// Writes JSON by hand into a byte buffer: RFC 8259 escaping, non-ASCII as UTF-8, integers and
/// decimals formatted the same on every machine. Pretty output puts each array element on its own
/// line (as SPEC's illustration does); compact output has no white space at all.
struct JSONWriter {
    var bytes: [UInt8] = []
    let compact: Bool
    /// Called when the buffer passes `flushThreshold`, to stream large documents out.
    var flush: ((inout [UInt8]) -> Void)?
    var flushThreshold = 1 << 18

    init(compact: Bool, capacity: Int = 4096) {
        self.compact = compact
        bytes.reserveCapacity(capacity)
    }

    @inline(__always) mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// `, ` or `,` between members.
    @inline(__always) mutating func comma() { if compact { byte(0x2C) } else { raw(", ") } }

    /// `"key": ` with the writer's spacing.
    @inline(__always) mutating func key(_ k: StaticString) {
        byte(0x22)
        raw(k)
        if compact { raw("\":") } else { raw("\": ") }
    }

    /// A new line and indentation in pretty mode.
    @inline(__always) mutating func newline(indent: Int) {
        if compact { return }
        byte(0x0A)
        for _ in 0..<indent { raw("  ") }
    }

    mutating func maybeFlush() {
        if bytes.count >= flushThreshold, let flush { flush(&bytes) }
    }

    // MARK: - Values

    mutating func string(_ s: String) {
        var copy = s
        copy.withUTF8 { string(utf8: $0) }
    }

    /// A string from UTF-8 bytes, escaped: runs without special bytes are copied whole.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        byte(0x22)
        var runStart = 0
        var i = 0
        let n = utf8.count
        while i < n {
            let c = utf8[i]
            if c >= 0x20 && c != 0x22 && c != 0x5C { i += 1; continue }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            switch c {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            default:
                raw("\\u00")
                byte(hexDigit(c >> 4))
                byte(hexDigit(c & 0xF))
            }
            i += 1
            runStart = i
        }
        if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
        byte(0x22)
    }

    @inline(__always) private func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }

    mutating func int(_ value: Int) {
        if value < 0 {
            byte(0x2D)
            if value == Int.min { raw("9223372036854775808"); return }
            int(-value)
            return
        }
        if value < 10 { byte(0x30 + UInt8(value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 {
                buffer[19 - count] = 0x30 + UInt8(v % 10)
                v /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// A number rounded to three decimals, without trailing zeros (`0.8`, `-0.25`, `1`).
    mutating func decimal(_ value: Double) {
        guard value.isFinite else { raw("0"); return }
        var thousandths = Int((value * 1000).rounded())
        if thousandths < 0 { byte(0x2D); thousandths = -thousandths }
        int(thousandths / 1000)
        var fraction = thousandths % 1000
        if fraction == 0 { return }
        byte(0x2E)
        var divisor = 100
        while fraction > 0 {
            byte(0x30 + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    mutating func bool(_ value: Bool) { if value { raw("true") } else { raw("false") } }

    mutating func null() { raw("null") }
}
