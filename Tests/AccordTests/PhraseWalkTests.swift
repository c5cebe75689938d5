import XCTest
@testable import Accord

/// The one-path phrase walk and the scan between starts give what the walk by both ids gives; the
/// match buffers grow past their estimate; general punctuation folds to itself.
final class PhraseWalkTests: XCTestCase {
    /// From every token, `longest(from:)` finds the kinds and phrases the two-id walk finds, with
    /// case-exact ids at the start of, inside and after phrases; `nextStart` passes only tokens
    /// from which nothing is found.
    func testOnePathWalkAgreesWithTheWalkByBothIDs() {
        let text = "The US Border Patrol and the United States said the US will not only fight fentanyl but also "
            + "met Homeland Security officials, US and US officials; Foreign Secretary Alicia Bárcena said. DHS did not say."
        let a = TestSupport.annotator.annotate(text)
        let lexicon = Lexicons.builtIn.tagging
        let ids = PhraseMatcher(lexicon: lexicon).tokenIDs(a.tokens, a.source)
        XCTAssertFalse(ids.exact.isEmpty)
        lexicon.trie.withReader { trie in
            ids.folded.withUnsafeBufferPointer { folded in
                ids.exact.withUnsafeBufferPointer { exact in
                    var onePath = PhraseWalk(trie: trie, folded: folded, exact: exact)
                    var bothIDs = PhraseWalk(trie: trie, folded: folded, exact: exact)
                    var scan = PhraseWalk(trie: trie, folded: folded, exact: exact)
                    var found = 0
                    for start in folded.indices {
                        let next = scan.nextStart(from: start), skipped = next.start > start
                        if !skipped { XCTAssertEqual(next.node, trie.child(folded: folded[start])) }
                        let kinds = onePath.longest(from: start), expected = bothIDs.longestByBothIDs(from: start)
                        XCTAssertEqual(kinds, expected, "token \(start)")
                        if skipped { XCTAssertEqual(kinds, 0, "token \(start) passed by the scan") }
                        for kind in 0..<16 where kinds & (1 << kind) != 0 {
                            XCTAssertEqual(onePath.best[kind].end, bothIDs.best[kind].end, "token \(start), kind \(kind)")
                            XCTAssertEqual(onePath.best[kind].entry, bothIDs.best[kind].entry, "token \(start), kind \(kind)")
                            found += 1
                        }
                    }
                    XCTAssertGreaterThan(found, 10)
                }
            }
        }
    }

    /// A text where every token starts a phrase has more matches than the buffers first hold.
    func testMatchBuffersGrowPastTheirEstimate() {
        let text = Array(repeating: "not", count: 300).joined(separator: " ") + " only"
        let a = TestSupport.annotator.annotate(text)
        let c = TaggingContext(tokens: a.tokens, source: a.source, sentences: a.sentences, lexicon: Lexicons.builtIn.tagging)
        let negators = c.matches(.negator)
        XCTAssertEqual(negators.count, 300)
        for i in 0..<300 {
            XCTAssertEqual(c.match(.negator, at: i)?.start, Int32(i))
            XCTAssertEqual(negators[i].start, Int32(i))
        }
        XCTAssertEqual(c.match(.negator, at: 299)?.end, 301, "`not only` is the longer phrase")
    }

    /// General punctuation has no case: it folds to itself, but for the quotes and hyphens
    /// `Folding` maps to ASCII.
    func testGeneralPunctuationFoldsToItselfButQuotesAndHyphens() {
        for value in UInt32(0x2000)...0x206F {
            let scalar = Unicode.Scalar(value)!
            XCTAssertFalse(scalar.properties.changesWhenLowercased, "U+\(String(value, radix: 16))")
            let string = String(String.UnicodeScalarView([scalar]))
            let expected: [UInt8] = switch value {
            case 0x2018, 0x2019: [0x27]
            case 0x201C, 0x201D: [0x22]
            case 0x2010, 0x2011: [0x2D]
            default: Array(string.utf8)
            }
            XCTAssertEqual(Folding.fold(string), expected, "U+\(String(value, radix: 16))")
        }
    }
}

/// `Folding.fold(_:into:)` in place writes what the array fold appends, or declines.
final class InPlaceFoldingTests: XCTestCase {
    /// Every scalar up to U+FFFF and a few beyond, alone and between ASCII letters: the same bytes,
    /// declined only for a scalar that lower-cases to another or when the room runs out.
    func testInPlaceFoldWritesWhatTheArrayFoldAppends() {
        let room = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 16)
        defer { room.deallocate() }
        let values = Array(UInt32(0x80)...0xFFFF) + [0x1_0400, 0x1_F600, 0x1_D400]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(String.UnicodeScalarView([scalar])), "Ab" + String(String.UnicodeScalarView([scalar])) + "Cd"] {
                var expected: [UInt8] = []
                Array(text.utf8).withUnsafeBufferPointer { bytes in
                    Folding.fold(bytes, into: &expected)
                    if let length = Folding.fold(bytes, into: room) {
                        XCTAssertEqual(Array(room[..<length]), expected, "U+\(String(value, radix: 16))")
                    } else {
                        XCTAssertTrue(scalar.properties.changesWhenLowercased, "U+\(String(value, radix: 16)) declined")
                    }
                }
            }
        }
        let long = Array(String(repeating: "é", count: 20).utf8)
        long.withUnsafeBufferPointer { XCTAssertNil(Folding.fold($0, into: room), "20 letters do not fit 16 bytes") }
    }
}
