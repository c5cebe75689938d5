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

    func testIntegerEdgesAndEveryDigitCount() {
        var w = JSONWriter(compact: true)
        var expected = ""
        var values = [0, 9, 10, 99, 100, 101, -1, -9, -10, -99, -100, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 1...18 {
            power *= 10
            values += [power - 1, power, power + 1, -(power - 1), -power]
        }
        for v in values {
            w.int(v)
            w.byte(0x20)
            expected += "\(v) "
        }
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), expected)
        XCTAssertTrue(expected.contains("9223372036854775807 -9223372036854775808 "))
    }

    func testDigitCountAtPowersOfTen() {
        XCTAssertEqual(JSONWriter.Cursor.digitCount(0), 1)
        var power: UInt = 1
        for digits in 1...19 {
            XCTAssertEqual(JSONWriter.Cursor.digitCount(power), digits, "\(power)")
            XCTAssertEqual(JSONWriter.Cursor.digitCount(power * 10 - 1), digits, "\(power * 10 - 1)")
            power *= 10
        }
        XCTAssertEqual(JSONWriter.Cursor.digitCount(power), 20)
        XCTAssertEqual(JSONWriter.Cursor.digitCount(UInt.max), 20)
    }

    /// Every control byte, `"`, `\`, DEL, non-ASCII and the empty string, each at every position of
    /// strings up to 36 bytes long (so that it falls in a 16-byte run, an eight-byte word, a
    /// four-byte word and the byte-at-a-time tail), against a plain byte-by-byte escaper.
    func testStringEscapingAgainstAPlainEscaper() {
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for c in bytes {
                switch c {
                case 0x22: out += Array("\\\"".utf8)
                case 0x5C: out += Array("\\\\".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                case 0x08: out += Array("\\b".utf8)
                case 0x0C: out += Array("\\f".utf8)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out += Array("\\u00".utf8) + [hex[Int(c >> 4)], hex[Int(c & 0xF)]]
                default: out.append(c)
                }
            }
            return out + [0x22]
        }
        let specials: [UInt8] = Array(0..<0x20) + [0x22, 0x5C, 0x7F, 0x80, 0xC3, 0xFF, 0x21, 0x5B, 0x5D]
        var cases: [[UInt8]] = [[], Array("é🇲🇽 “quoted” \u{2028}".utf8), Array(repeating: 0x5C, count: 17)]
        for length in 1...36 {
            for position in 0..<length {
                for c in specials {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes[position] = c
                    cases.append(bytes)
                }
            }
            cases.append((0..<length).map { UInt8($0 * 13 % 0x20) })
        }
        for bytes in cases {
            var w = JSONWriter(compact: true, capacity: 64)
            bytes.withUnsafeBufferPointer { w.string(utf8: $0) }
            XCTAssertEqual(w.bytes, reference(bytes), "\(bytes)")
        }
        var w = JSONWriter(compact: true)
        w.string("")
        XCTAssertEqual(w.bytes, [0x22, 0x22])
    }

    func testCursorWritesWhatTheWriterMethodsWrite() {
        for compact in [true, false] {
            var pieces = JSONWriter(compact: compact)
            pieces.byte(0x7B); pieces.key("start"); pieces.int(-12); pieces.comma()
            pieces.key("text"); pieces.string("a\"b"); pieces.comma()
            pieces.key("empty"); pieces.string(utf8: UnsafeBufferPointer(start: nil, count: 0))
            pieces.newline(indent: 2); pieces.raw("}")
            var reserved = JSONWriter(compact: compact, capacity: 64)
            Array("a\"b".utf8).withUnsafeBufferPointer { text in
                reserved.write(reserving: 80) { o in
                    o.byte(0x7B); o.key("start"); o.int(-12); o.comma()
                    o.key("text"); o.string(utf8: text); o.comma()
                    o.key("empty"); o.string(utf8: UnsafeBufferPointer(start: nil, count: 0))
                    o.newline(indent: 2); o.raw("}")
                }
            }
            let expected = compact ? #"{"start":-12,"text":"a\"b","empty":""}"#
                                   : "{\"start\": -12, \"text\": \"a\\\"b\", \"empty\": \"\"\n    }"
            XCTAssertEqual(String(decoding: pieces.bytes, as: UTF8.self), expected)
            XCTAssertEqual(String(decoding: reserved.bytes, as: UTF8.self), expected)
        }
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

    func testStreamingChunksGiveTheSameBytes() {
        let a = TestSupport.annotator.annotate(String(repeating: "The U.S. and Mexico cooperate. ", count: 3_000))
        for compact in [true, false] {
            var streamed: [UInt8] = []
            var chunks = 0
            a.writeJSON(JSONOptions(compact: compact), chunks: { streamed += $0; chunks += 1 })
            XCTAssertEqual(streamed, a.json(JSONOptions(compact: compact)))
            XCTAssertGreaterThan(chunks, 2)
        }
    }

    /// The token array's own loop (pieces, room reserved many tokens at a time) writes what the
    /// general writer writes, in both spacings, for escaped, non-ASCII and very long tokens, and
    /// when the buffer is flushed between tokens.
    func testTokenArrayMatchesTheGeneralWriter() {
        let long = String(repeating: "x", count: 5_000) + "\\" + String(repeating: "\"", count: 3_000)
        let text = "He said \"no\" – a\\b, Ciudad de México 🇲🇽 \(long) end. tab\there \u{7F}x"
        let a = TestSupport.annotator.annotate(String(repeating: text + "\n", count: 20))
        XCTAssertGreaterThan(a.tokens.count, 100)
        for compact in [true, false] {
            var reference = JSONWriter(compact: compact)
            var source = a.text
            source.withUTF8 { utf8 in
                for (i, t) in a.tokens.enumerated() {
                    if i > 0 { reference.byte(0x2C) }
                    reference.newline(indent: 2)
                    reference.byte(0x7B)
                    reference.key("start"); reference.int(t.start); reference.comma()
                    reference.key("end"); reference.int(t.end); reference.comma()
                    reference.key("text"); reference.string(utf8: UnsafeBufferPointer(rebasing: utf8[t.byteRange])); reference.comma()
                    reference.key("kind"); reference.string(t.kind.name)
                    reference.byte(0x7D)
                }
            }
            var flushed: [UInt8] = []
            var w = JSONWriter(compact: compact, capacity: 64)
            w.flushThreshold = 300
            w.flush = { flushed += $0 }
            a.source.utf8.withUnsafeBufferPointer { utf8 in
                TokenArrayJSON(compact: compact).write(a.tokens, source: utf8, into: &w)
            }
            w.flushAll()
            XCTAssertEqual(String(decoding: flushed, as: UTF8.self), String(decoding: reference.bytes, as: UTF8.self))
        }
    }

    /// The summary's tally counts what a `[String: Int]` counts, sorted by key: ASCII keys in its
    /// own table (grown past its first size here), and, after a non-ASCII key, equivalent spellings
    /// as one key under the spelling met first (the Kelvin sign is a canonical K), also when the
    /// non-ASCII byte falls in a word the hash reads eight bytes at a time.
    func testSummaryTallyCountsLikeADictionary() {
        var keys: [String] = []
        var state: UInt64 = 7
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            keys.append("entity:\(state >> 58)-\(String(repeating: "x", count: Int(state >> 61)))")
        }
        let longNonASCII = ["Äbcdefghijk", "A\u{308}bcdefghijk", "abcdefghijkÄ"]
        // Every length the hash reads differently (bytes, two halves, words), twice each.
        let short = (0...17).map { String(repeating: "k", count: $0) } + (0...17).map { String(repeating: "k", count: $0) }
        let shortNonASCII = ["abcÄ", "Äbcd", "abcdeÄ", "k\u{212A}kkk"]
        for mixed in [keys, keys + ["K", "\u{212A}", "Ä", "A\u{308}", "K"], ["\u{212A}", "K"] + keys, keys + longNonASCII,
                      short + keys, keys + short + shortNonASCII + short] {
            var tally = SummaryTally()
            var reference: [String: Int] = [:]
            for k in mixed {
                tally.add(k)
                reference[k, default: 0] += 1
            }
            let expected = reference.sorted { $0.key < $1.key }
            XCTAssertEqual(tally.sorted.map(\.0), expected.map(\.key))
            XCTAssertEqual(tally.sorted.map(\.1), expected.map(\.value))
            XCTAssertEqual(tally.sorted.map { Array($0.0.utf8) }, expected.map { Array($0.key.utf8) }, "the spelling met first")
        }
    }

    /// Strings longer than `JSONWriter.longString` go out in pieces (flushed between them); the
    /// bytes must equal those of escaping each scalar alone, even where a piece boundary falls
    /// inside a multi-byte scalar or an escape.
    func testLongStringsInPiecesGiveTheSameBytes() {
        let parts = ["a", "é", "\"", "\n", "🇲🇽", "\u{1}", "\\", "“", "日本"]
        var text = "", expected: [UInt8] = [0x22]
        var state: UInt64 = 42
        while text.utf8.count < 3 * JSONWriter.longString + 7 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let part = parts[Int(state >> 33) % parts.count]
            text += part
            var w = JSONWriter(compact: true)
            w.string(part)
            expected += w.bytes.dropFirst().dropLast()
        }
        expected.append(0x22)
        var whole = JSONWriter(compact: true)
        whole.string(text)
        XCTAssertEqual(whole.bytes, expected)

        var flushed: [UInt8] = []
        var pieces = 0
        var streaming = JSONWriter(compact: true)
        streaming.flushThreshold = 1024
        streaming.flush = { flushed += $0; pieces += 1 }
        streaming.string(text)
        streaming.flushAll()
        XCTAssertEqual(flushed, expected)
        XCTAssertGreaterThanOrEqual(pieces, 3, "a long string is flushed piece by piece")
    }
}
