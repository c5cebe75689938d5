#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Accord
import Foundation

/// Puts a batch together: plans the outputs, runs the workers, writes summary.json, summary.csv and
/// the manifest, and reports on standard error.
enum BatchDriver {
    /// Names at OUTDIR's top that belong to the batch itself.
    static let reservedNames: Set<String> = ["summary.json", "summary.csv", "annotation.conf", "visual.conf", Manifest.fileName]

    static func run(settings: BatchSettings, annotator: Annotator, walker: CorpusWalker, started: Date,
                    fingerprint: String) throws -> Int32 {
        let files = walker.files
        let outdir = settings.outdir

        // Two inputs with one output name (a.txt and a.md under --glob '*'), or an output that
        // would replace the summary: the later input fails, deterministically.
        var planned: [Int: String] = [:]
        var reservedNames = BatchDriver.reservedNames
        if settings.format == .html { reservedNames.insert("index.html") }
        do {
            let extensions = settings.format == .brat ? ["ann", "txt"] : [settings.format.fileExtension]
            var firstByStem: [String: Int] = [:]
            for (index, file) in files.enumerated() {
                let stem = outputStem(file.relative)
                if let first = firstByStem[stem] {
                    planned[index] = "has the same output name as \(files[first].relative) (\(stem).\(extensions[0])); rename one of them"
                    continue
                }
                firstByStem[stem] = index
                if let clash = extensions.map({ stem + "." + $0 }).first(where: reservedNames.contains) {
                    planned[index] = "its output would replace the batch's own \(clash); rename the file or move it into a folder"
                }
            }
        }

        let manifest = Manifest(directory: outdir)
        let entries = settings.resume ? manifest.load() : [:]
        try manifest.openJournal(fresh: !settings.resume)

        if settings.format == .brat {
            do {
                try OutputFile.write(Array(OutputFormat.bratConfiguration(for: annotator.lexicons).utf8), to: outdir + "/annotation.conf")
                try OutputFile.write(Array(OutputFormat.bratVisualConfiguration(for: annotator.lexicons).utf8), to: outdir + "/visual.conf")
            } catch let error as OutputError {
                throw CommandError(error.message)
            }
        }

        let totalBytes = files.reduce(0) { $0 + $1.size }
        let progress = ProgressLine(enabled: isatty(2) != 0, totalFiles: files.count, totalBytes: totalBytes, started: started)
        let run = BatchRun(settings: settings, annotator: annotator, fingerprint: fingerprint, files: files, planned: planned,
                           manifest: manifest, manifestEntries: entries, progress: progress)
        let total = files.count
        TemporaryFiles.shared.handleInterrupts { [run, progress] in
            let done = run.counts.files
            return (progress.enabled ? "\r\u{1B}[K" : "")
                + "accord: interrupted after \(Human.count(done)) of \(Human.count(total)) files; finished outputs are in place, "
                + "none is half-written; run the same command with --resume to finish"
        }

        let documents: ScratchFile, rows: ScratchFile
        do {
            documents = try ScratchFile(directory: outdir, name: "summary.json")
            rows = try ScratchFile(directory: outdir, name: "summary.csv")
        } catch let error as OutputError {
            throw CommandError(error.message)
        }
        defer { documents.remove(); rows.remove() }

        var totals = CorpusTotals()
        var failures = walker.failures
        for failure in walker.failures {
            progress.say(errorLine(settings.inputPath(failure.relative) + ": " + failure.reason))
        }
        var succeeded: Set<String> = []
        // Only the HTML index needs every document at the end (a few counts each).
        var indexEntries: [CorpusIndexEntry] = []
        var annotated = 0, unchanged = 0, notStarted = 0
        var stoppedOnFullDisk = false
        run.run { index, outcome in
            let relative = files[index].relative
            switch outcome {
            case .annotated(let rendered, let sha256):
                manifest.append(settings: fingerprint, sha256: sha256, relative: rendered.summary.path, json: rendered.json)
                annotated += 1
                fallthrough
            case .unchanged(let rendered):
                if case .unchanged = outcome { unchanged += 1 }
                let summary = rendered.summary
                documents.write(totals.documents == 0 ? "\n    " : ",\n    ")
                documents.write(rendered.json)
                rows.write(rendered.csvRows)
                // In input order: String keys are equal when canonically equivalent, and a table
                // keeps the form it met first, so totals summed per worker could differ in bytes.
                totals.add(summary)
                succeeded.insert(relative)
                if settings.format == .html, let page = summary.outputs.first { indexEntries.append(summary.indexEntry(link: page)) }
            case .failed(let reason), .outOfSpace(let reason):
                failures.append(CorpusFailure(relative: relative, reason: reason))
                progress.say(errorLine(settings.inputPath(relative) + ": " + reason))
                if case .outOfSpace = outcome { stoppedOnFullDisk = true }
            case .notStarted:
                notStarted += 1
                failures.append(CorpusFailure(relative: relative, reason: BatchDriver.notStartedReason))
            }
        }
        let counts = run.counts
        progress.update(files: counts.files, bytes: counts.bytes, failed: counts.failed, force: true)
        if stoppedOnFullDisk {
            progress.say(errorLine("\(outdir): the disk is full; the batch stopped with \(Human.count(notStarted)) of "
                                   + "\(Human.count(files.count)) files not started; free some space and run the same command "
                                   + "with --resume to finish"))
        }

        failures.sort { byteOrder($0.relative, $1.relative) }
        totals.files = files.count + walker.failures.count
        totals.failed = failures.count
        do {
            let json = try OutputFile(path: outdir + "/summary.json")
            json.write("{\n  \"annotator\": {\"lexicons\": \(SummaryJSON.quoted(annotator.lexicons.digest)), \"name\": \"accord\", "
                       + "\"version\": \(SummaryJSON.quoted(Accord.version))},\n")
            json.write("  \"corpus\": " + totals.json + ",\n  \"documents\": [")
            try documents.copy(into: json)
            json.write(totals.documents > 0 ? "\n  ],\n" : "],\n")
            json.write("  \"failed\": [")
            for (i, failure) in failures.enumerated() {
                json.write((i == 0 ? "\n    " : ",\n    ") + "{\"path\": \(SummaryJSON.quoted(failure.relative)), "
                           + "\"reason\": \(SummaryJSON.quoted(failure.reason))}")
            }
            json.write(failures.isEmpty ? "],\n" : "\n  ],\n")
            json.write("  \"format\": \(SummaryJSON.quoted(settings.format.rawValue)),\n  \"glob\": \(SummaryJSON.quoted(settings.pattern)),\n"
                       + "  \"schema\": \"accord.batch-summary/1\"\n}\n")
            try json.commit()

            let csv = try OutputFile(path: outdir + "/summary.csv")
            csv.write(SummaryCSV.header)
            csv.write(totals.csvRows)
            try rows.copy(into: csv)
            for failure in failures { csv.write(SummaryCSV.row("failed", failure.relative, "error", failure.reason, "", 1)) }
            try csv.commit()

            if settings.format == .html {
                var failed: [String: String] = [:]
                for failure in failures { failed[failure.relative] = failure.reason }
                try OutputFile.write(CorpusIndexHTML.render(indexEntries, failures: failed), to: outdir + "/index.html")
            }
        } catch let error as OutputError {
            throw CommandError(error.message)
        }
        try manifest.compact(keep: succeeded)

        let elapsed = Date().timeIntervalSince(started)
        var line = "accord: \(Human.count(files.count + walker.failures.count)) file\(files.count + walker.failures.count == 1 ? "" : "s") "
            + "(\(Human.bytes(totalBytes))) in \(Human.duration(elapsed)), \(Human.rate(bytes: totalBytes, seconds: elapsed))"
        if totals.files == 0 { line += "; no file under \(settings.root) matches --glob '\(settings.pattern)'" }
        if settings.resume { line += "; \(Human.count(annotated)) annotated, \(Human.count(unchanged)) unchanged (--resume)" }
        if totals.withWarnings > 0 {
            line += "; \(Human.count(totals.withWarnings)) with warnings"
        }
        if !failures.isEmpty { line += "; \(Human.count(failures.count)) failed (see \(outdir)/summary.json)" }
        progress.say(line)
        return failures.isEmpty ? 0 : 1
    }

    /// The reason listed in summary.json for the inputs left when the batch stopped.
    static let notStartedReason = "not annotated: the batch stopped because the disk is full; free some space and run the same "
        + "command with --resume"

    static func errorLine(_ message: String) -> String {
        (Terminal.useColor ? "\u{1B}[31maccord: error:\u{1B}[0m " : "accord: error: ") + message
    }
}
