import XCTest
@testable import Accord

/// The sentence cases in Fixtures/sentences.txt: `> input` then one `= sentence` line each;
/// `@wrapped` before a case runs it with hard-wrapped text.
final class SentenceFixtureTests: XCTestCase {
    func testFixtureCases() throws {
        let text = try TestSupport.read("Tests/AccordTests/Fixtures/sentences.txt")
        var cases: [(line: Int, input: String, wrapped: Bool, expected: [String])] = []
        var wrapped = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line == "@wrapped" { wrapped = true; continue }
            if line == ">" || line.hasPrefix("> ") {
                cases.append((number + 1, TestSupport.unescape(line.dropFirst(min(2, line.count))), wrapped, []))
                wrapped = false
            } else if line.hasPrefix("= "), !cases.isEmpty {
                cases[cases.count - 1].expected.append(TestSupport.unescape(line.dropFirst(min(2, line.count))))
            } else {
                XCTFail("line \(number + 1): neither '> input' nor '= sentence': \(line)")
            }
        }
        var failures: [String] = []
        for c in cases {
            let actual = TestSupport.sentences(c.input, wrapped: c.wrapped)
            if actual != c.expected {
                failures.append("line \(c.line): \(c.input.debugDescription)\n  expected: \(c.expected.map(\.debugDescription).joined(separator: " | "))\n  actual:   \(actual.map(\.debugDescription).joined(separator: " | "))")
            }
        }
        XCTAssertGreaterThanOrEqual(cases.count, 60, "the fixture should hold at least 60 cases")
        XCTAssert(failures.isEmpty, "\(failures.count) of \(cases.count) sentence cases fail:\n" + failures.joined(separator: "\n"))
    }
}
