import XCTest
@testable import Accord

/// Tagger rules on sentences written for these tests (not from the corpus); expectations follow SPEC.
final class TaggerTests: XCTestCase {
    private func actors(_ text: String) -> [String] {
        let a = TestSupport.annotator.annotate(text)
        return a.actors.map { "\(a.text(of: $0.span))=\($0.entity)" }
    }

    func testTitleRuleGivesRoleAndAffiliationAndConsumesTheCountry() {
        let a = TestSupport.annotator.annotate("Mexico's Security Secretary Rosa Icela Rodríguez met U.S. Attorney General Merrick Garland.")
        let people = a.actors.filter { $0.type == .person }
        XCTAssertEqual(people.map { a.text(of: $0.span) }, ["Rosa Icela Rodríguez", "Merrick Garland"])
        XCTAssertEqual(people.map(\.affiliation), ["country:mex", "country:usa"])
        XCTAssertEqual(people.map(\.via), ["title-rule", "title-rule"])
        XCTAssertEqual(people.last?.role, "Attorney General")
        XCTAssertEqual(people.last?.entity, "person:merrick-garland")
        XCTAssertFalse(a.actors.contains { $0.type == .country }, "a country inside a person's title is not an actor")
    }

    func testUnknownPersonByTitleAndLaterSurnameAndPronoun() {
        let a = TestSupport.annotator.annotate("Deputy Secretary of State Margaret Ellison flew south. Ellison said she expects progress.")
        let mentions = a.actors.map { "\(a.text(of: $0.span))|\($0.entity)|\($0.via)" }
        XCTAssertEqual(mentions, ["Margaret Ellison|person:margaret-ellison|title-rule",
                                  "Ellison|person:margaret-ellison|coreference",
                                  "she|person:margaret-ellison|coreference"])
    }

    func testGovernmentPhrasesSpanTheWholePhraseWithoutDeterminer() {
        XCTAssertEqual(actors("The Mexican federal authorities and U.S. prosecutors met the Biden administration."),
                       ["Mexican federal authorities=country:mex", "U.S. prosecutors=country:usa", "Biden administration=country:usa"])
        XCTAssertEqual(actors("Mexican ports handled the cargo."), [], "a country adjective on other nouns is not an actor")
    }

    func testCountryInsideLongerNamesDatelinesAndPlaces() {
        XCTAssertEqual(actors("WASHINGTON (AP) — Officials at the U.S. Embassy in Mexico City met in Washington."),
                       ["AP=org:associated-press"])
        XCTAssertEqual(actors("Washington pressed Mexico on fentanyl."), ["Washington=country:usa", "Mexico=country:mex"])
        XCTAssertEqual(actors("The rifles were bought in the United States."), ["United States=country:usa"])
    }

    func testOrganizationsGroupsAndCase() {
        XCTAssertEqual(actors("The DEA and the CJNG, like other cartels, ignored us."),
                       ["DEA=org:drug-enforcement-administration", "CJNG=group:jalisco-new-generation-cartel", "cartels=group:cartels"])
    }

    func testPronounsInQuotesAreNotActorsAndItMeansTheCountryAfterSaid() {
        let a = TestSupport.annotator.annotate("Mexico said it would act. \"We will do it,\" she said.")
        XCTAssertEqual(a.actors.map { a.text(of: $0.span) }, ["Mexico", "it"])
        XCTAssertEqual(a.actors.last?.entity, "country:mex")
        XCTAssertEqual(a.actors.last?.via, "coreference")
    }

    func testTargetsSplitCoordinationAndSkipOrganizationNames() {
        let a = TestSupport.annotator.annotate("Officials vowed to fight gun and drug trafficking, seize firearms and protect teenagers, said the United Nations Office on Drugs and Crime.")
        XCTAssertEqual(a.targets.map { "\(a.text(of: $0.span))=\($0.category)/\($0.term)" },
                       ["gun=guns/gun", "drug trafficking=drugs/drug trafficking", "firearms=guns/firearm", "teenagers=youth/teenager"])
    }

    func testActionsAreVerbsWithNegationAndModality() {
        let a = TestSupport.annotator.annotate("Mexico will curb precursors but did not prosecute anyone; the U.S. seeks to reduce demand and must address corruption, while cooperation could expand. The fight continues.")
        let actions = a.actions.map { "\(a.text(of: $0.span))|\($0.lemma)|\($0.actionClass)|\($0.negated)|\($0.modality.rawValue)" }
        XCTAssertEqual(actions, ["curb|curb|prevent|false|future",
                                 "prosecute|prosecute|enforce|true|none",
                                 "reduce|reduce|prevent|false|intent",
                                 "address|address|combat|false|obligation",
                                 "expand|expand|develop|false|possibility"])
    }

    func testVerbalPhrasesAndInflections() {
        let a = TestSupport.annotator.annotate("Both sides laid the groundwork and pledged to crack down on smuggling; they are working together.")
        XCTAssertEqual(a.actions.map { "\(a.text(of: $0.span))=\($0.lemma)" },
                       ["laid the groundwork=lay the groundwork", "pledged=pledge", "crack down=crack down", "working together=work together"])
    }

    func testInitiativesByNameAndBackReference() {
        let a = TestSupport.annotator.annotate("The Bicentennial Framework replaced Plan Mérida. Supporters say the new framework works.")
        XCTAssertEqual(a.initiatives.map { "\(a.text(of: $0.span))=\($0.entity)=\($0.via)" },
                       ["Bicentennial Framework=initiative:bicentennial-framework=lexicon",
                        "Plan Mérida=initiative:merida-initiative=lexicon",
                        "new framework=initiative:bicentennial-framework=coreference"])
    }
}
