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
        let lo = firstIndex(endingAfter: token)
        // Few countries (`count` is small): a linear search beats hashing their ids.
        var found: [Int] = []
        found.reserveCapacity(count)
        var k = lo - 1
        while k >= 0 && lo - k <= window && found.count < count {
            let actor = indices[k]
            if !found.contains(where: { actors[$0].entity == actors[actor].entity }) { found.append(actor) }
            k -= 1
        }
        found.reverse()
        return found
    }

    /// The latest mention of `entity` before `token`, if one of the last `window` country mentions is.
    func latest(_ entity: String, before token: Int, window: Int = 64) -> Int? {
        let lo = firstIndex(endingAfter: token)
        var k = lo - 1
        while k >= 0 && lo - k <= window {
            if actors[indices[k]].entity == entity { return indices[k] }
            k -= 1
        }
        return nil
    }

    /// The position in `indices` of the first country mention that ends after `token`.
    private func firstIndex(endingAfter token: Int) -> Int {
        var lo = 0, hi = indices.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if actors[indices[mid]].tokens.upperBound <= token { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension Array where Element == ActorMention {
    /// The index of the first mention starting at or after `token` (`count` when none does): the
    /// mentions are in text order, so a binary search.
    func firstIndex(startingAtOrAfter token: Int) -> Int {
        partitionIndex(count: count, keyAtLeast: token) { self[$0].tokens.lowerBound }
    }
}
