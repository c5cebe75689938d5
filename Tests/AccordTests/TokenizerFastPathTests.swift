import XCTest
@testable import Accord

/// The tokenizer's fast path (common chunks emitted straight from the bytes) is an optimisation
/// only: with it and without it, every text must give the same tokens, offsets and flags.
final class TokenizerFastPathTests: XCTestCase {
    private let lexicons = Lexicons.builtIn

    private func assertSameTokens(_ text: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let source = SourceText(text)
        let fast = Tokenizer(abbreviations: lexicons.abbreviations)
        var full = fast
        full.usesFastPath = false
        let a = fast.tokenize(source), b = full.tokenize(source)
        guard a != b else { return }
        let k = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let show = { (t: [Token]) in k < t.count ? source.string(bytes: t[k].byteRange).debugDescription + " \(t[k])" : "none" }
        XCTFail("\(label): token \(k) differs: fast \(show(a)), full \(show(b))", file: file, line: line)
    }

    func testCorpusAndFixtures() throws {
        for url in try TestSupport.corpusFiles() {
            assertSameTokens(try String(contentsOf: url, encoding: .utf8), url.lastPathComponent)
        }
        for fixture in ["tokenization.txt", "sentences.txt"] {
            let text = try TestSupport.read("Tests/AccordTests/Fixtures/\(fixture)")
            for (n, line) in text.split(separator: "\n").enumerated() where line.hasPrefix("> ") {
                assertSameTokens(TestSupport.unescape(line.dropFirst(2)), "\(fixture):\(n + 1)")
            }
        }
    }

    /// Random sequences of the pieces the fast path decides about, with and without spaces between.
    func testGeneratedText() {
        let pieces = ["word", "Mexico", "López", "Ñandú", "señor", "x", "A", "v", "Gen", "U", "S", "Inc", "D-Ariz", "gun-rights",
                      "15-year-old", "2021", "1", "99", "cannot", "CANNOT", "can", "“", "”", "\"", "(", ")", ",", ";", ":", "!",
                      "?", ".", "..", "...", "-", "—", "’s", "'s", "n't", "'", "’", "‘", "×", "÷", "é", "ł", "ǅ", "@", "&", "/",
                      "www", "http", "://", "\u{A0}", "\n", "\n\n", "\t", " ", " ", " ", " ", "😀", "e\u{301}", "Ω",
                      "\r\n", "\u{2028}", "'d", "’M", "'S", "’m", "s", "Mexico's", "cannot's", "1990's", "x’s", "–", "•", "--",
                      "U.S.", "e.g.", "A.B.C.", "U.SS.", "Ab.c.", "U.S", "N.", "a.", "U.2."]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for n in 0..<3000 {
            var text = ""
            for _ in 0..<(5 + next() % 25) { text += pieces[next() % pieces.count] }
            assertSameTokens(text, "generated text \(n): \(text.debugDescription)")
        }
    }

    /// Text denser in tokens than the first guess of room (a quarter of the byte count) is tokenized
    /// again with room for one token per byte: the same tokens as the full scanner, none lost.
    func testTextDenserThanTheFirstGuess() {
        let dense = String(repeating: "a,b;(c) ", count: 2_000) + String(repeating: "x ", count: 3_000)
        assertSameTokens(dense, "dense text")
        let tokens = Tokenizer(abbreviations: lexicons.abbreviations).tokenize(SourceText(dense))
        XCTAssertEqual(tokens.count, 2_000 * 7 + 3_000)
    }
}
