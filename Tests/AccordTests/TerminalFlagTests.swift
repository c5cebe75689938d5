import XCTest
@testable import Accord

/// The splitter trusts the tokenizer's `terminal` flag instead of reading each token's text: the flag
/// must mark exactly the punctuation that begins with `.` `?` `!` or is `…`, on either path.
final class TerminalFlagTests: XCTestCase {
    private func assertTerminalFlags(_ text: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let source = SourceText(text)
        var tokenizer = Tokenizer(abbreviations: Lexicons.builtIn.abbreviations)
        for fastPath in [true, false] {
            tokenizer.usesFastPath = fastPath
            for token in tokenizer.tokenize(source) {
                let first = source.string(bytes: token.byteRange).unicodeScalars.first?.value
                let expected = token.kind == .punct && [0x2E, 0x3F, 0x21, 0x2026].contains(first)
                if token.flags.contains(.terminal) != expected {
                    XCTFail("\(label): \(source.string(bytes: token.byteRange).debugDescription) at byte \(token.startByte), fast path \(fastPath)",
                            file: file, line: line)
                    return
                }
            }
        }
    }

    func testCorpus() throws {
        for url in try TestSupport.corpusFiles() {
            assertTerminalFlags(try String(contentsOf: url, encoding: .utf8), url.lastPathComponent)
        }
    }

    func testMarksAfterWords() {
        assertTerminalFlags("Yes. No? Really! Wait... So… U.S. officials said, \"Go!\" (Then.) 3.5 e.g. end.", "marks")
    }
}
