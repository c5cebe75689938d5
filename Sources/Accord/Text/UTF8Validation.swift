/// UTF-8 well-formedness per Unicode Table 3-7, with repair by "maximal subparts": each maximal
/// ill-formed subsequence becomes one U+FFFD, as browsers and Python's `errors="replace"` do.
enum UTF8Validation {
    /// The scalar count of `bytes` when they are well-formed UTF-8, otherwise nil.
    static func scalarCountIfValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var scalars = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return 0 }
        while i < n {
            // ASCII 32 bytes at a time, then eight.
            if i + 32 <= n {
                let raw = UnsafeRawPointer(base + i)
                let any = raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if any & 0x8080_8080_8080_8080 == 0 {
                    i += 32
                    scalars += 32
                    continue
                }
            }
            if i + 8 <= n {
                // Straight past the ASCII bytes before the first that is not (all eight when none is).
                let high = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
                let ascii = high.trailingZeroBitCount &>> 3
                i &+= ascii
                scalars &+= ascii
                if ascii == 8 { continue }
            }
            let length = sequenceLength(base, i, n)
            if length == 0 { return nil }
            i += length
            scalars += 1
        }
        return scalars
    }

    /// Replaces every ill-formed subsequence by U+FFFD.
    static func repair(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], scalars: Int, replaced: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        var scalars = 0
        var replaced = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return ([], 0, 0) }
        while i < n {
            let length = sequenceLength(base, i, n)
            if length > 0 {
                for k in 0..<length { out.append(base[i + k]) }
                i += length
            } else {
                out.append(0xEF); out.append(0xBF); out.append(0xBD)
                i += max(1, validPrefixLength(base, i, n))
                replaced += 1
            }
            scalars += 1
        }
        return (out, scalars, replaced)
    }

    /// The length of the well-formed sequence at `i`, or 0 when it is ill-formed.
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        if b0 < 0x80 { return 1 }
        let (length, lo, hi) = leadInfo(b0)
        if length == 0 || i + length > n { return 0 }
        let b1 = p[i + 1]
        if b1 < lo || b1 > hi { return 0 }
        for k in 2..<length {
            if p[i + k] & 0xC0 != 0x80 { return 0 }
        }
        return length
    }

    /// How many bytes at `i` start a well-formed sequence that the input cuts short or breaks.
    static func validPrefixLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let (length, lo, hi) = leadInfo(p[i])
        if length == 0 { return 1 }
        var k = 1
        while k < length && i + k < n {
            let b = p[i + k]
            let ok = k == 1 ? (b >= lo && b <= hi) : (b & 0xC0 == 0x80)
            if !ok { break }
            k += 1
        }
        return k
    }

    /// Sequence length for a lead byte and the allowed range of the second byte.
    @inline(__always)
    private static func leadInfo(_ b0: UInt8) -> (Int, UInt8, UInt8) {
        switch b0 {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return (0, 0, 0)
        }
    }
}
