import CAccordSHA

/// SHA-256 (FIPS 180-4), for `document.sha256`, the lexicon digest and `batch --resume`.
/// Foundation on Linux has no digest API and accord takes no package dependencies.
///
/// Every annotated document is hashed, so the block function is written for speed. On x86-64
/// processors with the SHA extensions it is theirs (`CAccordSHA`, about ten times faster); elsewhere
/// the portable one below: the state lives in local variables, the message schedule in a stack
/// buffer, and the 64 rounds run as eight passes of eight rounds that rename the working variables
/// instead of shifting them. The hasher itself keeps its partial block inline and never allocates.
public struct SHA256 {
    private typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private var state: Words = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    /// The start of an incomplete block (`buffered` bytes), waiting for more input.
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var buffered = 0
    private var length: UInt64 = 0
    /// Whether blocks go to the SHA extensions.
    private let hardware: Bool

    /// Whether this processor has the SHA extensions, asked once.
    static let hardwareAvailable = accord_sha256_hardware_available() != 0

    /// - Parameter hardware: use the SHA extensions (tests turn them off to check one against the other).
    init(hardware: Bool = SHA256.hardwareAvailable) {
        self.hardware = hardware && SHA256.hardwareAvailable
    }

    /// The lower-case hex digest of `bytes`, as written in `document.sha256`.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(bytes, hardware: hardwareAvailable)
    }

    /// `hex(_:)` with the SHA extensions on or off (when the processor has them).
    static func hex<Bytes: Collection>(_ bytes: Bytes, hardware: Bool) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256(hardware: hardware)
        if bytes.withContiguousStorageIfAvailable({ hasher.update($0) }) == nil {
            Array(bytes).withUnsafeBufferPointer { hasher.update($0) }
        }
        return hasher.finalizeHex()
    }

    /// Adds `data` to the message: whole blocks are hashed from where they are, the rest is kept.
    mutating func update(_ data: UnsafeBufferPointer<UInt8>) {
        guard var p = data.baseAddress, !data.isEmpty else { return }
        var n = data.count
        length &+= UInt64(n)
        if buffered > 0 {
            let take = min(64 - buffered, n)
            withUnsafeMutableBytes(of: &block) { ($0.baseAddress! + buffered).copyMemory(from: p, byteCount: take) }
            buffered += take
            p += take
            n -= take
            if buffered < 64 { return }
            withUnsafeBytes(of: block) { compress($0.baseAddress!, blocks: 1) }
            buffered = 0
        }
        let whole = n / 64
        if whole > 0 {
            compress(UnsafeRawPointer(p), blocks: whole)
            p += whole * 64
            n -= whole * 64
        }
        if n > 0 {
            withUnsafeMutableBytes(of: &block) { $0.baseAddress!.copyMemory(from: p, byteCount: n) }
            buffered = n
        }
    }

    /// Pads the message (0x80, zeros, the bit length big-endian: one block or two), hashes the last
    /// block(s) and returns the digest in lower-case hex. The hasher is used up.
    mutating func finalizeHex() -> String {
        var tail: (Words, Words, Words, Words) = ((0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0),
                                                   (0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0))
        let blocks = buffered < 56 ? 1 : 2
        let bitLength = length &* 8
        withUnsafeMutableBytes(of: &tail) { t in
            withUnsafeBytes(of: block) { t.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: buffered) }
            t[buffered] = 0x80
            t.storeBytes(of: bitLength.bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
            compress(UnsafeRawPointer(t.baseAddress!), blocks: blocks)
        }
        let digits: StaticString = "0123456789abcdef"
        return withUnsafeBytes(of: state) { words in
            String(unsafeUninitializedCapacity: 64) { out in
                for i in 0..<8 {
                    let word = words.load(fromByteOffset: i * 4, as: UInt32.self)
                    for j in 0..<8 {
                        out[i * 8 + j] = digits.utf8Start[Int(truncatingIfNeeded: word &>> UInt32(28 - 4 * j) & 0xF)]
                    }
                }
                return 64
            }
        }
    }

    // MARK: - Block function

    private mutating func compress(_ p: UnsafeRawPointer, blocks: Int) {
        guard hardware else { return SHA256.compress(&state, p, blocks: blocks) }
        withUnsafeMutableBytes(of: &state) { words in
            SHA256.k.withUnsafeBufferPointer { k in
                accord_sha256_hardware_compress(words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                                p.assumingMemoryBound(to: UInt8.self), blocks, k.baseAddress!)
            }
        }
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x &>> n | x &<< (32 &- n) }

    /// One round. The caller passes the working variables renamed, so that nothing moves between
    /// rounds: this round's `d` and `h` become the next round's `e` and `a`. The Σ functions nest
    /// their rotations (three rotations, two exclusive ors, one copy); `maj` is written through
    /// `a ^ b`, which is the next round's `b ^ c`, so the optimizer computes it once for both.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let sigma1 = rotr(rotr(rotr(e, 14) ^ e, 5) ^ e, 6)
        let choice = ((f ^ g) & e) ^ g
        let t1 = h &+ sigma1 &+ choice &+ kw
        let sigma0 = rotr(rotr(rotr(a, 9) ^ a, 11) ^ a, 2)
        let majority = ((a ^ b) & (b ^ c)) ^ b
        d &+= t1
        h = t1 &+ sigma0 &+ majority
    }

    /// σ0 of four schedule words. SSE2 has no vector rotation, so the rotations are spelt as shifts,
    /// grouped so that the optimizer neither recognizes a rotation (which it would do a lane at a
    /// time) nor reorders the lanes of the exclusive ors (which cost shuffles).
    @inline(__always) private static func smallSigma0(_ x: SIMD4<UInt32>) -> SIMD4<UInt32> {
        (x &>> 3 ^ x &<< 25) ^ (x &>> 7 ^ x &<< 14) ^ x &>> 18
    }

    /// σ1 of two schedule words. Each word is doubled into a 64-bit lane, where a right shift is a
    /// 32-bit rotation of the low half.
    @inline(__always) private static func smallSigma1(_ x: SIMD2<UInt32>) -> SIMD2<UInt32> {
        let doubled = SIMD4(x[0], x[0], x[1], x[1])
        let pairs = unsafeBitCast(doubled, to: SIMD2<UInt64>.self)
        let rotr17 = unsafeBitCast(pairs &>> 17, to: SIMD4<UInt32>.self)
        let rotr19 = unsafeBitCast(pairs &>> 19, to: SIMD4<UInt32>.self)
        let sigma = (rotr17 ^ doubled &>> 10) ^ rotr19
        return SIMD2(sigma[0], sigma[2])
    }

    /// Hashes `blocks` 64-byte blocks from `p` into `state`.
    ///
    /// The message schedule is made four words at a time: `w[t] = w[t-16] + σ0(w[t-15]) + w[t-7] +
    /// σ1(w[t-2])`, read back from memory at those offsets (unaligned loads are cheaper than lane
    /// shuffles). σ1 needs the word two back, so the four come in halves. The rounds read `w + k`,
    /// stored beside it.
    private static func compress(_ state: inout Words, _ p: UnsafeRawPointer, blocks: Int) {
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        k.withUnsafeBytes { k in
            withUnsafeTemporaryAllocation(byteCount: 512, alignment: 16) { buffer in
                let w = buffer.baseAddress!, kw = w + 256
                func words(_ t: Int) -> SIMD4<UInt32> { w.loadUnaligned(fromByteOffset: 4 * t, as: SIMD4<UInt32>.self) }
                func store(_ words: SIMD4<UInt32>, _ t: Int) {
                    w.storeBytes(of: words, toByteOffset: 4 * t, as: SIMD4<UInt32>.self)
                    let sum = words &+ k.loadUnaligned(fromByteOffset: 4 * t, as: SIMD4<UInt32>.self)
                    kw.storeBytes(of: sum, toByteOffset: 4 * t, as: SIMD4<UInt32>.self)
                }
                for block in 0..<blocks {
                    let base = p + block * 64
                    for t in stride(from: 0, to: 16, by: 4) {
                        let bytes = base.loadUnaligned(fromByteOffset: 4 * t, as: SIMD4<UInt32>.self)
                        store(SIMD4(UInt32(bigEndian: bytes[0]), UInt32(bigEndian: bytes[1]),
                                    UInt32(bigEndian: bytes[2]), UInt32(bigEndian: bytes[3])), t)
                    }
                    for t in stride(from: 16, to: 64, by: 4) {
                        let partial = words(t - 16) &+ smallSigma0(words(t - 15)) &+ words(t - 7)
                        let back2 = w.loadUnaligned(fromByteOffset: 4 * (t - 2), as: SIMD2<UInt32>.self)
                        let low = partial.lowHalf &+ smallSigma1(back2)
                        let high = partial.highHalf &+ smallSigma1(low)
                        store(SIMD4(lowHalf: low, highHalf: high), t)
                    }
                    var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                    for i in stride(from: 0, to: 256, by: 32) {
                        round(a, b, c, &d, e, f, g, &h, kw.load(fromByteOffset: i, as: UInt32.self))
                        round(h, a, b, &c, d, e, f, &g, kw.load(fromByteOffset: i + 4, as: UInt32.self))
                        round(g, h, a, &b, c, d, e, &f, kw.load(fromByteOffset: i + 8, as: UInt32.self))
                        round(f, g, h, &a, b, c, d, &e, kw.load(fromByteOffset: i + 12, as: UInt32.self))
                        round(e, f, g, &h, a, b, c, &d, kw.load(fromByteOffset: i + 16, as: UInt32.self))
                        round(d, e, f, &g, h, a, b, &c, kw.load(fromByteOffset: i + 20, as: UInt32.self))
                        round(c, d, e, &f, g, h, a, &b, kw.load(fromByteOffset: i + 24, as: UInt32.self))
                        round(b, c, d, &e, f, g, h, &a, kw.load(fromByteOffset: i + 28, as: UInt32.self))
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                }
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
}
