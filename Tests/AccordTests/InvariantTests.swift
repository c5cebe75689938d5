import Foundation
import XCTest
@testable import Accord

/// SPEC's structural promises, over every corpus file and over generated hostile text.
final class InvariantTests: XCTestCase {
    /// Checks every invariant of an annotation; returns what is broken.
    static func violations(_ a: Annotation) -> [String] {
        var problems: [String] = []
        let scalars = Array(a.text.unicodeScalars)
        func slice(_ start: Int, _ end: Int) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[start..<end]); return String(v)
        }
        if a.document.length != scalars.count { problems.append("length \(a.document.length) != \(scalars.count) scalars") }
        var covered = [Bool](repeating: false, count: scalars.count)
        var previousEnd = 0
        for (i, t) in a.tokens.enumerated() {
            guard t.start >= previousEnd, t.start < t.end, t.end <= scalars.count else {
                problems.append("token \(i) [\(t.start),\(t.end)) out of order or empty"); break
            }
            if a.text(of: t) != slice(t.start, t.end) { problems.append("token \(i) text differs from its slice") }
            for k in t.start..<t.end {
                covered[k] = true
                if scalars[k].properties.isWhitespace && !(0x85 == scalars[k].value) {
                    problems.append("token \(i) holds white space U+\(String(scalars[k].value, radix: 16))")
                }
            }
            previousEnd = t.end
        }
        for (k, scalar) in scalars.enumerated() where !covered[k] && !Scalars.isWhitespace(scalar.value) {
            problems.append("scalar \(k) U+\(String(scalar.value, radix: 16)) lies in no token"); break
        }
        var nextToken = 0
        for (i, s) in a.sentences.enumerated() {
            if s.tokens.lowerBound != nextToken || s.tokens.isEmpty { problems.append("sentence \(i) does not continue the partition"); break }
            if s.start != a.tokens[s.tokens.lowerBound].start || s.end != a.tokens[s.tokens.upperBound - 1].end {
                problems.append("sentence \(i) span differs from its tokens")
            }
            nextToken = s.tokens.upperBound
        }
        if nextToken != a.tokens.count { problems.append("sentences cover \(nextToken) of \(a.tokens.count) tokens") }
        return problems
    }

    func testCorpusFilesKeepInvariants() throws {
        let files = try TestSupport.corpusFiles()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let a = TestSupport.annotator.annotate(bytes: bytes, id: "x")
            XCTAssertGreaterThan(a.tokens.count, 50, file.lastPathComponent)
            XCTAssertEqual(Self.violations(a), [], file.lastPathComponent)
        }
    }

    func testGeneratedTextKeepsInvariants() {
        var rng = SplitMix64(seed: 42)
        let pieces: [String] = [
            "U.S.", "Mexico's", "wasn't", "“", "”", "\"", "'", "’", "—", "–", "...", "…", " ", "  ", "\n", "\r\n", "\t",
            "\u{A0}", "\u{2028}", "Ebrard", "é", "e\u{301}", "\u{301}", "🇲🇽", "👍🏽", "👨‍👩‍👧", "中国", "العربية", "שלום",
            "$", "25.1", "%", "1,500", "10/8/2021", "9:30", "https://example.org/a?b=c.", "a@b.mx", "(", ")", ".", "?",
            "!", ",", ";", ":", "-", "--", "Gen.", "No.", "p.m.", "\u{0}", "\u{7}", "\u{FEFF}", "\u{200B}", "\u{200D}",
            "\u{E000}", "cannot", "cartels'", "O'Brien", "'s", "&", "#", "@", "1️⃣", "\u{FFFD}",
        ]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(rng.next() % 60) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let a = TestSupport.annotator.annotate(text)
            let problems = Self.violations(a)
            XCTAssertEqual(problems, [], text.debugDescription)
            if !problems.isEmpty { return }
        }
    }

    func testRandomBytesKeepInvariants() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let bytes = (0..<Int(rng.next() % 200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let a = TestSupport.annotator.annotate(bytes: bytes, id: "random")
            XCTAssertEqual(Self.violations(a), [])
            XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(a.json(JSONOptions(compact: true)))))
        }
    }

    func testOutputIsByteIdenticalOnASecondRun() throws {
        for file in try TestSupport.corpusFiles() {
            let bytes = try [UInt8](Data(contentsOf: file))
            let first = Annotator().annotate(bytes: bytes, id: "x").json()
            let second = Annotator().annotate(bytes: bytes, id: "x").json()
            XCTAssertEqual(first, second, file.lastPathComponent)
        }
    }
}

/// A small deterministic generator for reproducible random tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
