extension TaggingContext {
    /// The entity of a person named by some tokens: `person:` and the slug of their text, as
    /// `"person:" + Slug.make(text(range))` makes it, but in one buffer from the source bytes (valid
    /// UTF-8) rather than through four intermediate strings.
    func personEntity(_ range: Range<Int>) -> String {
        let prefix = Array("person:".utf8)
        var folded: [UInt8] = []
        let bytes = Int(tokens[range.lowerBound].startByte)..<Int(tokens[range.upperBound - 1].endByte)
        source.utf8.withUnsafeBufferPointer { Folding.fold(UnsafeBufferPointer(rebasing: $0[bytes]), into: &folded) }
        var out = prefix
        out.reserveCapacity(prefix.count + folded.count)
        for b in folded {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                out.append(b)
            } else if out.count > prefix.count && out.last != 0x2D {
                out.append(0x2D)
            }
        }
        while out.last == 0x2D { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
