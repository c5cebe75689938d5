/// Where a run of ASCII letters and digits ends, found eight bytes at a time: the tokenizer's
/// commonest question. One branch per eight bytes, taken or not by the word's length, spares most
/// of the mispredicted loop exits a byte-at-a-time loop pays at the end of each word.
enum AlphanumericRun {
    /// The offset of the first byte at or after `j` that is not an ASCII letter or digit, or `n`.
    @inline(__always)
    static func end(_ p: UnsafePointer<UInt8>, from j: Int, _ n: Int) -> Int {
        var j = j
        while j &+ 8 <= n {
            let word = UInt64(littleEndian: UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self))
            let stops = otherLanes(word)
            if stops != 0 { return j &+ stops.trailingZeroBitCount &>> 3 }
            j &+= 8
        }
        while j < n && isAlphanumeric(p[j]) { j &+= 1 }
        return j
    }

    /// 0x80 in each byte lane of `word` (first byte lowest) that is not an ASCII letter or digit.
    @inline(__always)
    static func otherLanes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        // Lanes below 0x80, so that the sums below carry into no other lane; the high bit of a
        // lane's sum then says whether it is at least (or above) a bound.
        let low = word & ~high
        let folded = low | ones &* 0x20 // A–Z onto a–z; nothing else lands in a–z
        let digit = (low &+ ones &* (0x80 - 0x30)) & ~(low &+ ones &* (0x7F - 0x39))
        let letter = (folded &+ ones &* (0x80 - 0x61)) & ~(folded &+ ones &* (0x7F - 0x7A))
        return ~((digit | letter) & ~word) & high
    }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }
}
