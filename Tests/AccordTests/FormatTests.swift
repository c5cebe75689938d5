import Foundation
import XCTest
@testable import Accord

/// brat, CoNLL, HTML and the corpus index (SPEC section 3).
final class FormatTests: XCTestCase {
    /// A short passage with a multi-token actor, a title rule, a target inside an actor, HTML
    /// specials, and a quotation that runs across a paragraph break.
    static let passage = """
    The United States pledged to curb gun trafficking, said Attorney General Merrick Garland.

    Ebrard said: "Mexico will fight drug cartels <now> & forever.

    "The Bicentennial Framework is a huge success," he added.

    """

    static let annotation = TestSupport.annotator.annotate(passage, id: "sample", path: "sample.txt")

    private func string(_ format: OutputFormat, _ a: Annotation = annotation) -> String {
        String(decoding: a.render(format)[0].bytes, as: UTF8.self)
    }

    /// The text of code points `[start, end)`.
    private func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// Checks every `T` line against the text (fragments joined by a space, no line break in a
    /// fragment) and that every id an `E`, `R` or `A` line names exists.
    private func checkStandoff(_ ann: String, text: String, file: StaticString = #filePath, line: UInt = #line) {
        let scalars = Array(text.unicodeScalars)
        var ids = Set<String>()
        let lines = ann.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for l in lines { ids.insert(String(l.prefix { $0 != "\t" })) }
        for l in lines {
            let fields = l.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            let tabbed = l.first == "T" || l.first == "#"
            XCTAssertEqual(fields.count, tabbed ? 3 : 2, "\(l)", file: file, line: line)
            guard fields.count == (tabbed ? 3 : 2) else { continue }
            switch l.first {
            case "T":
                let typeAndOffsets = fields[1].split(separator: " ", maxSplits: 1)
                var pieces: [String] = []
                for fragment in typeAndOffsets[1].split(separator: ";") {
                    let bounds = fragment.split(separator: " ").compactMap { Int($0) }
                    XCTAssertEqual(bounds.count, 2, "\(l)", file: file, line: line)
                    XCTAssertLessThan(bounds[0], bounds[1], "\(l)", file: file, line: line)
                    let piece = slice(scalars, bounds[0], bounds[1])
                    XCTAssertFalse(piece.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }, "\(l)", file: file, line: line)
                    pieces.append(piece)
                }
                XCTAssertEqual(pieces.joined(separator: " "), fields[2], "\(l)", file: file, line: line)
            case "E", "R":
                for argument in fields[1].split(separator: " ").dropFirst(l.first == "R" ? 1 : 0) {
                    let id = String(argument.split(separator: ":").last ?? "")
                    XCTAssertTrue(ids.contains(id), "\(l) names \(id)", file: file, line: line)
                }
            case "A":
                let target = fields[1].split(separator: " ").dropFirst().first.map(String.init) ?? ""
                XCTAssertTrue(ids.contains(target), "\(l)", file: file, line: line)
            case "#":
                XCTAssertTrue(fields[1].hasPrefix("AnnotatorNotes T"), "\(l)", file: file, line: line)
            default:
                XCTFail("unexpected line \(l)", file: file, line: line)
            }
        }
    }

    // MARK: - brat

    func testBratLines() throws {
        let files = Self.annotation.render(.brat)
        XCTAssertEqual(files.map(\.fileExtension), ["ann", "txt"])
        XCTAssertEqual(files[1].bytes, Array(Self.passage.utf8))
        let lines = Set(String(decoding: files[0].bytes, as: UTF8.self).split(separator: "\n").map(String.init))
        for expected in [
            "T1\tCountry 4 17\tUnited States",
            "#1\tAnnotatorNotes T1\tcountry:usa (via lexicon)",
            "T2\tPerson 73 88\tMerrick Garland",
            "#2\tAnnotatorNotes T2\tperson:merrick-garland (via title-rule); role: Attorney General; affiliation: country:usa",
            "T5\tGroup 123 135\tdrug cartels",
            "T7\tInitiative 159 181\tBicentennial Framework",
            "T8\tCommit 18 25\tpledged",
            "T12\tCombat 117 122\tfight",
            "T14\tGuns 34 49\tgun trafficking",
            "T15\tDrugs 123 127\tdrug",
            // The quotation runs across the blank line: two fragments, the breaks left out.
            "T16\tQuote 105 152;154 200\tMexico will fight drug cartels <now> & forever. \"The Bicentennial Framework is a huge success,",
            "T17\tStance 187 199\thuge success",
            "E1\tCommit:T8 Agent:T1 Target:T14",
            "E5\tCombat:T12 Agent:T4 Target:T15 Object:T5",
            "A2\tModality E5 future",
            "E7\tStance:T17 Holder:T6 Toward:T7",
            "A3\tLabel E7 support",
            "R1\tSpeaker Arg1:T16 Arg2:T6",
            "A4\tCoreference T6",
        ] {
            XCTAssertTrue(lines.contains(expected), "missing: \(expected)\n" + lines.sorted().joined(separator: "\n"))
        }
        checkStandoff(string(.brat), text: Self.passage)
        XCTAssertEqual(Self.annotation.renderWarnings(.brat), [])
    }

    func testBratFragmentsInWrappedTextAndCRLFWarning() {
        let wrapped = Annotator(wrapped: true).annotate("Officials of the United\nStates met.", id: "w")
        XCTAssertTrue(string(.brat, wrapped).contains("T1\tCountry 17 23;24 30\tUnited States\n"), string(.brat, wrapped))

        let text = "Ebrard said: \"Mexico will fight the cartels.\r\n\r\n\"The framework is a huge success,\" he added.\r\n"
        let crlf = TestSupport.annotator.annotate(text, id: "crlf")
        let ann = string(.brat, crlf)
        checkStandoff(ann, text: text)
        XCTAssertTrue(ann.contains("\tQuote 14 44;48 81\t"), ann)
        let warnings = crlf.renderWarnings(.brat)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].contains("CRLF"), warnings[0])
        XCTAssertEqual(crlf.renderWarnings(.html), [])
    }

    func testBratStandoffMatchesTheTextForTheWholeCorpus() throws {
        for url in try TestSupport.corpusFiles() {
            let bytes = Array(try Data(contentsOf: url))
            let a = TestSupport.annotator.annotate(bytes: bytes, id: url.deletingPathExtension().lastPathComponent)
            let files = a.render(.brat)
            checkStandoff(String(decoding: files[0].bytes, as: UTF8.self), text: a.text)
            XCTAssertEqual(files[1].bytes, a.source.utf8)
        }
    }

    func testBratConfigurationDeclaresEveryTypeTheStandoffUses() {
        let conf = OutputFormat.bratConfiguration
        for section in ["[entities]", "[relations]", "[events]", "[attributes]"] { XCTAssertTrue(conf.contains(section), section) }
        for line in ["\tCountry", "\tGroup", "Initiative", "\tGuns", "\tCorruption", "Quote",
                     "\tCommit\tAgent?:Country|Person|Organization|Group, Target*:", "Stance\tHolder?:",
                     "Speaker\tArg1:Quote, Arg2:Country|Person|Organization|Group",
                     "Negated\tArg:<EVENT>", "Modality\tArg:<EVENT>, Value:future|intent|obligation|possibility",
                     "Label\tArg:Stance, Value:support|oppose"] {
            XCTAssertTrue(conf.contains(line), line)
        }
        // Every type the sample's standoff uses is declared.
        for l in string(.brat).split(separator: "\n") where l.first == "T" {
            let type = l.split(separator: "\t")[1].split(separator: " ")[0]
            XCTAssertTrue(conf.contains("\t\(type)\n") || conf.contains("\n\(type)\n") || conf.contains("\t\(type)\t") || conf.contains("\n\(type)\t"), String(type))
        }
        XCTAssertTrue(OutputFormat.bratVisualConfiguration.contains("[drawing]"))
        XCTAssertTrue(OutputFormat.bratVisualConfiguration.contains("Country\tbgColor:#"))
    }

    // MARK: - CoNLL

    func testConllColumnsAndBIOTags() {
        let conll = string(.conll)
        let lines = conll.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "# index\ttext\tstart\tend\tactor\tinitiative\taction\ttarget\tquote\tstance")
        XCTAssertTrue(lines.contains("2\tUnited\t4\t10\tB-country\tO\tO\tO\tO\tO"), conll)
        XCTAssertTrue(lines.contains("3\tStates\t11\t17\tI-country\tO\tO\tO\tO\tO"), conll)
        XCTAssertTrue(lines.contains("4\tpledged\t18\t25\tO\tO\tB-commit\tO\tO\tO"), conll)
        XCTAssertTrue(lines.contains("7\tgun\t34\t37\tO\tO\tO\tB-guns\tO\tO"), conll)
        XCTAssertTrue(lines.contains("8\ttrafficking\t38\t49\tO\tO\tO\tI-guns\tO\tO"), conll)
        XCTAssertTrue(lines.contains("13\tMerrick\t73\t80\tB-person\tO\tO\tO\tO\tO"), conll)
        XCTAssertTrue(lines.contains("14\tGarland\t81\t88\tI-person\tO\tO\tO\tO\tO"), conll)
        // A target inside an actor: both columns tagged; the quote goes on across the paragraph break.
        XCTAssertTrue(lines.contains { $0.hasPrefix("8\tdrug\t123\t127\tB-group\tO\tO\tB-drugs\tI-quote\t") }, conll)
        XCTAssertTrue(lines.contains { $0.hasPrefix("2\tThe\t155\t158\tO\tO\tO\tO\tI-quote\t") }, conll)
        XCTAssertTrue(lines.contains { $0.hasPrefix("7\thuge\t187\t191\t") && $0.hasSuffix("\tB-support") }, conll)
        XCTAssertTrue(lines.contains("10\t<\t136\t137\tO\tO\tO\tO\tI-quote\tO"), conll)
        // One blank line after each sentence; every token line has ten columns.
        XCTAssertEqual(lines.filter(\.isEmpty).count - 1, Self.annotation.sentences.count)
        let tokenLines = lines.dropFirst().filter { !$0.isEmpty }
        XCTAssertEqual(tokenLines.count, Self.annotation.tokens.count)
        for l in tokenLines { XCTAssertEqual(l.split(separator: "\t", omittingEmptySubsequences: false).count, 10, l) }
    }

    func testConllTagsAreValidBIO2() throws {
        for url in try TestSupport.corpusFiles().prefix(6) {
            let a = TestSupport.annotator.annotate(bytes: Array(try Data(contentsOf: url)), id: "x")
            var previous = [String](repeating: "O", count: 6)
            for line in string(.conll, a).split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
                if line.isEmpty { previous = [String](repeating: "O", count: 6); continue }
                let tags = line.split(separator: "\t").suffix(6).map(String.init)
                for (c, tag) in tags.enumerated() where tag.hasPrefix("I-") {
                    XCTAssertEqual(String(previous[c].dropFirst(2)), String(tag.dropFirst(2)), "\(url.lastPathComponent): \(line)")
                }
                previous = tags
            }
        }
    }

    // MARK: - HTML

    func testHTMLEscapingLegendAndTitles() {
        let html = string(.html)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("cartels</mark> &lt;now&gt; &amp; forever."), html)
        XCTAssertFalse(html.contains("<now>"))
        XCTAssertTrue(html.contains("class=\"legend\""))
        for entry in ["country", "person", "organization", "group", "initiative", "commit", "say", "guns", "drugs", "youth", "corruption", "support cue"] {
            XCTAssertTrue(html.contains("\">\(entry)</mark>"), "legend lacks \(entry)")
        }
        // Nothing from elsewhere: no script, no external link or font.
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("http://") || html.contains("https://") || html.contains("<link"))
        // Every mark, quote and stance badge has a title.
        let opening = try! NSRegularExpression(pattern: "<(mark|span class=\"(q|stance))[^>]*>")
        let tags = opening.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { (html as NSString).substring(with: $0.range) }
        XCTAssertGreaterThan(tags.count, 20)
        for tag in tags { XCTAssertTrue(tag.contains(" title=\""), tag) }
        // Titles say what made a mark.
        XCTAssertTrue(html.contains("title=\"Actor · person&#10;entity: person:merrick-garland&#10;via: title-rule&#10;role: Attorney General&#10;affiliation: country:usa\">Merrick Garland</mark>"))
        XCTAssertTrue(html.contains("title=\"Action · commit&#10;lemma: pledge&#10;event: United States → gun trafficking\">pledged</mark>"))
        // A target nested in an actor; a quote with its speaker, across the paragraph break.
        XCTAssertTrue(html.contains("entity: group:cartels&#10;via: lexicon\"><mark class=\"tg tg-drugs\" title=\"Target · drugs&#10;term: drug\">drug</mark> cartels</mark>"))
        XCTAssertTrue(html.contains("<span class=\"q first\" data-who=\"Ebrard\" title=\"Quote&#10;speaker: Ebrard (person:marcelo-ebrard)&#10;cue: added\">"))
        XCTAssertTrue(html.contains("<p><span class=\"q\" data-who=\"Ebrard\""))
        // Stance per sentence.
        XCTAssertTrue(html.contains("<span class=\"stance st-support\" id=\"s2\""))
        XCTAssertTrue(html.contains("Ebrard → Bicentennial Framework · <b>support</b> +1 · “huge success”</span>"))
        XCTAssertEqual(html, string(.html), "the same annotation gives the same bytes")

        // Attribute and text escaping of the document's own names.
        let odd = TestSupport.annotator.annotate("Mexico & the \"U.S.\" <agree>.", id: "a\"b<c>&d")
        let page = string(.html, odd)
        XCTAssertTrue(page.contains("<title>a\"b&lt;c&gt;&amp;d · accord</title>"))
        XCTAssertTrue(page.contains("</mark> &amp; the \"<span"), page)
        XCTAssertTrue(page.contains("</span>\" &lt;<mark") && page.contains("</mark>&gt;.</p>"), page)
        var w = ByteWriter(capacity: 16)
        w.html("say \"no\" <b> & 'x'\nnext", attribute: true)
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), "say &quot;no&quot; &lt;b&gt; &amp; 'x'&#10;next")
    }

    /// The page's text, without tags and badges, is the document's text line by line: marks never
    /// lose, repeat or reorder a character.
    func testHTMLKeepsTheTextAndNestsItsElements() throws {
        for url in try TestSupport.corpusFiles() {
            let a = TestSupport.annotator.annotate(bytes: Array(try Data(contentsOf: url)), id: "x")
            let html = string(.html, a)
            let main = String(html[html.range(of: "<main class=\"doc\">\n")!.upperBound..<html.range(of: "</main>")!.lowerBound])
            // Well nested: every closing tag closes the innermost open element.
            var stack: [String] = []
            let tag = try NSRegularExpression(pattern: "<(/?)(p|mark|span|b)\\b[^>]*>")
            for m in tag.matches(in: main, range: NSRange(main.startIndex..., in: main)) {
                let name = (main as NSString).substring(with: m.range(at: 2))
                if (main as NSString).substring(with: m.range(at: 1)) == "/" {
                    XCTAssertEqual(stack.popLast(), name, url.lastPathComponent)
                } else {
                    stack.append(name)
                }
            }
            XCTAssertEqual(stack, [], url.lastPathComponent)
            let badges = try NSRegularExpression(pattern: "<span class=\"stance[^>]*>.*?</span>")
            var plain = badges.stringByReplacingMatches(in: main, range: NSRange(main.startIndex..., in: main), withTemplate: "")
            plain = try NSRegularExpression(pattern: "<[^>]*>").stringByReplacingMatches(in: plain, range: NSRange(plain.startIndex..., in: plain), withTemplate: "")
            plain = plain.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            let expected = a.text.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
                .map { $0.drop { $0 == " " || $0 == "\t" } }.filter { !$0.isEmpty }.joined(separator: "\n")
            XCTAssertEqual(plain.split(separator: "\n").joined(separator: "\n"), expected, url.lastPathComponent)
        }
    }

    func testHTMLSplitsCrossingMarks() {
        let text = "abcdefghijklmnopqrst"
        var a = Annotation(document: DocumentInfo(id: "t", path: nil, sha256: "", length: 20),
                           annotator: AnnotatorInfo(lexicons: ""), source: SourceText(text))
        a.actors = [ActorMention(span: Span(start: 0, end: 10, startByte: 0, endByte: 10), entity: "country:mex", type: .country,
                                 sentence: 0, via: "lexicon", tokens: 0..<1)]
        a.quotes = [Quote(span: Span(start: 5, end: 15, startByte: 5, endByte: 15), speakers: [0], entities: ["country:mex"], cue: nil, tokens: 0..<1)]
        a.targets = [TargetMention(span: Span(start: 5, end: 10, startByte: 5, endByte: 10), category: "guns", term: "gun", sentence: 0, tokens: 0..<1)]
        let html = string(.html, a)
        let main = String(html[html.range(of: "<main class=\"doc\">\n")!.upperBound..<html.range(of: "</main>")!.lowerBound])
        let stripped = main.replacingOccurrences(of: " title=\"[^\"]*\"", with: "", options: .regularExpression)
        XCTAssertEqual(stripped, "<p><mark class=\"ac ac-country\">abcde<span class=\"q first\" data-who=\"Mexico\"><mark class=\"tg tg-guns\">fghij</mark></span></mark>"
                       + "<span class=\"q\" data-who=\"Mexico\">klmno</span>pqrst</p>\n")
    }

    // MARK: - Corpus index

    func testCorpusIndexHasChartsAndLinksEveryDocument() {
        let second = TestSupport.annotator.annotate("Critics said the Merida Initiative failed to stop fentanyl and corruption.", id: "b")
        let entries = [CorpusIndexEntry(second, name: "sub/b & c.txt", link: "sub/b%20&%20c.html"),
                       CorpusIndexEntry(Self.annotation, name: "a.txt", link: "a.html")]
        let html = String(decoding: CorpusIndexHTML.render(entries, failures: ["bad.txt": "not UTF-8 <binary>"]), as: UTF8.self)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 2)
        XCTAssertTrue(html.contains("Targets per document"))
        XCTAssertTrue(html.contains("Stance by holder"))
        XCTAssertTrue(html.contains("<a href=\"a.html\">"))
        XCTAssertTrue(html.contains("<a href=\"sub/b%20&amp;%20c.html\">"))
        XCTAssertTrue(html.contains("sub/b &amp; c.txt"))
        XCTAssertTrue(html.contains("<code>bad.txt</code>: not UTF-8 &lt;binary&gt;"))
        XCTAssertTrue(html.contains("<title>a.txt: guns 1</title>"), html)
        XCTAssertTrue(html.contains("<title>person:marcelo-ebrard: support 1</title>"), html)
        XCTAssertFalse(html.contains("<script"))
        // The order entries come in does not matter.
        XCTAssertEqual(CorpusIndexHTML.render(entries.reversed(), failures: ["bad.txt": "not UTF-8 <binary>"]),
                       Array(html.utf8))
        XCTAssertTrue(String(decoding: CorpusIndexHTML.render([]), as: UTF8.self).contains("No targets."))
    }
}
