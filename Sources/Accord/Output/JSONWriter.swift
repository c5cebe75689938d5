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
        if h.pointee.count &+ n > h.pointee.capacity { grow(h.pointee.count + n) }
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

    /// A cursor over room for `maxCount` more bytes, which its writes (checking no capacity) must
    /// stay within (the cursor methods document their longest output). Nothing counts as written
    /// until `commit(_:)`: a whole token object costs one capacity check and one count update
    /// instead of one per piece.
    @inline(__always) mutating func cursor(reserving maxCount: Int) -> Cursor {
        reserve(maxCount)
        return Cursor(position: base + count, limit: base + count + maxCount, compact: compact)
    }

    /// Counts what `cursor` (from `cursor(reserving:)`, with no writes to the writer since) wrote.
    @inline(__always) mutating func commit(_ cursor: Cursor) {
        assert(cursor.position <= cursor.limit, "wrote past the room reserved")
        count = cursor.position - base
    }

    /// Writes through a cursor over room for `maxCount` bytes (see `cursor(reserving:)`).
    @inline(__always) mutating func write(reserving maxCount: Int, _ body: (inout Cursor) -> Void) {
        var cursor = cursor(reserving: maxCount)
        body(&cursor)
        commit(cursor)
    }

    @inline(__always) mutating func raw(_ s: StaticString) {
        write(reserving: s.utf8CodeUnitCount) { $0.raw(s) }
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        write(reserving: 1) { $0.byte(b) }
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
    @inline(__always) mutating func comma() { write(reserving: 2) { $0.comma() } }

    /// `"key": ` with the writer's spacing.
    @inline(__always) mutating func key(_ k: StaticString) {
        write(reserving: k.utf8CodeUnitCount + 4) { $0.key(k) }
    }

    /// A new line and indentation (two spaces a level) in pretty mode.
    @inline(__always) mutating func newline(indent: Int) {
        if compact { return }
        write(reserving: 1 + 2 * indent) { $0.newline(indent: indent) }
    }

    // MARK: - Values

    @inline(__always) mutating func string(_ s: String) {
        // Native strings lend their bytes in place; only others (bridged) need a copy.
        if s.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) != nil { return }
        var copy = s
        copy.withUTF8 { string(utf8: $0) }
    }

    /// A string from UTF-8 bytes, quoted and escaped.
    @inline(__always) mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count > Self.longString else {
            write(reserving: Cursor.maxStringCount(utf8.count)) { $0.string(utf8: utf8) }
            return
        }
        longString(utf8)
    }

    private mutating func longString(_ utf8: UnsafeBufferPointer<UInt8>) {
        // A long string (the document's text) goes piece by piece, flushing between pieces: room
        // for the worst case of the whole (six bytes a byte) would be six times the input.
        byte(0x22)
        var start = 0
        while start < utf8.count {
            // Only ASCII bytes are escaped, so a piece may end anywhere, even inside a scalar.
            let end = min(utf8.count, start + Self.longString)
            write(reserving: 6 * (end - start)) { $0.escapedContents(UnsafeBufferPointer(rebasing: utf8[start..<end])) }
            maybeFlush()
            start = end
        }
        byte(0x22)
    }

    /// Strings longer than this are written in pieces of this size.
    static let longString = 1 << 16

    @inline(__always) mutating func int(_ value: Int) {
        write(reserving: Cursor.maxIntCount) { $0.int(value) }
    }

    /// A number rounded to three decimals, without trailing zeros (`0.8`, `-0.25`, `1`).
    mutating func decimal(_ value: Double) {
        write(reserving: Cursor.maxDecimalCount) { $0.decimal(value) }
    }

    mutating func bool(_ value: Bool) { write(reserving: 5) { $0.bool(value) } }

    mutating func null() { raw("null") }
}

extension JSONWriter {
    /// A write position in room a `JSONWriter` has reserved (see `cursor(reserving:)`). Its methods
    /// store bytes and move on, with no capacity checks.
    struct Cursor {
        fileprivate(set) var position: UnsafeMutablePointer<UInt8>
        /// The end of the room reserved, for checking in debug builds.
        fileprivate let limit: UnsafeMutablePointer<UInt8>
        let compact: Bool

        /// The longest `int` output: `-9223372036854775808`.
        static let maxIntCount = 20

        /// The longest `string(utf8:)` output for `count` bytes: every byte as `\u00XX`, and quotes.
        static func maxStringCount(_ count: Int) -> Int { count * 6 + 2 }

        /// `s` as it is (`s.utf8CodeUnitCount` bytes). With a literal, this compiles to a few stores.
        @inline(__always) mutating func raw(_ s: StaticString) {
            position.initialize(from: s.utf8Start, count: s.utf8CodeUnitCount)
            position += s.utf8CodeUnitCount
        }

        @inline(__always) mutating func byte(_ b: UInt8) {
            position.pointee = b
            position += 1
        }

        /// The bytes left in the room reserved.
        var room: Int { limit - position }

        /// A piece's bytes. It stores all 32 bytes of the piece, so it needs 32 bytes of room
        /// whatever the piece's length (the bytes past the piece are overwritten by what follows).
        @inline(__always) mutating func piece(_ p: Piece) {
            UnsafeMutableRawPointer(position).storeBytes(of: p.bytes, as: SIMD32<UInt8>.self)
            position += p.count
        }

        /// `, ` or `,` (at most 2 bytes).
        @inline(__always) mutating func comma() {
            if compact { byte(0x2C) } else { raw(", ") }
        }

        /// `"key": ` or `"key":` (at most `k.utf8CodeUnitCount + 4` bytes).
        @inline(__always) mutating func key(_ k: StaticString) {
            byte(0x22)
            raw(k)
            if compact { raw("\":") } else { raw("\": ") }
        }

        /// In pretty mode, a line feed and two spaces a level (`1 + 2 * indent` bytes).
        @inline(__always) mutating func newline(indent: Int) {
            if compact { return }
            byte(0x0A)
            position.update(repeating: 0x20, count: 2 * indent)
            position += 2 * indent
        }

        /// `true` or `false` (at most 5 bytes).
        @inline(__always) mutating func bool(_ value: Bool) {
            if value { raw("true") } else { raw("false") }
        }

        /// `null`, or `value` if there is one (at most `maxIntCount` bytes).
        @inline(__always) mutating func int(_ value: Int?) {
            if let value { int(value) } else { raw("null") }
        }

        // MARK: Integers

        /// "00" through "99", for writing two digits at a time.
        private static let digitPairs: StaticString =
            "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

        /// The number of decimal digits in `v`: three or four comparisons below 10⁸ (which holds
        /// every offset and count in a document under the 64 MiB input limit), a loop above.
        @inline(__always) static func digitCount(_ v: UInt) -> Int {
            if v < 10_000 { return v < 100 ? (v < 10 ? 1 : 2) : (v < 1_000 ? 3 : 4) }
            if v < 100_000_000 { return v < 1_000_000 ? (v < 100_000 ? 5 : 6) : (v < 10_000_000 ? 7 : 8) }
            var digits = 9
            var bound: UInt = 1_000_000_000
            while digits < 20 && v >= bound {
                digits += 1
                bound &*= 10
            }
            return digits
        }

        /// `value` in decimal (at most `maxIntCount` bytes): the digits are counted first, then
        /// written from the last, four per division while four or more are left.
        @inline(__always) mutating func int(_ value: Int) {
            if value < 0 { byte(0x2D) }
            var v = value.magnitude
            position += Cursor.digitCount(v)
            var out = position
            while v >= 10_000 {
                let (quotient, lastFour) = v.quotientAndRemainder(dividingBy: 10_000)
                let (high, low) = lastFour.quotientAndRemainder(dividingBy: 100)
                out -= 4
                Cursor.writePair(high, at: out)
                Cursor.writePair(low, at: out + 2)
                v = quotient
            }
            if v >= 100 {
                let (high, low) = v.quotientAndRemainder(dividingBy: 100)
                out -= 2
                Cursor.writePair(low, at: out)
                v = high
            }
            if v >= 10 {
                Cursor.writePair(v, at: out - 2)
            } else {
                out[-1] = 0x30 + UInt8(v)
            }
        }

        /// Writes `v` (below 100) as two digits.
        @inline(__always) private static func writePair(_ v: UInt, at out: UnsafeMutablePointer<UInt8>) {
            let digits = UnsafeRawPointer(digitPairs.utf8Start).loadUnaligned(fromByteOffset: Int(v) * 2, as: UInt16.self)
            UnsafeMutableRawPointer(out).storeBytes(of: digits, as: UInt16.self)
        }

        /// The longest `decimal` output: a sign, 16 digits, a point and three decimals.
        static let maxDecimalCount = 21

        /// A number rounded to three decimals, without trailing zeros (`0.8`, `-0.25`, `1`), at
        /// most `maxDecimalCount` bytes.
        mutating func decimal(_ value: Double) {
            guard value.isFinite else { byte(0x30); return }
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

        // MARK: Strings

        /// The longest `string(_:)` output for `s`.
        @inline(__always) static func maxStringCount(_ s: String) -> Int { maxStringCount(s.utf8.count) }

        /// A string, quoted and escaped (at most `maxStringCount(s)` bytes). A native string lends
        /// its bytes in place; only others (bridged) are copied first.
        @inline(__always) mutating func string(_ s: String) {
            if s.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) != nil { return }
            var copy = s
            copy.withUTF8 { string(utf8: $0) }
        }

        /// `null`, or `s` if there is one (at most `maxStringCount(s)` or 4 bytes).
        @inline(__always) mutating func string(_ s: String?) {
            if let s { string(s) } else { raw("null") }
        }

        /// A string from UTF-8 bytes, quoted and escaped (at most `maxStringCount(utf8.count)` bytes):
        /// `"`, `\` and the control characters below U+0020 escaped, everything else (U+007F and
        /// non-ASCII too) as it is.
        ///
        /// Bytes are checked a word at a time: a bit trick (`bytesNeedingEscape`) finds the first
        /// byte in a word that needs escaping, if any. Up to 16 bytes without such a byte (most
        /// token texts) are two overlapping words, loaded, checked and stored; up to 32 (entity ids,
        /// names) two overlapping runs of 16; anything else goes through `escaping(_:)`.
        @inline(__always) mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
            if let source = utf8.baseAddress {
                let n = utf8.count
                let plain = switch n {
                case 8...16: copyIfPlain(source, n, as: UInt64.self)
                case 4..<8: copyIfPlain(source, n, as: UInt32.self)
                case 2..<4: copyIfPlain(source, n, as: UInt16.self)
                case 1: copyIfPlain(source, n, as: UInt8.self)
                case 17...32: copyIfPlain32(source, n)
                default: false
                }
                if plain { return }
            }
            escaping(utf8)
        }

        /// For `n` bytes with `T.bitWidth / 8 <= n <= T.bitWidth / 4`: if none needs escaping, writes
        /// them quoted as the first and the last word of `T` (overlapping) and returns true.
        @inline(__always)
        private mutating func copyIfPlain<T: FixedWidthInteger & UnsignedInteger>(
            _ source: UnsafePointer<UInt8>, _ n: Int, as _: T.Type
        ) -> Bool {
            let first = UnsafeRawPointer(source).loadUnaligned(as: T.self)
            let last = UnsafeRawPointer(source + n - T.bitWidth / 8).loadUnaligned(as: T.self)
            if Cursor.bytesNeedingEscape(T(littleEndian: first)) | Cursor.bytesNeedingEscape(T(littleEndian: last)) != 0 {
                return false
            }
            position[0] = 0x22
            UnsafeMutableRawPointer(position + 1).storeBytes(of: first, as: T.self)
            UnsafeMutableRawPointer(position + 1 + n - T.bitWidth / 8).storeBytes(of: last, as: T.self)
            position[n + 1] = 0x22
            position += n + 2
            return true
        }

        /// For 16 to 32 bytes: if none needs escaping, writes them quoted as the first and the last
        /// 16 bytes (overlapping) and returns true.
        @inline(__always) private mutating func copyIfPlain32(_ source: UnsafePointer<UInt8>, _ n: Int) -> Bool {
            let last = source + n - 16
            guard Cursor.isPlain16(source), Cursor.isPlain16(last) else { return false }
            position[0] = 0x22
            Cursor.copy16(from: source, to: position + 1)
            Cursor.copy16(from: last, to: position + n - 15)
            position[n + 1] = 0x22
            position += n + 2
            return true
        }

        /// Whether none of the 16 bytes at `source` needs escaping (two words checked at once).
        @inline(__always) private static func isPlain16(_ source: UnsafePointer<UInt8>) -> Bool {
            let first = UnsafeRawPointer(source).loadUnaligned(as: UInt64.self)
            let second = UnsafeRawPointer(source + 8).loadUnaligned(as: UInt64.self)
            return bytesNeedingEscape(UInt64(littleEndian: first)) | bytesNeedingEscape(UInt64(littleEndian: second)) == 0
        }

        @inline(__always) private static func copy16(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
            let first = UnsafeRawPointer(source).loadUnaligned(as: UInt64.self)
            let second = UnsafeRawPointer(source + 8).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(target).storeBytes(of: first, as: UInt64.self)
            UnsafeMutableRawPointer(target + 8).storeBytes(of: second, as: UInt64.self)
        }

        /// The general case of `string(utf8:)`: eight, then four bytes at a time while no byte needs
        /// escaping (each word stored as read; the output then moves past the plain bytes only),
        /// one at a time from a byte that does.
        private mutating func escaping(_ utf8: UnsafeBufferPointer<UInt8>) {
            byte(0x22)
            escapedContents(utf8)
            byte(0x22)
        }

        /// The escaped bytes of a string, without its quotes (at most `6 * utf8.count` bytes).
        mutating func escapedContents(_ utf8: UnsafeBufferPointer<UInt8>) {
            if let source = utf8.baseAddress {
                let n = utf8.count
                var i = 0
                while i < n {
                    if n - i >= 16, copyIfPlain16(from: source + i) {
                        i += 16
                        continue
                    }
                    if n - i >= 8 {
                        if copyPlain(from: source + i, as: UInt64.self, advancing: &i) { continue }
                    } else if n - i >= 4 {
                        if copyPlain(from: source + i, as: UInt32.self, advancing: &i) { continue }
                    }
                    escape(source[i])
                    i += 1
                }
            }
        }

        /// If none of the 16 bytes at `source` needs escaping, copies them and returns true (the
        /// common case in running text, checked two words at a time); otherwise writes nothing.
        @inline(__always) private mutating func copyIfPlain16(from source: UnsafePointer<UInt8>) -> Bool {
            guard Cursor.isPlain16(source) else { return false }
            Cursor.copy16(from: source, to: position)
            position += 16
            return true
        }

        /// Copies a word of `T.bitWidth / 8` bytes from `source` and moves `position` and `i` past its
        /// bytes up to the first one that needs escaping. Returns whether the whole word was plain.
        @inline(__always)
        private mutating func copyPlain<T: FixedWidthInteger & UnsignedInteger>(
            from source: UnsafePointer<UInt8>, as _: T.Type, advancing i: inout Int
        ) -> Bool {
            let word = UnsafeRawPointer(source).loadUnaligned(as: T.self)
            UnsafeMutableRawPointer(position).storeBytes(of: word, as: T.self)
            let special = Cursor.bytesNeedingEscape(T(littleEndian: word))
            let plain = special == 0 ? T.bitWidth / 8 : special.trailingZeroBitCount / 8
            position += plain
            i += plain
            return special == 0
        }

        /// The high bit of each byte of `x` (first byte lowest) that is below 0x20, `"` or `\`.
        /// Only the lowest flagged byte is sure to be one (a borrow can flag bytes above it), and only
        /// the lowest is used.
        @inline(__always)
        private static func bytesNeedingEscape<T: FixedWidthInteger & UnsignedInteger>(_ x: T) -> T {
            let ones = T.max / 0xFF
            let highBits = ones &* 0x80
            func below(_ y: T, _ n: T) -> T { (y &- ones &* n) & ~y & highBits }
            return below(x, 0x20) | below(x ^ (ones &* 0x22), 1) | below(x ^ (ones &* 0x5C), 1)
        }

        /// One byte, escaped if it must be (at most 6 bytes).
        @inline(__always) private mutating func escape(_ c: UInt8) {
            if c >= 0x20 && c != 0x22 && c != 0x5C {
                byte(c)
                return
            }
            position[0] = 0x5C
            switch c {
            case 0x22, 0x5C: position[1] = c
            case 0x0A: position[1] = 0x6E
            case 0x0D: position[1] = 0x72
            case 0x09: position[1] = 0x74
            case 0x08: position[1] = 0x62
            case 0x0C: position[1] = 0x66
            default:
                position[1] = 0x75; position[2] = 0x30; position[3] = 0x30
                position[4] = Cursor.hexDigit(c >> 4); position[5] = Cursor.hexDigit(c & 0xF)
                position += 6
                return
            }
            position += 2
        }

        @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }
    }
}

extension JSONWriter {
    /// Up to 32 bytes fixed before writing starts, such as the keys and punctuation between a
    /// token's values in the writer's spacing. Writing one is two 16-byte stores and a pointer move,
    /// whatever its length.
    struct Piece {
        fileprivate let bytes: SIMD32<UInt8>
        fileprivate let count: Int

        init(_ s: String) {
            let utf8 = Array(s.utf8)
            precondition(utf8.count <= 32, "a piece holds at most 32 bytes")
            var bytes = SIMD32<UInt8>(repeating: 0)
            for (i, b) in utf8.enumerated() { bytes[i] = b }
            self.bytes = bytes
            count = utf8.count
        }
    }
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
