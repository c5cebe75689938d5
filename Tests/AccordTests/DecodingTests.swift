import Foundation
import XCTest
@testable import Accord

final class DecodingTests: XCTestCase {
    func testByteOrderMarkIsDroppedAndOffsetsCountFromAfterIt() {
        let a = TestSupport.annotator.annotate(bytes: [0xEF, 0xBB, 0xBF] + Array("Mexico".utf8), id: "bom")
        XCTAssertEqual(a.text, "Mexico")
        XCTAssertEqual(a.tokens.first?.start, 0)
        XCTAssertEqual(a.warnings, [])
    }

    func testInvalidSequencesBecomeReplacementCharactersWithAWarning() {
        // Lone continuation, overlong "/", truncated 3-byte sequence, surrogate, byte F5.
        let bytes: [UInt8] = [0x41, 0x80, 0x42, 0xC0, 0xAF, 0x43, 0xE2, 0x82, 0x44, 0xED, 0xA0, 0x80, 0x45, 0xF5]
        let a = TestSupport.annotator.annotate(bytes: bytes, id: "bad")
        XCTAssertEqual(a.text, "A\u{FFFD}B\u{FFFD}\u{FFFD}C\u{FFFD}D\u{FFFD}\u{FFFD}\u{FFFD}E\u{FFFD}")
        XCTAssertEqual(a.source.replacedSequences, 8)
        XCTAssertTrue(a.warnings.contains { $0.contains("not valid UTF-8") && $0.contains("8") }, "\(a.warnings)")
    }

    func testOffsetsAreScalarsNotBytesOrGraphemes() {
        let a = TestSupport.annotator.annotate("Andrés e\u{301} 🇲🇽 López")
        let spans = a.tokens.map { [$0.start, $0.end] }
        XCTAssertEqual(spans, [[0, 6], [7, 9], [10, 12], [13, 18]])
    }

    func testCRLFIsKeptAndIsOneLineBreak() {
        let a = TestSupport.annotator.annotate("Headline here\r\n\r\nBody text.")
        XCTAssertEqual(a.text, "Headline here\r\n\r\nBody text.")
        XCTAssertEqual(a.sentences.map { [$0.start, $0.end] }, [[0, 13], [17, 27]])
    }

    func testEmptyAndWhitespaceInputsGiveValidJSONAndAWarning() throws {
        for (input, warning) in [("", "empty"), ("  \n\t\u{A0}\n", "only white space")] {
            let a = TestSupport.annotator.annotate(input)
            XCTAssertEqual(a.tokens.count, 0)
            XCTAssertEqual(a.sentences.count, 0)
            XCTAssertTrue(a.warnings.contains { $0.contains(warning) }, "\(a.warnings)")
            let object = try JSONSerialization.jsonObject(with: Data(a.json())) as? [String: Any]
            XCTAssertEqual(object?["text"] as? String, input)
        }
    }

    func testLargeSingleLineInputIsLinearAndValid() {
        let line = String(repeating: "Mexico and the U.S. pledged to curb fentanyl trafficking, officials said; ", count: 280_000)
        XCTAssertGreaterThan(line.utf8.count, 20_000_000)
        // Tokens and sentences only: the debug build is slow, and the whole pipeline on hostile
        // single-line input is covered by HostileInputTests and the fuzzer.
        let a = TestSupport.annotator.annotate(line, layers: [.sentences, .tokens])
        XCTAssertEqual(a.document.length, line.unicodeScalars.count)
        XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(a.json(JSONOptions(compact: true, layers: [.sentences])))))
        XCTAssertEqual(a.sentences.count, 1)
        XCTAssertEqual(a.tokens.count, 280_000 * 13)
    }
}
