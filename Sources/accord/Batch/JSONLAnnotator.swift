#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Accord
import Foundation

private func posixOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }

/// `accord annotate --input jsonl`: one record `{"id": ..., "text": ...}` a line in, one compact
/// JSON document a line out, in order. Reads a line at a time (memory stays flat however long the
/// stream); a bad line gives `{"id":...,"error":"...","line":N}` in its place and the stream goes on.
struct JSONLAnnotator {
    let annotator: Annotator
    let options: JSONOptions
    let maxBytes: Int
    /// `--strict`: bad records make the exit status 1 (otherwise 0: the error records say it, and
    /// Spark's RDD.pipe or Hadoop Streaming would fail the whole task on a non-zero status).
    let strict: Bool

    /// Returns 0 (1 under `--strict` when some records were bad, 2 when an input could not be read);
    /// throws for an unwritable output.
    func run(inputs: [String], output path: String?) throws -> Int32 {
        let output = try path.map { try OutputFile(path: $0) } ?? OutputFile()
        var bad = 0
        var unreadable = false
        var line: [UInt8] = []
        line.reserveCapacity(1 << 16)
        inputs: for input in inputs {
            let name = input == "-" ? "standard input" : input
            let fd: Int32
            if input == "-" {
                fd = 0
            } else {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
                    Terminal.error("\(input): is a folder; give a file of JSONL records")
                    unreadable = true
                    continue
                }
                fd = posixOpen(input, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else {
                    Terminal.error("\(input): \(errno == ENOENT ? "no such file; check the path" : "cannot be read (\(String(cString: strerror(errno))))")")
                    unreadable = true
                    continue
                }
            }
            defer { if fd != 0 { close(fd) } }
            let reader = LineReader(fd: fd, maxLength: maxBytes)
            while let next = reader.next() {
                let number = reader.number
                switch record(next, number: number) {
                case .skip:
                    continue
                case .bad(let id, let message):
                    bad += 1
                    Terminal.error("\(name):\(number): \(message); wrote an error record in its place")
                    output.write("{\"id\":\(id),\"error\":\(SummaryJSON.quoted(message)),\"line\":\(number)}\n")
                case .document(let id, let text):
                    let annotation = annotator.annotate(text, id: id, path: nil)
                    for warning in annotation.warnings { Terminal.warning("\(name):\(number) (id \(id)): \(warning)") }
                    annotation.writeJSON(options, chunks: { line.append(contentsOf: $0) })
                    line.append(0x0A)
                    output.write(&line)
                }
                if output.failure != nil { break inputs }
            }
            if let failure = reader.failure {
                Terminal.error("\(name): reading stopped after line \(reader.number) (\(failure))")
                unreadable = true
            }
        }
        try output.commit()
        if unreadable { return 2 }
        return bad > 0 && strict ? 1 : 0
    }

    enum Record {
        case skip
        /// `id` is the JSON to write in the error record (the record's id, or `null`).
        case bad(id: String, message: String)
        case document(id: String, text: String)
    }

    func record(_ line: LineReader.Line, number: Int) -> Record {
        let bytes: [UInt8]
        switch line {
        case .tooLong(let length):
            return .bad(id: "null", message: "line is \(Human.count(length)) bytes, more than --max-bytes \(Human.count(maxBytes)); raise --max-bytes")
        case .text(let text):
            bytes = text
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .skip }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .bad(id: "null", message: "not JSON; each line must be an object such as {\"id\": \"a1\", \"text\": \"...\"}")
        }
        guard let object = value as? [String: Any] else {
            return .bad(id: "null", message: "not a JSON object; each line must be an object such as {\"id\": \"a1\", \"text\": \"...\"}")
        }
        let id: String, idJSON: String
        switch object["id"] {
        case nil, is NSNull:
            id = "line-\(number)"
            idJSON = "null"
        case let string as String:
            id = string
            idJSON = SummaryJSON.quoted(string)
        case let number as NSNumber where !JSONLAnnotator.isBool(number):
            id = number.stringValue
            idJSON = id
        default:
            return .bad(id: "null", message: "\"id\" must be a string or a number")
        }
        guard let text = object["text"] as? String else {
            return .bad(id: idJSON, message: object["text"] == nil ? "no \"text\" field" : "\"text\" is not a string")
        }
        return .document(id: id, text: text)
    }

    private static func isBool(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
