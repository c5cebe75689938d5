import XCTest
@testable import Accord

/// The eight-bytes-at-a-time scan must stop exactly where a byte-at-a-time scan stops.
final class AlphanumericRunTests: XCTestCase {
    private func byteLoopEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var j = start
        let alphanumeric: [ClosedRange<UInt8>] = [0x30...0x39, 0x41...0x5A, 0x61...0x7A]
        while j < bytes.count && alphanumeric.contains(where: { $0.contains(bytes[j]) }) { j += 1 }
        return j
    }

    private func assertSameEnd(_ bytes: [UInt8], from start: Int, file: StaticString = #filePath, line: UInt = #line) {
        let end = bytes.withUnsafeBufferPointer { AlphanumericRun.end($0.baseAddress!, from: start, $0.count) }
        XCTAssertEqual(end, byteLoopEnd(bytes, from: start), "\(bytes) from \(start)", file: file, line: line)
    }

    /// Every byte value in every lane of the first and second eight-byte word, and in the tail.
    func testEveryByteInEveryPosition() {
        for byte in 0...255 {
            for position in 0..<19 {
                var bytes = Array("aZ09mQzA7bYcXdWe0Kk".utf8)
                bytes[position] = UInt8(byte)
                assertSameEnd(bytes, from: 0)
                assertSameEnd(bytes, from: min(position, 3))
            }
        }
    }

    func testRandomText() {
        let alphabet = Array("abcXYZ0189@[`{/:-_.é ’\u{7F}".utf8)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(1 + Int(state >> 59)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(Int(state >> 40) % 3 == 0 ? alphabet[Int(state >> 33) % alphabet.count] : UInt8(ascii: "k"))
            }
            for start in 0..<bytes.count { assertSameEnd(bytes, from: start) }
        }
    }

    func testEndOfText() {
        assertSameEnd(Array("abcdefghijklmnop".utf8), from: 0)
        assertSameEnd(Array("abcdefghijklmnop".utf8), from: 16)
    }
}
