/// The lexicon's roles as numbers, lower-cased once per lexicon rather than once per mention:
/// people are remembered by role case-insensitively (`Attorney General Merrick Garland` … `the
/// attorney general`), and a number is remembered without hashing a string.
struct RoleKeys {
    /// Per title entry.
    let titles: [Int32]
    /// Per actor entry; nil where the entry has no role.
    let actors: [Int32?]
    /// The lexicon's lower-cased roles, numbered: a role's key is its number.
    private let keys: StringNumbers

    init(_ lexicon: TaggingLexicon) {
        var keys = StringNumbers()
        titles = lexicon.titles.map { Int32(keys.number($0.role.lowercased()).0) }
        actors = lexicon.actors.map { $0.role.map { Int32(keys.number($0.lowercased()).0) } }
        self.keys = keys
    }

    /// How many keys the lexicon's roles have: the keys of other roles come after them.
    var count: Int { keys.count }

    /// The key of a lower-cased role, if the lexicon has that role.
    func key(lowercased role: String) -> Int32? { keys.number(of: role).map(Int32.init) }
}
