#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Accord
import Foundation

/// `accord batch DIR -o OUTDIR`: annotate every text file under a folder, in parallel.
enum BatchCommand {
    static let usage = """
    Usage: accord batch DIR -o OUTDIR [options]

    Annotates every *.txt file under DIR (recursively; names starting with a dot are skipped) and
    writes each output at the input's relative path with its extension replaced (DIR/sub/a.txt ->
    OUTDIR/sub/a.json), in parallel (each worker thread compiles its own copy of the lexicons).
    Outputs are the same bytes whatever --jobs is, and each is written whole or not at all (a
    temporary file, then rename); input files are never written, and an OUTDIR inside DIR is not read.

    OUTDIR/summary.json (and summary.csv, one count a row: scope,path,layer,key,label,count) gives,
    for each document (sorted by path) and for the corpus, the mention counts per actor entity,
    target category, action class and stance label (also per holder and per initiative), each
    document's warnings, and the files that failed and why. It holds no timestamps.

    A file that cannot be read, is binary (holds NUL bytes) or is larger than --max-bytes fails: it
    gets no output, is listed in summary.json, and the batch goes on. An empty file or invalid UTF-8
    is annotated as 'accord annotate' does (U+FFFD and a warning). A file that vanishes or becomes
    unreadable while the batch runs fails the same way.

    A full disk (or quota) stops the batch cleanly: the document whose output did not fit fails
    (its temporary file is removed, so no output is half-written), the files not yet started are
    listed in summary.json as not annotated, finished outputs stay, and the exit status is 1. Free
    some space and run the same command with --resume to finish the rest.

    Options:
      -o, --output OUTDIR   where to write (created if missing); required
      --format FORMAT       json (default), jsonl, brat (.ann + .txt copy, and annotation.conf and
                            visual.conf at OUTDIR's top), conll, or html (a page per document
                            and OUTDIR/index.html with charts and links to every page)
      --glob PATTERN        which file names to annotate (fnmatch, on the name; default *.txt)
      -j, --jobs N          worker threads (default: the number of cores, here \(ProcessInfo.processInfo.activeProcessorCount))
      --resume              skip inputs whose outputs exist and were made from the same bytes with
                            the same options (checked by sha256 against OUTDIR/.accord-manifest and
                            the JSON output's document.sha256); the result equals a full run
      --compact             one-line JSON
      --layers LIST         write only these layers (as for annotate); the summary counts all layers
      --no-tokens           leave the token layer out
      --lexicons DIR        load the lexicon files in DIR on top of the built-in ones
      --wrapped             hard-wrapped text: a single line break is a space
      --max-bytes N         fail files larger than N bytes (default 64 MiB, at most 2 GiB)
      -h, --help            show this help

    Progress (files, MB/s, ETA) is drawn on standard error when it is a terminal; otherwise one line
    sums up at the end. Interrupting (Ctrl-C) removes the files in flight and exits 130; run again
    with --resume to finish. Leftover temporary files of a killed run are removed by the next run.

    Exit status: 0 every file annotated, 1 some files failed (or a full disk stopped the batch),
    2 usage error, unreadable DIR, invalid lexicons, or a summary that cannot be written.

    Examples:
      accord batch corpus -o out
      accord batch corpus -o out --format brat --jobs 4
      accord batch ~/news -o annotated --glob '*.md' --no-tokens --resume
    """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let parsed = try Arguments(args,
            valued: ["-o", "--format", "--glob", "--jobs", "--layers", "--lexicons", "--max-bytes"],
            flags: ["--compact", "--no-tokens", "--resume", "--wrapped", "-h"],
            aliases: ["--output": "-o", "--help": "-h", "-j": "--jobs"])
        if parsed.has("-h") { print(usage); return 0 }
        guard let directory = parsed.positional.first else { throw UsageError("missing DIR, the folder of text files to annotate") }
        guard parsed.positional.count == 1 else {
            throw UsageError("too many arguments: '\(parsed.positional.dropFirst().joined(separator: " "))'; give one DIR (use --glob to choose files)")
        }
        guard let outdirArgument = parsed.value("-o") else { throw UsageError("missing -o OUTDIR, the folder to write to") }
        let formatName = parsed.value("--format") ?? "json"
        guard let format = OutputFormat(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)'; use \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var options = JSONOptions(compact: parsed.has("--compact"))
        if let list = parsed.value("--layers") { options.layers = try AnnotateCommand.parseLayers(list) }
        if parsed.has("--no-tokens") { options.layers.remove(.tokens) }
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let text = parsed.value("--jobs") {
            guard let n = Int(text), n > 0, n <= 1024 else { throw UsageError("--jobs needs a number of threads from 1 to 1024") }
            jobs = n
        }
        var maxBytes = InputReader.defaultMaxBytes
        if let text = parsed.value("--max-bytes") {
            maxBytes = try InputReader.maxBytes(text)
        }
        let pattern = parsed.value("--glob") ?? "*.txt"
        guard !pattern.isEmpty, !pattern.contains("/") else {
            throw UsageError("--glob matches file names, not paths: give a pattern such as '*.txt' (no '/')")
        }

        let root = trimmedPath(directory)
        let outdir = trimmedPath(outdirArgument)
        var walker = CorpusWalker(root: root, pattern: pattern, skip: nil)
        try walker.checkRoot()
        let annotator = Annotator(lexicons: try AnnotateCommand.loadLexicons(parsed.value("--lexicons")), wrapped: parsed.has("--wrapped"))

        do { try makeFolders(outdir) } catch let error as OutputError { throw CommandError(error.message + "; choose another OUTDIR") }
        guard let outdirID = FileID.of(outdir) else { throw CommandError("\(outdir): cannot be read; choose another OUTDIR") }
        if outdirID == FileID.of(root) {
            throw UsageError("OUTDIR is DIR itself; give another folder (it may be inside DIR)")
        }
        TemporaryFiles.removeStray(under: outdir)

        let started = Date()
        walker = CorpusWalker(root: root, pattern: pattern, skip: outdirID)
        try walker.walk()
        let settings = BatchSettings(root: root, outdir: outdir, format: format, options: options, jobs: jobs,
                                     maxBytes: maxBytes, resume: parsed.has("--resume"), pattern: pattern)
        return try BatchDriver.run(settings: settings, annotator: annotator, walker: walker, started: started,
                                   fingerprint: settings.fingerprint(lexicons: annotator.lexicons.digest, wrapped: parsed.has("--wrapped")))
    }

    /// A path without trailing slashes (`/` stays `/`).
    static func trimmedPath(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }
}
