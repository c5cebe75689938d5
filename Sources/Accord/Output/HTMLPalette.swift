/// The colours of accord's pages (and of brat's `visual.conf`): one place, so the legend, the marks,
/// the corpus charts and brat agree.
enum HTMLPalette {
    /// SPEC's action classes, in SPEC's order (the legend lists these first).
    static let actionClasses = ["say", "criticize", "commit", "combat", "prevent", "enforce", "assist", "develop", "cooperate"]
    /// SPEC's four target categories and the reported `violence`.
    static let targetCategories = ["guns", "drugs", "youth", "corruption", "violence"]
    static let actorTypes: [ActorType] = [.country, .person, .organization, .group]

    static func actor(_ type: ActorType) -> String {
        switch type {
        case .country: "#cfe0ff"
        case .person: "#e7d7ff"
        case .organization: "#c6efe3"
        case .group: "#ffd5c7"
        }
    }

    static let initiative = "#ffe28a"
    static let initiativeBorder = "#d8a200"
    static let quote = "#efefef"
    static let stance = "#d9efd9"
    static let support = "#2e7d32"
    static let oppose = "#c62828"

    /// Colours for names the palette does not know, chosen by a stable hash of the name.
    private static let spare = ["#00838f", "#6d4c41", "#5e35b1", "#c2185b", "#558b2f", "#455a64", "#ef6c00", "#3949ab"]

    private static func spareColour(_ name: String) -> String {
        var hash: UInt32 = 2166136261
        for b in name.utf8 { hash = (hash ^ UInt32(b)) &* 16777619 }
        return spare[Int(hash % UInt32(spare.count))]
    }

    /// The strong colour of an action class (the underline).
    static func action(_ actionClass: String) -> String {
        switch actionClass {
        case "say": "#8d8d8d"
        case "criticize": "#d32f2f"
        case "commit": "#2e7d32"
        case "combat": "#ef6c00"
        case "prevent": "#8d6e63"
        case "enforce": "#6a1b9a"
        case "assist": "#d81b60"
        case "develop": "#9e9d24"
        case "cooperate": "#0097a7"
        default: spareColour(actionClass)
        }
    }

    /// The light colour of an action class (brat's trigger boxes, under black text).
    static func actionLight(_ actionClass: String) -> String {
        switch actionClass {
        case "say": "#e0e0e0"
        case "criticize": "#ffcdd2"
        case "commit": "#c8e6c9"
        case "combat": "#ffe0b2"
        case "prevent": "#d7ccc8"
        case "enforce": "#e1bee7"
        case "assist": "#f8bbd0"
        case "develop": "#f0f4c3"
        case "cooperate": "#b2ebf2"
        default: "#e0e0e0"
        }
    }

    /// The strong colour of a target category (text and bars).
    static func target(_ category: String) -> String {
        switch category {
        case "guns": "#c62828"
        case "drugs": "#7b1fa2"
        case "youth": "#2e7d32"
        case "corruption": "#e65100"
        case "violence": "#546e7a"
        default: spareColour(category)
        }
    }

    /// The light colour of a target category (the highlighter under the term).
    static func targetLight(_ category: String) -> String {
        switch category {
        case "guns": "#ffcdd2"
        case "drugs": "#e1bee7"
        case "youth": "#c8e6c9"
        case "corruption": "#ffe0b2"
        case "violence": "#cfd8dc"
        default: "#e0e0e0"
        }
    }
}
