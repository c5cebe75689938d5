/// FNV-1a, the 64-bit byte hash the tagger's tables use (folded names, people, roles) where
/// SipHash would cost more than the look-up it serves. Not for anything an adversary chooses.
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// `h` with one more byte mixed in.
    @inline(__always) static func mix(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* prime
    }
}
