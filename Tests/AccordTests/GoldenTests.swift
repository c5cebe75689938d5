import Foundation
import XCTest
@testable import Accord

/// The reviewed golden outputs under corpus/expected/ must be reproduced exactly, and the dev set's
/// hand-annotated gold (corpus/gold/) must keep its scores. `ACCORD_RECORD=1 swift test --filter
/// GoldenTests` rewrites the golden outputs: review the diff by eye before committing it.
final class GoldenTests: XCTestCase {
    func testGoldenOutputsAreReproduced() throws {
        let expectedFolder = TestSupport.root.appendingPathComponent("corpus/expected")
        let names = try FileManager.default.contentsOfDirectory(atPath: expectedFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let input = TestSupport.root.appendingPathComponent("corpus/" + name.dropLast(5) + ".txt")
            let bytes = try [UInt8](Data(contentsOf: input))
            let actual = TestSupport.annotator.annotate(bytes: bytes, id: String(name.dropLast(5)), path: "corpus/" + input.lastPathComponent)
            let expectedURL = expectedFolder.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["ACCORD_RECORD"] == "1" {
                try Data(actual.json() + [0x0A]).write(to: expectedURL)
                continue
            }
            let comparison = try actual.compare(toExpected: try Data(contentsOf: expectedURL))
            XCTAssert(comparison.isEqual, "\(name) differs from its golden output:\n\(comparison.report)")
            XCTAssertEqual(actual.json() + [0x0A], [UInt8](try Data(contentsOf: expectedURL)), "\(name): same annotations but different bytes")
        }
    }

    /// Floors just under the measured dev-set scores: a change that loses accuracy fails here.
    func testDevSetScoresStayAboveTheirFloors() throws {
        let gold = TestSupport.root.appendingPathComponent("corpus/gold")
        let names = try FileManager.default.contentsOfDirectory(atPath: gold.path).filter { $0.hasSuffix(".json") && !$0.hasPrefix("heldout") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 66)
        var expected: [AnnotationDocument] = []
        var actual: [AnnotationDocument] = []
        for name in names {
            let id = String(name.dropLast(5))
            let text = try [UInt8](Data(contentsOf: TestSupport.root.appendingPathComponent("corpus/\(id).txt")))
            let annotation = TestSupport.annotator.annotate(bytes: text, id: id)
            expected += try AnnotationDocument.documents(from: Data(contentsOf: gold.appendingPathComponent(name)), source: name)
            actual += try AnnotationDocument.documents(from: Data(annotation.json(JSONOptions(compact: true))), source: id)
        }
        let scores = try AnnotationComparison(expected: expected, actual: actual).scores
        // The dev set grew from 14 to 26 articles (dev2-*, dev3-*: written blind, then tuned on), then
        // to 66 (dev4-* to dev8-*); with the last 40 its events F1 fell from 0.82 to 0.77, its stance
        // F1 from 0.77 to 0.62, its actions F1 from 0.92 to 0.89; then to 74 (dev9-*), on which later
        // rules lifted events to 0.80 and stance to 0.69.
        let floors: [(Layer, Double)] = [(.actors, 0.95), (.initiatives, 0.95), (.actions, 0.89), (.targets, 0.95),
                                         (.quotes, 0.95), (.events, 0.79), (.stance, 0.65)]
        for (layer, floor) in floors {
            let f1 = try XCTUnwrap(scores[layer]?.f1, "\(layer) was not scored")
            XCTAssertGreaterThanOrEqual(f1, floor, "\(layer) F1 fell below its floor:\n\(scores.table)")
        }
        XCTAssertGreaterThanOrEqual(scores[.actors]?.accuracy("entity")?.value ?? 0, 0.95, scores.table)
        XCTAssertGreaterThanOrEqual(scores[.quotes]?.accuracy("speakers")?.value ?? 0, 0.80, scores.table)
    }
}
