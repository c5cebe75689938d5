import XCTest
@testable import Accord

/// The byte-level shortcuts of the lexicon compiler must answer what the `String` and per-byte code
/// they replace answered.
final class LexiconCompileTests: XCTestCase {
    private func slot(_ keys: inout OverlayKeys, _ text: String) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { keys[keys.key($0)] }
    }

    private func setSlot(_ keys: inout OverlayKeys, _ text: String, _ value: Int?) {
        Array(text.utf8).withUnsafeBufferPointer { keys[keys.key($0)] = value }
    }

    /// Overlay keys are the same exactly when their strings are equal (canonical equivalence).
    func testOverlayKeysFollowStringEquality() {
        let texts = ["fentanyl", "Fentanyl", "K", "\u{212A}", "a;b", "a\u{037E}b", "`", "\u{1FEF}", "é", "e\u{301}",
                     "cafe", "café", "cafe\u{301}", "Ω", "\u{2126}", "", "x\u{212A}\u{301}", "xK\u{301}"]
        for a in texts {
            for b in texts {
                var keys = OverlayKeys()
                setSlot(&keys, a, 7)
                XCTAssertEqual(slot(&keys, b), a == b ? 7 : nil, "\(a.unicodeScalars.map(\.value)) vs \(b.unicodeScalars.map(\.value))")
            }
        }
        var keys = OverlayKeys()
        setSlot(&keys, "guns", 1)
        setSlot(&keys, "guns", nil)
        XCTAssertNil(slot(&keys, "guns"), "a slot can be cleared")
    }

    func testByteSearchFindsTheFirstMatch() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in [0x09, 0x0A, 0x20, 0x61, 0x89, 0xFF].randomElement(using: &rng)! } as [UInt8]
            let start = Int.random(in: 0...bytes.count, using: &rng), end = Int.random(in: start...bytes.count, using: &rng)
            for byte: UInt8 in [0x09, 0x0A, 0xFF] {
                let expected = bytes[start..<end].firstIndex(of: byte) ?? end
                XCTAssertEqual(bytes.withUnsafeBufferPointer { ByteSearch.first(byte, in: $0, from: start, to: end) }, expected, "\(bytes) \(start)..<\(end)")
            }
        }
    }

    /// Plurals of multi-word phrases reuse the ids of the words before the last: the trie must hold
    /// the same phrases as when every plural is tokenized on its own.
    func testPluralsOfPlainPhrasesMatchLikeTheirOwnTokens() throws {
        let lexicons = try Lexicons(files: DefaultLexicons.files.map { LexiconFile(name: $0.name, text: $0.text) } + [
            LexiconFile(name: "targets.txt", text: "blue zorblax\tdrugs\tzorblax\nred quimfe\tguns\tquimfe\ngreen dorman\tguns\tdorman\n"),
        ])
        let a = Annotator(lexicons: lexicons).annotate("They sold blue zorblaxes, red quimves, red quimfes and green dormen.")
        XCTAssertEqual(a.targets.map { a.text(of: $0.span) }, ["blue zorblaxes", "red quimves", "red quimfes", "green dormen"])
    }
}
