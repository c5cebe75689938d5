import XCTest
@testable import Accord

/// Output must not depend on the process: Swift seeds its hashing afresh in every process, so a
/// result that leans on a dictionary's order shows up only when the same input is annotated by
/// separate processes.
final class DeterminismTests: XCTestCase {
    /// A holder supports two initiatives, opposes a third, then praises "it": the back-reference
    /// flips to a supported initiative, the one spoken of most recently (not the first a
    /// dictionary happens to hold).
    private let flippingBackReference = """
        The Merida Initiative was a success.
        The Bicentennial Framework is a success.
        Jóvenes Construyendo el Futuro is a failure.
        It was a great success.
        """

    func testBackReferenceFlipsToTheMostRecentInitiative() {
        let annotation = TestSupport.annotator.annotate(flippingBackReference)
        let last = annotation.stance.first { $0.sentence == 3 }
        XCTAssertEqual(last?.toward, "initiative:bicentennial-framework")
        XCTAssertEqual(last?.label, .support)
    }

    /// A batch worker's independent copy (lexicons compiled again) annotates exactly as the original.
    func testIndependentCopyAnnotatesTheSame() throws {
        let copy = TestSupport.annotator.independentCopy()
        XCTAssertEqual(copy.lexicons.digest, TestSupport.annotator.lexicons.digest)
        for url in try TestSupport.corpusFiles() {
            let bytes = Array(try Data(contentsOf: url))
            let original = TestSupport.annotator.annotate(bytes: bytes, id: "doc").json(JSONOptions())
            XCTAssertEqual(copy.annotate(bytes: bytes, id: "doc").json(JSONOptions()), original, url.lastPathComponent)
        }
    }

    func testSeparateProcessesWriteTheSameBytes() throws {
        let folder = try CLI.temporaryFolder(self)
        let input = folder.appendingPathComponent("doc.txt")
        var text = flippingBackReference + "\n\n"
        for url in try TestSupport.corpusFiles() { text += try String(contentsOf: url, encoding: .utf8) + "\n\n" }
        try text.write(to: input, atomically: true, encoding: .utf8)
        var outputs: Set<Data> = []
        for _ in 0..<6 {
            let result = try CLI.run(["annotate", input.path, "--compact"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertGreaterThan(result.stdout.count, text.utf8.count, "the JSON holds the text and every layer")
            outputs.insert(result.stdout)
        }
        XCTAssertEqual(outputs.count, 1, "six processes wrote \(outputs.count) different outputs")
    }
}
