/// One difference between an expected and an actual annotation, printable as a line a person can
/// act on (`description`):
///
/// ```
/// targets: missing "gun" [86,89) guns  …to combat gun and drug…
/// actors: entity differs at [4,17) "United States": country:usa → country:mex
/// ```
public struct AnnotationDifference: Sendable, Hashable, CustomStringConvertible {
    /// `missing`: in EXPECTED only; `extra`: in ACTUAL only; `changed`: the same record, a field differs.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case missing, extra, changed
    }

    /// The document's id (or, for a file on one side only, its path in the folder).
    public var document: String
    /// The layer (`actors`, `targets`, ...), `text`, or `document` for a document or file on one side only.
    public var layer: String
    public var kind: Kind
    /// The span concerned, when there is one.
    public var start: Int?
    public var end: Int?
    /// For `changed`: the field that differs and its value on each side.
    public var field: String?
    public var expected: String?
    public var actual: String?
    /// The line: the layer, what differs, where, and a few words of the text.
    public var description: String

    public init(document: String, layer: String, kind: Kind, start: Int? = nil, end: Int? = nil,
                field: String? = nil, expected: String? = nil, actual: String? = nil, description: String) {
        self.document = document
        self.layer = layer
        self.kind = kind
        self.start = start
        self.end = end
        self.field = field
        self.expected = expected
        self.actual = actual
        self.description = description
    }
}
