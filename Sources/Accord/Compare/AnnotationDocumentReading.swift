import Foundation

extension AnnotationDocument {
    /// The schema every document must declare.
    public static let schema = "accord.annotation/1"

    /// Reads the documents in `data`: one JSON document, a JSON array of documents, or JSONL (one
    /// document per line). `source` names the data in errors: a path, or `EXPECTED`/`ACTUAL`.
    ///
    /// - Throws: `CompareError` for invalid JSON or a document that is not `accord.annotation/1`.
    public static func documents(from data: Data, source: String) throws -> [AnnotationDocument] {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw CompareError(path: source, "empty; expected an accord.annotation/1 JSON document")
        }
        let whole: Any
        do {
            whole = try JSONSerialization.jsonObject(with: data)
        } catch {
            if let lines = try jsonLines(data, source: source) { return lines }
            throw CompareError(path: source, "not valid JSON (\(reason(error))); expected an accord.annotation/1 document or JSONL")
        }
        if let array = whole as? [Any] {
            return try array.enumerated().map { try AnnotationDocument(json: $1, source: "\(source): document \($0 + 1)") }
        }
        return [try AnnotationDocument(json: whole, source: source)]
    }

    /// JSONL: every non-blank line a document. `nil` when the first line is not a JSON object on its
    /// own (then the data is one broken JSON document, not JSONL).
    private static func jsonLines(_ data: Data, source: String) throws -> [AnnotationDocument]? {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count > 1 else { return nil }
        var documents: [AnnotationDocument] = []
        for (number, line) in lines.enumerated() {
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let where_ = "\(source):\(number + 1)"
            let value: Any
            do {
                value = try JSONSerialization.jsonObject(with: Data(trimmed))
            } catch {
                if documents.isEmpty { return nil }
                throw CompareError(path: where_, "not valid JSON (\(reason(error))); each JSONL line must be one complete document")
            }
            documents.append(try AnnotationDocument(json: value, source: where_))
        }
        return documents
    }

    private static func reason(_ error: Error) -> String {
        let info = (error as NSError).userInfo
        if let debug = info["NSDebugDescription"] as? String { return debug }
        return (error as NSError).localizedDescription
    }

    /// Reads one document from a value JSONSerialization made.
    init(json: Any, source: String) throws {
        guard let object = json as? [String: Any] else {
            throw CompareError(path: source, "not a JSON object; expected an accord.annotation/1 document")
        }
        guard let schema = object["schema"] as? String else {
            throw CompareError(path: source, "no \"schema\"; expected an accord.annotation/1 document (made by 'accord annotate')")
        }
        guard schema == Self.schema else {
            throw CompareError(path: source, "schema is \"\(schema)\", not \(Self.schema)")
        }
        var reader = RecordReader(source: source, document: object)
        self.init(id: reader.documentID, text: object["text"] as? String)
        reader.text = text.map { Array($0.unicodeScalars) }

        sentences = try reader.records("sentences") { r in Sentence(start: try r.int("start"), end: try r.int("end")) }
        tokens = try reader.records("tokens") { r in Token(span: try r.span(), kind: r.string("kind")) }
        actors = try reader.records("actors") { r in
            let entity = try r.requiredString("entity")
            return Actor(span: try r.span(), entity: entity, type: r.string("type") ?? Self.actorType(of: entity),
                         role: r.string("role"), affiliation: r.string("affiliation"), via: r.string("via"),
                         sentence: try r.optionalInt("sentence"))
        }
        initiatives = try reader.records("initiatives") { r in
            Initiative(span: try r.span(), entity: try r.requiredString("entity"), via: r.string("via"))
        }
        actions = try reader.records("actions") { r in
            Action(span: try r.span(), lemma: r.string("lemma"), actionClass: try r.requiredString("class"),
                   negated: r.bool("negated"), modality: r.string("modality"))
        }
        targets = try reader.records("targets") { r in
            Target(span: try r.span(), category: try r.requiredString("category"), term: r.string("term"))
        }
        let actors = self.actors
        quotes = try reader.records("quotes") { r in
            var speakers = r.strings("entities")
            if speakers == nil, let indices = try r.optionalInts("speakers") {
                speakers = try indices.map { try r.resolve($0, "speakers", in: actors, layer: "actors").entity }
            }
            return Quote(span: try r.span(), speakers: speakers, cue: r.string("cue"))
        }
        let actions = self.actions, targets = self.targets
        events = try reader.records("events") { r in
            Event(sentence: try r.optionalInt("sentence"),
                  actor: try r.resolve(try r.int("actor"), "actor", in: actors, layer: "actors"),
                  action: try r.resolve(try r.int("action"), "action", in: actions, layer: "actions"),
                  targets: try (r.optionalInts("targets") ?? []).map { try r.resolve($0, "targets", in: targets, layer: "targets") },
                  objects: try (r.optionalInts("objects") ?? []).map { try r.resolve($0, "objects", in: actors, layer: "actors") })
        }
        stance = try reader.records("stance") { r in
            let anchor = r.has("start") ? try r.span() : nil
            let cues = try (r.objects("cues") ?? []).enumerated().map { i, cue in
                try RecordReader(reader, record: cue, name: "\(r.name).cues[\(i)]").span()
            }
            return Stance(sentence: try r.optionalInt("sentence"), anchor: anchor, cues: cues, holder: r.string("holder"),
                          toward: try r.requiredString("toward"), label: try r.requiredString("label"))
        }
    }

    /// `country` for `country:usa`, `organization` for `org:...`.
    static func actorType(of entity: String) -> String {
        switch entity.prefix(while: { $0 != ":" }) {
        case "org": "organization"
        case let prefix: String(prefix)
        }
    }
}

/// Reads the records of one document, with errors that name the document, layer and index.
struct RecordReader {
    let source: String
    let document: [String: Any]
    var text: [Unicode.Scalar]?
    /// The record being read and its name (`actors[3]`).
    private(set) var record: [String: Any] = [:]
    private(set) var name = ""

    init(source: String, document: [String: Any]) {
        self.source = source
        self.document = document
    }

    init(_ reader: RecordReader, record: [String: Any], name: String) {
        self = reader
        self.record = record
        self.name = name
    }

    var documentID: String {
        ((document["document"] as? [String: Any])?["id"] as? String) ?? "document"
    }

    private func error(_ message: String) -> CompareError {
        CompareError(path: source, "\(name.isEmpty ? "" : name + ": ")\(message)")
    }

    /// The records of `layer` read by `body`, or `nil` when the document does not hold the layer.
    func records<T>(_ layer: String, _ body: (RecordReader) throws -> T) throws -> [T]? {
        guard let value = document[layer], !(value is NSNull) else { return nil }
        guard let array = value as? [Any] else { throw CompareError(path: source, "\"\(layer)\" is not an array") }
        return try array.enumerated().map { i, element in
            guard let object = element as? [String: Any] else {
                throw CompareError(path: source, "\(layer)[\(i)] is not an object")
            }
            return try body(RecordReader(self, record: object, name: "\(layer)[\(i)]"))
        }
    }

    func has(_ key: String) -> Bool { record[key] != nil && !(record[key] is NSNull) }

    func int(_ key: String) throws -> Int {
        guard let value = try optionalInt(key) else { throw error("no \"\(key)\"; every record of this layer needs one") }
        return value
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard has(key) else { return nil }
        guard let number = record[key] as? NSNumber, let value = Int(exactly: number.doubleValue) else {
            throw error("\"\(key)\" must be an integer")
        }
        return value
    }

    func optionalInts(_ key: String) throws -> [Int]? {
        guard has(key) else { return nil }
        guard let values = record[key] as? [Any] else { throw error("\"\(key)\" must be an array of indices") }
        return try values.map { value in
            guard let number = value as? NSNumber, let index = Int(exactly: number.doubleValue) else {
                throw error("\"\(key)\" must be an array of indices")
            }
            return index
        }
    }

    func string(_ key: String) -> String? { record[key] as? String }

    func requiredString(_ key: String) throws -> String {
        guard let value = string(key) else { throw error("no \"\(key)\" (a string); every record of this layer needs one") }
        return value
    }

    func strings(_ key: String) -> [String]? { (record[key] as? [Any])?.compactMap { $0 as? String } }

    func bool(_ key: String) -> Bool? { record[key] as? Bool }

    func objects(_ key: String) -> [[String: Any]]? { (record[key] as? [Any])?.compactMap { $0 as? [String: Any] } }

    /// `start`, `end` and `text` (the text sliced from the document when the record leaves it out).
    func span() throws -> AnnotationDocument.TextSpan {
        let start = try int("start"), end = try int("end")
        guard 0 <= start, start <= end else { throw error("span [\(start),\(end)) is not a valid half-open range") }
        if let text = string("text") { return .init(start: start, end: end, text: text) }
        guard let scalars = text, end <= scalars.count else { return .init(start: start, end: end, text: "") }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return .init(start: start, end: end, text: String(view))
    }

    /// The record at `index` of another layer of the same document.
    func resolve<T>(_ index: Int, _ key: String, in layer: [T]?, layer layerName: String) throws -> T {
        guard let layer else {
            throw error("\"\(key)\" refers to \(layerName), but the document has no \(layerName) layer; write that layer too")
        }
        guard layer.indices.contains(index) else {
            throw error("\"\(key)\" index \(index) is out of range (\(layerName) has \(layer.count) records)")
        }
        return layer[index]
    }
}
