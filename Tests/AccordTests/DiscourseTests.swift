import XCTest
@testable import Accord

/// Quotes, events and stance on passages written for these tests; expectations follow SPEC.
final class DiscourseTests: XCTestCase {
    private func quotes(_ text: String) -> [String] {
        let a = TestSupport.annotator.annotate(text)
        return a.quotes.map { "\(a.text(of: $0.span))|\($0.entities.joined(separator: ","))|\($0.cue ?? "-")" }
    }

    func testAttributionPatterns() {
        XCTAssertEqual(quotes("\"We are ready,\" said Ebrard."), ["We are ready,|person:marcelo-ebrard|said"])
        XCTAssertEqual(quotes("“We are ready,” Antony Blinken told reporters."), ["We are ready,|person:antony-blinken|told"])
        XCTAssertEqual(quotes("Garland said: \"The cartels will be pursued.\""), ["The cartels will be pursued.|person:merrick-garland|said"])
        XCTAssertEqual(quotes("Mexico's Foreign Affairs Secretary Marcelo Ebrard spoke first. \"This is new,\" he said. \"It works.\""),
                       ["This is new,|person:marcelo-ebrard|said", "It works.|person:marcelo-ebrard|said"])
    }

    func testJointStatementSpeakersAreTheNamedParties() {
        let a = TestSupport.annotator.annotate("The United States and Mexico met. \"We will act,\" the joint statement read.")
        XCTAssertEqual(a.quotes.first?.entities.sorted(), ["country:mex", "country:usa"])
        XCTAssertEqual(a.quotes.first?.cue, "read")
    }

    func testUnbalancedQuoteEndsAtItsParagraphWithAWarning() {
        let a = TestSupport.annotator.annotate("He said \"this never closes.\n\nA new paragraph about Mexico.")
        XCTAssertEqual(a.quotes.map { a.text(of: $0.span) }, ["this never closes."])
        XCTAssertTrue(a.warnings.contains { $0.contains("unbalanced quote") })
        XCTAssertEqual(a.actors.map { a.text(of: $0.span) }, ["Mexico"])
    }

    func testUnbalancedQuoteWarningsAreCapped() {
        let a = TestSupport.annotator.annotate(String(repeating: "He said \"never closed.\n\nPlain line.\n\n", count: 15))
        let quoteWarnings = a.warnings.filter { $0.contains("unbalanced quote") }
        XCTAssertEqual(quoteWarnings.count, 11)
        XCTAssertEqual(quoteWarnings.last, "5 more unbalanced quote marks not listed")
    }

    func testQuoteRunningOverTwoParagraphsIsOne() {
        let a = TestSupport.annotator.annotate("\"We will share intelligence.\n\n\"And we will train police,\" Garland said.")
        XCTAssertEqual(a.quotes.count, 1)
        XCTAssertEqual(a.quotes.first?.entities, ["person:merrick-garland"])
    }

    private func events(_ text: String) -> [String] {
        let a = TestSupport.annotator.annotate(text)
        return a.events.map { e in
            let targets = e.targets.map { a.targets[$0].category }.joined(separator: ",")
            let objects = e.objects.map { a.actors[$0].entity }.joined(separator: ",")
            return "\(a.actors[e.actor].entity) \(a.actions[e.action].lemma) [\(targets)] [\(objects)]"
        }
    }

    /// The object of `dismantle` is not the object of `agree`; targets run down the chain of infinitives.
    func testCoordinatedSubjectsInfinitivesAndObjects() {
        XCTAssertEqual(events("Canada and Mexico agreed to dismantle the Sinaloa Cartel and seize fentanyl."),
                       ["country:can agree [drugs] []", "country:mex agree [drugs] []",
                        "country:can dismantle [drugs] [group:sinaloa-cartel]", "country:mex dismantle [drugs] [group:sinaloa-cartel]",
                        "country:can seize [drugs] []", "country:mex seize [drugs] []"])
    }

    func testCoordinationAcrossADeterminer() {
        XCTAssertEqual(events("Mexico and the U.S. pledged to curb fentanyl."),
                       ["country:mex pledge [drugs] []", "country:usa pledge [drugs] []",
                        "country:mex curb [drugs] []", "country:usa curb [drugs] []"])
    }

    func testListItemsInheritTheLeadIn() {
        XCTAssertEqual(events("The United States will:\n- Reduce arms trafficking\n- Treat addiction"),
                       ["country:usa reduce [guns] []", "country:usa treat [drugs] []"])
    }

    func testBothGovernmentsAndPassives() {
        XCTAssertEqual(events("Mexico met the United States. Both governments will curb fentanyl. Rifles were seized."),
                       ["country:mex curb [drugs] []", "country:usa curb [drugs] []"])
    }

    private func stance(_ text: String) -> [String] {
        let a = TestSupport.annotator.annotate(text)
        return a.stance.map { "\($0.holder) \($0.toward) \($0.label.rawValue)" }
    }

    func testFarewellAndWelcomeGiveTwoRecords() {
        XCTAssertEqual(stance("\"Goodbye Merida, welcome Bicentennial Framework,\" said Ebrard."),
                       ["person:marcelo-ebrard initiative:bicentennial-framework support",
                        "person:marcelo-ebrard initiative:merida-initiative oppose"])
    }

    func testNegationContrastConditionalsAndReportedCriticism() {
        XCTAssertEqual(stance("The Merida Initiative was not a success."), ["document initiative:merida-initiative oppose"])
        XCTAssertEqual(stance("The framework is ambitious, but it has failed."), ["document initiative:bicentennial-framework oppose"])
        XCTAssertEqual(stance("If the framework delivers, it will be a success."), [])
        XCTAssertEqual(stance("The framework replaces the Merida Initiative."), [])
        XCTAssertEqual(stance("Critics say the framework has failed."), ["other:critics initiative:bicentennial-framework oppose"])
    }
}
