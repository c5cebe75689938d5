/// Regular English inflection, generous by design: a form that never occurs in text costs nothing,
/// so both spellings are generated where a rule is unsure (`combated`/`combatted`).
enum Inflection {
    /// How a verb form was made: the noun check treats base and `-s` forms as possibly nouns.
    enum VerbForm: UInt8, Sendable { case base, third, past, ing }

    static func plurals(_ noun: String) -> [String] {
        let lower = noun.lowercased()
        if let irregular = irregularPlurals[lower] { return [irregular] }
        if lower.hasSuffix("man") { return [String(noun.dropLast(3)) + "men"] }
        var forms: [String] = []
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("z") || lower.hasSuffix("ch") || lower.hasSuffix("sh") {
            forms.append(noun + "es")
        } else if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) {
            forms.append(String(noun.dropLast()) + "ies")
        } else {
            forms.append(noun + "s")
        }
        if lower.hasSuffix("fe") { forms.append(String(noun.dropLast(2)) + "ves") } else if lower.hasSuffix("f") { forms.append(String(noun.dropLast()) + "ves") }
        return forms
    }

    static let irregularPlurals: [String: String] = [
        "child": "children", "person": "people", "woman": "women", "man": "men", "youth": "youths",
        "analysis": "analyses", "crisis": "crises", "criterion": "criteria",
    ]

    /// The regular forms of a verb, with the form each is.
    static func verbForms(_ verb: String) -> [(String, VerbForm)] {
        let lower = verb.lowercased()
        var forms: [(String, VerbForm)] = [(verb, .base)]
        for plural in plurals(verb) { forms.append((plural, .third)) }
        let last = lower.last ?? " "
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let beforeLast = lower.dropLast().last ?? " "
        if last == "e" {
            forms.append((verb + "d", .past))
            if lower.hasSuffix("ie") {
                forms.append((String(verb.dropLast(2)) + "ying", .ing))
            } else if lower.hasSuffix("ee") || lower.hasSuffix("ye") || lower.hasSuffix("oe") {
                forms.append((verb + "ing", .ing))
            } else {
                forms.append((String(verb.dropLast()) + "ing", .ing))
            }
        } else if last == "y" && !vowels.contains(beforeLast) {
            forms.append((String(verb.dropLast()) + "ied", .past))
            forms.append((verb + "ing", .ing))
        } else {
            forms.append((verb + "ed", .past))
            forms.append((verb + "ing", .ing))
            // Consonant-vowel-consonant: `stop` → `stopped`; `commit` → `committed`.
            let chars = Array(lower)
            if chars.count >= 3, !vowels.contains(last), !"wxy".contains(last), vowels.contains(beforeLast),
               !vowels.contains(chars[chars.count - 3]) {
                let doubled = verb + String(verb.last!)
                forms.append((doubled + "ed", .past))
                forms.append((doubled + "ing", .ing))
            }
        }
        if lower.hasSuffix("c") { forms.append((verb + "ked", .past)); forms.append((verb + "king", .ing)) }
        return forms
    }

    /// The form of an irregular verb form listed in verb-forms.txt.
    static func classify(_ form: String, of lemma: String) -> VerbForm {
        let lower = form.lowercased()
        if lower == lemma.lowercased() { return .base }
        if lower.hasSuffix("ing") { return .ing }
        if plurals(lemma).contains(where: { $0.lowercased() == lower }) || (lower.hasSuffix("s") && !lemma.lowercased().hasSuffix("s")) {
            return .third
        }
        return .past
    }
}
