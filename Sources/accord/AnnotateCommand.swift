import Accord
import Foundation

/// `accord annotate`: annotate files or standard input and write SPEC's JSON.
enum AnnotateCommand {
    static let usage = """
    Usage: accord annotate [FILE|-]... [options]

    Annotates news text: tokens, sentences, actors, initiatives, actions, targets, quotes, events and
    stance, as the JSON document of SPEC.md (schema accord.annotation/1). With no FILE, or with -,
    reads standard input. Several files give a JSON array (or one line each with --format jsonl).

    Options:
      -o, --output PATH     write to PATH (whole or not at all) instead of standard output
      --format FORMAT       json (default) or jsonl
      --compact             one line, no white space (jsonl is always compact)
      --layers LIST         write only these layers, comma-separated: sentences,tokens,actors,
                            initiatives,actions,targets,quotes,events,stance
      --no-tokens           leave the token layer out (faster, smaller; for corpus work)
      --lexicons DIR        load the lexicon files in DIR on top of the built-in ones
      --wrapped             hard-wrapped text: a single line break is a space
      --strict              invalid UTF-8 is an error (exit 2) instead of a warning
      --max-bytes N         refuse documents larger than N bytes (default 64 MiB)
      -h, --help            show this help

    Examples:
      accord annotate corpus/bicentennial-ap.txt
      accord annotate --compact --no-tokens a.txt b.txt --format jsonl > out.jsonl
      echo "Mexico and the U.S. pledged to curb fentanyl." | accord annotate -
    """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let parsed = try Arguments(args,
            valued: ["-o", "--format", "--layers", "--lexicons", "--max-bytes"],
            flags: ["--compact", "--no-tokens", "--wrapped", "--strict", "-h"],
            aliases: ["--output": "-o", "--help": "-h"])
        if parsed.has("-h") { print(usage); return 0 }
        let format = parsed.value("--format") ?? "json"
        guard ["json", "jsonl"].contains(format) else {
            throw UsageError("unknown format '\(format)'; use json or jsonl")
        }
        var options = JSONOptions(compact: parsed.has("--compact") || format == "jsonl")
        if let list = parsed.value("--layers") { options.layers = try parseLayers(list) }
        if parsed.has("--no-tokens") { options.layers.remove(.tokens) }
        var maxBytes = InputReader.defaultMaxBytes
        if let text = parsed.value("--max-bytes") {
            guard let n = Int(text), n > 0 else { throw UsageError("--max-bytes needs a positive number of bytes") }
            maxBytes = n
        }
        let annotator = Annotator(lexicons: try loadLexicons(parsed.value("--lexicons")), wrapped: parsed.has("--wrapped"))
        let inputs = parsed.positional.isEmpty ? ["-"] : parsed.positional

        let output = try parsed.value("-o").map { try OutputFile(path: $0) } ?? OutputFile()
        var failed = false
        let asArray = format == "json" && inputs.count > 1
        if asArray { output.write("[") }
        var written = 0
        for path in inputs {
            let bytes: [UInt8]
            do {
                bytes = try InputReader.read(path, maxBytes: maxBytes)
            } catch let error as CommandError {
                Terminal.error(error.message)
                failed = true
                continue
            }
            let annotation = annotator.annotate(bytes: bytes, id: InputReader.documentID(path), path: path == "-" ? nil : path)
            if parsed.has("--strict"), annotation.source.replacedSequences > 0 {
                Terminal.error("\(path): not valid UTF-8 (\(annotation.source.replacedSequences) invalid sequences); --strict refuses it")
                failed = true
                continue
            }
            for warning in annotation.warnings { Terminal.warning("\(path == "-" ? "standard input" : path): \(warning)") }
            if asArray && written > 0 { output.write(options.compact ? "," : ",\n") }
            annotation.writeJSON(options) { output.write(&$0) }
            if !asArray { output.write("\n") }
            written += 1
        }
        if asArray { output.write(options.compact ? "]\n" : "\n]\n") }
        if failed && written == 0 {
            output.discard()
            return 2
        }
        try output.close()
        return failed ? 2 : 0
    }

    static func parseLayers(_ list: String) throws -> Set<Layer> {
        var layers = Set<Layer>()
        for name in list.split(separator: ",") {
            guard let layer = Layer(rawValue: name.trimmingSpaces()) else {
                throw UsageError("unknown layer '\(name)'; layers are \(Layer.allCases.map(\.rawValue).joined(separator: ","))")
            }
            layers.insert(layer)
        }
        return layers
    }

    static func loadLexicons(_ directory: String?) throws -> Lexicons {
        guard let directory else { return .builtIn }
        do {
            return try Lexicons(overlay: URL(fileURLWithPath: directory))
        } catch let error as LexiconError {
            throw CommandError(error.description + "\nFix the line, or run 'accord lexicons check \(directory)' to list every problem.")
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
