/// The country mentions of a document in order, to find "the countries named so far" without
/// scanning every actor: a binary search, then a short walk back.
struct CountryMentions {
    private let actors: [ActorMention]
    /// Indices into `actors` of country mentions, in text order.
    private let indices: [Int]

    init(_ actors: [ActorMention]) {
        self.actors = actors
        indices = actors.indices.filter { actors[$0].type == .country }
    }

    /// The latest mention of each of the last `count` distinct countries named before `token`
    /// (looking back at most `window` mentions), as actor indices in text order.
    func latestDistinct(before token: Int, count: Int, window: Int = 64) -> [Int] {
        var lo = 0, hi = indices.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if actors[indices[mid]].tokens.upperBound <= token { lo = mid + 1 } else { hi = mid }
        }
        var found: [String: Int] = [:]
        var k = lo - 1
        while k >= 0 && lo - k <= window && found.count < count {
            let actor = indices[k]
            if found[actors[actor].entity] == nil { found[actors[actor].entity] = actor }
            k -= 1
        }
        return found.values.sorted()
    }

    /// The latest mention of `entity` before `token`, if one of the last `window` country mentions is.
    func latest(_ entity: String, before token: Int, window: Int = 64) -> Int? {
        latestDistinct(before: token, count: .max, window: window).last { actors[$0].entity == entity }
    }
}

extension Array where Element == ActorMention {
    /// The index of the first mention starting at or after `token` (`count` when none does): the
    /// mentions are in text order, so a binary search.
    func firstIndex(startingAtOrAfter token: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].tokens.lowerBound < token { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
