/// Entity slugs: lower-case ASCII letters, digits and `-`.
enum Slug {
    static func isValid<S: StringProtocol>(_ s: S) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
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
