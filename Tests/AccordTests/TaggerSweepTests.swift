import XCTest
@testable import Accord

/// The small structures behind the taggers' bookkeeping, against the plain tables they replace.
final class TaggerSweepTests: XCTestCase {
    func testRangeSweepAnswersLikeAPerTokenTable() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let count = Int.random(in: 1...60, using: &generator)
            var ranges: [Range<Int>] = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                let start = Int.random(in: 0..<count, using: &generator)
                return start..<min(count, start + Int.random(in: 0...5, using: &generator))
            }
            ranges.sort { $0.lowerBound < $1.lowerBound }
            var table = [Bool](repeating: false, count: count)
            for range in ranges { for k in range { table[k] = true } }

            var covering = RangeSweep(count: ranges.count) { ranges[$0] }
            var overlapping = RangeSweep(count: ranges.count) { ranges[$0] }
            var start = 0
            while start < count {
                let end = min(count, start + Int.random(in: 0...4, using: &generator))
                XCTAssertEqual(covering.covers(start), table[start], "\(ranges) covers \(start)")
                XCTAssertEqual(overlapping.overlaps(start..<end), table[start..<end].contains(true), "\(ranges) overlaps \(start..<end)")
                start += Int.random(in: 0...3, using: &generator)
                if start == 0 { start = 1 }
            }
        }
    }

    func testStringNumbersNumberInOrderOfFirstMeeting() {
        var numbers = StringNumbers()
        let entities = (0..<500).map { "person:someone-\($0)" } + ["", "country:mex", "person:josé-álvarez"]
        for (n, entity) in entities.enumerated() {
            let first = numbers.number(entity)
            XCTAssertEqual(first.0, n)
            XCTAssertTrue(first.isNew)
        }
        for (n, entity) in entities.enumerated().reversed() {
            // An equal string in other storage.
            let (number, isNew) = numbers.number(String(decoding: Array(entity.utf8), as: UTF8.self))
            XCTAssertEqual(number, n)
            XCTAssertFalse(isNew)
        }
        XCTAssertEqual(numbers.strings, entities)
        XCTAssertEqual(numbers.number(of: "person:someone-7"), 7)
        XCTAssertNil(numbers.number(of: "person:nobody"))
    }
}

extension TaggerSweepTests {
    func testHashedNumbersAnswerLikeADictionary() {
        var generator = SystemRandomNumberGenerator()
        var numbers = HashedNumbers()
        var dictionary: [UInt64: Int] = [:]
        // Few distinct keys (many replaced), some equal in their low bits.
        for n in 0..<3_000 {
            let key = UInt64.random(in: 0..<400, using: &generator) << (n % 2 == 0 ? 0 : 40)
            XCTAssertEqual(numbers.updateValue(n, forKey: key), dictionary.updateValue(n, forKey: key))
            XCTAssertEqual(numbers.count, dictionary.count)
        }
        for key in dictionary.keys { XCTAssertEqual(numbers[key], dictionary[key]) }
        XCTAssertNil(numbers[UInt64.max])
    }
}

extension TaggerSweepTests {
    func testNameCandidatesAnswerLikeADictionary() {
        var generator = SystemRandomNumberGenerator()
        var candidates = NameCandidates()
        var dictionary: [UInt64: Range<Int>] = [:]
        for n in 0..<2_000 {
            let key = UInt64.random(in: 0..<50, using: &generator)
            if Bool.random(using: &generator) {
                candidates.note(n..<(n + 2), keys: key)
                dictionary[key] = n..<(n + 2)
            } else {
                XCTAssertEqual(candidates.take(key: key), dictionary.removeValue(forKey: key))
            }
            XCTAssertEqual(candidates.isEmpty, dictionary.isEmpty)
        }
    }

    func testANameNotedUnderTwoKeysIsTakenOnce() {
        var candidates = NameCandidates()
        candidates.note(4..<8, keys: 1, 2)
        candidates.note(10..<12, keys: 3)
        XCTAssertEqual(candidates.take(key: 2), 4..<8)
        XCTAssertNil(candidates.take(key: 1), "taken under one key, the name is gone under the other")
        XCTAssertFalse(candidates.isEmpty)
        candidates.note(20..<23, keys: 3, 4)
        XCTAssertNil(candidates.take(key: 3).flatMap { $0 == 10..<12 ? $0 : nil }, "a later name replaces an earlier one under its key")
        XCTAssertTrue(candidates.isEmpty)
    }
}
