/// Finding a byte eight bytes at a time, for splitting lexicon files into lines and fields.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first `byte` in `bytes[start..<end]`, or `end` when there is none.
    ///
    /// A word xor `byte` in every lane has a zero lane where the byte is; `(x - 1s) & ~x & 0x80s` marks
    /// the lowest such lane exactly (a borrow can only mark lanes above it), and the words are read
    /// little-endian, so the lowest marked lane is the first match.
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        if let base = bytes.baseAddress {
            let pattern = UInt64(byte) &* ones
            while i &+ 8 <= end {
                let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) ^ pattern
                let found = (x &- ones) & ~x & highBits
                if found != 0 { return i &+ found.trailingZeroBitCount >> 3 }
                i &+= 8
            }
        }
        while i < end && bytes[i] != byte { i &+= 1 }
        return i
    }
}
