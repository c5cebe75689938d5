/// Case and diacritic folding of one token, the key lexicon matching uses (`Mérida` → `merida`,
/// `MEXICO` → `mexico`, `’s` → `'s`). ASCII is folded byte by byte; Latin letters with accents come
/// from a table; other scripts are lower-cased through the standard library (rare in this news).
enum Folding {
    /// Base letters for U+00C0...U+017F (`_` keeps the scalar as it is).
    private static let latin: [UInt8] = Array(
        "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii__jjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs".utf8)

    /// Appends the folded form of `bytes` (well-formed UTF-8) to `out`.
    @inline(__always)
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                i += 1
                continue
            }
            let (value, length) = decode(bytes, i)
            appendFolded(value, into: &out)
            i += length
        }
    }

    /// How one non-ASCII scalar folds.
    enum ScalarFold {
        /// To one ASCII byte (a Latin letter's base, a quote, a hyphen).
        case byte(UInt8)
        /// To nothing (a combining diacritic).
        case nothing
        /// To itself: it has no lower case.
        case itself
        /// To its lower-case mapping.
        case lowercased(Unicode.Scalar)
    }

    /// How the scalar `value` folds: the one table of `fold` and `appendFolded`.
    @inline(__always)
    static func scalarFold(_ value: UInt32) -> ScalarFold {
        switch value {
        case 0xC0...0x17F:
            let base = latin[Int(value - 0xC0)]
            if base != UInt8(ascii: "_") { return .byte(base) }
        case 0x2018, 0x2019, 0x02BC: // ‘ ’ ʼ fold to the ASCII apostrophe
            return .byte(0x27)
        case 0x201C, 0x201D: // “ ” fold to the ASCII quote
            return .byte(0x22)
        case 0x2010, 0x2011: // hyphens
            return .byte(0x2D)
        case 0x0300...0x036F: // combining diacritics vanish
            return .nothing
        case 0x2000...0x206F: // other general punctuation (dashes, ellipsis) has no case: kept as it is
            return .itself
        default:
            break
        }
        guard let scalar = Unicode.Scalar(value) else { return .nothing }
        return scalar.properties.changesWhenLowercased ? .lowercased(scalar) : .itself
    }

    static func appendFolded(_ value: UInt32, into out: inout [UInt8]) {
        switch scalarFold(value) {
        case .byte(let byte): out.append(byte)
        case .nothing: break
        case .itself: appendUTF8(value, into: &out)
        case .lowercased(let scalar):
            for u in scalar.properties.lowercaseMapping.unicodeScalars { appendUTF8(u.value, into: &out) }
        }
    }

    /// Writes the folded form of `bytes` (well-formed UTF-8) to `out` and returns its length: `fold(_:into:)`
    /// without an array, for a token's look-up. Nil when it does not fit `out`, or when a scalar
    /// lower-cases to another (rare: left to `fold(_:into:)`).
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var i = 0, n = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                guard n < out.count else { return nil }
                out[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                n &+= 1
                i &+= 1
                continue
            }
            let (value, length) = decode(bytes, i)
            switch scalarFold(value) {
            case .byte(let byte):
                guard n < out.count else { return nil }
                out[n] = byte
                n &+= 1
            case .nothing:
                break
            case .itself: // its bytes as written
                guard n &+ length <= out.count else { return nil }
                for k in 0..<length { out[n &+ k] = bytes[i &+ k] }
                n &+= length
            case .lowercased:
                return nil
            }
            i &+= length
        }
        return n
    }

    /// The folded form of a string (for lexicon entries).
    static func fold(_ string: String) -> [UInt8] {
        var out: [UInt8] = []
        var copy = string
        copy.withUTF8 { fold($0, into: &out) }
        return out
    }

    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(p[i])
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
    }

    static func appendUTF8(_ v: UInt32, into out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
