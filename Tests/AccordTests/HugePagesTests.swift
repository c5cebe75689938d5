import XCTest
@testable import Accord

final class HugePagesTests: XCTestCase {
    /// The huge-page hint changes nothing in a buffer's contents.
    func testHugePageAdviceKeepsContents() {
        let count = 12 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 4096)
        defer { buffer.deallocate() }
        for k in stride(from: 0, to: count, by: 4093) { buffer[k] = UInt8(truncatingIfNeeded: k) }
        HugePages.advise(buffer)
        HugePages.advise(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<100]))
        for k in stride(from: 0, to: count, by: 4093) { XCTAssertEqual(buffer[k], UInt8(truncatingIfNeeded: k)) }
    }
}
