import Foundation
import XCTest
@testable import Accord

/// Hostile inputs: empty, huge, pathological, malformed. Each must keep SPEC's invariants
/// (InvariantTests.violations plus the cross-layer checks below) and give JSON that parses.
/// Timings are printed as `hostile-timing NAME: SECONDS` (debug builds run these tests).
final class HostileInputTests: XCTestCase {
    // MARK: - Helpers

    /// Cross-layer checks InvariantTests leaves out: spans inside the text and equal to their slice,
    /// layers sorted, `sentence` holding the span's start, every index into another layer in range.
    static func layerViolations(_ a: Annotation) -> [String] {
        var problems: [String] = []
        let scalars = Array(a.text.unicodeScalars)
        func span(_ layer: String, _ i: Int, _ s: Span) {
            guard s.start >= 0, s.start <= s.end, s.end <= scalars.count else {
                problems.append("\(layer) \(i) [\(s.start),\(s.end)) outside the text"); return
            }
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.start..<s.end])
            if !a.text(of: s).unicodeScalars.elementsEqual(v) { problems.append("\(layer) \(i) text differs from its slice") }
        }
        func sentence(_ layer: String, _ i: Int, _ k: Int, _ start: Int?) {
            guard k >= 0, k < a.sentences.count else { problems.append("\(layer) \(i) sentence \(k) out of range"); return }
            if let start, start < a.sentences[k].start || start >= a.sentences[k].end {
                problems.append("\(layer) \(i) starts outside its sentence \(k)")
            }
        }
        func sorted(_ layer: String, _ spans: [Span]) {
            if zip(spans, spans.dropFirst()).contains(where: { $1 < $0 }) { problems.append("\(layer) not sorted") }
        }
        for (i, x) in a.actors.enumerated() { span("actor", i, x.span); sentence("actor", i, x.sentence, x.span.start) }
        for (i, x) in a.initiatives.enumerated() { span("initiative", i, x.span); sentence("initiative", i, x.sentence, x.span.start) }
        for (i, x) in a.actions.enumerated() { span("action", i, x.span); sentence("action", i, x.sentence, x.span.start) }
        for (i, x) in a.targets.enumerated() { span("target", i, x.span); sentence("target", i, x.sentence, x.span.start) }
        for (i, q) in a.quotes.enumerated() {
            span("quote", i, q.span)
            if q.speakers.contains(where: { $0 < 0 || $0 >= a.actors.count }) { problems.append("quote \(i) speaker out of range") }
        }
        sorted("actors", a.actors.map(\.span)); sorted("initiatives", a.initiatives.map(\.span))
        sorted("actions", a.actions.map(\.span)); sorted("targets", a.targets.map(\.span)); sorted("quotes", a.quotes.map(\.span))
        for (i, e) in a.events.enumerated() {
            sentence("event", i, e.sentence, nil)
            if e.actor < 0 || e.actor >= a.actors.count { problems.append("event \(i) actor out of range") }
            if e.action < 0 || e.action >= a.actions.count { problems.append("event \(i) action out of range") }
            if e.targets.contains(where: { $0 < 0 || $0 >= a.targets.count }) { problems.append("event \(i) target out of range") }
            if e.objects.contains(where: { $0 < 0 || $0 >= a.actors.count }) { problems.append("event \(i) object out of range") }
        }
        for (i, s) in a.stance.enumerated() {
            sentence("stance", i, s.sentence, nil)
            if let q = s.quote, q < 0 || q >= a.quotes.count { problems.append("stance \(i) quote out of range") }
            for (k, cue) in s.cues.enumerated() { span("stance \(i) cue", k, cue.span) }
        }
        return problems
    }

    /// Annotates `bytes`, checks every invariant and that the JSON parses; prints and returns the time.
    @discardableResult
    private func check(_ name: String, _ bytes: [UInt8], annotator: Annotator = TestSupport.annotator,
                       file: StaticString = #filePath, line: UInt = #line) -> (annotation: Annotation, seconds: Double) {
        let clock = ContinuousClock()
        var result: Annotation?
        let elapsed = clock.measure { result = annotator.annotate(bytes: bytes, id: name) }
        let a = result!
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        XCTAssertEqual(Array(InvariantTests.violations(a).prefix(5)), [], name, file: file, line: line)
        XCTAssertEqual(Array(Self.layerViolations(a).prefix(5)), [], name, file: file, line: line)
        let json = a.json(JSONOptions(compact: true))
        let parsed = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        XCTAssertNotNil(parsed, "\(name): JSON does not parse", file: file, line: line)
        if let text = parsed?["text"] as? String {
            XCTAssertTrue(text.unicodeScalars.elementsEqual(a.text.unicodeScalars), "\(name): JSON text differs", file: file, line: line)
        }
        print("hostile-timing \(name): \(String(format: "%.3f", seconds)) s annotate, \(bytes.count) bytes, \(a.tokens.count) tokens, \(a.sentences.count) sentences")
        return (a, seconds)
    }

    private func check(_ name: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> (annotation: Annotation, seconds: Double) {
        check(name, Array(text.utf8), file: file, line: line)
    }

    // MARK: - Degenerate inputs

    func testEmptyInput() {
        let a = check("empty", [UInt8]()).annotation
        XCTAssertEqual(a.tokens.count, 0)
        XCTAssertEqual(a.sentences.count, 0)
        XCTAssertEqual(a.document.length, 0)
    }

    func testOnlyWhitespace() {
        for (i, text) in [" ", "\n", "\r\n\r\n", "\t \t", "\u{A0}\u{2028}\u{2029}\u{3000}\u{202F}\u{205F}\u{1680}\u{85}",
                          String(repeating: " \n\t\r", count: 5_000), "\u{B}\u{C}\u{1C}\u{1D}\u{1E}\u{1F}"].enumerated() {
            let a = check("whitespace-\(i)", text).annotation
            XCTAssertTrue(a.tokens.allSatisfy { a.text(of: $0).unicodeScalars.allSatisfy { !Scalars.isWhitespace($0.value) } })
        }
    }

    func testOnlyPunctuation() {
        let punctuation = ".,;:!?()[]{}<>\"'“”‘’«»‹›—–-…•·/\\|@#$%^&*_+=~`§¶†‡※‼⁇"
        _ = check("punctuation-once", punctuation)
        _ = check("punctuation-spaced", punctuation.map { String($0) }.joined(separator: " "))
        _ = check("punctuation-repeated", String(repeating: punctuation, count: 300))
        _ = check("periods", String(repeating: ".", count: 20_000))
        _ = check("ellipses-and-bangs", String(repeating: "...!?. ", count: 3_000))
    }

    // MARK: - Large and pathological inputs

    /// 2 MB without a line break, in shapes that keep the token count (and so the debug-build time) small.
    private func twoMegabytes(_ name: String, _ unit: String, prefix: String = "", suffix: String = "",
                              file: StaticString = #filePath, line: UInt = #line) {
        var text = prefix
        while text.utf8.count < 2_000_000 { text += unit }
        text += suffix
        let (_, seconds) = check("2MB-\(name)", Array(text.utf8), file: file, line: line)
        XCTAssertLessThan(seconds, 60, "\(name): far too slow", file: file, line: line)
    }

    func testTwoMegabytesOneToken() { twoMegabytes("one-token", String(repeating: "x", count: 1000)) }
    func testTwoMegabytesOfKilobyteWordsQuoted() {
        let word = String(repeating: "x", count: 997)
        twoMegabytes("1KB-words-quoted", "\"" + word + ",\" said " + word + ". ")
    }
    func testTwoMegabytesHyphenatedWord() { twoMegabytes("hyphenated", "ab-", suffix: "c") }
    func testTwoMegabytesNumber() { twoMegabytes("number", "1,0", prefix: "1", suffix: ".") }
    func testTwoMegabytesURL() { twoMegabytes("url", "a/b.c?", prefix: "https://example.org/") }
    func testTwoMegabytesInitialism() { twoMegabytes("periods-in-word", "U.S.A") }

    /// 1 MB of news sentences without a line break, tokenized and split only (the taggers' time on
    /// big inputs is covered by the linearity test).
    func testOneMegabyteOfNewsWithoutANewlineTokensAndSentences() {
        let sentence = "The United States and Mexico agreed on Friday to fight gun trafficking, said U.S. Attorney General Merrick Garland, "
            + "and Mexican officials said \"the Bicentennial Framework will help young people\" (AP). "
        var text = ""
        while text.utf8.count < 1_000_000 { text += sentence }
        let clock = ContinuousClock()
        var a: Annotation?
        let d = clock.measure { a = TestSupport.annotator.annotate(bytes: Array(text.utf8), id: "2MB", layers: [.tokens, .sentences]) }
        XCTAssertEqual(InvariantTests.violations(a!), [])
        XCTAssertGreaterThan(a!.sentences.count, 1000)
        XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(a!.json(JSONOptions(compact: true, layers: [.tokens, .sentences])))))
        print("hostile-timing 1MB-news-tokens-sentences: \(d) annotate, \(a!.tokens.count) tokens")
    }

    /// 100 KB of words without a period or a line break: one long sentence through every tagger.
    func testOneHundredKilobyteSentence() {
        let words = ["Mexico", "and", "the", "United", "States", "fight", "drugs", "with", "officials", "in", "Washington", ","]
        var text = ""
        var i = 0
        while text.utf8.count < 100_000 { text += words[i % words.count]; text += " "; i += 1 }
        let (a, _) = check("100KB-one-sentence", text)
        XCTAssertEqual(a.sentences.count, 1)
    }

    func testTwoHundredThousandQuoteMarksInOneLine() {
        _ = check("200k-straight-quotes", String(repeating: "\"", count: 200_000))
        _ = check("200k-curly-quotes", String(repeating: "“", count: 100_000) + String(repeating: "”", count: 100_000))
        _ = check("50k-mixed-quotes", String(repeating: "\"a\" ‘b’ “c ", count: 5_000))
        _ = check("50k-apostrophes", String(repeating: "'", count: 50_000))
    }

    func testOneHundredThousandNestedBrackets() {
        _ = check("100k-nested-parens", String(repeating: "(", count: 100_000) + "Mexico" + String(repeating: ")", count: 100_000))
        _ = check("30k-nested-mixed", String(repeating: "([{", count: 10_000) + "said" + String(repeating: "}])", count: 10_000))
        _ = check("20k-open-brackets", String(repeating: "[", count: 20_000))
        _ = check("20k-nested-with-quotes", String(repeating: "(\"", count: 10_000) + "x")
    }

    // MARK: - Unicode

    func testEveryUnicodeCategorySample() {
        let samples: [(String, String)] = [
            ("combining", "Me\u{301}xico\u{301}\u{302}\u{303} said e\u{301}. \u{301}\u{301}\u{301} start. a\u{20DD} \u{0300}"),
            ("arabic", "قالت المكسيك والولايات المتحدة إن «الإطار» سيساعد. Mexico said \u{202B}عربي\u{202C}."),
            ("hebrew", "\u{200F}שלום עולם. \u{202E}The U.S. said\u{202C} שלום \"ציטוט\"."),
            ("emoji", "👨‍👩‍👧‍👦 Mexico 🇲🇽🇺🇸 said 👍🏽 \"🔥\" 1️⃣ 🏳️‍🌈 ❤️‍🔥 🧑🏿‍🤝‍🧑🏻 \u{200D}\u{200D} 🇲"),
            ("cjk", "墨西哥和美国。中华人民共和国说：「打击毒品」。日本語のテキスト、カタカナ。한국어 문장입니다."),
            ("private-use", "\u{E000}\u{F8FF} Mexico \u{F0000}\u{10FFFD} said \u{E000}."),
            ("controls", "\u{1}\u{7}\u{8}\u{1B}[31mMexico\u{1B}[0m \u{7F}\u{80}\u{9F} said."),
            ("format", "U\u{200B}.S\u{200C}. Mex\u{AD}ico \u{FEFF}said \u{2060}\u{2066}x\u{2069}."),
            ("noncharacters", [0xFFFE, 0xFFFF, 0x1FFFE, 0x20, 0xFDD0, 0x20].map { String(Unicode.Scalar($0)!) }.joined() + "Mexico said."),
            ("math-and-letters", "𝐌𝐞𝐱𝐢𝐜𝐨 ℳ ﬁght Ⅻ ½ ² ⁿ ǅ ß ẞ İ ı ﬃ said."),
            ("scripts", "Россия said. Ελλάδα said. हिन्दी में. ภาษาไทย. ᚠᚢᚦ. 𓀀𓀁. ⠁⠃."),
            ("line-separators", "Mexico said.\u{2028}The U.S. agreed.\u{2029}Next.\u{85}Last\u{B}\u{C}end."),
            ("max-scalars", String(Unicode.Scalar(0x10FFFF)!) + String(Unicode.Scalar(0x10FFFE)!) + " \u{E0001}\u{E0041} \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"),
        ]
        for (name, text) in samples {
            _ = check("unicode-\(name)", text)
            _ = check("unicode-\(name)-x200", String(repeating: text + " ", count: 200))
        }
    }

    // MARK: - Malformed bytes

    func testInvalidUTF8OfEveryKind() {
        let cases: [(String, [UInt8])] = [
            ("overlong-2", [0x41, 0xC0, 0xAF, 0x42, 0xC1, 0xBF]),
            ("overlong-3", [0x41, 0xE0, 0x80, 0xAF, 0x42]),
            ("overlong-4", [0x41, 0xF0, 0x80, 0x80, 0xAF, 0x42]),
            ("overlong-nul", [0x4D, 0xC0, 0x80, 0x2E]),
            ("truncated-2", [0x4D, 0x65, 0xC3]),
            ("truncated-3", [0x4D, 0xE2, 0x82, 0x20, 0x53]),
            ("truncated-4", [0xF0, 0x9F, 0x98, 0x2E, 0x20, 0xF0, 0x9F]),
            ("truncated-at-end", Array("Mexico said ".utf8) + [0xE2, 0x80]),
            ("lone-continuation", [0x80, 0x41, 0xBF, 0x20, 0x80, 0x80, 0x80, 0x2E]),
            ("all-continuations", Array(0x80...0xBF)),
            ("five-and-six-byte", [0xF8, 0x88, 0x80, 0x80, 0x80, 0x20, 0xFC, 0x84, 0x80, 0x80, 0x80, 0x80]),
            ("fe-ff", [0xFE, 0xFF, 0x41, 0xFF, 0xFE]),
            ("utf16le-bom", [0xFF, 0xFE] + Array("Mexico said \"yes\".\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("utf16be-bom", [0xFE, 0xFF] + Array("Mexico said \"yes\".\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
            ("utf32le-bom", [0xFF, 0xFE, 0x00, 0x00, 0x4D, 0x00, 0x00, 0x00]),
            ("cesu-surrogates", [0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF, 0x20, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]),
            ("above-10ffff", [0xF4, 0x90, 0x80, 0x80, 0x20, 0xF7, 0xBF, 0xBF, 0xBF]),
            ("latin1", Array("M".utf8) + [0xE9, 0x78, 0x69, 0x63, 0x6F, 0x20, 0x64, 0x69, 0x6A, 0x6F, 0x20, 0xAB, 0x73, 0xED, 0xBB, 0x2E]),
            ("bom-then-invalid", [0xEF, 0xBB, 0xBF, 0xFF, 0xEF, 0xBB, 0xBF, 0x41]),
            ("bom-only", [0xEF, 0xBB, 0xBF]),
            ("half-bom", [0xEF, 0xBB]),
            ("every-byte", Array(0...255)),
            ("every-byte-x100", [UInt8]((0..<25_600).map { UInt8(truncatingIfNeeded: $0 &* 7) })),
        ]
        for (name, bytes) in cases {
            let a = check("utf8-\(name)", bytes).annotation
            if String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self) == nil {
                XCTAssertTrue(a.warnings.contains { $0.contains("UTF-8") }, "\(name): no warning for invalid UTF-8: \(a.warnings)")
                XCTAssertTrue(a.text.unicodeScalars.contains("\u{FFFD}"), "\(name): no U+FFFD in the decoded text")
            }
        }
    }

    func testNulBytes() {
        _ = check("nul-only", [0])
        _ = check("nul-many", [UInt8](repeating: 0, count: 10_000))
        let a = check("nul-between-words", Array("Mexico\0said\0\0\"drugs\0\"\0.\0\nU.S.\0agreed.".utf8)).annotation
        XCTAssertTrue(a.warnings.contains { $0.contains("NUL") }, "\(a.warnings)")
    }

    func testCarriageReturnOnlyLineEnds() {
        let text = "MEXICO CITY (AP) — Mexico said it would fight drugs.\rThe U.S. agreed\rHeadline without a period\r\r- item one\r- item two\r"
        let (a, _) = check("cr-only", text)
        XCTAssertTrue(a.text.contains("\r"), "CR must be kept")
        _ = check("cr-only-x200", String(repeating: text, count: 200))
        _ = check("cr-only-wrapped", Array(text.utf8), annotator: Annotator(wrapped: true))
        _ = check("cr-lf-mixed", "A said.\r\nB said.\n\rC said.\r\r\nD")
        _ = check("cr-run", String(repeating: "\r", count: 50_000) + "x")
    }

    // MARK: - Saved fuzzer findings

    func testRegressionInputs() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bin") }.sorted()
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            if name.hasPrefix("lexicon-") {
                // LexiconFuzz's format: the first byte picks the file (DefaultLexicons order), the rest is its text.
                guard let first = bytes.first else { continue }
                let file = DefaultLexicons.files[Int(first) % DefaultLexicons.files.count].name
                if let lexicons = compile(file, String(decoding: bytes.dropFirst(), as: UTF8.self)) {
                    _ = check("regression-\(name)", Array(Self.lexiconArticle.utf8), annotator: Annotator(lexicons: lexicons))
                }
            } else {
                _ = check("regression-\(name)", bytes)
                _ = check("regression-\(name)-wrapped", bytes, annotator: Annotator(wrapped: true))
            }
        }
    }

    // MARK: - Hostile lexicons (Lexicons(files:); invalid UTF-8 is the CLI's job)

    /// The short article fuzz/LexiconFuzz.swift annotates with a fuzzed lexicon.
    static let lexiconArticle = """
        MEXICO CITY (AP) — The United States and Mexico on Friday adopted the Bicentennial Framework, \
        replacing the Merida Initiative. "This is going to be a huge success," said Foreign Affairs \
        Secretary Marcelo Ebrard. U.S. Secretary of State Antony Blinken said Washington would help \
        Mexico reduce gun trafficking and fight the Sinaloa cartel's fentanyl labs.
        Critics said the plan wasn't enough to stop corruption. The DEA didn't comment.
        The United States will:
        - fund programs for young people;
        - seize illegal firearms at the border.

        """

    private static let defaultFiles = DefaultLexicons.files.map { LexiconFile(name: $0.name, text: $0.text) }

    /// Compiles `text` as the user file `name` on top of the defaults: a LexiconError is a fine answer.
    private func compile(_ name: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> Lexicons? {
        do {
            return try Lexicons(files: Self.defaultFiles + [LexiconFile(name: "user/" + name, text: text)])
        } catch is LexiconError {
            return nil
        } catch {
            XCTFail("\(name): not a LexiconError: \(error)", file: file, line: line)
            return nil
        }
    }

    func testLexiconTenThousandWordPhrase() throws {
        let words = (0..<10_000).map { "Zorblat\($0)" }
        let phrase = words.joined(separator: " ")
        let lexicons = try XCTUnwrap(compile("actors.txt", "\(phrase)\torg:zorblat\torganization\n"))
        let annotator = Annotator(lexicons: lexicons)
        let (a, _) = check("lexicon-10k-phrase", Array("Officials said \(phrase) would help Mexico.".utf8), annotator: annotator)
        XCTAssertEqual(a.actors.first?.entity, "org:zorblat", "the 10,000-word phrase is not matched")
        _ = check("lexicon-10k-phrase-but-last", Array((words.dropLast().joined(separator: " ") + " said.").utf8), annotator: annotator)
        _ = compile("targets.txt", "\(phrase)\tdrugs\tzorblat\n").map {
            check("lexicon-10k-target", Array("They fought \(phrase).".utf8), annotator: Annotator(lexicons: $0))
        }
    }

    /// A periodic phrase (`A B A B ...`) against periodic text: every occurrence of the first word starts
    /// a long walk, so matching is quadratic in the phrase's length; a 1,000-word phrase keeps it short.
    func testLexiconPeriodicPhrase() throws {
        let phrase = (0..<1_000).map { "Zorblat\($0 % 2)" }.joined(separator: " ")
        let lexicons = try XCTUnwrap(compile("actors.txt", "\(phrase)\torg:zorblat\torganization\n"))
        _ = check("lexicon-1k-periodic-phrase", Array("Officials said \(phrase) \(phrase) would help.".utf8), annotator: Annotator(lexicons: lexicons))
    }

    func testLexiconDuplicateEntries() {
        // The same line three times in a user file of every kind (one compile per file: debug compiles are slow).
        for (name, text) in DefaultLexicons.files {
            guard let line = text.split(separator: "\n").first(where: { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            if let lexicons = compile(name, "\(line)\n\(line)\n\(line)\n") {
                _ = check("lexicon-duplicate-\(name)", Array("Mexico and the U.S. said \"they would fight drugs\".".utf8), annotator: Annotator(lexicons: lexicons))
            }
        }
        // The same key with a different meaning twice in one file is an error, not a crash.
        XCTAssertNil(compile("targets.txt", "gun\tguns\tgun\ngun\tdrugs\tgun\n"))
        XCTAssertNil(compile("actors.txt", "Acme\torg:acme\torganization\nacme\torg:other\torganization\n"))
    }

    func testLexiconLineWithTwoHundredTabs() {
        for (name, _) in DefaultLexicons.files {
            _ = compile(name, "gun" + String(repeating: "\t", count: 200) + "\n")
        }
        _ = compile("actors.txt", String(repeating: "\tx", count: 200) + "\n")
        _ = compile("actors.txt", "-" + String(repeating: "\t", count: 200) + "\n")
        _ = compile("pronouns.txt", "he" + String(repeating: "\tperson-male", count: 200) + "\n")
    }

    /// Odd single lines in the kinds of file most likely to mind them. (Removal lines without their
    /// other fields, `-he` in pronouns.txt, are in Regressions/.)
    func testLexiconOddLines() {
        let lines = ["\t", "-", "-\t", "\u{0}\t\u{0}", " \t \t ", "\u{FFFD}\tcountry:\tcountry", "a\t\t\t",
                     String(repeating: "x", count: 100_000), "😀\tperson:😀\tperson\talias=|||", "x\tperson:x\tperson\talias=\u{0}|;;;=",
                     "\r\r\n", "é\u{301}\torg:e\torganization"]
        for name in ["actors.txt", "abbreviations.txt", "titles.txt"] {
            for line in lines {
                if let lexicons = compile(name, line + "\n") {
                    let a = Annotator(lexicons: lexicons).annotate("Mexico said \(line) would fight drugs.")
                    XCTAssertEqual(InvariantTests.violations(a) + Self.layerViolations(a), [], "\(name): \(line.prefix(40).debugDescription)")
                }
            }
        }
    }

    // MARK: - Larger than --max-bytes (the command line)

    /// Offsets are 32-bit: `--max-bytes` past 2 GiB is a usage error, not a silent wrap-around later.
    func testMaxBytesPastThirtyTwoBitOffsetsIsAUsageError() throws {
        for command in [["annotate", "-"], ["batch", "corpus", "-o", "/tmp/accord-never-written"]] {
            let result = try CLI.run(command + ["--max-bytes", "2147483648"], stdin: Data("x".utf8))
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("--max-bytes can be at most 2147483647"), result.stderr)
        }
        let largest = try CLI.run(["annotate", "-", "--max-bytes", "2147483647", "--layers", "tokens", "--compact"],
                                  stdin: Data("Mexico".utf8))
        XCTAssertEqual(largest.status, 0, largest.stderr)
        XCTAssertTrue(largest.out.contains("\"text\":\"Mexico\""), largest.out)
    }

    /// A document over `--max-bytes` is refused, exit 2, with a message that names it and says what
    /// to do; a document of exactly the limit is annotated. A JSONL line over it gets an error record.
    func testDocumentOverMaxBytesIsRefusedNamingIt() throws {
        let folder = try CLI.temporaryFolder(self)
        let big = folder.appendingPathComponent("big.txt")
        let bytes = Data(repeating: UInt8(ascii: "a"), count: 5_000)
        try bytes.write(to: big)
        let output = folder.appendingPathComponent("out.json")

        let file = try CLI.run(["annotate", big.path, "--max-bytes", "4999", "-o", output.path])
        XCTAssertEqual(file.status, 2)
        XCTAssertEqual(file.stderr, "accord: error: \(big.path): 5000 bytes is more than --max-bytes 4999; raise --max-bytes or split the file\n")
        XCTAssertEqual(CLI.files(under: folder), ["big.txt"])

        let stdin = try CLI.run(["annotate", "--max-bytes", "4999"], stdin: bytes)
        XCTAssertEqual(stdin.status, 2)
        XCTAssertEqual(stdin.stderr, "accord: error: standard input: larger than --max-bytes 4999; raise --max-bytes or split the input\n")
        XCTAssertTrue(stdin.stdout.isEmpty)

        for arguments in [["annotate", big.path, "--max-bytes", "5000"], ["annotate", "--max-bytes", "5000"]] {
            let exact = try CLI.run(arguments + ["--compact"], stdin: bytes)
            XCTAssertEqual(exact.status, 0, exact.stderr)
            XCTAssertNoThrow(try CLI.json(exact.stdout))
        }

        let record = Data("{\"id\": \"long\", \"text\": \"".utf8) + bytes + Data("\"}\n{\"id\": \"short\", \"text\": \"Mexico.\"}\n".utf8)
        let lines = try CLI.run(["annotate", "--input", "jsonl", "--max-bytes", "4999"], stdin: record)
        XCTAssertEqual(lines.status, 0, lines.stderr)
        XCTAssertTrue(lines.out.hasPrefix("{\"id\":null,\"error\":\"line is 5,026 bytes, more than --max-bytes 4,999; raise --max-bytes\",\"line\":1}\n"), lines.out)
        XCTAssertEqual(lines.out.split(separator: "\n").count, 2)
        XCTAssertTrue(lines.stderr.contains("standard input:1: line is 5,026 bytes"), lines.stderr)

        XCTAssertEqual(try CLI.run(["annotate", big.path, "--max-bytes", "0"]).status, 2)
    }

    /// Standard input over `--max-bytes` is refused after reading one byte more than the limit, not
    /// after reading the whole stream: the writer of a 64 MB stream gets SIGPIPE.
    func testStandardInputOverMaxBytesIsNotReadToTheEnd() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { throw XCTSkip("needs /bin/bash") }
        let r = try CLI.tool(["bash", "-c", "head -c 64000000 /dev/zero | NO_COLOR=1 \"$0\" annotate --max-bytes 1000; echo \"status ${PIPESTATUS[*]}\"",
                              CLI.binary.path])
        XCTAssertTrue(r.output.contains("accord: error: standard input: larger than --max-bytes 1000"), r.output)
        XCTAssertTrue(r.output.hasSuffix("status 141 2\n"), "head should die of SIGPIPE (141), accord exit 2: \(r.output)")
    }

    // MARK: - Linear time

    /// N and 4N bytes of each pathological pattern: the larger must take less than 8× the smaller
    /// (4× is linear; the margin absorbs noise on a shared machine).
    func testTimeIsLinearOnPathologicalInputs() {
        let patterns: [(String, String)] = [
            ("straight-quotes", "\""),
            ("curly-quotes", "“ "),
            ("open-brackets", "("),
            ("US-abbreviations", "U.S. "),
            ("initials", "A. B. "),
            ("one-long-sentence", "Mexico and the U.S. said "),
            ("quoted-speech", "\"Drugs,\" said Ebrard. "),
            ("country-list", "Mexico, the United States, "),
            ("apostrophes", "cartels' "),
            ("hyphens", "a-"),
            ("periods", ". "),
            ("list-items", "- The United States will:\n"),
            ("list-items-plain", "- fight drugs\n"),
            ("lines", "Mexico said.\n"),
            ("capitalised-run", "Zorblat "),
            ("title-names", "Secretary Zorblat Quux "),
        ]
        for (name, unit) in patterns { checkLinear(name, unit, small: 6_000) }
        // Rules that look back over a sentence's mentions show a quadratic cost only in a longer one.
        checkLinear("pronouns-in-one-sentence", "Mexico said they agree and it should extradite capos, ", small: 60_000)
    }

    private func checkLinear(_ name: String, _ unit: String, small: Int) {
        func input(_ bytes: Int) -> [UInt8] {
            var text = ""
            while text.utf8.count < bytes { text += unit }
            return Array(text.utf8)
        }
        func best(_ bytes: [UInt8], runs: Int) -> Double {
            let clock = ContinuousClock()
            var times: [Double] = []
            for _ in 0..<runs {
                let d = clock.measure { _ = TestSupport.annotator.annotate(bytes: bytes, id: "linear") }
                times.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
            }
            return times.min()!
        }
        var n = best(input(small), runs: 3), n4 = best(input(small * 4), runs: 2)
        if n4 / max(n, 0.002) >= 8 {
            // A busy machine can stall one run: measure again, longer, before calling it quadratic.
            (n, n4) = (best(input(small), runs: 7), best(input(small * 4), runs: 5))
        }
        let ratio = n4 / max(n, 0.002)
        print("hostile-linearity \(name): \(small) bytes \(String(format: "%.3f", n)) s, \(small * 4) bytes \(String(format: "%.3f", n4)) s, ratio \(String(format: "%.2f", ratio))")
        XCTAssertLessThan(ratio, 8, "\(name): 4× the input took \(String(format: "%.1f", ratio))× the time (\(n) s → \(n4) s)")
    }
}
