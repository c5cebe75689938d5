import Foundation
import XCTest
@testable import Accord

final class LexiconTests: XCTestCase {
    func testBuiltInCopyEqualsTheLexiconsFolder() throws {
        let folder = TestSupport.root.appendingPathComponent("lexicons")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(DefaultLexicons.files.map(\.name), names, "run scripts/embed-lexicons.py")
        for (name, text) in DefaultLexicons.files {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(text, onDisk, "\(name): the built-in copy differs from lexicons/; run scripts/embed-lexicons.py")
        }
    }

    func testBuiltInLexiconsCompile() throws {
        let lexicons = try Lexicons.loadBuiltIn()
        XCTAssertGreaterThan(lexicons.counts.first { $0.file == "actors.txt" }?.entries ?? 0, 300)
        XCTAssertEqual(lexicons.digest.count, 64)
    }

    private func compile(_ name: String, _ text: String) throws -> Lexicons {
        let defaults = DefaultLexicons.files.map { LexiconFile(name: $0.name, text: $0.text) }
        return try Lexicons(files: defaults + [LexiconFile(name: "user/" + name, text: text)])
    }

    private func expectError(_ name: String, _ text: String, line: Int, column: Int, containing words: String,
                             file: StaticString = #filePath, fileLine: UInt = #line) {
        XCTAssertThrowsError(try compile(name, text), file: file, line: fileLine) { error in
            guard let e = error as? LexiconError else { return XCTFail("not a LexiconError: \(error)", file: file, line: fileLine) }
            XCTAssertEqual(e.file, "user/" + name, file: file, line: fileLine)
            XCTAssertEqual(e.line, line, file: file, line: fileLine)
            XCTAssertEqual(e.column, column, file: file, line: fileLine)
            XCTAssertTrue(e.message.contains(words), "\(e.message)", file: file, line: fileLine)
            XCTAssertTrue(e.description.hasPrefix("user/\(name):\(line):\(column): "), e.description, file: file, line: fileLine)
        }
    }

    func testBadLinesNameFileLineAndColumn() {
        expectError("actions.txt", "# header\nsmuggle\tsmuggling\n", line: 2, column: 9, containing: "unknown action class 'smuggling'")
        expectError("targets.txt", "rifle\tguns\n", line: 1, column: 7, containing: "expected 3 TAB-separated fields")
        expectError("targets.txt", "grenade\tweaponry\tgrenade\n", line: 1, column: 9, containing: "unknown target category")
        expectError("actors.txt", "Sinaloa Cartel\tgroup:Sinaloa\tgroup\n", line: 1, column: 16, containing: "slug")
        expectError("actors.txt", "Acme\torg:acme\tcompany\n", line: 1, column: 15, containing: "unknown actor type")
        expectError("modals.txt", "ought\tsometimes\n", line: 1, column: 7, containing: "unknown modality")
        expectError("stance.txt", "splendid\t2.5\n", line: 1, column: 10, containing: "not a number in -1.0...1.0")
        expectError("actions.txt", "smuggle\tcombat\nsmuggle\tprevent\n", line: 2, column: 1, containing: "duplicate entry")
        expectError("actors.txt", "Acme\torg:acme\torganization\tflavour\n", line: 1, column: 28, containing: "key=value")
    }

    func testALineWithTwoHundredTabsIsAnErrorNotACrash() {
        expectError("targets.txt", "gun" + String(repeating: "\t", count: 200) + "\n", line: 1, column: 7, containing: "TAB-separated fields")
    }

    func testOverlayAddsReplacesAndRemoves() throws {
        let added = try compile("targets.txt", "grenade\tguns\tgrenade\n")
        var a = Annotator(lexicons: added).annotate("Soldiers seized grenades.")
        XCTAssertEqual(a.targets.map { a.text(of: $0.span) }, ["grenades"])
        XCTAssertEqual(a.targets.first?.term, "grenade")

        let replaced = try compile("targets.txt", "fentanyl\tcorruption\tfentanyl\n")
        a = Annotator(lexicons: replaced).annotate("Fentanyl kills.")
        XCTAssertEqual(a.targets.map(\.category), ["corruption"])

        let removed = try compile("targets.txt", "-fentanyl\n")
        a = Annotator(lexicons: removed).annotate("Fentanyl kills.")
        XCTAssertEqual(a.targets.count, 0)
        XCTAssertNotEqual(removed.digest, Lexicons.builtIn.digest)

        let readded = try compile("targets.txt", "-fentanyl\nfentanyl\tguns\tfentanyl\n")
        XCTAssertEqual(readded.tagging.targets.filter { $0.canonical == "fentanyl" }.map(\.category), ["guns"],
                       "a removed entry added again is one entry")
    }

    func testInflectionsAreGenerated() {
        let forms = Set(Inflection.verbForms("pledge").map(\.0))
        XCTAssertTrue(forms.isSuperset(of: ["pledge", "pledges", "pledged", "pledging"]))
        XCTAssertTrue(Set(Inflection.verbForms("commit").map(\.0)).isSuperset(of: ["commits", "committed", "committing"]))
        XCTAssertTrue(Set(Inflection.verbForms("curb").map(\.0)).isSuperset(of: ["curbs", "curbed", "curbing"]))
        XCTAssertTrue(Set(Inflection.verbForms("apply").map(\.0)).isSuperset(of: ["applies", "applied", "applying"]))
        XCTAssertEqual(Inflection.plurals("firearm"), ["firearms"])
        XCTAssertEqual(Inflection.plurals("child"), ["children"])
        XCTAssertTrue(Inflection.plurals("cartel boss").contains("cartel bosses"))
        XCTAssertTrue(Inflection.plurals("policy").contains("policies"))
    }

    /// The compiler inflects ASCII phrases on their bytes; those rules must stay the `String` rules.
    func testByteInflectionAgreesWithTheStringRules() {
        var words = ["knife", "wolf", "ax", "man", "Woman", "CHAIRMAN", "policy", "bay", "y", "f", "crisis", "beach", "bush",
                     "STOP", "panic", "die", "free", "eye", "toe", "buy", "visit", "commit", "a", "", "cartel boss"]
        let inflected: Set = ["actions.txt", "actors.txt", "targets.txt", "government-nouns.txt", "target-activities.txt", "verb-forms.txt"]
        for (name, text) in DefaultLexicons.files where inflected.contains(name) {
            words += LexiconFile(name: name, text: text).entries.map(\.key)
        }
        for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(word.utf8)
            XCTAssertEqual(Inflection.plurals(utf8: bytes).map { String(decoding: $0, as: UTF8.self) }, Inflection.plurals(word), word)
            let (verb, rest) = Inflection.splitFirstWord(bytes)
            let words = word.split(separator: " ", maxSplits: 1).map(String.init)
            XCTAssertEqual(String(decoding: verb, as: UTF8.self), words.first ?? "", word)
            XCTAssertEqual(String(decoding: rest, as: UTF8.self), words.count > 1 ? " " + words[1] : "", word)
            let forms = Inflection.verbForms(utf8: verb).map { "\(String(decoding: $0.0, as: UTF8.self))/\($0.1)" }
            XCTAssertEqual(forms, Inflection.verbForms(words.first ?? "").map { "\($0.0)/\($0.1)" }, word)
        }
        XCTAssertEqual(Inflection.plurals(utf8: Array("Cártel".utf8)).map { String(decoding: $0, as: UTF8.self) }, ["Cártels"])
        XCTAssertEqual(Inflection.splitFirstWord(Array("pérdonar a  todos".utf8)).rest, Array(" a  todos".utf8))
    }

    func testAttributesAndListsSplitOnBytes() throws {
        let file = LexiconFile(name: "actors.txt", text: "X\torg:x\torganization\t gender = male;; role = Boss ;role=Chief; alias= A | |B||C \n")
        let entry = try XCTUnwrap(file.entries.first)
        let attributes = try file.attributes(entry, field: 3)
        XCTAssertEqual(attributes["gender"], "male")
        XCTAssertEqual(attributes["role"], "Chief", "a later pair wins")
        XCTAssertNil(attributes["case"])
        XCTAssertEqual(LexiconAttributes.items(of: try XCTUnwrap(attributes["alias"]), separator: UInt8(ascii: "|")), ["A", "", "B", "C"])
        XCTAssertEqual(entry.column(of: 3), 23)
        XCTAssertTrue(entry.field(3, contains: "role"))
        XCTAssertFalse(entry.field(3, contains: "case=exact"))
    }

    func testEntriesAreByteRangesOfTheirLines() throws {
        let file = LexiconFile(name: "targets.txt", text: "# comment\r\n\r\n-fentanyl\r\n  gun \tguns\t gun\r\né\tx")
        XCTAssertEqual(file.entries.map(\.line), [3, 4, 5])
        XCTAssertEqual(file.entries.map(\.isRemoval), [true, false, false])
        XCTAssertEqual(file.entries.map(\.key), ["fentanyl", "gun", "é"])
        XCTAssertEqual(file.entries.map(\.text), ["-fentanyl", "  gun \tguns\t gun", "é\tx"])
        XCTAssertEqual(file.entries[1].fields, ["gun", "guns", "gun"])
        XCTAssertEqual((0..<3).map { file.entries[1].column(of: $0) }, [3, 8, 14])
        XCTAssertEqual(file.entries[2].column(of: 1), 3, "columns count scalars, not bytes")
        XCTAssertEqual(file.entries[0].column(of: 0), 1, "a removal's column is its minus sign")
    }

    func testMatchingFoldsAccentsAndCaseButKeepsExactEntries() {
        let a = TestSupport.annotator.annotate("Plan Mérida and MERIDA ended. Let us thank the US and the UN.")
        XCTAssertEqual(a.initiatives.map(\.entity), ["initiative:merida-initiative", "initiative:merida-initiative"])
        let actorTexts = a.actors.map { a.text(of: $0.span) }
        XCTAssertEqual(actorTexts, ["US", "UN"], "the pronoun 'us' is never the country")
    }
}
