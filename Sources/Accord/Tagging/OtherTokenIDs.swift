/// The vocabulary ids of the tokens `PhraseMatcher.tokenIDs` does not read as one or two ASCII
/// words: longer ASCII tokens, hashed a word of eight bytes at a time through buffers (`WordKey`),
/// and non-ASCII ones, folded byte by byte through `Folding`. Out of line: they are few, and their state would crowd the
/// registers of the common path.
struct OtherTokenIDs {
    /// Tokens longer than this are never looked up.
    static let longestKey = 48

    private let vocabulary: Vocabulary
    private let exactVocabulary: Vocabulary
    /// Room for a non-ASCII token folded (`Folding.fold(_:into:)` without an array); `scratch` takes
    /// the few that do not fold so.
    private let foldedBytes: UnsafeMutableBufferPointer<UInt8>
    private var scratch: [UInt8] = []
    /// A long token's words as written, then lower-cased.
    private let written: UnsafeMutablePointer<UInt64>
    private let lowered: UnsafeMutablePointer<UInt64>

    init(vocabulary: Vocabulary, exactVocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        self.exactVocabulary = exactVocabulary
        scratch.reserveCapacity(64)
        let wordCapacity = WordKey.wordCount(byteCount: OtherTokenIDs.longestKey)
        written = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * wordCapacity)
        lowered = written + wordCapacity
        foldedBytes = .allocate(capacity: 2 * OtherTokenIDs.longestKey)
    }

    func deallocate() {
        written.deallocate()
        foldedBytes.deallocate()
    }

    /// The folded id of the token of `count` bytes at `bytes[start...]`, its exact id appended to
    /// `exact` when `checksExact` and it has one.
    @inline(never)
    mutating func ids(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, count: Int, token: Int, checksExact: Bool,
                      exact: inout [ExactID]) -> Int32 {
        guard count <= OtherTokenIDs.longestKey else { return Vocabulary.none }
        let folded: Int32, id: Int32
        if let hash = WordKey.loweredASCII(bytes, at: start, count: count, written: written, lowered: lowered) {
            folded = vocabulary.id(words: lowered, byteCount: count, hash: hash)
            guard checksExact else { return folded }
            let words = UnsafeBufferPointer(start: written, count: WordKey.wordCount(byteCount: count))
            id = exactVocabulary.id(words: written, byteCount: count, hash: WordKey.hash(words: words, byteCount: count))
        } else {
            let text = UnsafeBufferPointer(rebasing: bytes[start..<(start + count)])
            if let length = Folding.fold(text, into: foldedBytes) {
                folded = vocabulary.id(of: UnsafeBufferPointer(rebasing: foldedBytes[..<length]))
            } else {
                scratch.removeAll(keepingCapacity: true)
                Folding.fold(text, into: &scratch)
                folded = scratch.withUnsafeBufferPointer { vocabulary.id(of: $0) }
            }
            guard checksExact else { return folded }
            id = exactVocabulary.id(of: text)
        }
        if id != Vocabulary.none { exact.append(ExactID(token: Int32(token), id: id | PhraseTrie.exactBit)) }
        return folded
    }
}
