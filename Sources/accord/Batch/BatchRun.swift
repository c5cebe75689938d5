#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Accord
import Foundation

/// What a batch was asked to do, fixed before the first file is read.
struct BatchSettings: Sendable {
    /// DIR as given, without trailing slashes.
    let root: String
    let outdir: String
    let format: OutputFormat
    let options: JSONOptions
    let jobs: Int
    let maxBytes: Int
    let resume: Bool
    /// `--glob`.
    let pattern: String

    /// `document.path` of an input: DIR as given joined with the relative path.
    func inputPath(_ relative: String) -> String {
        root == "." ? relative : root + "/" + relative
    }

    func outputPath(_ relative: String) -> String { outdir + "/" + relative }

    /// What decides the bytes of an output, besides the input: `--resume` only trusts an output made
    /// with the same fingerprint.
    func fingerprint(lexicons: String, wrapped: Bool) -> String {
        let layers = options.layers.map(\.rawValue).sorted().joined(separator: ",")
        let text = "accord \(Accord.version)\nformat \(format.rawValue)\ncompact \(options.compact)\nlayers \(layers)\n"
            + "wrapped \(wrapped)\nlexicons \(lexicons)\nroot \(root)\n"
        return String(SHA256.hex(Array(text.utf8)).prefix(32))
    }
}

/// The output name of an input: its relative path with the extension replaced (`sub/a.txt` →
/// `sub/a`, to which the format's extension is added).
func outputStem(_ relative: String) -> String {
    // In ASCII every byte is a Character of its own (CR LF aside, which holds no `/` or `.`), so
    // searching the bytes finds what searching the Characters finds, without grapheme breaking.
    let utf8 = relative.utf8
    guard utf8.allSatisfy({ $0 < 0x80 }) else { return characterStem(relative) }
    let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
    if let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot > nameStart {
        return String(relative[..<dot])
    }
    return relative
}

/// `outputStem` by Characters: a `/` or `.` followed by a combining mark is no separator.
private func characterStem(_ relative: String) -> String {
    let slash = relative.lastIndex(of: "/")
    let nameStart = slash.map { relative.index(after: $0) } ?? relative.startIndex
    if let dot = relative[nameStart...].lastIndex(of: "."), dot > nameStart {
        return String(relative[..<dot])
    }
    return relative
}

/// The result of one input.
enum BatchOutcome: Sendable {
    case annotated(RenderedSummary, sha256: String)
    case unchanged(RenderedSummary)
    case failed(String)
    /// Its output could not be written because the disk (or the quota) is full: the batch stops.
    case outOfSpace(String)
    /// Not started, because the batch had stopped on a full disk.
    case notStarted
}

/// A document's summary with its summary.json line and summary.csv rows, rendered by the worker
/// that annotated it: the thread that collects outcomes in order only writes them, so it does not
/// limit how far the batch scales with --jobs.
struct RenderedSummary: Sendable {
    let summary: DocumentSummary
    let json: [UInt8]
    let csvRows: [UInt8]

    init(_ summary: DocumentSummary) {
        self.summary = summary
        let counts = summary.sortedCounts
        json = summary.json(counts)
        csvRows = summary.csvRows(counts)
    }
}

/// The counts a finished batch reports.
struct BatchReport {
    var files = 0
    var bytes = 0
    var annotated = 0
    var unchanged = 0
    var processedBytes = 0
    var failures: [CorpusFailure] = []
    var withWarnings = 0
}

/// Runs the batch: `jobs` worker threads, each with its own copy of the annotator; the calling thread collects results
/// in input order (a bounded window ahead, so memory stays flat), streams the summary to scratch
/// files, appends to the resume manifest and draws progress.
final class BatchRun: @unchecked Sendable {
    let settings: BatchSettings
    let annotator: Annotator
    let fingerprint: String
    let files: [CorpusFile]
    /// Inputs that fail before being read (same output as another input, a reserved name).
    let planned: [Int: String]
    let inputIDs: Set<FileID>
    let manifestEntries: [String: Manifest.Entry]
    let manifest: Manifest
    let progress: ProgressLine

    private let condition = NSCondition()
    private var nextIndex = 0
    private var collected = 0
    private var results: [Int: BatchOutcome] = [:]
    private var doneFiles = 0
    private var doneBytes = 0
    private var failedCount = 0
    /// Set when an output met a full disk: the inputs not yet started are not read.
    private var stopped = false
    private let window: Int
    /// The collector sleeps until this many results wait for it (or every file is done), so it
    /// wakes a few hundred times a batch rather than once a file: each wake-up is a context
    /// switch taken from a worker when there are as many workers as cores.
    private static let collectBatch = 16
    private var collectorWaiting = false
    private var workersWaiting = 0

    private let folderLock = NSLock()
    private var folders: Set<String> = []

    init(settings: BatchSettings, annotator: Annotator, fingerprint: String, files: [CorpusFile], planned: [Int: String],
         manifest: Manifest, manifestEntries: [String: Manifest.Entry], progress: ProgressLine) {
        self.settings = settings
        self.annotator = annotator
        self.fingerprint = fingerprint
        self.files = files
        self.planned = planned
        self.inputIDs = Set(files.map(\.id))
        self.manifestEntries = manifestEntries
        self.manifest = manifest
        self.progress = progress
        window = max(64, settings.jobs * 16)
    }

    /// Processes every file; `collect` gets each outcome in input order on the calling thread.
    func run(collect: (Int, BatchOutcome) -> Void) {
        for worker in 0..<min(settings.jobs, max(1, files.count)) {
            let thread = Thread { [self] in work(with: worker == 0 ? annotator : annotator.independentCopy()) }
            thread.stackSize = 16 << 20
            thread.start()
        }
        condition.lock()
        while collected < files.count {
            if let outcome = results.removeValue(forKey: collected) {
                let index = collected
                condition.unlock()
                collect(index, outcome)
                condition.lock()
                collected += 1
                if workersWaiting > 0 { condition.broadcast() }
                continue
            }
            collectorWaiting = true
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
            collectorWaiting = false
            let (files, bytes, failed) = (doneFiles, doneBytes, failedCount)
            condition.unlock()
            progress.update(files: files, bytes: bytes, failed: failed)
            condition.lock()
        }
        condition.unlock()
    }

    /// Files done and bytes read so far (for progress).
    var counts: (files: Int, bytes: Int, failed: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (doneFiles, doneBytes, failedCount)
    }

    /// Takes inputs in order until none is left; each worker thread has its own annotator.
    private func work(with annotator: Annotator) {
        while true {
            condition.lock()
            while nextIndex < files.count && nextIndex >= collected + window {
                workersWaiting += 1
                condition.wait()
                workersWaiting -= 1
            }
            guard nextIndex < files.count else { condition.unlock(); return }
            let index = nextIndex
            nextIndex += 1
            let skip = stopped
            condition.unlock()

            let outcome = skip ? .notStarted : process(index, with: annotator)

            condition.lock()
            results[index] = outcome
            doneFiles += 1
            doneBytes += files[index].size
            switch outcome {
            case .failed: failedCount += 1
            case .outOfSpace: failedCount += 1; stopped = true
            default: break
            }
            if collectorWaiting, results[collected] != nil, results.count >= BatchRun.collectBatch || doneFiles == files.count {
                condition.broadcast()
            }
            condition.unlock()
        }
    }

    // MARK: One input

    private func process(_ index: Int, with annotator: Annotator) -> BatchOutcome {
        if let reason = planned[index] { return .failed(reason) }
        let file = files[index]
        let path = settings.inputPath(file.relative)
        let bytes: [UInt8]
        switch readInput(path) {
        case .success(let read): bytes = read
        case .failure(let failure): return .failed(failure.reason)
        }
        if bytes.contains(0) {
            return .failed("binary file (contains NUL bytes); accord reads UTF-8 text (convert UTF-16 text to UTF-8)")
        }
        let stem = outputStem(file.relative)
        if settings.resume, let summary = unchanged(file.relative, bytes: bytes) { return .unchanged(RenderedSummary(summary)) }

        let annotation = annotator.annotate(bytes: bytes, id: InputReader.documentID(file.relative), path: path)
        var outputs: [String] = []
        do {
            switch settings.format {
            case .json, .jsonl:
                var options = settings.options
                if settings.format == .jsonl { options.compact = true }
                let relative = stem + "." + settings.format.fileExtension
                try makeFolder(for: relative)
                let output = try OutputFile(path: settings.outputPath(relative), durable: false)
                annotation.writeJSON(options, chunks: { output.write($0) })
                output.write([0x0A])
                try commit(output, relative)
                outputs.append(relative)
            default:
                for rendered in annotation.render(settings.format, options: settings.options) {
                    let relative = stem + "." + rendered.fileExtension
                    try makeFolder(for: relative)
                    let output = try OutputFile(path: settings.outputPath(relative), durable: false)
                    output.write(rendered.bytes)
                    try commit(output, relative)
                    outputs.append(relative)
                }
            }
        } catch let error as OutputError {
            return error.isOutOfSpace ? .outOfSpace(error.message) : .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
        let summary = DocumentSummary(path: file.relative, annotation: annotation, bytes: bytes.count, outputs: outputs,
                                      extraWarnings: annotation.renderWarnings(settings.format))
        return .annotated(RenderedSummary(summary), sha256: annotation.document.sha256)
    }

    /// Renames the output into place unless that would replace an input file.
    private func commit(_ output: OutputFile, _ relative: String) throws {
        var s = stat()
        if lstat(output.path, &s) == 0, inputIDs.contains(FileID(s)) {
            output.discard()
            throw OutputError("its output \(output.path) would replace an input file; choose an OUTDIR outside DIR's files")
        }
        try output.commit()
    }

    private func makeFolder(for relative: String) throws {
        guard let slash = relative.lastIndex(of: "/") else { return }
        let folder = settings.outputPath(String(relative[..<slash]))
        folderLock.lock()
        let known = folders.contains(folder)
        folderLock.unlock()
        if known { return }
        try makeFolders(folder)
        folderLock.lock()
        folders.insert(folder)
        folderLock.unlock()
    }

    /// For `--resume`: the saved summary when the manifest says this input (same bytes, same
    /// settings) is done and its outputs are in place (a JSON output must name the same sha256).
    private func unchanged(_ relative: String, bytes: [UInt8]) -> DocumentSummary? {
        guard let entry = manifestEntries[relative], entry.settings == fingerprint else { return nil }
        let sha = SHA256.hex(bytes)
        guard entry.sha256 == sha, let text = manifest.summary(entry),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let summary = DocumentSummary(json: object), summary.path == relative, !summary.outputs.isEmpty else { return nil }
        for output in summary.outputs {
            guard access(settings.outputPath(output), F_OK) == 0 else { return nil }
        }
        if settings.format == .json || settings.format == .jsonl {
            guard BatchRun.documentSHA256(settings.outputPath(summary.outputs[0])) == sha else { return nil }
        }
        return summary
    }

    /// `document.sha256` of a JSON output: the first `"sha256"` key near its start (the document
    /// object comes second, after `schema`; a key cannot occur unescaped inside a string). Reads
    /// 4 kB, or 64 kB when the document's id and path are long.
    static func documentSHA256(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        for size in [4096, 1 << 16] {
            var buffer = [UInt8](repeating: 0, count: size)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
            guard n > 0 else { return nil }
            let key = Array("\"sha256\"".utf8)
            var i = 0
            while i + key.count <= n {
                if buffer[i] == key[0] && buffer[i..<i + key.count].elementsEqual(key) {
                    var j = i + key.count
                    while j < n && (buffer[j] == 0x20 || buffer[j] == 0x3A) { j += 1 }
                    guard j + 66 <= n, buffer[j] == 0x22, buffer[j + 65] == 0x22 else { return nil }
                    return String(decoding: buffer[(j + 1)..<(j + 65)], as: UTF8.self)
                }
                i += 1
            }
            if n < size { return nil }
        }
        return nil
    }

    // MARK: Reading

    struct ReadFailure: Error { let reason: String }

    /// Reads an input whole, failing with a reason a person can act on.
    private func readInput(_ path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let error = errno
            switch error {
            case ENOENT: return .failure(ReadFailure(reason: "vanished before it could be read (no such file)"))
            case EACCES, EPERM: return .failure(ReadFailure(reason: "cannot be read (permission denied); check its permissions"))
            default: return .failure(ReadFailure(reason: "cannot be read (\(String(cString: strerror(error))))"))
            }
        }
        defer { close(fd) }
        var s = stat()
        guard fstat(fd, &s) == 0 else { return .failure(ReadFailure(reason: "cannot be read (\(String(cString: strerror(errno))))")) }
        guard (s.st_mode & S_IFMT) == S_IFREG else { return .failure(ReadFailure(reason: "not a regular file")) }
        let limit = settings.maxBytes
        if Int(s.st_size) > limit {
            return .failure(ReadFailure(reason: "\(Human.count(Int(s.st_size))) bytes is more than --max-bytes \(Human.count(limit)); raise --max-bytes or split the file"))
        }
        var bytes = [UInt8](repeating: 0, count: min(Int(s.st_size), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { break }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(ReadFailure(reason: "cannot be read (\(String(cString: strerror(errno))))"))
            }
            if n == 0 { break }
            count += n
        }
        if count > limit {
            return .failure(ReadFailure(reason: "larger than --max-bytes \(Human.count(limit)); raise --max-bytes or split the file"))
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }
}
