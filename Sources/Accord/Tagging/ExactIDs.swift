/// A token's id in the case-exact vocabulary (with `PhraseTrie.exactBit`): kept only for the few
/// tokens that have one (`US`, `AP`), in token order, rather than a table over every token.
struct ExactID {
    let token: Int32
    let id: Int32
}

/// Reads the case-exact ids of tokens at or after a start that only grows: most tokens lie before
/// the next token with an exact id, which one comparison tells.
struct ExactCursor {
    private let ids: UnsafeBufferPointer<ExactID>
    /// The first of `ids` at or after the current start, and its token (`Int.max` past the end):
    /// the tokens before `nextToken` have no exact id.
    private var next = 0
    private(set) var nextToken: Int

    init(_ ids: UnsafeBufferPointer<ExactID>) {
        self.ids = ids
        nextToken = ids.first.map { Int($0.token) } ?? Int.max
    }

    /// Moves the start to token `start` (at or after the current one).
    @inline(__always)
    mutating func skip(to start: Int) {
        guard start > nextToken else { return }
        while next < ids.count && Int(ids[next].token) < start { next &+= 1 }
        nextToken = next < ids.count ? Int(ids[next].token) : Int.max
    }

    /// The exact id of token `position` (at or after the start), or `Vocabulary.none`.
    @inline(__always)
    func id(_ position: Int) -> Int32 {
        if position < nextToken { return Vocabulary.none }
        if position == nextToken { return ids[next].id }
        return id(after: position)
    }

    /// `id` past the next entry: a few steps along `ids`, which holds few tokens.
    private func id(after position: Int) -> Int32 {
        var k = next &+ 1
        while k < ids.count {
            let token = Int(ids[k].token)
            if token >= position { return token == position ? ids[k].id : Vocabulary.none }
            k &+= 1
        }
        return Vocabulary.none
    }
}
