import XCTest
@testable import Accord

/// `MatchIndex` answers exactly what `TaggingContext` answers, at every token of the corpus.
final class MatchIndexTests: XCTestCase {
    func testAgreesWithTheContextAtEveryToken() throws {
        let annotator = TestSupport.annotator
        for url in try TestSupport.corpusFiles() {
            let a = annotator.annotate(try String(contentsOf: url, encoding: .utf8))
            let c = TaggingContext(tokens: a.tokens, source: a.source, sentences: a.sentences, lexicon: annotator.lexicons.tagging)
            for kind in PhraseKind.allCases {
                let index = MatchIndex(c, kind, ends: true)
                let positions = Array(-2...(c.count + 2))
                XCTAssertEqual(positions.map { index.match(at: $0).map(describe) }, positions.map { c.match(kind, at: $0).map(describe) },
                               "\(kind) in \(url.lastPathComponent)")
                for back in [1, 3, 9] {
                    XCTAssertEqual(positions.map { index.match(endingAt: $0, after: $0 - back).map(describe) },
                                   positions.map { c.match(kind, endingAt: $0, after: $0 - back).map(describe) },
                                   "\(kind) ending in \(url.lastPathComponent)")
                }
            }
        }
    }

    private func describe(_ m: PhraseMatch) -> [Int32] { [m.start, m.end, m.entry] }
}
