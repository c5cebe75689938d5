/// The people met so far in a document: surnames to resolve later mentions, roles for `the attorney
/// general`, and the most recent person for `he`/`she`.
///
/// People are known by number (`Person`): a name is hashed once, when met; coreference reads arrays.
struct PeopleMemory {
    typealias Person = Int

    private var numbers = StringNumbers()
    private var genders: [ActorEntry.Gender?] = []
    /// Surnames by the hash of their folded tokens (no string is built to look one up).
    private var surnames = HashedNumbers()
    /// The surnames' first words, as bits: most capitalised words start none, and this tells so
    /// without a dictionary look-up (no false negatives). A word is noted by its folded hash and,
    /// when it has one, by its vocabulary id (`idKey`), which a word such as `The` is tested by
    /// without hashing its bytes: equal folded words have equal ids. It grows with the keys noted,
    /// so that it still tells in a long document (a few thousand people).
    private var firstWords = [UInt64](repeating: 0, count: 64)
    /// The keys noted in `firstWords`, to note again when it grows.
    private var firstWordKeys: [UInt64] = []
    /// The last person met with each role, by role key (`RoleKeys`); -1 for none. Sized to the
    /// largest key met.
    private var roles: [Person] = []
    /// The people mentioned, most recent last, no one twice in a row; only the last
    /// `PeopleMemory.recentCount` count (older ones are dropped now and then, not at every mention).
    private var recent: [Person] = []
    private static let recentCount = 16

    /// The entity of a person met.
    func entity(_ person: Person) -> String { numbers.strings[person] }

    /// Records a person named at `name` (and as the most recent one); returns whether it was met before.
    /// - Parameter roleKey: the role's key (`RoleKeys`).
    @discardableResult
    mutating func met(_ entity: String, roleKey: Int32?, gender: ActorEntry.Gender?, name: Range<Int>,
                      context c: TaggingContext) -> Bool {
        let (n, isNew) = number(entity)
        if let roleKey {
            let key = Int(roleKey)
            if key >= roles.count { roles.append(contentsOf: repeatElement(-1, count: key + 1 - roles.count)) }
            roles[key] = n
        }
        if let gender { genders[n] = gender }
        // The last two capitalised words of the name, and how many there are.
        var last = -1, previous = -1, words = 0
        for k in name where c.isCapitalized(k) {
            previous = last
            last = k
            words += 1
        }
        if words >= 2 {
            let surname = c.foldedHash(last..<(last + 1))
            if surnames.updateValue(n, forKey: surname) == nil { noteFirstWord(last, hash: surname, context: c) }
            if words >= 3 {
                surnames[c.foldedHash(previous, last)] = n
                // Spanish names carry two surnames; the first alone names the person (`Ochoa`); it
                // is also the first word of the two-surname key.
                let paternal = c.foldedHash(previous..<(previous + 1))
                if surnames[paternal] == nil {
                    surnames[paternal] = n
                    noteFirstWord(previous, hash: paternal, context: c)
                }
            }
        }
        mentioned(n)
        return !isNew
    }

    /// Records `person` as the most recent one.
    mutating func mentioned(_ person: Person) {
        if recent.last != person { recent.append(person) }
        if recent.count > 4 * PeopleMemory.recentCount { recent.removeFirst(recent.count - PeopleMemory.recentCount) }
    }

    private mutating func number(_ entity: String) -> (Person, isNew: Bool) {
        let (n, isNew) = numbers.number(entity)
        if isNew { genders.append(nil) }
        return (n, isNew)
    }

    /// Records that the person `entity` (met already) also holds the role `key` (`Navy Secretary
    /// Ignacio Ferrer` is, later, `the secretary`).
    mutating func assign(roleKey key: Int32, to entity: String) {
        let (n, _) = number(entity)
        let index = Int(key)
        if index >= roles.count { roles.append(contentsOf: repeatElement(-1, count: index + 1 - roles.count)) }
        roles[index] = n
    }

    /// The last person met with a role (by its key, `RoleKeys`).
    func person(withRoleKey key: Int32) -> Person? {
        Int(key) < roles.count && roles[Int(key)] >= 0 ? roles[Int(key)] : nil
    }

    /// The person named `entity`, if met.
    func person(named entity: String) -> Person? { numbers.number(of: entity) }

    /// Whether a pronoun of this gender may refer to `person` (an unknown gender fits both).
    func fits(_ person: Person, female: Bool) -> Bool {
        genders[person].map { ($0 == .female) == female } ?? true
    }

    func lastPerson(female: Bool) -> Person? {
        for n in recent.suffix(PeopleMemory.recentCount).reversed() {
            switch genders[n] {
            case .female?: if female { return n }
            case .male?: if !female { return n }
            case nil: return n
            }
        }
        return nil
    }

    /// A known surname (two words first, then one) starting at `i`, and the token after it.
    func surname(at i: Int, context c: TaggingContext) -> (Person, Int)? {
        guard !surnames.isEmpty else { return nil }
        let id = c.id(i)
        if id != Vocabulary.none && !startsSurname(PeopleMemory.idKey(id)) { return nil }
        let one = c.foldedHash(i..<(i + 1))
        guard startsSurname(one) else { return nil }
        if c.isCapitalized(i + 1), let n = surnames[c.foldedHash(i..<(i + 2))] { return (n, i + 2) }
        if let n = surnames[one] { return (n, i + 1) }
        return nil
    }

    func entity(forSurname range: Range<Int>, context c: TaggingContext) -> String? {
        surnames[c.foldedHash(range)].map { numbers.strings[$0] }
    }

    /// Notes token `k`, whose folded hash is `hash`, as a surname's first word.
    private mutating func noteFirstWord(_ k: Int, hash: UInt64, context c: TaggingContext) {
        note(hash)
        let id = c.id(k)
        if id != Vocabulary.none { note(PeopleMemory.idKey(id)) }
    }

    private mutating func note(_ key: UInt64) {
        firstWordKeys.append(key)
        if firstWordKeys.count * 8 > firstWords.count * 64 {
            // Four times the bits, set again from every key noted.
            firstWords = [UInt64](repeating: 0, count: firstWords.count * 4)
            for key in firstWordKeys { setBit(key) }
        }
        setBit(key)
    }

    /// The key of a vocabulary id in `firstWords`, its bits mixed like a hash's.
    private static func idKey(_ id: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: id)) &* 0x9E37_79B9_7F4A_7C15
    }

    private mutating func setBit(_ hash: UInt64) {
        firstWords[Int(hash >> 6) & (firstWords.count - 1)] |= 1 << (hash & 63)
    }

    private func startsSurname(_ hash: UInt64) -> Bool {
        firstWords[Int(hash >> 6) & (firstWords.count - 1)] & 1 << (hash & 63) != 0
    }
}
