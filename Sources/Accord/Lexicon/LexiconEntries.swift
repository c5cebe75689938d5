/// The meanings lexicon phrases carry, one table per phrase kind (a `PhrasePayload` indexes them).

struct ActorEntry: Sendable, Hashable {
    enum Gender: String, Sendable { case male, female }
    let entity: String
    let type: ActorType
    let role: String?
    let affiliation: String?
    /// A place name standing for a government: an actor only when it acts.
    let isMetonym: Bool
    let gender: Gender?
    /// A surname or nickname of a person listed under the full name.
    let isAlias: Bool
}

struct TitleEntry: Sendable, Hashable {
    let role: String
    let affiliation: String?
}

struct InitiativeEntry: Sendable, Hashable {
    let entity: String
    let via: String
    /// A back-reference (`the framework`): needs its determiner, which the span leaves out.
    let needsDeterminer: Bool
}

struct ActionEntry: Sendable, Hashable {
    let lemma: String
    let actionClass: String
    /// What the object must be (`object=` in actions.txt).
    let object: ActionObject
    /// Folded ids of the words that, next after the verb, make it another verb (`not-before=on`:
    /// `build on` is no `build`).
    var notBefore: [Int32] = []

    /// A speech verb whose object hears (`told Reuters`), never the speaker after it (`said Ebrard`).
    var objectHears: Bool { object == .hearer }
}

/// The object an action entry requires (`object=` in actions.txt).
enum ActionObject: String, Sendable, Hashable {
    /// Any object, or none.
    case any
    /// People or actors (`support` victims, not `support` a plan).
    case people
    /// What a clinic treats: a drug target (`addiction`) or a noun for people (`patients`), or a drug
    /// target as the passive subject (`addiction can be treated`); not `treat Mexico as an equal`.
    case patient
    /// A speech verb whose object hears (`told Reuters`).
    case hearer
}

/// One generated form of an action's lemma.
struct ActionForm: Sendable, Hashable {
    let entry: Int32
    let form: Inflection.VerbForm
}

struct TargetEntry: Sendable, Hashable {
    let category: String
    let canonical: String
}

/// Single words that rules ask about, as bits per vocabulary id.
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt16
    static let determiner = WordFlags(rawValue: 1)
    static let locative = WordFlags(rawValue: 2)
    static let auxiliary = WordFlags(rawValue: 4)
    static let pronounMale = WordFlags(rawValue: 8)
    static let pronounFemale = WordFlags(rawValue: 16)
    static let pronounThing = WordFlags(rawValue: 32)
    static let pronounPlural = WordFlags(rawValue: 64)
    static let pronounSpeaker = WordFlags(rawValue: 128)
    static let sentenceStarter = WordFlags(rawValue: 256)
    static let organizationWord = WordFlags(rawValue: 512)
    /// Name particles that may stand inside a person's name (`de`, `la`, `del`, `van`).
    static let nameParticle = WordFlags(rawValue: 1024)
    static let weekdayOrMonth = WordFlags(rawValue: 2048)
    /// Forms of `be` and `get` that make a past participle passive (`were seized`).
    static let passiveAuxiliary = WordFlags(rawValue: 4096)
    /// Prepositions, after which a verb-looking word other than an -ing form is a noun (`in arrests`).
    static let preposition = WordFlags(rawValue: 8192)
    /// Common nouns for people (`workers`, `teachers`): the object an `object=people` action needs.
    static let peopleNoun = WordFlags(rawValue: 16384)
    /// Words of short time phrases (`last year`, `for years`): time-words.txt.
    static let timeWord = WordFlags(rawValue: 32768)
}

/// What a stance cue asks of its sentence beyond its weight (stance.txt's attributes).
struct StanceCueUse: OptionSet, Sendable {
    let rawValue: UInt8
    /// `subject=initiative`: a cue only with an initiative (or `it`) as its subject (`the framework
    /// is working`; not `Mexico is working with the UN`).
    static let initiativeSubject = StanceCueUse(rawValue: 1)
    /// `holder=subject`: an attitude held by the actor that is its subject (`Ebrard praised the accord`).
    static let subjectHolds = StanceCueUse(rawValue: 2)
}
