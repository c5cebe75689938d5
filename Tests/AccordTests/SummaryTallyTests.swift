import XCTest
@testable import Accord

/// `SummaryTally` finds keys met before by their bits: copies sharing one storage, fresh storage
/// with the same bytes and short inline keys must all count as the one key they spell.
final class SummaryTallyTests: XCTestCase {
    func testSharedAndFreshStorageCountAsOneKey() {
        let shared = "andres_manuel_lopez_obrador"
        var tally = SummaryTally()
        for i in 0..<300 {
            tally.add(shared)
            // Same bytes, storage of its own each time.
            tally.add(String(decoding: Array(shared.utf8), as: UTF8.self))
            tally.add(i % 2 == 0 ? "mexico" : "united_states")
        }
        XCTAssertEqual(tally.sorted.map(\.0), [shared, "mexico", "united_states"])
        XCTAssertEqual(tally.sorted.map(\.1), [600, 150, 150])
    }

    /// Keys counted through their bits before a non-ASCII key keep their counts once the tally
    /// moves to a dictionary, and equivalent spellings still count as one.
    func testKeysMetBeforeANonASCIIKeyKeepTheirCounts() {
        var tally = SummaryTally()
        for _ in 0..<50 { tally.add("document") }
        tally.add("Ä")
        tally.add("A\u{308}")
        for _ in 0..<50 { tally.add("document") }
        XCTAssertEqual(tally.sorted.map(\.0), ["document", "Ä"])
        XCTAssertEqual(tally.sorted.map(\.1), [100, 2])
    }
}
