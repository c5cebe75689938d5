import Foundation

// libFuzzer target: arbitrary bytes as a user lexicon file compiled on top of the built-in ones.
// The first byte picks the file name (modulo the number of built-in files, in DefaultLexicons order);
// the rest, decoded as UTF-8 with replacement (invalid UTF-8 is rejected by the CLI before this point),
// is the file's text. Compiling must succeed or throw a LexiconError, never crash; when it succeeds,
// a fixed short article is annotated with the result and checked like the pipeline target.

private let defaults: [LexiconFile] = DefaultLexicons.files.map { LexiconFile(name: $0.name, text: $0.text) }
private let names: [String] = DefaultLexicons.files.map(\.name)
private let article: [UInt8] = Array("""
    MEXICO CITY (AP) — The United States and Mexico on Friday adopted the Bicentennial Framework, \
    replacing the Merida Initiative. "This is going to be a huge success," said Foreign Affairs \
    Secretary Marcelo Ebrard. U.S. Secretary of State Antony Blinken said Washington would help \
    Mexico reduce gun trafficking and fight the Sinaloa cartel's fentanyl labs.
    Critics said the plan wasn't enough to stop corruption. The DEA didn't comment.
    The United States will:
    - fund programs for young people;
    - seize illegal firearms at the border.

    """.utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func lexiconFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let name = names[Int(bytes[0]) % names.count]
    let text = String(decoding: bytes[1...], as: UTF8.self)
    let lexicons: Lexicons
    do {
        lexicons = try Lexicons(files: defaults + [LexiconFile(name: "user/" + name, text: text)])
    } catch is LexiconError {
        return 0
    } catch {
        fatalError("Lexicons(files:) threw a non-LexiconError for \(name): \(error)\ntext: \(text.prefix(400).debugDescription)")
    }
    for wrappedText in [false, true] {
        let a = Annotator(lexicons: lexicons, wrapped: wrappedText).annotate(bytes: article, id: "fuzz")
        let problems = FuzzCheck.violations(a)
        if !problems.isEmpty { FuzzCheck.fail("invariant violated with user \(name) (wrapped: \(wrappedText))", problems, input: bytes) }
        let json = FuzzCheck.jsonViolations(a)
        if !json.isEmpty { FuzzCheck.fail("JSON check failed with user \(name) (wrapped: \(wrappedText))", json, input: bytes) }
    }
    return 0
}
