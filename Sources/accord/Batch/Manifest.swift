#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func posixOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { open(path, flags, mode) }

/// `OUTDIR/.accord-manifest`: what `--resume` trusts. One line per finished document,
/// `SETTINGS<TAB>SHA256<TAB>"PATH"<TAB>SUMMARY` (the settings fingerprint, the input's SHA-256, its
/// relative path as a JSON string and its summary.json entry). During a run it is a journal: a line
/// is appended after the document's outputs are in place, gathered in blocks of 64 kB (one write
/// each), so a killed run leaves only whole lines (a torn last line is ignored) and at most a
/// block's documents unrecorded, which `--resume` annotates again. At the end of a run it is
/// rewritten atomically, sorted by path, unless the journal already holds exactly that. Only
/// offsets are kept in memory; summaries are read back when needed.
final class Manifest: @unchecked Sendable {
    static let fileName = ".accord-manifest"
    static let header = "# accord batch manifest 2: settings, input sha256, path and summary of each finished document\n"

    struct Entry: Sendable {
        let settings: String
        let sha256: String
        /// Where the line's summary lies in the manifest file.
        let offset: Int
        let length: Int
    }

    let path: String
    private var journal: Int32 = -1
    /// Journal lines not yet written.
    private var pending: [UInt8] = []
    private static let blockSize = 1 << 16
    /// Whether the journal holds just the header and whole lines in strictly increasing path
    /// order, every one written: then it is already what `compact` would write.
    private var journalIsSorted = false
    private var lastRelative: String?
    private var appended = 0
    /// Open for reading summaries back (the entries' offsets point into this file).
    private var reader: Int32 = -1

    init(directory: String) {
        path = directory + "/" + Manifest.fileName
    }

    deinit {
        if journal >= 0 { flush(); close(journal) }
        if reader >= 0 { close(reader) }
    }

    /// The entries on disk by relative input path (the last line for a path wins).
    func load() -> [String: Entry] {
        var entries: [String: Entry] = [:]
        if reader >= 0 { close(reader) }
        reader = posixOpen(path, O_RDONLY | O_CLOEXEC)
        guard reader >= 0 else { return entries }
        let lines = LineReader(fd: reader, maxLength: 1 << 24)
        var offset = 0
        while let line = lines.next() {
            defer { offset = lines.consumed }
            guard case .text(let bytes) = line, bytes.first != UInt8(ascii: "#"), lines.consumed > offset,
                  bytes.count < lines.consumed - offset else { continue }   // a whole line, ended by its newline
            let fields = bytes.split(separator: 0x09, maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, fields[0].count == 32, fields[1].count == 64,
                  let relative = (try? JSONSerialization.jsonObject(with: Data(fields[2]), options: [.fragmentsAllowed])) as? String
            else { continue }
            let start = offset + fields[0].count + fields[1].count + fields[2].count + 3
            entries[relative] = Entry(settings: String(decoding: fields[0], as: UTF8.self), sha256: String(decoding: fields[1], as: UTF8.self),
                                      offset: start, length: fields[3].count)
        }
        return entries
    }

    /// The summary of an entry returned by `load`.
    func summary(_ entry: Entry) -> String? {
        guard reader >= 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: entry.length)
        let n = buffer.withUnsafeMutableBytes { pread(reader, $0.baseAddress!, entry.length, off_t(entry.offset)) }
        return n == entry.length ? String(decoding: buffer, as: UTF8.self) : nil
    }

    /// Opens the journal: appending to it (`--resume`), or emptied for a fresh run.
    func openJournal(fresh: Bool) throws {
        journal = posixOpen(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (fresh ? O_TRUNC : 0), 0o644)
        guard journal >= 0 else {
            throw CommandError("\(path): cannot write the resume manifest (\(String(cString: strerror(errno)))); check that OUTDIR is writable")
        }
        var s = stat()
        if fstat(journal, &s) == 0 && s.st_size == 0 {
            append(line: Manifest.header.utf8)
            journalIsSorted = true
        }
    }

    static func line(settings: String, sha256: String, relative: String, summary: [UInt8]) -> [UInt8] {
        var line: [UInt8] = []
        line.appendUTF8(settings)
        line.append(0x09)
        line.appendUTF8(sha256)
        line.append(0x09)
        SummaryJSON.appendQuoted(relative, to: &line)
        line.append(0x09)
        line.append(contentsOf: summary)
        line.append(0x0A)
        return line
    }

    /// Records a finished document (its outputs must be in place).
    func append(settings: String, sha256: String, relative: String, json: [UInt8]) {
        if let lastRelative, !byteOrder(lastRelative, relative) { journalIsSorted = false }
        lastRelative = relative
        appended += 1
        append(line: Manifest.line(settings: settings, sha256: sha256, relative: relative, summary: json))
    }

    private func append(line: some Collection<UInt8>) {
        guard journal >= 0 else { return }
        pending.append(contentsOf: line)
        if pending.count >= Manifest.blockSize { flush() }
    }

    /// Writes the pending lines; a failed write leaves the journal unsorted (it may end torn).
    private func flush() {
        guard journal >= 0, !pending.isEmpty else { return }
        let complete = pending.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = posixWrite(journal, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        if !complete { journalIsSorted = false }
        pending.removeAll(keepingCapacity: true)
    }

    /// Rewrites the manifest with the entries of `keep` only, sorted by path, atomically. `keep`
    /// must hold every path appended in this run. When the journal began empty and was appended
    /// in path order with `keep`'s paths only, it is that manifest already: it is flushed to disk
    /// instead of being read back and rewritten.
    func compact(keep: Set<String>) throws {
        if journal >= 0 {
            flush()
            let inPlace = journalIsSorted && appended == keep.count && fsync(journal) == 0
            let closed = close(journal) == 0
            journal = -1
            if inPlace && closed { return }
        }
        let entries = load().filter { keep.contains($0.key) }.sorted { byteOrder($0.key, $1.key) }
        do {
            let output = try OutputFile(path: path)
            output.write(Manifest.header)
            for (relative, entry) in entries {
                guard let summary = summary(entry) else { continue }
                output.write(Manifest.line(settings: entry.settings, sha256: entry.sha256, relative: relative, summary: Array(summary.utf8)))
            }
            try output.commit()
        } catch let error as OutputError {
            throw CommandError(error.message)
        }
    }
}
