/// The inflection rules on UTF-8 bytes, for the lexicon compiler, which holds phrases as bytes.
///
/// An ASCII word (nearly every lexicon entry) follows the rules of `plurals(_:)` and `verbForms(_:)`
/// byte by byte: its lower case is ASCII's and each byte is a character. Anything else goes through
/// the `String` rules, whose lower-casing and character boundaries are Unicode's. A test checks that
/// both give the same forms for every ASCII entry of the built-in lexicons.
extension Inflection {
    static func plurals(utf8 noun: [UInt8]) -> [[UInt8]] {
        var forms: [[UInt8]] = []
        noun.withUnsafeBufferPointer { noun in forEachPlural(utf8: noun) { forms.append(Array($0)) } }
        return forms
    }

    /// Calls `body` with each plural of `noun`, in the order of `plurals(_:)`; an ASCII noun's plurals
    /// are made in one scratch buffer, with no array per form.
    static func forEachPlural(utf8 noun: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard noun.allSatisfy({ $0 < 0x80 }) else {
            for plural in plurals(String(decoding: noun, as: UTF8.self)) {
                Array(plural.utf8).withUnsafeBufferPointer(body)
            }
            return
        }
        ASCIIWord(noun).forEachPlural(body)
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
        return verb.withUnsafeBufferPointer { ASCIIWord($0).verbForms() }
    }
}

/// An ASCII word, and the suffix rules of `Inflection` on its bytes (compared in lower case).
private struct ASCIIWord {
    let word: UnsafeBufferPointer<UInt8>

    init(_ word: UnsafeBufferPointer<UInt8>) { self.word = word }

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

    /// The irregular plural of the whole word (`children`), compared in lower case with each listed noun.
    func irregularPlural() -> [UInt8]? {
        guard word.count <= ASCIIWord.longestIrregular else { return nil }
        for (singular, plural) in ASCIIWord.irregular where singular.count == word.count {
            if zip(singular, word).allSatisfy({ $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }) { return plural }
        }
        return nil
    }

    /// `Inflection.irregularPlurals` as bytes.
    private static let irregular = Inflection.irregularPlurals.map { (Array($0.key.utf8), Array($0.value.utf8)) }
    private static let longestIrregular = Inflection.irregularPlurals.keys.map(\.utf8.count).max() ?? 0

    /// Writes `word` without its last `count` bytes, followed by `suffix`, to `out` (room for
    /// `word.count + 4` bytes) and returns the number of bytes written.
    func write(replacingLast count: Int, with suffix: StaticString, to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let kept = word.count - count, n = suffix.utf8CodeUnitCount
        if kept > 0 { out.baseAddress!.initialize(from: word.baseAddress!, count: kept) }
        for k in 0..<n { out[kept + k] = suffix.utf8Start[k] }
        return kept + n
    }

    /// `word` without its last `count` bytes, followed by `suffix`.
    func replacing(last count: Int, with suffix: StaticString) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: word.count + 4) { out, written in
            written = write(replacingLast: count, with: suffix, to: out)
        }
    }

    static func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }

    /// Calls `body` with each plural, made in one scratch buffer.
    func forEachPlural(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if let irregular = irregularPlural() { irregular.withUnsafeBufferPointer(body); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count + 4) { out in
            func emit(_ count: Int, _ suffix: StaticString) {
                body(UnsafeBufferPointer(rebasing: out[..<write(replacingLast: count, with: suffix, to: out)]))
            }
            if ends(with: "man") { emit(3, "men"); return }
            if ends(with: "s") || ends(with: "x") || ends(with: "z") || ends(with: "ch") || ends(with: "sh") {
                emit(0, "es")
            } else if ends(with: "y"), word.count >= 2, !ASCIIWord.isVowel(lower(last: 2)) {
                emit(1, "ies")
            } else {
                emit(0, "s")
            }
            if ends(with: "fe") { emit(2, "ves") } else if ends(with: "f") { emit(1, "ves") }
        }
    }

    func plurals() -> [[UInt8]] {
        var forms: [[UInt8]] = []
        forEachPlural { forms.append(Array($0)) }
        return forms
    }

    func verbForms() -> [([UInt8], Inflection.VerbForm)] {
        var forms: [([UInt8], Inflection.VerbForm)] = []
        forms.reserveCapacity(10)
        forms.append((Array(word), .base))
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
                let doubled = Array(word) + [word[word.count - 1]]
                doubled.withUnsafeBufferPointer { doubled in
                    forms.append((ASCIIWord(doubled).replacing(last: 0, with: "ed"), .past))
                    forms.append((ASCIIWord(doubled).replacing(last: 0, with: "ing"), .ing))
                }
            }
        }
        if ends(with: "c") {
            forms.append((replacing(last: 0, with: "ked"), .past))
            forms.append((replacing(last: 0, with: "king"), .ing))
        }
        return forms
    }
}
