import XCTest
@testable import Accord

/// The discourse stages walk sparse lists (colon-ended lines, sentences with a cue, actions from a
/// cursor over the quotes) instead of every sentence or token: these passages pin what the full
/// walks gave.
final class DiscourseWalkTests: XCTestCase {
    private func events(_ text: String) -> [String] {
        let a = TestSupport.annotator.annotate(text)
        return a.events.map { "\(a.actors[$0.actor].entity) \(a.actions[$0.action].lemma)" }
    }

    /// Each item takes the nearest lead-in; a line that is no item ends the list; a lead-in on the
    /// last line has no items.
    func testSeveralLeadInsAndTheEndOfAList() {
        XCTAssertEqual(events("The United States will:\n- Reduce arms trafficking\n- Treat addiction\nMexico will:\n1. Curb fentanyl\n"
                              + "Rifles were seized. Officials will seize rifles.\nCanada will:"),
                       ["country:usa reduce", "country:usa treat", "country:mex curb"])
    }

    /// The line right after a lead-in is its item even when it is a lead-in itself.
    func testALeadInRightAfterALeadIn() {
        XCTAssertEqual(events("The United States will:\nMexico will:\n- Curb fentanyl"), ["country:mex curb"])
    }

    private func stance(_ text: String) -> [String] {
        let a = TestSupport.annotator.annotate(text)
        return a.stance.map { "\($0.sentence) \($0.holder) \($0.toward) \($0.label.rawValue)" }
    }

    /// A criticism verb is a cue in a sentence without a lexicon cue; a back-reference reaches three
    /// sentences back, not four.
    func testCriticismAloneAndTheBackReferenceWindow() {
        XCTAssertEqual(stance("The Merida Initiative ended in 2021. Mexico rejected it."),
                       ["1 country:mex initiative:merida-initiative oppose"])
        XCTAssertEqual(stance("The Merida Initiative ended in 2021. Officials met. Talks went on. Mexico rejected it."),
                       ["3 country:mex initiative:merida-initiative oppose"])
        XCTAssertEqual(stance("The Merida Initiative ended in 2021. Officials met. Talks went on. Rain fell. Mexico rejected it."), [])
    }

    /// A question between two cued sentences is skipped; the reporting verb of one sentence does not
    /// give the holder of the next.
    func testQuestionsAndHoldersSentenceBySentence() {
        XCTAssertEqual(stance("The Merida Initiative was a failure. Is the framework a success? The framework is a success."),
                       ["0 document initiative:merida-initiative oppose", "2 document initiative:bicentennial-framework support"])
        XCTAssertEqual(stance("The Merida Initiative failed, Ebrard said. The framework is a huge success, but critics disagree."),
                       ["0 person:marcelo-ebrard initiative:merida-initiative oppose",
                        "1 document initiative:bicentennial-framework support"])
    }

    private func quotes(_ text: String) -> [String] {
        let a = TestSupport.annotator.annotate(text)
        return a.quotes.map { "\(a.text(of: $0.span))|\($0.entities.joined(separator: ","))|\($0.cue ?? "-")" }
    }

    /// Actions before and after the quote marks: the attribution takes the speech verb next to the quote.
    func testSpeechVerbsAmongOtherActions() {
        XCTAssertEqual(quotes("Ebrard met Blinken and pledged support. \"We agreed on a plan,\" Ebrard said."),
                       ["We agreed on a plan,|person:marcelo-ebrard|said"])
        XCTAssertEqual(quotes("Garland pledged to act and then said: \"The cartels will be pursued.\""),
                       ["The cartels will be pursued.|person:merrick-garland|said"])
        XCTAssertEqual(quotes("Ebrard said the talks went well. \"We agreed to cooperate.\""),
                       ["We agreed to cooperate.|person:marcelo-ebrard|said"])
        XCTAssertEqual(quotes("\"We will curb fentanyl,\" said Mexico's Foreign Affairs Secretary Marcelo Ebrard, who pledged support."),
                       ["We will curb fentanyl,|person:marcelo-ebrard|said"])
    }

    /// A quote without attribution continues the last speaker, then a new speaker takes over.
    func testSpeakersChangeFromQuoteToQuote() {
        XCTAssertEqual(quotes("\"We act,\" Ebrard said. \"We agree,\" Blinken said. \"We will train police.\" \"Me too,\" said Garland."),
                       ["We act,|person:marcelo-ebrard|said", "We agree,|person:antony-blinken|said",
                        "We will train police.|person:antony-blinken|said", "Me too,|person:merrick-garland|said"])
    }

    func testScratchArraysEmptyAndKeepTheirBuffer() {
        var scratch = [1, 2, 3]
        scratch.reserveCapacity(16)
        let capacity = scratch.capacity
        scratch.removeAllKeepingBuffer()
        XCTAssertTrue(scratch.isEmpty)
        XCTAssertEqual(scratch.capacity, capacity)
        var empty: [String] = []
        empty.removeAllKeepingBuffer()
        XCTAssertTrue(empty.isEmpty)
    }
}
