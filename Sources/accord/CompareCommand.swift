import Accord
import Foundation

/// `accord compare EXPECTED ACTUAL`: the differences between two annotations, or their scores.
enum CompareCommand {
    static let usage = """
    Usage: accord compare EXPECTED ACTUAL [options]

    Compares an actual annotation with an expected one (a gold file or a saved output) and prints the
    differences grouped by document and layer: missing (in EXPECTED only), extra (in ACTUAL only) and
    changed (same span, a field differs), each with a few words of the text. EXPECTED and ACTUAL are
    two files (a JSON document, a JSON array or JSONL; several documents pair by document.id), or two
    folders whose *.json and *.jsonl files pair by name. ACTUAL may be - for standard input. Only the
    layers EXPECTED holds are compared, and only the fields both sides give.

    Options:
      --layers LIST   compare only these layers, comma-separated: sentences,tokens,actors,
                      initiatives,actions,targets,quotes,events,stance
      --score         print precision, recall and F1 per layer (micro-averaged over documents) and
                      accuracies among matches, instead of the differences
      --json          print the differences (or with --score the scores) as JSON
      -h, --help      show this help

    Exit status: 0 no differences (with --score: scored), 1 differences found, 2 unreadable or
    invalid input, or a usage error.

    Examples:
      accord compare corpus/gold/bicentennial-ap.json out/bicentennial-ap.json
      accord annotate corpus/bicentennial-ap.txt | accord compare --score corpus/gold/bicentennial-ap.json -
      accord compare --score --layers actors,targets corpus/gold out/
    """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let parsed = try Arguments(args, valued: ["--layers"], flags: ["--score", "--json", "-h"], aliases: ["--help": "-h"])
        if parsed.has("-h") { print(usage); return 0 }
        switch parsed.positional.count {
        case 0: throw UsageError("missing EXPECTED and ACTUAL")
        case 1: throw UsageError("missing ACTUAL (the annotation to check against \(parsed.positional[0]))")
        case 2: break
        default: throw UsageError("too many arguments: '\(parsed.positional[2...].joined(separator: " "))'; give EXPECTED and ACTUAL")
        }
        let layers = try parsed.value("--layers").map(AnnotateCommand.parseLayers)
        let expected = parsed.positional[0], actual = parsed.positional[1]
        if expected == "-" { throw UsageError("EXPECTED cannot be standard input; give a file or folder") }

        let comparison: AnnotationComparison
        do {
            if actual == "-" {
                let expectedData = try read(expected)
                let actualData = FileHandle.standardInput.readDataToEndOfFile()
                comparison = try AnnotationComparison(expected: expectedData, actual: actualData, layers: layers)
            } else {
                comparison = try AnnotationComparison(expected: URL(fileURLWithPath: expected), actual: URL(fileURLWithPath: actual),
                                                      layers: layers)
            }
        } catch let error as CompareError {
            throw CommandError(error.description)
        }

        if parsed.has("--score") {
            print(parsed.has("--json") ? comparison.scoreJSON : comparison.scoreTable)
            return 0
        }
        print(parsed.has("--json") ? comparison.reportJSON : comparison.report)
        return comparison.isEqual ? 0 : 1
    }

    private static func read(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError("\(path): no such file; check the path")
        }
        if isDirectory.boolValue { throw CommandError("\(path): is a folder; with ACTUAL from standard input give one EXPECTED file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandError("\(path): cannot be read (permission denied?)") }
        return data
    }
}
