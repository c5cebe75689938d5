/// The lexicon's roles as numbers, lower-cased once per lexicon rather than once per mention:
/// people are remembered by role case-insensitively (`Attorney General Merrick Garland` … `the
/// attorney general`), and a number is remembered without hashing a string.
struct RoleKeys {
    /// Per title entry.
    let titles: [Int32]
    /// Per actor entry; nil where the entry has no role.
    let actors: [Int32?]
    /// The key of each lower-cased role of the lexicon.
    private let keys: [String: Int32]

    init(_ lexicon: TaggingLexicon) {
        var keys: [String: Int32] = [:]
        func key(_ role: String) -> Int32 {
            let lowered = role.lowercased()
            if let key = keys[lowered] { return key }
            keys[lowered] = Int32(keys.count)
            return Int32(keys.count - 1)
        }
        titles = lexicon.titles.map { key($0.role) }
        actors = lexicon.actors.map { $0.role.map(key) }
        self.keys = keys
    }

    /// How many keys the lexicon's roles have: the keys of other roles come after them.
    var count: Int { keys.count }

    /// The key of a lower-cased role, if the lexicon has that role.
    func key(lowercased role: String) -> Int32? { keys[role] }
}
