extension TaggingContext {
    /// The entity of a person named by some tokens: `person:` and the slug of their text, as
    /// `"person:" + Slug.make(text(range))` makes it, but in one buffer from the source bytes (valid
    /// UTF-8) rather than through four intermediate strings; the slug rule is `Slug`'s.
    func personEntity(_ range: Range<Int>) -> String { slugEntity("person:", range) }

    /// `prefix` (`person:`, `org:`, `group:`) and the slug of the tokens' text.
    func slugEntity(_ prefix: StaticString, _ range: Range<Int>) -> String {
        let bytes = Int(tokens[range.lowerBound].startByte)..<Int(tokens[range.upperBound - 1].endByte)
        // Both buffers sized once (folding keeps ASCII's length and shortens accented letters):
        // growing them cost more than filling them.
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        source.utf8.withUnsafeBufferPointer { Folding.fold(UnsafeBufferPointer(rebasing: $0[bytes]), into: &folded) }
        var out: [UInt8] = []
        out.reserveCapacity(prefix.utf8CodeUnitCount + folded.count)
        out.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        Slug.append(folded: folded, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
