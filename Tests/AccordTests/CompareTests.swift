import Foundation
import XCTest
@testable import Accord

/// `accord compare`: reading annotation documents, the diff, the scores, pairing, errors.
final class CompareTests: XCTestCase {
    // MARK: - A small hand-made document

    /// Sentences: [0,72) [73,115) [116,154).
    static let text = "The United States and Mexico pledged to combat gun and drug trafficking. Critics said the Merida Initiative failed.\n\"This is a huge success,\" said Ebrard."

    /// A span object `{start, end, text}` of `text`, plus `fields`.
    static func span(_ start: Int, _ end: Int, _ fields: [String: Any] = [:]) -> [String: Any] {
        let scalars = Array(text.unicodeScalars)[start..<end]
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return fields.merging(["start": start, "end": end, "text": String(view)]) { $1 }
    }

    static func actor(_ start: Int, _ end: Int, _ entity: String, _ type: String, via: String? = "lexicon") -> [String: Any] {
        var fields: [String: Any] = ["entity": entity, "type": type, "sentence": 0]
        if let via { fields["via"] = via }
        return span(start, end, fields)
    }

    static func action(_ start: Int, _ end: Int, _ lemma: String, _ cls: String, negated: Bool = false, modality: String = "none") -> [String: Any] {
        span(start, end, ["lemma": lemma, "class": cls, "sentence": 0, "negated": negated, "modality": modality])
    }

    static func target(_ start: Int, _ end: Int, _ category: String, _ term: String) -> [String: Any] {
        span(start, end, ["category": category, "term": term, "sentence": 0])
    }

    static func event(_ actor: Int, _ action: Int, _ targets: [Int], sentence: Int? = nil) -> [String: Any] {
        var e: [String: Any] = ["actor": actor, "action": action, "targets": targets, "objects": [Int]()]
        if let sentence { e["sentence"] = sentence }
        return e
    }

    /// A full document as `accord annotate` writes it (without tokens).
    static func fullDocument(id: String = "doc") -> [String: Any] {
        [
            "schema": "accord.annotation/1",
            "document": ["id": id, "path": NSNull(), "sha256": "0", "length": 154],
            "annotator": ["name": "accord", "version": "0.1.0", "lexicons": "0"],
            "text": text,
            "sentences": [["start": 0, "end": 72, "tokens": [0, 14]], ["start": 73, "end": 115, "tokens": [14, 22]],
                          ["start": 116, "end": 154, "tokens": [22, 34]]],
            "actors": [actor(4, 17, "country:usa", "country"), actor(22, 28, "country:mex", "country"),
                       actor(73, 80, "group:critics", "group"), actor(147, 153, "person:marcelo-ebrard", "person", via: "name-rule")],
            "initiatives": [span(90, 107, ["entity": "initiative:merida-initiative", "sentence": 1, "via": "lexicon"])],
            "actions": [action(29, 36, "pledge", "commit"), action(40, 46, "combat", "combat", modality: "intent"),
                        action(81, 85, "say", "say"), action(108, 114, "fail", "criticize"), action(142, 146, "say", "say")],
            "targets": [target(47, 50, "guns", "gun"), target(55, 71, "drugs", "drug trafficking")],
            "quotes": [span(117, 140, ["speakers": [3], "entities": ["person:marcelo-ebrard"], "cue": "said"])],
            "events": [event(0, 0, [0, 1], sentence: 0), event(1, 0, [0, 1], sentence: 0),
                       event(0, 1, [0, 1], sentence: 0), event(1, 1, [0, 1], sentence: 0)],
            "stance": [
                ["sentence": 1, "quote": NSNull(), "holder": "group:critics", "toward": "initiative:merida-initiative",
                 "label": "oppose", "score": -0.6, "cues": [span(108, 114, ["weight": -0.6])]],
                ["sentence": 2, "quote": 0, "holder": "person:marcelo-ebrard", "toward": "initiative:bicentennial-framework",
                 "label": "support", "score": 0.8, "cues": [span(127, 139, ["weight": 0.8])]],
            ],
            "warnings": [String](),
        ]
    }

    /// A gold document: only the given layers, no sentences, events without `sentence`, stance with anchors.
    static func goldDocument(id: String = "doc", _ layers: [String: Any]) -> [String: Any] {
        layers.merging(["schema": "accord.annotation/1", "document": ["id": id], "text": text]) { $1 }
    }

    static func data(_ object: Any) -> Data {
        try! JSONSerialization.data(withJSONObject: object)
    }

    static func lines(_ comparison: AnnotationComparison) -> [String] {
        comparison.differences.map(\.description)
    }

    // MARK: - Diff

    func testIdenticalDocumentsAreEqual() throws {
        let document = Self.data(Self.fullDocument())
        let comparison = try AnnotationComparison(expected: document, actual: document)
        XCTAssertTrue(comparison.isEqual, comparison.report)
        XCTAssertEqual(comparison.differences, [])
        XCTAssertEqual(comparison.report,
                       "no differences in 1 document (compared: sentences, actors, initiatives, actions, targets, quotes, events, stance)")
    }

    func testMissingExtraAndChangedLines() throws {
        var expected = Self.fullDocument()
        var actual = Self.fullDocument()
        for key in ["events", "stance"] { expected[key] = nil; actual[key] = nil }
        // Gold leaves `via` out: a different `via` in ACTUAL is not a difference.
        expected["actors"] = [Self.actor(4, 17, "country:usa", "country", via: nil), Self.actor(22, 28, "country:mex", "country"),
                              Self.actor(73, 80, "group:critics", "group"), Self.actor(147, 153, "person:marcelo-ebrard", "person", via: nil)]
        actual["actors"] = [Self.actor(4, 17, "country:usa", "country", via: "coreference"), Self.actor(22, 28, "country:usa", "country"),
                            Self.actor(73, 80, "group:critics", "group"), Self.actor(147, 153, "person:marcelo-ebrard", "person")]
        actual["actions"] = [Self.action(29, 36, "pledge", "commit"), Self.action(40, 46, "combat", "combat"),
                             Self.action(81, 85, "say", "say"), Self.action(108, 114, "fail", "criticize"), Self.action(142, 146, "say", "say")]
        actual["targets"] = [Self.target(55, 59, "drugs", "drug"), Self.target(55, 71, "drugs", "drug trafficking")]
        // A null cue is "not given": not compared.
        actual["quotes"] = [Self.span(117, 140, ["speakers": [3], "entities": ["person:marcelo-ebrard"], "cue": NSNull()])]

        let comparison = try AnnotationComparison(expected: Self.data(expected), actual: Self.data(actual))
        XCTAssertFalse(comparison.isEqual)
        XCTAssertEqual(Self.lines(comparison), [
            "actors: entity differs at [22,28) \"Mexico\": country:mex → country:usa",
            "actions: modality differs at [40,46) \"combat\": intent → none",
            "targets: missing \"gun\" [47,50) guns  …to combat gun and drug…",
            "targets: extra \"drug\" [55,59) drugs  …gun and drug trafficking. Critics…",
        ])
        XCTAssertEqual(comparison.differences.map(\.kind), [.changed, .changed, .missing, .extra])
        XCTAssertEqual(comparison.differences[0].field, "entity")
        XCTAssertEqual(comparison.differences[0].expected, "country:mex")
        XCTAssertEqual(comparison.differences[0].actual, "country:usa")
        XCTAssertEqual(comparison.differences[2].start, 47)
        XCTAssertEqual(comparison.differences[2].end, 50)
        XCTAssertEqual(comparison.report, """
            doc: 4 differences
              actors: entity differs at [22,28) "Mexico": country:mex → country:usa
              actions: modality differs at [40,46) "combat": intent → none
              targets: missing "gun" [47,50) guns  …to combat gun and drug…
              targets: extra "drug" [55,59) drugs  …gun and drug trafficking. Critics…

            1 of 1 document differs: 1 missing, 1 extra, 2 changed (compared: sentences, actors, initiatives, actions, targets, quotes)
            """)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(comparison.reportJSON.utf8)) as? [[String: Any]])
        XCTAssertEqual(json.count, 4)
        XCTAssertEqual(json[2]["kind"] as? String, "missing")
        XCTAssertEqual(json[2]["layer"] as? String, "targets")
        XCTAssertEqual(json[2]["line"] as? String, "targets: missing \"gun\" [47,50) guns  …to combat gun and drug…")
    }

    func testRoleAbsentOnOneSideIsADifference() throws {
        var ebrard = Self.actor(147, 153, "person:marcelo-ebrard", "person", via: "name-rule")
        ebrard["role"] = "Foreign Affairs Secretary"
        ebrard["affiliation"] = "country:mex"
        let expected = Self.goldDocument(["actors": [ebrard]])
        let actual = Self.goldDocument(["actors": [Self.actor(147, 153, "person:marcelo-ebrard", "person", via: "name-rule")]])
        let comparison = try AnnotationComparison(expected: Self.data(expected), actual: Self.data(actual), layers: [.actors])
        XCTAssertEqual(Self.lines(comparison), [
            "actors: role differs at [147,153) \"Ebrard\": Foreign Affairs Secretary → none",
            "actors: affiliation differs at [147,153) \"Ebrard\": country:mex → none",
        ])
    }

    func testEventAndStanceDifferencesAgainstGold() throws {
        let gold = Self.goldDocument([
            "actors": [Self.actor(4, 17, "country:usa", "country", via: nil), Self.actor(22, 28, "country:mex", "country", via: nil),
                       Self.actor(73, 80, "group:critics", "group", via: nil),
                       Self.actor(147, 153, "person:marcelo-ebrard", "person", via: nil)],
            "actions": (Self.fullDocument()["actions"] as! [[String: Any]]),
            "targets": (Self.fullDocument()["targets"] as! [[String: Any]]),
            "events": [Self.event(0, 0, [0, 1]), Self.event(1, 0, [0, 1]), Self.event(0, 1, [0, 1]), Self.event(1, 1, [0, 1])],
            "stance": [
                Self.span(108, 114, ["holder": "other:critics", "toward": "initiative:merida-initiative", "label": "oppose"]),
                Self.span(127, 139, ["holder": "person:marcelo-ebrard", "toward": "initiative:bicentennial-framework", "label": "support"]),
            ],
        ])
        var actual = Self.fullDocument()
        actual["events"] = [Self.event(0, 0, [0, 1], sentence: 0), Self.event(1, 0, [0, 1], sentence: 0),
                            Self.event(0, 1, [0, 1], sentence: 0), Self.event(1, 1, [1], sentence: 0), Self.event(2, 3, [], sentence: 1)]
        let comparison = try AnnotationComparison(expected: Self.data(gold), actual: Self.data(actual))
        XCTAssertEqual(comparison.comparedLayers, [.actors, .actions, .targets, .events, .stance])
        XCTAssertEqual(Self.lines(comparison), [
            "events: targets differ for \"Mexico\" [22,28) → \"combat\" [40,46): \"gun\" [47,50), \"drug trafficking\" [55,71) → \"drug trafficking\" [55,71)",
            "events: extra \"Critics\" [73,80) → \"failed\" [108,114), targets none  …Merida Initiative failed. \"This…",
            "stance: holder differs for sentence 1 toward initiative:merida-initiative: other:critics → group:critics",
        ])
    }

    func testLayersOptionLimitsTheComparison() throws {
        var actual = Self.fullDocument()
        actual["targets"] = [Self.target(47, 50, "guns", "gun")]
        actual["actions"] = [[String: Any]]()
        actual["events"] = [[String: Any]]()
        let expected = Self.data(Self.fullDocument())
        let all = try AnnotationComparison(expected: expected, actual: Self.data(actual))
        XCTAssertEqual(Set(all.differences.map(\.layer)), ["actions", "targets", "events"])
        let some = try AnnotationComparison(expected: expected, actual: Self.data(actual), layers: [.targets])
        XCTAssertEqual(Self.lines(some), ["targets: missing \"drug trafficking\" [55,71) drugs  …gun and drug trafficking. Critics…"])
    }

    func testLayerAbsentFromActualIsOneLine() throws {
        var actual = Self.fullDocument()
        actual["quotes"] = nil
        let comparison = try AnnotationComparison(expected: Self.data(Self.fullDocument()), actual: Self.data(actual))
        XCTAssertEqual(Self.lines(comparison), ["quotes: not in ACTUAL (1 expected record); annotate with this layer"])
    }

    func testGoldWithOnlySomeLayersComparesOnlyThose() throws {
        // Gold holds targets only; ACTUAL's actors, actions, events... are not compared, nor scored.
        let gold = Self.goldDocument(["targets": [Self.target(47, 50, "guns", "gun"), Self.target(55, 71, "drugs", "drug trafficking")]])
        let comparison = try AnnotationComparison(expected: Self.data(gold), actual: Self.data(Self.fullDocument()))
        XCTAssertTrue(comparison.isEqual, comparison.report)
        XCTAssertEqual(comparison.comparedLayers, [.targets])
        XCTAssertEqual(comparison.scores.layers.map(\.layer), [.targets])
        XCTAssertEqual(comparison.scores[.targets]?.f1, 1)
        XCTAssertNil(comparison.scores[.actors])

        let fewer = Self.goldDocument(["targets": [Self.target(47, 50, "guns", "gun")]])
        let extra = try AnnotationComparison(expected: Self.data(fewer), actual: Self.data(Self.fullDocument()))
        XCTAssertEqual(Self.lines(extra), ["targets: extra \"drug trafficking\" [55,71) drugs  …gun and drug trafficking. Critics…"])
    }

    func testTextDifferenceIsReported() throws {
        var actual = Self.fullDocument()
        actual["text"] = Self.text.replacingOccurrences(of: "combat", with: "fight!")
        let comparison = try AnnotationComparison(expected: Self.data(Self.fullDocument()), actual: Self.data(actual), layers: [])
        XCTAssertEqual(Self.lines(comparison),
                       ["text: differs at offset 40 (offsets after it may not match): …pledged to combat gun… → …pledged to fight! gun…"])
    }

    // MARK: - Scores

    /// The scoring case, worked by hand in the comments of `testScoresByHand`.
    static func scoringPair(goldSentences: Bool = false) -> (gold: Data, actual: Data) {
        var gold = goldDocument([
            "actors": [actor(4, 17, "country:usa", "country"), actor(22, 28, "country:mex", "country"),
                       actor(73, 80, "group:critics", "group"), actor(147, 153, "person:marcelo-ebrard", "person")],
            "initiatives": [span(90, 107, ["entity": "initiative:merida-initiative"])],
            "actions": [action(29, 36, "pledge", "commit"), action(40, 46, "combat", "combat"), action(108, 114, "fail", "criticize")],
            "targets": [target(47, 50, "guns", "gun"), target(55, 71, "drugs", "drug trafficking")],
            "quotes": [span(117, 140, ["speakers": [Int](), "entities": [String](), "cue": NSNull()])],
            "events": [event(0, 0, [0, 1]), event(1, 0, [0, 1]), event(2, 2, [])],
            "stance": [
                span(108, 114, ["holder": "other:critics", "toward": "initiative:merida-initiative", "label": "oppose"]),
                span(127, 139, ["holder": "person:marcelo-ebrard", "toward": "initiative:bicentennial-framework", "label": "support"]),
            ],
        ])
        // One sentence for the whole text: were EXPECTED's sentences used, no stance tuple would match.
        if goldSentences { gold["sentences"] = [["start": 0, "end": 154]] }
        var actual = fullDocument()
        actual["actors"] = [actor(0, 17, "country:usa", "country"), actor(22, 28, "country:mex", "group"),
                            actor(147, 153, "person:ebrard", "person")]
        actual["initiatives"] = [span(90, 96, ["entity": "initiative:merida-initiative", "sentence": 1, "via": "lexicon"])]
        actual["actions"] = [action(29, 36, "pledged", "commit", negated: true), action(40, 46, "combat", "prevent"),
                             action(142, 146, "say", "say")]
        actual["targets"] = [target(47, 50, "drugs", "gun"), target(55, 59, "drugs", "drug"), target(60, 71, "drugs", "drug trafficking")]
        actual["quotes"] = [span(117, 139, ["speakers": [Int](), "entities": [String](), "cue": NSNull()])]
        actual["events"] = [event(0, 0, [2], sentence: 0), event(1, 0, [], sentence: 0), event(2, 2, [], sentence: 2)]
        actual["stance"] = [
            ["sentence": 0, "quote": NSNull(), "holder": "document", "toward": "initiative:bicentennial-framework", "label": "support",
             "score": 0.5, "cues": [[String: Any]]()],
            ["sentence": 1, "quote": NSNull(), "holder": "group:critics", "toward": "initiative:merida-initiative", "label": "oppose",
             "score": -0.6, "cues": [span(108, 114, ["weight": -0.6])]],
            ["sentence": 2, "quote": 0, "holder": "person:marcelo-ebrard", "toward": "initiative:bicentennial-framework", "label": "support",
             "score": 0.8, "cues": [span(127, 139, ["weight": 0.8])]],
        ]
        return (data(gold), data(actual))
    }

    func testScoresByHand() throws {
        let (gold, actual) = Self.scoringPair()
        let scores = try AnnotationComparison(expected: gold, actual: actual).scores
        XCTAssertEqual(scores.documents, 1)
        XCTAssertEqual(scores.layers.map(\.layer), [.actors, .initiatives, .actions, .targets, .quotes, .events, .stance])

        func check(_ layer: Layer, _ expected: Int, _ actual: Int, _ matched: Int, _ p: Double?, _ r: Double?, _ f: Double?,
                   line: UInt = #line) throws {
            let score = try XCTUnwrap(scores[layer], line: line)
            XCTAssertEqual([score.expected, score.actual, score.matched], [expected, actual, matched], "\(layer)", line: line)
            for (value, want) in [(score.precision, p), (score.recall, r), (score.f1, f)] {
                if let want { XCTAssertEqual(try XCTUnwrap(value, line: line), want, accuracy: 1e-9, "\(layer)", line: line) }
                else { XCTAssertNil(value, "\(layer)", line: line) }
            }
        }
        // Actors: [0,17) overlaps United States, same type (match, entity right); Mexico's type differs
        // (no match); Ebrard matches with a wrong entity. 2 of 3 actual, 2 of 4 expected.
        try check(.actors, 4, 3, 2, 2.0 / 3, 0.5, 4.0 / 7)
        XCTAssertEqual(scores[.actors]?.accuracy("entity"), FieldAccuracy(name: "entity", correct: 1, total: 2))
        // Initiatives: `Merida` overlaps `Merida Initiative`, same entity.
        try check(.initiatives, 1, 1, 1, 1, 1, 1)
        // Actions: pledged matches (lemma and negated wrong); combat's class differs; said has no gold.
        try check(.actions, 3, 3, 1, 1.0 / 3, 1.0 / 3, 1.0 / 3)
        XCTAssertEqual(scores[.actions]?.accuracy("lemma")?.correct, 0)
        XCTAssertEqual(scores[.actions]?.accuracy("lemma")?.total, 1)
        XCTAssertEqual(scores[.actions]?.accuracy("negated")?.value, 0)
        // Targets: `gun` has the wrong category; of `drug` (overlap 4) and `trafficking` (overlap 11)
        // only the larger overlap matches `drug trafficking` (its term right; `drug`'s would be wrong).
        try check(.targets, 2, 3, 1, 1.0 / 3, 0.5, 0.4)
        XCTAssertEqual(scores[.targets]?.accuracy("term"), FieldAccuracy(name: "term", correct: 1, total: 1))
        // Quotes: overlap only; no speakers on either side counts as right.
        try check(.quotes, 1, 1, 1, 1, 1, 1)
        XCTAssertEqual(scores[.quotes]?.accuracy("speakers"), FieldAccuracy(name: "speakers", correct: 1, total: 1))
        // Events: gold (0,usa,guns) (0,usa,drugs) (0,mex,guns) (0,mex,drugs) (1,group:critics,-);
        // actual (0,usa,drugs) (0,mex,-) (2,person:ebrard,-): one tuple in common.
        try check(.events, 5, 3, 1, 1.0 / 3, 0.2, 0.25)
        // Stance: gold anchors fall in ACTUAL's sentences 1 and 2; both tuples match, one holder agrees.
        try check(.stance, 2, 3, 2, 2.0 / 3, 1, 0.8)
        XCTAssertEqual(scores[.stance]?.accuracy("holder"), FieldAccuracy(name: "holder", correct: 1, total: 2))
    }

    func testEventAndStanceSentencesComeFromActual() throws {
        let (gold, actual) = Self.scoringPair(goldSentences: true)
        let scores = try AnnotationComparison(expected: gold, actual: actual, layers: [.events, .stance]).scores
        XCTAssertEqual(scores.layers.map(\.layer), [.events, .stance])
        XCTAssertEqual(scores[.stance]?.matched, 2)
        XCTAssertEqual(scores[.events]?.matched, 1)

        // Without sentences in ACTUAL, EXPECTED's single sentence puts every gold record in sentence 0.
        var bare = try XCTUnwrap(JSONSerialization.jsonObject(with: actual) as? [String: Any])
        bare["sentences"] = nil
        let fallback = try AnnotationComparison(expected: gold, actual: Self.data(bare), layers: [.stance]).scores
        XCTAssertEqual(fallback[.stance]?.matched, 1)
    }

    func testStanceSentenceFieldIsUsedWithoutAnchor() throws {
        let gold = Self.goldDocument(["stance": [["sentence": 2, "holder": "person:marcelo-ebrard",
                                                  "toward": "initiative:bicentennial-framework", "label": "support"]]])
        let comparison = try AnnotationComparison(expected: Self.data(gold), actual: Self.data(Self.fullDocument()))
        XCTAssertEqual(comparison.scores[.stance]?.matched, 1)
        XCTAssertEqual(comparison.scores[.stance]?.actual, 2)
        XCTAssertTrue(comparison.isEqual == false)
        XCTAssertEqual(Self.lines(comparison), [
            "stance: extra oppose sentence 1 toward initiative:merida-initiative, holder group:critics, cue \"failed\" [108,114)  …Merida Initiative failed. \"This…",
        ])
    }

    func testQuoteSpeakerAccuracy() throws {
        let gold = Self.goldDocument(["quotes": [Self.span(117, 140, ["speakers": [Int](), "entities": [String]()])]])
        let withSpeaker = try AnnotationComparison(expected: Self.data(gold), actual: Self.data(Self.fullDocument())).scores
        XCTAssertEqual(withSpeaker[.quotes]?.accuracy("speakers"), FieldAccuracy(name: "speakers", correct: 0, total: 1))
        XCTAssertEqual(withSpeaker[.quotes]?.matched, 1)
    }

    func testScoreTableAndJSON() throws {
        let (gold, actual) = Self.scoringPair()
        let comparison = try AnnotationComparison(expected: gold, actual: actual, layers: [.actors, .quotes])
        let rows = comparison.scoreTable.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows.first, ["layer", "expected", "actual", "matched", "precision", "recall", "F1", "accuracy"])
        XCTAssertEqual(rows[1], ["actors", "4", "3", "2", "0.667", "0.500", "0.571", "entity", "0.500", "(1/2)"])
        XCTAssertEqual(rows[2], ["quotes", "1", "1", "1", "1.000", "1.000", "1.000", "speakers", "1.000", "(1/1)"])
        XCTAssertEqual(rows.last, ["1", "document", "scored", "(micro-averaged)"])

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(comparison.scoreJSON.utf8)) as? [String: Any])
        XCTAssertEqual(json["documents"] as? Int, 1)
        let layers = try XCTUnwrap(json["layers"] as? [[String: Any]])
        XCTAssertEqual(layers.map { $0["layer"] as? String }, ["actors", "quotes"])
        XCTAssertEqual(layers[0]["matched"] as? Int, 2)
        XCTAssertEqual(try XCTUnwrap(layers[0]["precision"] as? Double), 0.667, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(layers[0]["f1"] as? Double), 0.571, accuracy: 1e-9)
        let entity = try XCTUnwrap((layers[0]["accuracy"] as? [String: Any])?["entity"] as? [String: Any])
        XCTAssertEqual(entity["correct"] as? Int, 1)
        XCTAssertEqual(entity["total"] as? Int, 2)
    }

    func testEmptyLayersHaveNoRatios() throws {
        let gold = Self.goldDocument(["targets": [[String: Any]]()])
        var actual = Self.fullDocument()
        actual["targets"] = [[String: Any]]()
        actual["events"] = [[String: Any]]()
        let score = try XCTUnwrap(try AnnotationComparison(expected: Self.data(gold), actual: Self.data(actual)).scores[.targets])
        XCTAssertNil(score.precision)
        XCTAssertNil(score.recall)
        XCTAssertNil(score.f1)
    }

    func testMicroAverageOverDocuments() throws {
        // Document a: 2 gold targets, both found. Document b: 2 gold targets, none found, 1 wrong.
        let a = Self.goldDocument(id: "a", ["targets": [Self.target(47, 50, "guns", "gun"), Self.target(55, 71, "drugs", "drug trafficking")]])
        let b = Self.goldDocument(id: "b", ["targets": [Self.target(47, 50, "guns", "gun"), Self.target(55, 71, "drugs", "drug trafficking")]])
        var actualB = Self.fullDocument(id: "b")
        actualB["targets"] = [Self.target(90, 96, "drugs", "merida")]
        actualB["events"] = [[String: Any]]()
        let expected = [a, b].map { String(decoding: Self.data($0), as: UTF8.self) }.joined(separator: "\n")
        let actual = [Self.fullDocument(id: "a"), actualB].map { String(decoding: Self.data($0), as: UTF8.self) }.joined(separator: "\n")
        let score = try XCTUnwrap(try AnnotationComparison(expected: Data(expected.utf8), actual: Data(actual.utf8)).scores[.targets])
        XCTAssertEqual([score.expected, score.actual, score.matched], [4, 3, 2])
        XCTAssertEqual(try XCTUnwrap(score.precision), 2.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(score.recall), 0.5, accuracy: 1e-9)
    }

    // MARK: - Input forms

    func testJSONLDocumentsPairByID() throws {
        var changed = Self.fullDocument(id: "b")
        changed["targets"] = [Self.target(47, 50, "guns", "gun")]
        changed["events"] = [Self.event(0, 0, [0], sentence: 0), Self.event(1, 0, [0], sentence: 0),
                             Self.event(0, 1, [0], sentence: 0), Self.event(1, 1, [0], sentence: 0)]
        func jsonl(_ documents: [[String: Any]]) -> Data {
            Data(documents.map { String(decoding: Self.data($0), as: UTF8.self) + "\r\n" }.joined(separator: "\n").utf8)
        }
        let comparison = try AnnotationComparison(expected: jsonl([Self.fullDocument(id: "a"), Self.fullDocument(id: "b")]),
                                                  actual: jsonl([changed, Self.fullDocument(id: "c")]))
        XCTAssertEqual(comparison.documentNames, ["a", "b", "c"])
        XCTAssertEqual(comparison.differences.map { "\($0.document) \($0.kind) \($0.layer)" },
                       ["a missing document", "b missing targets", "b changed events", "b changed events",
                        "b changed events", "b changed events", "c extra document"])
        XCTAssertEqual(comparison.differences.first?.description, "document: only in EXPECTED: ACTUAL has no document with this id")
        XCTAssertEqual(comparison.scores.documents, 1)
        XCTAssertEqual(comparison.scores.unpaired, ["a", "c"])
    }

    func testJSONArrayOfDocuments() throws {
        let array = Self.data([Self.fullDocument(id: "x"), Self.fullDocument(id: "y")])
        let documents = try AnnotationDocument.documents(from: array, source: "test")
        XCTAssertEqual(documents.map(\.id), ["x", "y"])
        XCTAssertTrue(try AnnotationComparison(expected: array, actual: array).isEqual)
    }

    func testReadingResolvesReferences() throws {
        let document = try XCTUnwrap(try AnnotationDocument.documents(from: Self.data(Self.fullDocument()), source: "test").first)
        XCTAssertEqual(document.id, "doc")
        XCTAssertEqual(document.sentences?.count, 3)
        XCTAssertNil(document.tokens)
        XCTAssertEqual(document.events?[3].actor.entity, "country:mex")
        XCTAssertEqual(document.events?[3].action.lemma, "combat")
        XCTAssertEqual(document.events?[3].targets.map(\.category), ["guns", "drugs"])
        XCTAssertEqual(document.quotes?.first?.speakers, ["person:marcelo-ebrard"])
        XCTAssertEqual(document.stance?.first?.cues.first?.text, "failed")
        XCTAssertNil(document.stance?.first?.anchor)
        XCTAssertEqual(document.actors?[3].via, "name-rule")

        let gold = try XCTUnwrap(try AnnotationDocument.documents(
            from: Self.data(Self.goldDocument(["actors": [["start": 22, "end": 28, "entity": "org:dea"]],
                                                "quotes": [Self.span(117, 140, ["speakers": [0]])]])), source: "gold").first)
        XCTAssertEqual(gold.actors?.first?.type, "organization")
        XCTAssertEqual(gold.actors?.first?.span.text, "Mexico")
        XCTAssertNil(gold.actors?.first?.via)
        XCTAssertEqual(gold.quotes?.first?.speakers, ["org:dea"])
        XCTAssertNil(gold.targets)
    }

    func testFolderPairing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("accord-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = root.appendingPathComponent("expected"), actual = root.appendingPathComponent("actual")
        for folder in [expected, actual, actual.appendingPathComponent(".hidden"), expected.appendingPathComponent("sub"),
                       actual.appendingPathComponent("sub")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        var changed = Self.fullDocument(id: "x")
        changed["initiatives"] = [[String: Any]]()
        try Self.data(Self.fullDocument(id: "x")).write(to: expected.appendingPathComponent("x.json"))
        try Self.data(changed).write(to: actual.appendingPathComponent("x.json"))
        try Self.data(Self.fullDocument(id: "y")).write(to: expected.appendingPathComponent("y.json"))
        try Self.data(Self.fullDocument(id: "z")).write(to: actual.appendingPathComponent("z.json"))
        try Self.data(Self.fullDocument(id: "s")).write(to: expected.appendingPathComponent("sub/s.json"))
        try Self.data(Self.fullDocument(id: "s")).write(to: actual.appendingPathComponent("sub/s.json"))
        try Data("not an annotation".utf8).write(to: expected.appendingPathComponent("notes.txt"))
        try Data("{broken".utf8).write(to: actual.appendingPathComponent(".hidden/h.json"))
        try Self.data(["documents": 3, "failed": [String]()]).write(to: actual.appendingPathComponent("summary.json"))

        let comparison = try AnnotationComparison(expected: expected, actual: actual)
        XCTAssertEqual(comparison.documentNames, ["s", "x", "y.json", "z.json"])
        XCTAssertEqual(comparison.differences.map { "\($0.document) \($0.kind) \($0.layer)" },
                       ["x missing initiatives", "y.json missing document", "z.json extra document"])
        XCTAssertTrue(comparison.differences[1].description.hasPrefix("document: only in EXPECTED: no file "))
        XCTAssertTrue(comparison.differences[1].description.hasSuffix("actual/y.json"))
        XCTAssertTrue(comparison.report.contains("\ny.json: only in EXPECTED: no file "), comparison.report)
        XCTAssertEqual(comparison.scores.documents, 2)

        XCTAssertThrowsError(try AnnotationComparison(expected: expected, actual: actual.appendingPathComponent("x.json"))) { error in
            XCTAssertTrue((error as? CompareError)?.message.contains("give two files or two folders") == true, "\(error)")
        }
    }

    func testAnnotationConvenience() throws {
        let annotation = TestSupport.annotator.annotate(Self.text, id: "doc")
        XCTAssertTrue(try annotation.compare(toExpected: Data(annotation.json())).isEqual)
        var gold = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(annotation.json())) as? [String: Any])
        var sentences = try XCTUnwrap(gold["sentences"] as? [[String: Any]])
        sentences.append(["start": 154, "end": 160])
        gold["sentences"] = sentences
        let comparison = try annotation.compare(toExpected: Self.data(gold), layers: [.sentences])
        XCTAssertEqual(Self.lines(comparison), ["sentences: missing [154,160) \"\""])
    }

    // MARK: - Errors

    func testErrors() throws {
        func message(_ data: String, line: UInt = #line) -> String {
            do {
                _ = try AnnotationComparison(expected: Data(data.utf8), actual: Self.data(Self.fullDocument()))
                XCTFail("no error for \(data)", line: line)
                return ""
            } catch let error as CompareError {
                return error.description
            } catch {
                XCTFail("\(error)", line: line)
                return ""
            }
        }
        XCTAssertTrue(message("{\"schema\": ").hasPrefix("EXPECTED: not valid JSON ("))
        XCTAssertEqual(message("{\"schema\": \"other/2\"}"), "EXPECTED: schema is \"other/2\", not accord.annotation/1")
        XCTAssertEqual(message("{\"text\": \"x\"}"),
                       "EXPECTED: no \"schema\"; expected an accord.annotation/1 document (made by 'accord annotate')")
        XCTAssertEqual(message("  \n"), "EXPECTED: empty; expected an accord.annotation/1 JSON document")
        XCTAssertEqual(message("[1]"), "EXPECTED: document 1: not a JSON object; expected an accord.annotation/1 document")
        XCTAssertEqual(message(#"{"schema": "accord.annotation/1", "actors": [{"start": 1, "end": 2, "text": "x"}]}"#),
                       "EXPECTED: actors[0]: no \"entity\" (a string); every record of this layer needs one")
        XCTAssertEqual(message(#"{"schema": "accord.annotation/1", "targets": [{"start": "1", "end": 2, "category": "guns"}]}"#),
                       "EXPECTED: targets[0]: \"start\" must be an integer")
        XCTAssertEqual(message(#"{"schema": "accord.annotation/1", "actors": [], "actions": [], "events": [{"actor": 3, "action": 0}]}"#),
                       "EXPECTED: events[0]: \"actor\" index 3 is out of range (actors has 0 records)")
        XCTAssertEqual(message(#"{"schema": "accord.annotation/1", "events": [{"actor": 0, "action": 0}]}"#),
                       "EXPECTED: events[0]: \"actor\" refers to actors, but the document has no actors layer; write that layer too")
        let good = String(decoding: Self.data(Self.fullDocument(id: "a")), as: UTF8.self)
        XCTAssertTrue(message(good + "\n{\"schema\"\n").hasPrefix("EXPECTED:2: not valid JSON ("), message(good + "\n{\"schema\"\n"))
        XCTAssertEqual(message(good + "\n" + good), "EXPECTED: two documents have the id \"a\"; ids must be unique to pair documents")

        let missing = URL(fileURLWithPath: "/nonexistent/accord/gold.json")
        XCTAssertThrowsError(try AnnotationComparison(expected: missing, actual: missing)) { error in
            XCTAssertEqual((error as? CompareError)?.description, "/nonexistent/accord/gold.json: no such file or folder; check the path")
        }
    }
}
