import Accord
import Foundation

/// The last document's annotation, kept for the process's exit to reclaim: tearing down its
/// hundreds of thousands of mentions costs about 2% of a large run and frees nothing anyone needs.
nonisolated(unsafe) private var lastAnnotation: Annotation?

/// `accord annotate`: annotate files or standard input and write SPEC's JSON.
enum AnnotateCommand {
    static let usage = """
    Usage: accord annotate [FILE|-]... [options]
           accord annotate --input jsonl [FILE|-]... [options]

    Annotates news text: tokens, sentences, actors, initiatives, actions, targets, quotes, events and
    stance, as the JSON document of SPEC.md (schema accord.annotation/1). With no FILE, or with -,
    reads standard input. Several files give a JSON array (or one line each with --format jsonl).

    Options:
      -o, --output PATH     write to PATH instead of standard output, whole or not at all (a
                            temporary file beside PATH, renamed when complete; removed on an
                            error, a full disk or Ctrl-C); a device or pipe (/dev/null) is
                            written to directly
      --format FORMAT       json (default), jsonl, conll, html (one document: a standalone page) or
                            brat (one document: the .ann standoff; with -o PATH also the text copy
                            PATH.txt and annotation.conf and visual.conf beside it)
      --input jsonl         standard input (or each FILE) holds one record a line,
                            {"id": ..., "text": ...}; see "JSONL records" below
      --compact             one line, no white space (jsonl is always compact)
      --layers LIST         write only these layers, comma-separated: sentences,tokens,actors,
                            initiatives,actions,targets,quotes,events,stance
      --no-tokens           leave the token layer out (faster, smaller; for corpus work)
      --lexicons DIR        load the lexicon files in DIR on top of the built-in ones
      --wrapped             hard-wrapped text: a single line break is a space
      --strict              invalid UTF-8 is an error (exit 2) instead of a warning; with
                            --input jsonl, a bad record makes the exit status 1
      --max-bytes N         refuse documents (or JSONL lines) larger than N bytes (default 64 MiB, at most 2 GiB)
      -h, --help            show this help

    JSONL records (--input jsonl, for Spark's RDD.pipe, Hadoop Streaming, GNU parallel):
      Each record gives one line of output, in input order: the compact JSON document, with
      document.id the record's id (a string, or a number written as a string; "line-N" when the
      record has none) and document.path null. Input is read a line at a time, so memory stays
      flat however long the stream. Blank lines are skipped. A bad line (not JSON, not an object,
      no "text" string, an id that is not a string or number, longer than --max-bytes) does not
      stop the stream: it gives the line
        {"id":ID-or-null,"error":"what is wrong","line":N}
      in its place on standard output (so outputs pair with input records by id and by position)
      and an error naming the line number on standard error. The exit status stays 0, because
      RDD.pipe and Hadoop Streaming fail the whole task on any other; with --strict it is 1.

    Exit status: 0 done, 1 with --input jsonl --strict: some records were bad, 2 usage error,
    unreadable input, invalid UTF-8 under --strict, invalid lexicons, or an output that cannot be
    written (a full disk: the message names the file, and a file already at PATH is unchanged).

    Examples:
      accord annotate corpus/bicentennial-ap.txt
      accord annotate --compact --no-tokens a.txt b.txt --format jsonl > out.jsonl
      echo "Mexico and the U.S. pledged to curb fentanyl." | accord annotate -
      accord annotate --format html corpus/bicentennial-ap.txt -o page.html
      printf '{"id":"a1","text":"Mexico pledged to curb fentanyl."}\\n' | accord annotate --input jsonl --no-tokens
    """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let parsed = try Arguments(args,
            valued: ["-o", "--format", "--input", "--layers", "--lexicons", "--max-bytes"],
            flags: ["--compact", "--no-tokens", "--wrapped", "--strict", "-h"],
            aliases: ["--output": "-o", "--help": "-h"])
        if parsed.has("-h") { print(usage); return 0 }
        let input = parsed.value("--input") ?? "text"
        guard input == "text" || input == "jsonl" else {
            throw UsageError("unknown input '\(input)'; use text (the default) or jsonl")
        }
        let formatName = parsed.value("--format") ?? (input == "jsonl" ? "jsonl" : "json")
        guard let format = OutputFormat(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)'; use \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if input == "jsonl" && format != .jsonl && format != .json {
            throw UsageError("--input jsonl writes one JSON document a line; leave out --format (or use --format jsonl)")
        }
        var options = JSONOptions(compact: parsed.has("--compact") || format == .jsonl || input == "jsonl")
        if let list = parsed.value("--layers") { options.layers = try parseLayers(list) }
        if parsed.has("--no-tokens") { options.layers.remove(.tokens) }
        var maxBytes = InputReader.defaultMaxBytes
        if let text = parsed.value("--max-bytes") {
            maxBytes = try InputReader.maxBytes(text)
        }
        let inputs = parsed.positional.isEmpty ? ["-"] : parsed.positional
        if (format == .html || format == .brat) && inputs.count > 1 {
            throw UsageError("--format \(format.rawValue) writes one document; give one FILE, or use 'accord batch DIR -o OUTDIR --format \(format.rawValue)'")
        }
        let annotator = Annotator(lexicons: try loadLexicons(parsed.value("--lexicons")), wrapped: parsed.has("--wrapped"))

        if let target = parsed.value("-o") { removeOutputOnInterrupt(target) }
        if input == "jsonl" {
            return try JSONLAnnotator(annotator: annotator, options: options, maxBytes: maxBytes, strict: parsed.has("--strict"))
                .run(inputs: inputs, output: parsed.value("-o"))
        }

        let output = try parsed.value("-o").map { try OutputFile(path: $0) } ?? OutputFile()
        var failed = false
        let asArray = format == .json && inputs.count > 1
        if asArray { output.write("[") }
        var written = 0
        var companions: [RenderedFile] = []
        var inputBytes: [UInt8] = []
        for path in inputs where output.failure == nil {
            let bytes: [UInt8]
            do {
                bytes = try InputReader.read(path, maxBytes: maxBytes)
            } catch let error as CommandError {
                Terminal.error(error.message)
                failed = true
                continue
            }
            let annotation = annotator.annotate(bytes: bytes, id: InputReader.documentID(path), path: path == "-" ? nil : path, layers: options.layers)
            if parsed.has("--strict"), annotation.source.replacedSequences > 0 {
                Terminal.error("\(path): not valid UTF-8 (\(annotation.source.replacedSequences) invalid sequences); --strict refuses it")
                failed = true
                continue
            }
            for warning in annotation.warnings + annotation.renderWarnings(format) {
                Terminal.warning("\(path == "-" ? "standard input" : path): \(warning)")
            }
            switch format {
            case .json, .jsonl:
                if asArray && written > 0 { output.write(options.compact ? "," : ",\n") }
                annotation.writeJSON(options, chunks: { output.write($0) })
                if !asArray { output.write("\n") }
            default:
                var files = annotation.render(format, options: options)
                var main = files.removeFirst().bytes
                output.write(&main)
                companions = files
                inputBytes = bytes
            }
            written += 1
            lastAnnotation = annotation
        }
        if asArray { output.write(options.compact ? "]\n" : "\n]\n") }
        if failed && written == 0 {
            output.discard()
            return 2
        }
        try output.commit()
        if format == .brat, let target = parsed.value("-o") {
            try writeBratCompanions(companions, beside: target, input: inputs[0], inputBytes: inputBytes, lexicons: annotator.lexicons)
        }
        return failed ? 2 : 0
    }

    /// brat wants the text beside the `.ann` (same name, `.txt`) and the configuration in the same
    /// folder. The text copy never replaces the input itself (when they are one file, the input
    /// stays, and must then hold exactly the text the offsets count in).
    private static func writeBratCompanions(_ files: [RenderedFile], beside target: String, input: String, inputBytes: [UInt8],
                                            lexicons: Lexicons) throws {
        let folder = (target as NSString).deletingLastPathComponent
        let stem = (target as NSString).deletingPathExtension
        for file in files {
            let path = stem + "." + file.fileExtension
            if let id = FileID.of(path), input != "-", id == FileID.of(input) {
                if file.bytes != inputBytes {
                    throw CommandError("\(path): is the input, and its bytes differ from the decoded text (a BOM or invalid UTF-8); "
                                       + "write the .ann elsewhere with -o so that the text copy does not replace the input")
                }
                continue
            }
            let output = try OutputFile(path: path)
            var bytes = file.bytes
            output.write(&bytes)
            try output.commit()
        }
        for (name, text) in [("annotation.conf", OutputFormat.bratConfiguration(for: lexicons)),
                             ("visual.conf", OutputFormat.bratVisualConfiguration(for: lexicons))] {
            let output = try OutputFile(path: (folder.isEmpty ? "" : folder + "/") + name)
            output.write(text)
            try output.commit()
        }
    }

    /// On SIGINT or SIGTERM: remove the temporary file, say so, exit 130 or 143.
    private static func removeOutputOnInterrupt(_ target: String) {
        TemporaryFiles.shared.handleInterrupts {
            "accord: interrupted; \(target) was not written (a file already there is unchanged)"
        }
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
