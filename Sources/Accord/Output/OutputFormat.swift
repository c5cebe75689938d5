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
    /// standoff and a copy of the text (`.txt`, the decoded text the offsets point into); CoNLL and
    /// HTML give one file each. `options.layers` leaves layers out of every format (CoNLL always
    /// writes its token lines); `compact` only concerns JSON. For brat, save
    /// `OutputFormat.bratConfiguration` as `annotation.conf` (and `bratVisualConfiguration` as
    /// `visual.conf`) in the collection folder, and show `renderWarnings(.brat)` to the user.
    public func render(_ format: OutputFormat, options: JSONOptions = JSONOptions()) -> [RenderedFile] {
        switch format {
        case .json:
            return [RenderedFile(fileExtension: "json", bytes: json(options) + [0x0A])]
        case .jsonl:
            var compact = options
            compact.compact = true
            return [RenderedFile(fileExtension: "jsonl", bytes: json(compact) + [0x0A])]
        case .brat:
            return [RenderedFile(fileExtension: "ann", bytes: BratWriter(annotation: self, layers: options.layers).write()),
                    RenderedFile(fileExtension: "txt", bytes: source.utf8)]
        case .conll:
            return [RenderedFile(fileExtension: "conll", bytes: ConllWriter(annotation: self, layers: options.layers).write())]
        case .html:
            return [RenderedFile(fileExtension: "html", bytes: HTMLWriter(annotation: self, layers: options.layers).write())]
        }
    }

    /// Warnings about rendering this annotation in a format, for the caller to show beside the
    /// annotation's own `warnings`: brat reads CRLF (and a lone CR) as one character, so its offsets
    /// drift from SPEC's after the first carriage return.
    public func renderWarnings(_ format: OutputFormat) -> [String] {
        guard format == .brat else { return [] }
        var carriageReturns = 0
        for b in source.utf8 where b == 0x0D { carriageReturns += 1 }
        guard carriageReturns > 0 else { return [] }
        return ["text holds \(carriageReturns) carriage return\(carriageReturns == 1 ? "" : "s") (CR or CRLF line endings): "
            + "brat counts CRLF as one character, so brat will show marks after the first line break shifted; "
            + "convert the input to LF line endings (e.g. dos2unix) before annotating for brat"]
    }
}
