/// The inflection rules on UTF-8 bytes, for the lexicon compiler, which holds phrases as bytes.
///
/// An ASCII word (nearly every lexicon entry) follows the rules of `plurals(_:)` and `verbForms(_:)`
/// byte by byte: its lower case is ASCII's and each byte is a character. Anything else goes through
/// the `String` rules, whose lower-casing and character boundaries are Unicode's. A test checks that
/// both give the same forms for every ASCII entry of the built-in lexicons.
extension Inflection {
    static func plurals(utf8 noun: [UInt8]) -> [[UInt8]] {
        guard noun.allSatisfy({ $0 < 0x80 }) else {
            return plurals(String(decoding: noun, as: UTF8.self)).map { Array($0.utf8) }
        }
        return ASCIIWord(noun).plurals()
    }

    /// A phrase's first word, which inflects, and the rest with the space before it
    /// (`lay the groundwork` → `lay`, ` the groundwork`).
    static func splitFirstWord(_ phrase: [UInt8]) -> (word: [UInt8], rest: [UInt8]) {
        guard phrase.allSatisfy({ $0 < 0x80 }) else {
            let words = String(decoding: phrase, as: UTF8.self).split(separator: " ", maxSplits: 1).map(String.init)
            return (Array(words[0].utf8), words.count > 1 ? Array((" " + words[1]).utf8) : [])
        }
        guard let space = phrase.firstIndex(of: 0x20) else { return (phrase, []) }
        return (Array(phrase[..<space]), Array(phrase[space...]))
    }

    static func verbForms(utf8 verb: [UInt8]) -> [([UInt8], VerbForm)] {
        guard verb.allSatisfy({ $0 < 0x80 }) else {
            return verbForms(String(decoding: verb, as: UTF8.self)).map { (Array($0.0.utf8), $0.1) }
        }
        return ASCIIWord(verb).verbForms()
    }
}

/// An ASCII word, and the suffix rules of `Inflection` on its bytes (compared in lower case).
private struct ASCIIWord {
    let word: [UInt8]

    init(_ word: [UInt8]) { self.word = word }

    /// The byte `offset` places before the end, in lower case (a space before the start).
    func lower(last offset: Int) -> UInt8 {
        guard offset <= word.count else { return UInt8(ascii: " ") }
        let b = word[word.count - offset]
        return b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    func ends(with suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard word.count >= n else { return false }
        for k in 0..<n where lower(last: n - k) != suffix.utf8Start[k] { return false }
        return true
    }

    /// The irregular plural of the whole word (`children`), looked up only for words short enough.
    func irregularPlural() -> [UInt8]? {
        guard word.count <= ASCIIWord.longestIrregular else { return nil }
        let lower = word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return Inflection.irregularPlurals[String(decoding: lower, as: UTF8.self)].map { Array($0.utf8) }
    }

    private static let longestIrregular = Inflection.irregularPlurals.keys.map(\.utf8.count).max() ?? 0

    /// `word` without its last `count` bytes, followed by `suffix`.
    func replacing(last count: Int, with suffix: StaticString) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.count - count + suffix.utf8CodeUnitCount)
        out.append(contentsOf: word[..<(word.count - count)])
        out.append(contentsOf: UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
        return out
    }

    static func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }

    func plurals() -> [[UInt8]] {
        if let irregular = irregularPlural() { return [irregular] }
        if ends(with: "man") { return [replacing(last: 3, with: "men")] }
        var forms: [[UInt8]] = []
        if ends(with: "s") || ends(with: "x") || ends(with: "z") || ends(with: "ch") || ends(with: "sh") {
            forms.append(replacing(last: 0, with: "es"))
        } else if ends(with: "y"), word.count >= 2, !ASCIIWord.isVowel(lower(last: 2)) {
            forms.append(replacing(last: 1, with: "ies"))
        } else {
            forms.append(replacing(last: 0, with: "s"))
        }
        if ends(with: "fe") { forms.append(replacing(last: 2, with: "ves")) } else if ends(with: "f") { forms.append(replacing(last: 1, with: "ves")) }
        return forms
    }

    func verbForms() -> [([UInt8], Inflection.VerbForm)] {
        var forms: [([UInt8], Inflection.VerbForm)] = [(word, .base)]
        for plural in plurals() { forms.append((plural, .third)) }
        let last = lower(last: 1), beforeLast = lower(last: 2)
        if last == UInt8(ascii: "e") {
            forms.append((replacing(last: 0, with: "d"), .past))
            if ends(with: "ie") {
                forms.append((replacing(last: 2, with: "ying"), .ing))
            } else if ends(with: "ee") || ends(with: "ye") || ends(with: "oe") {
                forms.append((replacing(last: 0, with: "ing"), .ing))
            } else {
                forms.append((replacing(last: 1, with: "ing"), .ing))
            }
        } else if last == UInt8(ascii: "y") && !ASCIIWord.isVowel(beforeLast) {
            forms.append((replacing(last: 1, with: "ied"), .past))
            forms.append((replacing(last: 0, with: "ing"), .ing))
        } else {
            forms.append((replacing(last: 0, with: "ed"), .past))
            forms.append((replacing(last: 0, with: "ing"), .ing))
            // Consonant-vowel-consonant: `stop` → `stopped`; `commit` → `committed`.
            if word.count >= 3, !ASCIIWord.isVowel(last), last != UInt8(ascii: "w"), last != UInt8(ascii: "x"),
               last != UInt8(ascii: "y"), ASCIIWord.isVowel(beforeLast), !ASCIIWord.isVowel(lower(last: 3)) {
                let doubled = ASCIIWord(word + [word[word.count - 1]])
                forms.append((doubled.replacing(last: 0, with: "ed"), .past))
                forms.append((doubled.replacing(last: 0, with: "ing"), .ing))
            }
        }
        if ends(with: "c") {
            forms.append((replacing(last: 0, with: "ked"), .past))
            forms.append((replacing(last: 0, with: "king"), .ing))
        }
        return forms
    }
}
