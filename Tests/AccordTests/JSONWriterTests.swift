import Foundation
import XCTest
@testable import Accord

final class JSONWriterTests: XCTestCase {
    func testEscapesControlCharactersQuotesAndBackslashesAndKeepsUTF8() throws {
        var w = JSONWriter(compact: true)
        let tricky = "a\"b\\c\n\r\t\u{0}\u{1F}\u{7F}é🇲🇽\u{2028}"
        w.string(tricky)
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), "\"a\\\"b\\\\c\\n\\r\\t\\u0000\\u001f\u{7F}é🇲🇽\u{2028}\"")
        let back = try JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as? String
        XCTAssertEqual(back, tricky)
    }

    func testNumbers() {
        var w = JSONWriter(compact: true)
        for v in [0, 7, 10, 1234567890, -42, Int.max] { w.int(v); w.byte(0x20) }
        for d in [0.8, -0.25, 1.0, 0.0, 0.12345, -1.0] { w.decimal(d); w.byte(0x20) }
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self),
                       "0 7 10 1234567890 -42 9223372036854775807 0.8 -0.25 1 0 0.123 -1 ")
    }

    func testDocumentKeysComeInSpecOrderAndParseBack() throws {
        let a = TestSupport.annotator.annotate("Mexico said \"yes.\"\nNext line.", id: "doc")
        for compact in [true, false] {
            let bytes = a.json(JSONOptions(compact: compact))
            let text = String(decoding: bytes, as: UTF8.self)
            let keys = ["\"schema\"", "\"document\"", "\"annotator\"", "\"text\"", "\"sentences\"", "\"tokens\"", "\"actors\"",
                        "\"initiatives\"", "\"actions\"", "\"targets\"", "\"quotes\"", "\"events\"", "\"stance\"", "\"warnings\"", "\"summary\""]
            let positions = keys.map { text.range(of: $0)?.lowerBound }
            XCTAssertFalse(positions.contains(nil), text)
            XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            XCTAssertEqual(object["text"] as? String, a.text)
            XCTAssertEqual((object["tokens"] as? [Any])?.count, a.tokens.count)
            XCTAssertEqual(compact, !text.contains("\n"))
        }
    }

    func testStreamingGivesTheSameBytes() {
        let a = TestSupport.annotator.annotate(String(repeating: "The U.S. and Mexico cooperate. ", count: 3_000))
        var streamed: [UInt8] = []
        var pieces = 0
        a.writeJSON(JSONOptions(compact: true)) { buffer in streamed += buffer; buffer.removeAll(); pieces += 1 }
        XCTAssertEqual(streamed, a.json(JSONOptions(compact: true)))
        XCTAssertGreaterThan(pieces, 2)
    }
}
