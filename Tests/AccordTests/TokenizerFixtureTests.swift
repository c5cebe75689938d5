import XCTest
@testable import Accord

/// The tokenization cases in Fixtures/tokenization.txt: `> input` then the expected tokens.
final class TokenizerFixtureTests: XCTestCase {
    func testFixtureCases() throws {
        let text = try TestSupport.read("Tests/AccordTests/Fixtures/tokenization.txt")
        var input: String?
        var cases = 0
        var failures: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line == ">" || line.hasPrefix("> ") {
                input = TestSupport.unescape(line.dropFirst(min(2, line.count)))
                continue
            }
            guard let source = input else { XCTFail("line \(number + 1): expected tokens without an input line"); continue }
            let expected = line.split(separator: " ").map(String.init)
            let actual = TestSupport.tokens(source)
            cases += 1
            if actual != expected {
                failures.append("line \(number + 1): \(source.debugDescription)\n  expected: \(expected.joined(separator: " "))\n  actual:   \(actual.joined(separator: " "))")
            }
            input = nil
        }
        XCTAssertGreaterThanOrEqual(cases, 80, "the fixture should hold at least 80 cases")
        XCTAssert(failures.isEmpty, "\(failures.count) of \(cases) tokenization cases fail:\n" + failures.joined(separator: "\n"))
    }
}
