/// Entity slugs: lower-case ASCII letters, digits and `-`.
enum Slug {
    /// Whether `entity` is `prefix` followed by a slug (`org:` and `wilson-center`). Compared as bytes:
    /// a slug is ASCII, so whatever would make the characters differ makes the bytes fail too.
    static func isValid(_ entity: String, after prefix: StaticString) -> Bool {
        var entity = entity
        return entity.withUTF8 { isValid($0, after: prefix) }
    }

    /// `isValid(_:after:)` on the entity's UTF-8 bytes, as the lexicon compiler holds it.
    static func isValid(_ entity: UnsafeBufferPointer<UInt8>, after prefix: StaticString) -> Bool {
        let head = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        guard entity.count > head.count, entity.starts(with: head) else { return false }
        return entity[head.count...].allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// The slug of a name: diacritics folded, lower case, other characters `-`.
    static func make(_ name: String) -> String {
        var out: [UInt8] = []
        append(folded: Folding.fold(name), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends to `out` the slug of `folded` (text already folded by `Folding`): its lower-case
    /// letters and digits, every other run of bytes one `-`, none at either end of the slug.
    static func append(folded: [UInt8], to out: inout [UInt8]) {
        let start = out.count
        out.reserveCapacity(start + folded.count)
        for b in folded {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                out.append(b)
            } else if out.count > start && out.last != 0x2D {
                out.append(0x2D)
            }
        }
        while out.count > start && out.last == 0x2D { out.removeLast() }
    }
}
