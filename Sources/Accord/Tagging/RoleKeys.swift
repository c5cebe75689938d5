/// The lexicon's roles lower-cased once per lexicon rather than once per mention: people are
/// remembered by role case-insensitively (`Attorney General Merrick Garland` … `the attorney general`).
struct RoleKeys {
    /// Per title entry.
    let titles: [String]
    /// Per actor entry; nil where the entry has no role.
    let actors: [String?]

    init(_ lexicon: TaggingLexicon) {
        titles = lexicon.titles.map { $0.role.lowercased() }
        actors = lexicon.actors.map { $0.role?.lowercased() }
    }
}
