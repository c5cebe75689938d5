import XCTest
@testable import Accord

/// The taggers' bookkeeping that must not change what they find: entity slugs built from bytes,
/// promoted names merged in order, and the surname filter growing in long documents.
final class TaggerBookkeepingTests: XCTestCase {
    func testPersonEntityIsThePrefixedSlugOfTheText() {
        let text = "Said Ángel Ávila-Pérez, O'Brien and J.R.R. Tolkien met Çelik Şahin, Søren Kierkegaard, "
            + "-Dash Ended- and Владимир Путин; “Quoted” 2024 Year."
        let a = TestSupport.annotator.annotate(text)
        let c = TaggingContext(tokens: a.tokens, source: a.source, sentences: a.sentences, lexicon: Lexicons.builtIn.tagging)
        for start in 0..<c.count {
            for end in (start + 1)...min(c.count, start + 4) {
                XCTAssertEqual(c.personEntity(start..<end), "person:" + Slug.make(c.text(start..<end)), "\(start)..<\(end)")
            }
        }
    }

    func testMergeKeepsTokenOrderAndEarlierMentionsFirstOnTies() {
        func mention(_ tokens: Range<Int>, _ entity: String) -> ActorMention {
            ActorMention(span: Span(start: 0, end: 0, startByte: 0, endByte: 0), entity: entity, type: .person, sentence: 0,
                         via: "test", role: nil, affiliation: nil, tokens: tokens)
        }
        var mentions = [mention(2..<3, "a"), mention(5..<7, "b"), mention(9..<10, "c"), mention(12..<13, "d")]
        let later = [mention(0..<2, "w"), mention(5..<7, "x"), mention(7..<9, "y"), mention(20..<22, "z")]
        var expected = mentions + later
        expected.sort { ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound) }
        mentions.merge(later)
        XCTAssertEqual(mentions.map(\.entity), expected.map(\.entity))
        XCTAssertEqual(mentions.map(\.entity), ["w", "a", "b", "x", "y", "c", "d", "z"])
    }

    func testSurnamesStillResolveAfterThousandsOfPeople() {
        // Enough people to grow the surname filter several times; the first one's surname must still resolve.
        var text = "Director Mariana Quetzal Cázares said the case was open. "
        for n in 0..<1_500 { text += "Director Persona\(n) Apellido\(n) said nothing. " }
        text += "Cázares said it was closed."
        let a = TestSupport.annotator.annotate(text)
        let last = a.actors.last { a.text(of: $0.span) == "Cázares" }
        XCTAssertEqual(last?.entity, "person:mariana-quetzal-cazares")
        XCTAssertEqual(last?.via, "coreference")
    }
}
