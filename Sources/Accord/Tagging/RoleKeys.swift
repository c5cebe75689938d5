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
    /// Per key: the key of the role's head noun when that is a role of its own (`navy secretary`,
    /// `secretary of state` → `secretary`), else -1.
    private let heads: [Int32]

    init(_ lexicon: TaggingLexicon) {
        var keys = StringNumbers()
        titles = lexicon.titles.map { Int32(keys.number($0.role.lowercased()).0) }
        actors = lexicon.actors.map { $0.role.map { Int32(keys.number($0.lowercased()).0) } }
        heads = keys.strings.map { role in
            RoleKeys.head(of: role).flatMap { keys.number(of: $0) }.map(Int32.init) ?? -1
        }
        self.keys = keys
    }

    /// The head noun of a role of several words: the last word before `of`/`for`/`to`, or the last
    /// word (`foreign affairs secretary`, `minister of defense`). None for a subordinate post
    /// (`vice president` is not `the president`), nor for a postpositive `general` outside military
    /// ranks (`attorney general` is not `the general`; `brigadier general` is).
    static func head(of role: String) -> String? {
        let all = role.split(separator: " ").map(String.init)
        let words = all.prefix { $0 != "of" && $0 != "for" && $0 != "to" }
        guard all.count >= 2, let head = words.last, !subordinatePosts.contains(all[0]) else { return nil }
        if head == "general" && !(words.count >= 2 && militaryRanks.contains(words[words.count - 2])) { return nil }
        return head
    }

    private static let subordinatePosts: Set<String> = ["vice", "vice-president", "deputy", "assistant", "under", "associate", "principal", "former"]
    private static let militaryRanks: Set<String> = ["brigadier", "major", "lieutenant"]

    /// The key of the head role of the role `key` (see `head(of:)`), if the lexicon has it.
    func head(of key: Int32) -> Int32? {
        Int(key) < heads.count && heads[Int(key)] >= 0 ? heads[Int(key)] : nil
    }

    /// How many keys the lexicon's roles have: the keys of other roles come after them.
    var count: Int { keys.count }

    /// The key of a lower-cased role, if the lexicon has that role.
    func key(lowercased role: String) -> Int32? { keys.number(of: role).map(Int32.init) }
}
