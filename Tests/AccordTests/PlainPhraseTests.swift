import XCTest
@testable import Accord

/// The lexicon compiler splits plain phrases at their spaces instead of tokenizing them: that must give
/// exactly the tokenizer's tokens, and anything else must be left to the tokenizer.
final class PlainPhraseTests: XCTestCase {
    private let tokenizer = Tokenizer(abbreviations: Lexicons.builtIn.abbreviations)

    private func plainWords(_ phrase: String) -> [Range<Int>]? {
        var words: [Range<Int>] = []
        let plain = Array(phrase.utf8).withUnsafeBufferPointer { PlainPhrase.words($0, into: &words) }
        return plain ? words : nil
    }

    private func tokenizerWords(_ phrase: String) -> [Range<Int>] {
        tokenizer.tokenize(SourceText(bytes: Array(phrase.utf8))).map(\.byteRange)
    }

    func testPlainPhrasesSplitAtSpaces() {
        XCTAssertEqual(plainWords("drug trafficking"), [0..<4, 5..<16])
        XCTAssertEqual(plainWords("cross-border"), [0..<12])
        XCTAssertEqual(plainWords("Sinaloa Cartel"), [0..<7, 8..<14])
    }

    func testAnythingTheTokenizerMightSplitIsNotPlain() {
        for phrase in ["U.S.", "Mexico's", "cannot", "we Cannot act", "drug  trafficking", " drug", "drug ",
                       "anti-", "-led", "a--b", "Mérida", "1st", "don't", "", "guns,", "arms\ttrade"] {
            XCTAssertNil(plainWords(phrase), phrase)
        }
    }

    /// Every field of every built-in lexicon line that the fast split accepts gives the tokenizer's tokens.
    func testPlainSplitAgreesWithTheTokenizerOnTheBuiltInLexicons() {
        var checked = 0
        for (_, text) in DefaultLexicons.files {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                for field in line.split(separator: "\t") {
                    let phrase = String(field)
                    guard let words = plainWords(phrase) else { continue }
                    XCTAssertEqual(words, tokenizerWords(phrase), phrase)
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 2_000)
    }
}
