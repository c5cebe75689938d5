/// Entity slugs: lower-case ASCII letters, digits and `-`.
enum Slug {
    /// Whether `entity` is `prefix` followed by a slug (`org:` and `wilson-center`). Compared as bytes:
    /// a slug is ASCII, so whatever would make the characters differ makes the bytes fail too.
    static func isValid(_ entity: String, after prefix: String) -> Bool {
        let bytes = entity.utf8
        guard bytes.starts(with: prefix.utf8) else { return false }
        let slug = bytes.dropFirst(prefix.utf8.count)
        return !slug.isEmpty && slug.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// The slug of a name: diacritics folded, lower case, other characters `-`.
    static func make(_ name: String) -> String {
        var out: [UInt8] = []
        for b in Folding.fold(name) {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { out.append(b) } else if out.last != 0x2D && !out.isEmpty { out.append(0x2D) }
        }
        while out.last == 0x2D { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
