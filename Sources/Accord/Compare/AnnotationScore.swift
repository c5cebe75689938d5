/// How often a field agrees among matched records (counted where both sides give the field).
public struct FieldAccuracy: Sendable, Hashable {
    /// `entity`, `lemma`, `negated`, `term`, `speakers`, `holder`.
    public var name: String
    public var correct: Int
    public var total: Int

    /// `correct / total`; `nil` when nothing was matched.
    public var value: Double? { total > 0 ? Double(correct) / Double(total) : nil }
}

/// Precision, recall and F1 of one layer, micro-averaged over all documents, with the accuracy of
/// other fields among the matches.
///
/// Span layers match one to one by span overlap and the same label (actors: `type`; initiatives:
/// `entity`; actions: `class`; targets: `category`; quotes: overlap only; sentences and tokens: the
/// same span). Events count tuples (sentence, actor entity, target category) and stance tuples
/// (sentence, toward, label), as multisets; a gold record's sentence is ACTUAL's sentence holding its
/// action's start (events) or its anchor's start (stance).
public struct LayerScore: Sendable, Hashable {
    public var layer: Layer
    /// Records (tuples for events and stance) in EXPECTED, in ACTUAL, and matched.
    public var expected = 0
    public var actual = 0
    public var matched = 0
    public var accuracies: [FieldAccuracy] = []

    public init(layer: Layer) { self.layer = layer }

    /// `matched / actual`; `nil` when ACTUAL has none.
    public var precision: Double? { actual > 0 ? Double(matched) / Double(actual) : nil }
    /// `matched / expected`; `nil` when EXPECTED has none.
    public var recall: Double? { expected > 0 ? Double(matched) / Double(expected) : nil }
    /// The harmonic mean of precision and recall (`2·matched / (expected + actual)`); `nil` when both sides are empty.
    public var f1: Double? { expected + actual > 0 ? 2 * Double(matched) / Double(expected + actual) : nil }

    /// The accuracy named `name`, if this layer has one.
    public func accuracy(_ name: String) -> FieldAccuracy? { accuracies.first { $0.name == name } }

    mutating func count(_ name: String, correct: Bool) {
        if let i = accuracies.firstIndex(where: { $0.name == name }) {
            accuracies[i].total += 1
            if correct { accuracies[i].correct += 1 }
        } else {
            accuracies.append(FieldAccuracy(name: name, correct: correct ? 1 : 0, total: 1))
        }
    }

    mutating func addAccuracy(_ name: String, correct: Int, total: Int) {
        if let i = accuracies.firstIndex(where: { $0.name == name }) {
            accuracies[i].correct += correct
            accuracies[i].total += total
        } else {
            accuracies.append(FieldAccuracy(name: name, correct: correct, total: total))
        }
    }
}

/// The scores of a comparison: one `LayerScore` per layer that EXPECTED holds, in SPEC's layer order.
public struct AnnotationScores: Sendable, Hashable {
    public var layers: [LayerScore]
    /// The number of document pairs scored.
    public var documents: Int
    /// Documents or files found on one side only (not scored).
    public var unpaired: [String]

    /// The score of `layer`, when EXPECTED holds it.
    public subscript(layer: Layer) -> LayerScore? { layers.first { $0.layer == layer } }
}

/// Computes `AnnotationScores` over document pairs.
enum AnnotationScoring {
    static func scores(_ pairs: [DocumentPair], layers: Set<Layer>) -> AnnotationScores {
        var tallies: [Layer: LayerScore] = [:]
        var documents = 0
        var unpaired: [String] = []
        for pair in pairs {
            guard let expected = pair.expected, let actual = pair.actual else { unpaired.append(pair.name); continue }
            documents += 1
            let locator = SentenceLocator(preferring: actual, expected)
            for layer in Layer.allCases where layers.contains(layer) && expected.contains(layer) {
                var score = tallies[layer] ?? LayerScore(layer: layer)
                score.add(layer, expected: expected, actual: actual, locator: locator)
                tallies[layer] = score
            }
        }
        return AnnotationScores(layers: Layer.allCases.compactMap { tallies[$0] }, documents: documents, unpaired: unpaired)
    }
}

extension LayerScore {
    /// Adds one document pair's counts.
    mutating func add(_ layer: Layer, expected e: AnnotationDocument, actual a: AnnotationDocument, locator: SentenceLocator?) {
        typealias Doc = AnnotationDocument
        func spans<T>(_ records: [T], _ span: (T) -> Doc.TextSpan) -> [Doc.TextSpan] { records.map(span) }

        /// Matches two span layers and counts field accuracies among the matches.
        func score<T>(_ left: [T]?, _ right: [T]?, span: (T) -> Doc.TextSpan, exact: Bool = false,
                      label: (T) -> String?, fields: [(String, (T) -> String?)] = []) {
            let left = left ?? [], right = right ?? []
            let pairs = SpanMatching.match(spans(left, span), spans(right, span), exact: exact) { i, j in
                label(left[i]) == label(right[j])
            }
            expected += left.count
            actual += right.count
            matched += pairs.count
            for (name, value) in fields {
                addAccuracy(name, correct: 0, total: 0)
                for (i, j) in pairs {
                    guard let x = value(left[i]), let y = value(right[j]) else { continue }
                    count(name, correct: x == y)
                }
            }
        }

        // Lexicons may add categories (`violence`) that a gold file does not annotate: score SPEC's
        // four and whatever else the expected side uses.
        let scoredCategories = Set(["guns", "drugs", "youth", "corruption"]).union((e.targets ?? []).map(\.category))
        switch layer {
        case .sentences:
            let text = { (s: Doc.Sentence) in Doc.TextSpan(start: s.start, end: s.end, text: "") }
            score(e.sentences, a.sentences, span: text, exact: true, label: { _ in nil })
        case .tokens:
            score(e.tokens, a.tokens, span: \.span, exact: true, label: { _ in nil })
        case .actors:
            score(e.actors, a.actors, span: \.span, label: \.type, fields: [("entity", { $0.entity })])
        case .initiatives:
            score(e.initiatives, a.initiatives, span: \.span, label: \.entity)
        case .actions:
            score(e.actions, a.actions, span: \.span, label: \.actionClass,
                  fields: [("lemma", \.lemma), ("negated", { $0.negated.map(String.init) })])
        case .targets:
            score(e.targets, a.targets?.filter { scoredCategories.contains($0.category) }, span: \.span, label: \.category,
                  fields: [("term", \.term)])
        case .quotes:
            score(e.quotes, a.quotes, span: \.span, label: { _ in nil },
                  fields: [("speakers", { $0.speakers.map { Set($0).sorted().joined(separator: "|") } })])
        case .events:
            func tuples(_ events: [Doc.Event]?) -> [String: Int] {
                var counts: [String: Int] = [:]
                for event in events ?? [] {
                    let sentence = locator.sentence(of: event).map(String.init) ?? "?"
                    let categories = Set(event.targets.map(\.category).filter { scoredCategories.contains($0) })
                    for category in categories.isEmpty ? ["-"] : categories.sorted() {
                        counts["\(sentence)|\(event.actor.entity)|\(category)", default: 0] += 1
                    }
                }
                return counts
            }
            let left = tuples(e.events), right = tuples(a.events)
            expected += left.values.reduce(0, +)
            actual += right.values.reduce(0, +)
            matched += left.reduce(0) { $0 + min($1.value, right[$1.key] ?? 0) }
        case .stance:
            func groups(_ records: [Doc.Stance]?) -> [String: [String]] {
                var byTuple: [String: [String]] = [:]
                for s in records ?? [] {
                    let sentence = locator.sentence(of: s).map(String.init) ?? "?"
                    byTuple["\(sentence)|\(s.toward)|\(s.label)", default: []].append(s.holder ?? "?")
                }
                return byTuple
            }
            let left = groups(e.stance), right = groups(a.stance)
            expected += left.values.reduce(0) { $0 + $1.count }
            actual += right.values.reduce(0) { $0 + $1.count }
            var holders = 0, total = 0
            for (key, expectedHolders) in left {
                guard let actualHolders = right[key] else { continue }
                let pairs = min(expectedHolders.count, actualHolders.count)
                var remaining: [String: Int] = [:]
                for holder in actualHolders { remaining[holder, default: 0] += 1 }
                var same = 0
                for holder in expectedHolders where (remaining[holder] ?? 0) > 0 {
                    remaining[holder]! -= 1
                    same += 1
                }
                matched += pairs
                total += pairs
                holders += min(pairs, same)
            }
            addAccuracy("holder", correct: holders, total: total)
        }
    }
}
