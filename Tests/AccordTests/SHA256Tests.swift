import XCTest
@testable import Accord

final class SHA256Tests: XCTestCase {
    /// Bytes 0, 1, 2, … 255, 0, 1, … (`bytes(i % 256 for i in range(n))` in Python).
    private func counting(_ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: $0) } }

    /// FIPS 180-4 examples (NIST CAVP / "SHA-256 example" documents), by the portable block function
    /// and by the SHA extensions (where the processor has none, the portable one twice).
    func testNISTVectors() {
        for hardware in [false, true] {
            func hex(_ text: String) -> String { SHA256.hex(Array(text.utf8), hardware: hardware) }
            XCTAssertEqual(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            XCTAssertEqual(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
            XCTAssertEqual(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                           "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
            let bits896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
            XCTAssertEqual(hex(bits896), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
            XCTAssertEqual(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000), hardware: hardware),
                           "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "hardware: \(hardware)")
        }
    }

    /// The SHA extensions and the portable block function agree on every length up to five blocks
    /// and on pseudo-random bytes (a linear congruential generator, so that the test is repeatable).
    func testHardwareAndPortableBlockFunctionsAgree() {
        var seed: UInt64 = 0x5eed
        var message: [UInt8] = []
        for n in 0...320 {
            XCTAssertEqual(SHA256.hex(message, hardware: true), SHA256.hex(message, hardware: false), "length \(n)")
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            message.append(UInt8(truncatingIfNeeded: seed >> 56))
        }
    }

    /// Lengths either side of the padding edges: 55 bytes is the longest message whose padding fits
    /// its last block, 56 needs a block more; 63, 64, 65 and 119, 120 straddle block boundaries.
    /// Expected values from Python's hashlib (checked with coreutils `sha256sum`).
    func testLengthsAroundBlockAndPaddingEdges() {
        let expected: [(Int, String)] = [
            (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
            (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
            (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
            (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
            (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
            (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
            (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
            (1000, "a8af099bf2e878609558dbf69d8f88f4a31040a8cf84b549a0cfa912f12ffc3f"),
        ]
        for (n, digest) in expected {
            XCTAssertEqual(SHA256.hex(counting(n)), digest, "length \(n)")
            // A collection that is not an array takes the copying path.
            XCTAssertEqual(SHA256.hex(counting(n)[...]), digest, "length \(n), slice")
        }
    }

    /// Input fed in pieces of every awkward size gives the digest of the whole.
    func testPiecewiseUpdatesMatchOneShot() {
        let message = counting(1000)
        let whole = "a8af099bf2e878609558dbf69d8f88f4a31040a8cf84b549a0cfa912f12ffc3f"
        for pieceSize in [1, 3, 55, 56, 63, 64, 65, 127, 128, 129, 999] {
            var hasher = SHA256()
            var start = 0
            while start < message.count {
                let end = min(start + pieceSize, message.count)
                message[start..<end].withUnsafeBufferPointer { hasher.update($0) }
                start = end
            }
            XCTAssertEqual(hasher.finalizeHex(), whole, "pieces of \(pieceSize)")
        }
        var hasher = SHA256()
        [UInt8]().withUnsafeBufferPointer { hasher.update($0) }
        message.withUnsafeBufferPointer { hasher.update($0) }
        [UInt8]().withUnsafeBufferPointer { hasher.update($0) }
        XCTAssertEqual(hasher.finalizeHex(), whole, "empty pieces")
    }
}
