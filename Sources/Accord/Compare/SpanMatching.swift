/// One-to-one matching of expected and actual spans for scoring: pairs that overlap and agree on
/// a label, taken greedily by largest overlap (ties: the closer boundaries, then the earlier spans).
enum SpanMatching {
    /// The matched index pairs. `agree(e, a)` says whether expected `e` and actual `a` may match;
    /// with `exact`, only identical spans match.
    static func match(_ expected: [AnnotationDocument.TextSpan], _ actual: [AnnotationDocument.TextSpan],
                      exact: Bool = false, agree: (Int, Int) -> Bool) -> [(expected: Int, actual: Int)] {
        let byStart = actual.indices.sorted { actual[$0] < actual[$1] }
        let longest = actual.map { $0.end - $0.start }.max() ?? 0
        var candidates: [(overlap: Int, distance: Int, expected: Int, actual: Int)] = []
        for (e, span) in expected.enumerated() {
            // The first actual span that could reach this one.
            var low = 0, high = byStart.count
            while low < high {
                let mid = (low + high) / 2
                if actual[byStart[mid]].start < span.start - longest { low = mid + 1 } else { high = mid }
            }
            for a in byStart[low...] {
                let other = actual[a]
                if other.start >= span.end { break }
                let overlap = span.overlap(with: other)
                guard overlap > 0, !exact || (other.start == span.start && other.end == span.end), agree(e, a) else { continue }
                candidates.append((overlap, abs(other.start - span.start) + abs(other.end - span.end), e, a))
            }
        }
        candidates.sort { x, y in
            (-x.overlap, x.distance, x.expected, x.actual) < (-y.overlap, y.distance, y.expected, y.actual)
        }
        var usedExpected = Set<Int>(), usedActual = Set<Int>()
        var pairs: [(expected: Int, actual: Int)] = []
        for c in candidates where !usedExpected.contains(c.expected) && !usedActual.contains(c.actual) {
            usedExpected.insert(c.expected)
            usedActual.insert(c.actual)
            pairs.append((c.expected, c.actual))
        }
        return pairs.sorted { ($0.expected, $0.actual) < ($1.expected, $1.actual) }
    }
}
