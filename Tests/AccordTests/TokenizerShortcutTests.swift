import XCTest
@testable import Accord

/// The shortcuts for the commonest chunks (a word with one closing mark or period, chunks one space
/// apart) and the abbreviation look-up's quick rejection must change nothing: the same tokens as
/// the full scanner, and the same kinds as the `String` look-up.
final class TokenizerShortcutTests: XCTestCase {
    private let lexicons = Lexicons.builtIn

    private func assertSameTokens(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let source = SourceText(text)
        let fast = Tokenizer(abbreviations: lexicons.abbreviations)
        var full = fast
        full.usesFastPath = false
        XCTAssertEqual(fast.tokenize(source), full.tokenize(source), text.debugDescription, file: file, line: line)
    }

    /// Every word-and-mark shape before each kind of white space and at the text's end, and after
    /// a bare word, a mark, a line break or nothing.
    func testWordWithOneMark() {
        let chunks = ["said,", "Iran.", "Inc.", "Jan.", "etc.", "ETC.", "Etc.", "Gen.", "GEN.", "A.", "a.", "1.", "12.",
                      "999.", "1000.", "x1.", "cannot,", "cannot.", "Cannot", "CANNOT.", "said\"", "yes!", "no?", "it)",
                      "x:", "a;", "longerthantwelve.", "abcdefghijkl.", "abcdefghijklm.", "word", "“Quote", "(it", "U.S."]
        let before = ["", "the ", "end.\n", "\n\n", "(", "x  "]
        let after = ["", " ", "  ", "\n", "\t", "\u{A0}", " next", " “next”", ",", "."]
        for chunk in chunks {
            for head in before {
                for tail in after { assertSameTokens(head + chunk + tail) }
            }
        }
    }

    /// `kind(ofUTF8:)` agrees with `kind(of:)` on listed abbreviations in every case and on words
    /// of every length up to 17 bytes.
    func testAbbreviationLookUpAgreesWithStrings() {
        let abbreviations = lexicons.abbreviations
        var words = ["Mr.", "MR.", "mr.", "Sen.", "SEN.", "sen.", "etc.", "Etc.", "ETC.", "a.m.", "A.M.", "Jan.", "JAN.",
                     "No.", "NO.", "no.", "said.", "Iran.", ".", "", "Ño.", "Sept.", "sept.", "SEPT."]
        for length in 1...17 { words.append(String(repeating: "a", count: length - 1) + ".") }
        for word in words {
            var copy = word
            let utf8 = copy.withUTF8 { abbreviations.kind(ofUTF8: $0) }
            XCTAssertEqual(utf8, abbreviations.kind(of: word), word)
        }
    }
}
