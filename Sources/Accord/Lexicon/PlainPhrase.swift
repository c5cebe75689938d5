/// Lexicon phrases that need no tokenizer: ASCII words of letters (inner hyphens allowed, as in
/// `cross-border`) separated by single spaces. Most entries are such phrases, and splitting them at the
/// spaces gives exactly the tokenizer's tokens, at a fraction of its cost while the lexicons compile.
enum PlainPhrase {
    /// Appends the byte range of each word of `phrase` to `words` and returns true, or returns false
    /// (leaving `words` empty) when the phrase holds anything the tokenizer might treat differently:
    /// other bytes, doubled or outer spaces, a hyphen not between letters, or `cannot` (split in two).
    static func words(_ phrase: UnsafeBufferPointer<UInt8>, into words: inout [Range<Int>]) -> Bool {
        words.removeAll(keepingCapacity: true)
        var start = 0
        var i = 0
        let n = phrase.count
        while i <= n {
            if i == n || phrase[i] == 0x20 {
                guard i > start, phrase[i - 1] != 0x2D, !isCannot(phrase, start, i) else {
                    words.removeAll(keepingCapacity: true)
                    return false
                }
                words.append(start..<i)
                start = i + 1
            } else if !isLetter(phrase[i]) && !(phrase[i] == 0x2D && i > start && phrase[i - 1] != 0x2D) {
                words.removeAll(keepingCapacity: true)
                return false
            }
            i += 1
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    private static func isCannot(_ phrase: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start == 6 else { return false }
        return zip(phrase[start..<end], "cannot".utf8).allSatisfy { $0 | 0x20 == $1 }
    }
}
