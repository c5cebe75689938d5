/// The slots of overlay keys (`LexiconFile.overlay`), with `String` equality (Unicode canonical
/// equivalence) but without a `String` per entry for the common case.
///
/// A key whose canonical form is ASCII (nearly every key) is interned by those bytes, which is what
/// equality means for ASCII; any other key is a `String` in a dictionary, as before.
struct OverlayKeys {
    /// A key: its id among the ASCII keys, or its text.
    enum Key {
        case ascii(Int)
        case other(String)
    }

    private var ascii = Vocabulary()
    /// The slot of each ASCII key id, -1 when it has none.
    private var asciiSlots: [Int32] = []
    private var otherSlots: [String: Int] = [:]
    private var scratch: [UInt8] = []

    /// The key of `bytes` (valid UTF-8), interned if new.
    mutating func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        var high: UInt8 = 0
        for b in bytes { high |= b }
        if high < 0x80 { return internASCII(bytes) }
        guard OverlayKeys.asciiSingletons(bytes, into: &scratch) else {
            return .other(String(decoding: bytes, as: UTF8.self))
        }
        let copy = scratch
        return copy.withUnsafeBufferPointer { internASCII($0) }
    }

    subscript(key: Key) -> Int? {
        get {
            switch key {
            case .ascii(let id): let slot = asciiSlots[id]; return slot < 0 ? nil : Int(slot)
            case .other(let text): return otherSlots[text]
            }
        }
        set {
            switch key {
            case .ascii(let id): asciiSlots[id] = newValue.map { Int32($0) } ?? -1
            case .other(let text): otherSlots[text] = newValue
            }
        }
    }

    private mutating func internASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        let id = Int(ascii.intern(bytes))
        if id == asciiSlots.count { asciiSlots.append(-1) }
        return .ascii(id)
    }

    /// Writes to `out` the ASCII canonical form of a text made of ASCII and the three scalars whose
    /// canonical decomposition is one ASCII character (U+037E `;`, U+1FEF `` ` ``, U+212A `K`), and
    /// returns true; false for any other text (its canonical form is not ASCII).
    private static func asciiSingletons(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b)
                i += 1
            } else if b == 0xCD, i + 1 < n, bytes[i + 1] == 0xBE {
                out.append(UInt8(ascii: ";"))
                i += 2
            } else if b == 0xE1, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xAF {
                out.append(UInt8(ascii: "`"))
                i += 3
            } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x84, bytes[i + 2] == 0xAA {
                out.append(UInt8(ascii: "K"))
                i += 3
            } else {
                return false
            }
        }
        return true
    }
}
