/// A byte string as `Vocabulary` keys it: little-endian 8-byte words (the last one zero-padded) and
/// a hash of those words with the byte count. Hashing and comparing a word at a time costs a few
/// instructions per token where a byte loop costs a few per byte.
enum WordKey {
    /// Bytes above `0x7F` in any lane of a word.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The hash of a key before its first word.
    @inline(__always)
    static func seed(byteCount: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: byteCount) &* 0xFF51_AFD7_ED55_8CCD
    }

    /// Folds the next word into a hash (a multiply and an xor-shift, so the low bits that pick a slot
    /// depend on every byte).
    @inline(__always)
    static func combine(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let x = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 32)
    }

    /// The word of `bytes[offset...]`: up to eight bytes, zero past the end of `bytes`.
    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        let available = bytes.count &- offset
        if available >= 8 {
            return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
        }
        var word: UInt64 = 0
        for k in 0..<available { word |= UInt64(bytes[offset &+ k]) << (8 &* k) }
        return word
    }

    /// The bytes below `count` (1...8) of a word.
    @inline(__always)
    static func lowBytes(_ word: UInt64, count: Int) -> UInt64 {
        word & (UInt64.max >> (64 &- 8 &* UInt64(truncatingIfNeeded: count)))
    }

    /// The one word of an ASCII string of 1...8 bytes at `bytes[start...]`, read with one load; nil
    /// when a byte is not ASCII or the load would pass the end of `bytes`.
    @inline(__always)
    static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, count: Int) -> UInt64? {
        guard count >= 1 && count <= 8 && start &+ 8 <= bytes.count else { return nil }
        let word = lowBytes(UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self)), count: count)
        return word & highBits == 0 ? word : nil
    }

    /// The two words of an ASCII string of 9...16 bytes at `bytes[start...]`, read with two loads;
    /// nil when a byte is not ASCII or a load would pass the end of `bytes`.
    @inline(__always)
    static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, count: Int) -> (UInt64, UInt64)? {
        guard count >= 9 && count <= 16 && start &+ 16 <= bytes.count else { return nil }
        let base = UnsafeRawPointer(bytes.baseAddress! + start)
        let first = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        let second = lowBytes(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self)), count: count &- 8)
        return (first | second) & highBits == 0 ? (first, second) : nil
    }

    /// Writes the words of an ASCII string of `count` (at least 1) bytes at `bytes[start...]` to
    /// `written`, and lower-cased to `lowered`, and returns the hash of the lower-cased words; nil
    /// when a byte is not ASCII or the last load would pass the end of `bytes`.
    @inline(__always)
    static func loweredASCII(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, count: Int,
                             written: UnsafeMutablePointer<UInt64>, lowered: UnsafeMutablePointer<UInt64>) -> UInt64? {
        let last = wordCount(byteCount: count) &- 1
        guard count >= 1 && start &+ 8 &* (last &+ 1) <= bytes.count else { return nil }
        let base = UnsafeRawPointer(bytes.baseAddress! + start)
        var hash = seed(byteCount: count), high: UInt64 = 0
        for k in 0...last {
            var word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 &* k, as: UInt64.self))
            if k == last { word = lowBytes(word, count: count &- 8 &* last) }
            high |= word
            written[k] = word
            lowered[k] = lowercasedASCII(word)
            hash = combine(hash, lowered[k])
        }
        return high & highBits == 0 ? hash : nil
    }

    /// Calls `body` with the words of `bytes` (the last one zero-padded; none for no bytes).
    @inline(__always)
    static func withWords<R>(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt64>) -> R) -> R {
        let count = wordCount(byteCount: bytes.count)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(count, 1)) { words in
            if count > 0 {
                words[count - 1] = 0
                UnsafeMutableRawPointer(words.baseAddress!).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
                for k in 0..<count { words[k] = UInt64(littleEndian: words[k]) }
            }
            return body(UnsafeBufferPointer(rebasing: words[..<count]))
        }
    }

    /// The number of words of a key of `byteCount` bytes.
    @inline(__always)
    static func wordCount(byteCount: Int) -> Int { (byteCount + 7) >> 3 }

    /// The hash of a key already cut into words.
    @inline(__always)
    static func hash(words: UnsafeBufferPointer<UInt64>, byteCount: Int) -> UInt64 {
        var h = seed(byteCount: byteCount)
        for w in words { h = combine(h, w) }
        return h
    }

    /// ASCII upper-case letters of a word lower-cased, all eight lanes at once. Only for words
    /// without high bits (`word & highBits == 0`): adding `0x3F` (`0x25`) to a lane sets its top bit
    /// exactly when the byte is at least `A` (past `Z`), and no lane carries into the next.
    @inline(__always)
    static func lowercasedASCII(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let atLeastA = word &+ ones &* 0x3F
        let pastZ = word &+ ones &* 0x25
        let upper = atLeastA & ~pastZ & highBits
        return word | (upper >> 2)
    }
}
