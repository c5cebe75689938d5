import Accord
import Foundation

/// `accord lexicons check [DIR]`: validate lexicon files and count their entries.
enum LexiconsCommand {
    static let usage = """
    Usage: accord lexicons check [DIR]

    Validates the built-in lexicons, or the files in DIR loaded on top of them, and prints the number
    of entries per file. A bad line is reported as file:line:column with the line and what is wrong
    (exit 2).

    Example:
      accord lexicons check my-lexicons/
    """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let parsed = try Arguments(args, valued: [], flags: ["-h"], aliases: ["--help": "-h"])
        if parsed.has("-h") { print(usage); return 0 }
        guard parsed.positional.first == "check", parsed.positional.count <= 2 else {
            throw UsageError(parsed.positional.isEmpty ? "missing subcommand; use 'accord lexicons check [DIR]'"
                                                       : "unknown subcommand '\(parsed.positional.joined(separator: " "))'; use 'accord lexicons check [DIR]'")
        }
        let lexicons: Lexicons
        if parsed.positional.count == 2 {
            lexicons = try AnnotateCommand.loadLexicons(parsed.positional[1])
        } else {
            do { lexicons = try Lexicons.loadBuiltIn() } catch let error as LexiconError { throw CommandError(error.description) }
        }
        let width = lexicons.counts.map(\.file.count).max() ?? 0
        for (file, entries) in lexicons.counts {
            print(file.padding(toLength: width + 2, withPad: " ", startingAt: 0) + String(entries))
        }
        print("ok: \(lexicons.counts.reduce(0) { $0 + $1.entries }) entries, digest \(lexicons.digest.prefix(16))")
        return 0
    }
}
