/// Finds initiatives (SPEC "Initiatives"): names from the lexicon, longest first, and
/// back-references (`the framework`, `the new security framework`) that need their determiner,
/// which the span leaves out while keeping up to two modifiers.
struct InitiativeTagger {
    let c: TaggingContext

    func tag() -> [InitiativeMention] {
        var mentions: [InitiativeMention] = []
        var lastEnd = 0
        for m in c.matches(.initiative) where Int(m.start) >= lastEnd {
            let entry = c.lexicon.initiatives[Int(m.entry)]
            var start = Int(m.start)
            if entry.needsDeterminer {
                guard let modifiersStart = determinedStart(start, lowerBound: lastEnd) else { continue }
                start = modifiersStart
            }
            let range = start..<Int(m.end)
            mentions.append(InitiativeMention(span: c.span(range), entity: entry.entity, sentence: Int(c.tokenSentence[start]),
                                              via: entry.via, tokens: range))
            lastEnd = Int(m.end)
        }
        return mentions
    }

    /// The first modifier after a determiner before `head` (`the [cooperative] framework`), or nil.
    /// A possessive (`Mexico's [security pact]`) or a country's name (`U.S.-Mexico [security pact]`)
    /// determines it too.
    private func determinedStart(_ head: Int, lowerBound: Int) -> Int? {
        var k = head
        while k > lowerBound && head - k <= 2 {
            if c.wordFlags(k - 1).contains(.determiner) || c.id(k - 1) == c.words.s || namesCountry(endingAt: k) { return k }
            let modifier = k - 1
            guard c.isWord(modifier), c.isLowercase(modifier) || c.isCapitalized(modifier) && c.sentenceStart(modifier) != modifier,
                  c.match(.action, at: modifier) == nil, c.sameSentence(modifier, head) else { return nil }
            k -= 1
        }
        return nil
    }

    /// Whether a country's name from the lexicon ends right before token `end`.
    private func namesCountry(endingAt end: Int) -> Bool {
        guard let m = c.match(.actor, endingAt: end, after: max(0, end - 4)) else { return false }
        return c.lexicon.actors[Int(m.entry)].type == .country
    }
}
