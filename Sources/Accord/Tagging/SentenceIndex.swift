/// The sentence index of every token in about a byte a token instead of four: the sentence of
/// each block of 256 tokens, and each token's distance from it (a block holds at most 256
/// sentence starts, so the distance fits a byte). Read in O(1), like a plain array.
struct SentenceIndex {
    private static let blockShift = 8
    /// Sentence of each block's first token.
    private let blockSentence: [Int32]
    /// Each token's sentence minus its block's.
    private let delta: [UInt8]

    /// Indexes `count` tokens cut into `sentences`: contiguous ranges in order, covering them all
    /// (as `SentenceSplitter` makes them).
    init(count: Int, sentences: [Sentence]) {
        var blockSentence = [Int32](repeating: 0, count: (count >> SentenceIndex.blockShift) + 1)
        var delta = [UInt8](repeating: 0, count: count)
        delta.withUnsafeMutableBufferPointer { delta in
            blockSentence.withUnsafeMutableBufferPointer { blockSentence in
                var next = 0
                for (index, sentence) in sentences.enumerated() {
                    precondition(sentence.tokens.lowerBound == next && sentence.tokens.upperBound <= count,
                                 "sentences that do not cut the tokens in order")
                    next = sentence.tokens.upperBound
                    // The sentence's part in each block it crosses gets one distance.
                    var i = sentence.tokens.lowerBound
                    while i < sentence.tokens.upperBound {
                        let block = i >> SentenceIndex.blockShift
                        let end = min(sentence.tokens.upperBound, (block + 1) << SentenceIndex.blockShift)
                        if i == block << SentenceIndex.blockShift { blockSentence[block] = Int32(index) }
                        let distance = UInt8(truncatingIfNeeded: Int32(index) - blockSentence[block])
                        UnsafeMutableBufferPointer(rebasing: delta[i..<end]).update(repeating: distance)
                        i = end
                    }
                }
                precondition(next == count, "tokens after the last sentence")
            }
        }
        self.blockSentence = blockSentence
        self.delta = delta
    }

    subscript(i: Int) -> Int32 {
        blockSentence[i >> SentenceIndex.blockShift] + Int32(delta[i])
    }
}
