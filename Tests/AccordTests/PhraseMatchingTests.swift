import XCTest
@testable import Accord

/// The word-at-a-time vocabulary and the indexed phrase matches give what the byte-at-a-time
/// definitions give (`Folding.fold`, then a look-up of the folded bytes).
final class PhraseMatchingTests: XCTestCase {
    func testEightLanesLowerCaseLikeOneByteAtATime() {
        for b in 0..<128 {
            for lane in 0..<8 {
                let word = UInt64(b) << (8 * lane) | 0x4141_4141_4141_4141 & ~(0xFF << (8 * lane))
                let lowered = WordKey.lowercasedASCII(word)
                for k in 0..<8 {
                    let byte = UInt8(truncatingIfNeeded: word >> (8 * k))
                    let expected = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    XCTAssertEqual(UInt8(truncatingIfNeeded: lowered >> (8 * k)), expected, "byte \(b) in lane \(lane)")
                }
            }
        }
    }

    func testVocabularyFindsEveryKeyByBytesAndByWords() {
        var vocabulary = Vocabulary()
        let keys: [[UInt8]] = (0..<1500).map { Array("k\($0)".utf8) }
            + [[], [0x2C], Array("abcdefgh".utf8), Array("abcdefghi".utf8), Array("sixteen-bytes-xx".utf8),
               Array("seventeen-bytes-x".utf8), Array("mérida".utf8)]
        let ids = keys.map { vocabulary.intern($0) }
        XCTAssertEqual(Set(ids).count, keys.count)
        for (key, id) in zip(keys, ids) {
            XCTAssertEqual(vocabulary.intern(key), id, "interned once")
            XCTAssertEqual(vocabulary.id(of: key), id)
            key.withUnsafeBufferPointer { bytes in
                WordKey.withWords(of: bytes) { words in
                    let hash = WordKey.hash(words: words, byteCount: key.count)
                    if let base = words.baseAddress { XCTAssertEqual(vocabulary.id(words: base, byteCount: key.count, hash: hash), id) }
                    if (1...8).contains(key.count) { XCTAssertEqual(vocabulary.id(word: words[0], byteCount: key.count), id) }
                }
            }
        }
        XCTAssertEqual(vocabulary.id(of: Array("k1500".utf8)), Vocabulary.none)
        XCTAssertEqual(vocabulary.id(of: Array("abcdefgh\0".utf8)), Vocabulary.none, "the length is part of the key")
        XCTAssertEqual(vocabulary.id(word: 0x2E, byteCount: 1), Vocabulary.none)
    }

    /// Token ids as the byte loop defines them: the folded bytes looked up; tokens over 48 bytes unknown.
    func testTokenIDsAreTheFoldedBytesLookedUp() {
        let lexicon = Lexicons.builtIn.tagging
        let text = "Mexico's SECURITY Secretary met U.S. officials; Mérida, ÉL Paso “and” the Ballistic-Missile-"
            + "Interdiction-Cooperation-Framework-Agreement-Of-Two \(String(repeating: "x", count: 60)) Fentanyl AMLO said"
        for variant in [text, text + " US", "US"] {
            let annotation = TestSupport.annotator.annotate(variant)
            let source = annotation.source, tokens = annotation.tokens
            let ids = PhraseMatcher(lexicon: lexicon).tokenIDs(tokens, source)
            XCTAssertEqual(ids.exact.map(\.token), ids.exact.map(\.token).sorted(), "exact ids in token order")
            let exactIDs = Dictionary(uniqueKeysWithValues: ids.exact.map { (Int($0.token), $0.id) })
            for (i, token) in tokens.enumerated() {
                let bytes = Array(source.utf8[token.byteRange])
                var folded: [UInt8] = []
                bytes.withUnsafeBufferPointer { Folding.fold($0, into: &folded) }
                let expected = bytes.count > 48 ? Vocabulary.none : lexicon.vocabulary.id(of: folded)
                XCTAssertEqual(ids.folded[i], expected, String(decoding: bytes, as: UTF8.self))
                let exact = bytes.count > 48 || !token.flags.contains(.capitalized) ? Vocabulary.none : lexicon.exactVocabulary.id(of: bytes)
                XCTAssertEqual(exactIDs[i] ?? Vocabulary.none, exact == Vocabulary.none ? exact : exact | PhraseTrie.exactBit, String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    func testMatchesAtAndEndingAtAgreeWithTheListsPerKind() {
        let text = "The United States and Mexico will not only fight fentanyl trafficking but also strongly support the Merida Initiative, "
            + "Foreign Secretary Alicia Bárcena said. Both governments may announce a joint statement."
        let a = TestSupport.annotator.annotate(text)
        let c = TaggingContext(tokens: a.tokens, source: a.source, sentences: a.sentences, lexicon: Lexicons.builtIn.tagging)
        var total = 0
        for kind in PhraseKind.allCases {
            let list = c.matches(kind)
            total += list.count
            XCTAssertEqual(list.map(\.start), list.map(\.start).sorted())
            for i in -1...(c.count + 1) {
                let m = list.first { Int($0.start) == i }
                XCTAssertEqual(c.match(kind, at: i).map { [$0.start, $0.end, $0.entry] }, m.map { [$0.start, $0.end, $0.entry] })
                let ending = list.filter { Int($0.end) == i && Int($0.start) > i - 7 }.max { $0.start < $1.start }
                XCTAssertEqual(c.match(kind, endingAt: i, after: -1).map { [$0.start, $0.entry] }, ending.map { [$0.start, $0.entry] })
            }
        }
        XCTAssertGreaterThan(total, 10)
    }

    /// Case-exact ids are kept only for the tokens that have one; phrases starting with one, or going
    /// on through several (`Homeland Security`), match as with an id for every token.
    func testCaseExactPhrasesMatchFromTheFewTokensWithExactIDs() {
        let text = "ICE agents and the US Border Patrol met Homeland Security officials, US and US officials said. Reporters asked DHS."
        let a = TestSupport.annotator.annotate(text)
        let c = TaggingContext(tokens: a.tokens, source: a.source, sentences: a.sentences, lexicon: Lexicons.builtIn.tagging)
        let found = c.matches(.actor).map { c.text(Int($0.start)..<Int($0.end)) }
        for phrase in ["ICE", "US Border Patrol", "Homeland Security", "US", "DHS"] {
            XCTAssertTrue(found.contains(phrase), "\(phrase) in \(found)")
        }
        XCTAssertEqual(found.filter { $0 == "US" }.count, 2)
    }
}
