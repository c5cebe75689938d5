/// The decoded input: well-formed UTF-8 bytes (a leading BOM removed, invalid sequences replaced by
/// U+FFFD) and its length in Unicode scalars, the unit of every offset accord writes.
public struct SourceText: Sendable {
    /// Well-formed UTF-8 of the decoded text.
    public let utf8: [UInt8]
    /// The number of Unicode scalars in the text.
    public let scalarCount: Int
    /// How many invalid byte sequences were replaced by U+FFFD.
    public let replacedSequences: Int
    /// Whether the input began with a byte order mark (dropped from the text).
    public let hadByteOrderMark: Bool

    /// Decodes raw bytes as UTF-8, repairing what is not.
    public init<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        let array = bytes as? [UInt8] ?? Array(bytes)
        let decoded = array.withUnsafeBufferPointer { SourceText.decode($0) }
        // Well-formed input without a BOM is used as it is: no copy.
        if decoded.replacedSequences == 0 && !decoded.hadByteOrderMark {
            self.init(utf8: array, scalarCount: decoded.scalarCount, replacedSequences: 0, hadByteOrderMark: false)
        } else {
            self = decoded.text ?? SourceText(utf8: [], scalarCount: 0, replacedSequences: 0, hadByteOrderMark: false)
        }
    }

    /// Wraps a Swift string (always well-formed).
    public init(_ string: String) {
        var s = string
        let bytes = s.withUTF8 { Array($0) }
        self.init(bytes: bytes)
    }

    init(utf8: [UInt8], scalarCount: Int, replacedSequences: Int, hadByteOrderMark: Bool) {
        self.utf8 = utf8
        self.scalarCount = scalarCount
        self.replacedSequences = replacedSequences
        self.hadByteOrderMark = hadByteOrderMark
    }

    /// The text as a Swift string.
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    /// The text between two byte offsets, as a string.
    func string(bytes range: Range<Int>) -> String {
        utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Validates, and builds a new text only when the bytes need changing (BOM, invalid sequences).
    private static func decode(_ input: UnsafeBufferPointer<UInt8>)
        -> (scalarCount: Int, replacedSequences: Int, hadByteOrderMark: Bool, text: SourceText?) {
        var start = 0
        let bom = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
        if bom { start = 3 }
        let body = UnsafeBufferPointer(rebasing: input[start...])
        if let scalars = UTF8Validation.scalarCountIfValid(body) {
            let text = bom ? SourceText(utf8: Array(body), scalarCount: scalars, replacedSequences: 0, hadByteOrderMark: true) : nil
            return (scalars, 0, bom, text)
        }
        let (repaired, scalars, replaced) = UTF8Validation.repair(body)
        return (scalars, replaced, bom, SourceText(utf8: repaired, scalarCount: scalars, replacedSequences: replaced, hadByteOrderMark: bom))
    }
}
