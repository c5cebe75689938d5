import XCTest
@testable import Accord

/// The discourse stages' compact indexes answer exactly as the per-token tables they replace.
final class DiscourseIndexTests: XCTestCase {
    /// The dense table: `-1` everywhere, then each item written at its boundary in order.
    private func dense(_ positions: [Int], boundaries: Int, keep: TokenMarks.Keep) -> [Int32] {
        var map = [Int32](repeating: -1, count: boundaries + 1)
        for (i, k) in positions.enumerated() where keep == .last || map[k] < 0 { map[k] = Int32(i) }
        return map
    }

    private func assertMatchesDense(_ positions: [Int], boundaries: Int, file: StaticString = #filePath, line: UInt = #line) {
        for keep in [TokenMarks.Keep.first, .last] {
            let marks = TokenMarks(boundaries: boundaries, count: positions.count, keep: keep) { positions[$0] }
            let expected = dense(positions, boundaries: boundaries, keep: keep)
            XCTAssertEqual((0...boundaries).map { marks[$0] }, expected, "keep \(keep)", file: file, line: line)
        }
    }

    func testInOrderRepeatedAndAcrossWords() {
        assertMatchesDense([], boundaries: 0)
        assertMatchesDense([0, 0, 3, 63, 64, 64, 65, 200], boundaries: 200)
    }

    /// Nested mentions end out of order: the index sorts them and keeps the same first and last.
    func testOutOfOrder() {
        assertMatchesDense([10, 4, 10, 130, 4, 129, 0], boundaries: 131)
        var generator = SystemRandomNumberGenerator()
        let positions = (0..<500).map { _ in Int.random(in: 0...1000, using: &generator) }
        assertMatchesDense(positions, boundaries: 1000)
    }

    func testBulletsAsBytes() {
        XCTAssertEqual("\u{0387}", "·", "String equality, which the byte test stands in for, takes U+0387 for U+00B7")
        for bullet in ["-", "•", "*", "·", "–", "—", "\u{0387}"] {
            XCTAssertTrue(TaggingContext.isBullet(ArraySlice(Array(bullet.utf8))), bullet)
        }
        for other in ["+", "1.", "--", "•x", "·\u{0301}", "\u{2015}", ""] {
            XCTAssertFalse(TaggingContext.isBullet(ArraySlice(Array(other.utf8))), other)
        }
    }
}
