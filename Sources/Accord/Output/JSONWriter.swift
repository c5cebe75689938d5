/// Writes JSON by hand into a byte buffer: RFC 8259 escaping, non-ASCII as UTF-8, integers and
/// decimals formatted the same on every machine. Pretty output puts each array element on its own
/// line (as SPEC's illustration does); compact output has no white space at all.
///
/// The buffer is raw memory grown by doubling: writing a token's object costs a capacity check and a
/// few stores, with no per-call array bookkeeping.
struct JSONWriter {
    /// The buffer lives behind a pointer (owned by `storage`), so that writing costs no exclusivity
    /// checks and no array bookkeeping. Copies of a writer share one buffer: use a writer linearly.
    private final class Storage {
        let header: UnsafeMutablePointer<Header>
        init(capacity: Int) {
            header = .allocate(capacity: 1)
            header.initialize(to: Header(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
        }
        deinit {
            header.pointee.base.deallocate()
            header.deallocate()
        }
    }

    private struct Header {
        var base: UnsafeMutablePointer<UInt8>
        var count: Int
        var capacity: Int
    }

    private let storage: Storage
    private let h: UnsafeMutablePointer<Header>
    let compact: Bool
    /// Called when the buffer passes `flushThreshold`, to stream large documents out; it receives the
    /// bytes written so far, and the writer starts again from an empty buffer.
    var flush: ((UnsafeBufferPointer<UInt8>) -> Void)?
    var flushThreshold = 1 << 18

    init(compact: Bool, capacity: Int = 4096) {
        self.compact = compact
        storage = Storage(capacity: max(64, capacity))
        h = storage.header
    }

    private var base: UnsafeMutablePointer<UInt8> { h.pointee.base }
    private(set) var count: Int {
        get { h.pointee.count }
        nonmutating set { h.pointee.count = newValue }
    }

    /// The bytes written (and not flushed) so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the buffered bytes to `flush` (if any) and empties the buffer.
    mutating func flushAll() {
        flush?(UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    mutating func maybeFlush() {
        if count >= flushThreshold, flush != nil { flushAll() }
    }

    @inline(__always) private func reserve(_ n: Int) {
        if h.pointee.count + n > h.pointee.capacity { grow(h.pointee.count + n) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = h.pointee.capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: h.pointee.base, count: h.pointee.count)
        h.pointee.base.deallocate()
        h.pointee.base = newBase
        h.pointee.capacity = newCapacity
    }

    @inline(__always) mutating func raw(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        reserve(n)
        (base + count).update(from: s.utf8Start, count: n)
        count += n
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    /// Copies bytes as they are.
    mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Copies bytes as they are.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

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

    // MARK: - Values

    mutating func string(_ s: String) {
        var copy = s
        copy.withUTF8 { string(utf8: $0) }
    }

    /// A string from UTF-8 bytes, escaped: runs without special bytes are copied whole.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        // Worst case every byte becomes `\u00XX`.
        reserve(utf8.count * 6 + 2)
        var out = base + count
        out.pointee = 0x22
        out += 1
        for c in utf8 {
            if c >= 0x20 && c != 0x22 && c != 0x5C {
                out.pointee = c
                out += 1
                continue
            }
            out.pointee = 0x5C
            switch c {
            case 0x22: out[1] = 0x22; out += 2
            case 0x5C: out[1] = 0x5C; out += 2
            case 0x0A: out[1] = 0x6E; out += 2
            case 0x0D: out[1] = 0x72; out += 2
            case 0x09: out[1] = 0x74; out += 2
            case 0x08: out[1] = 0x62; out += 2
            case 0x0C: out[1] = 0x66; out += 2
            default:
                out[1] = 0x75; out[2] = 0x30; out[3] = 0x30
                out[4] = JSONWriter.hexDigit(c >> 4); out[5] = JSONWriter.hexDigit(c & 0xF)
                out += 6
            }
        }
        out.pointee = 0x22
        out += 1
        count = out - base
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }

    /// "00" through "99", for writing two digits per division.
    private static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    mutating func int(_ value: Int) {
        reserve(21)
        if value < 0 {
            base[count] = 0x2D
            count += 1
            int(magnitude: value.magnitude)
        } else {
            int(magnitude: UInt(value))
        }
    }

    @inline(__always) private func int(magnitude value: UInt) {
        var v = value
        var digits = 1
        var bound: UInt = 10
        while v >= bound && digits < 19 { digits += 1; bound &*= 10 }
        if v >= bound { digits = 20 }
        var out = base + count + digits
        h.pointee.count += digits
        let pairs = JSONWriter.digitPairs.utf8Start
        while v >= 100 {
            let pair = Int(v % 100) * 2
            v /= 100
            out -= 2
            out[0] = pairs[pair]
            out[1] = pairs[pair + 1]
        }
        if v >= 10 {
            out -= 2
            out[0] = pairs[Int(v) * 2]
            out[1] = pairs[Int(v) * 2 + 1]
        } else {
            out -= 1
            out[0] = 0x30 + UInt8(v)
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

/// JSON string literals for small hand-built documents (batch summaries, benchmark figures), with the
/// escaping every accord output uses.
public enum JSONString {
    /// `s` as a quoted, escaped JSON string.
    public static func quoted(_ s: String) -> String {
        var w = JSONWriter(compact: true, capacity: s.utf8.count + 16)
        w.string(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
