/// The differences between an expected and an actual document, layer by layer.
///
/// Records with the same identity (the same span; for events the same action and actor, for stance
/// the same sentence and initiative) are the same record: equal ones match, otherwise each field
/// that both sides give and that differs is one `changed` line. The rest are `missing` (EXPECTED
/// only) or `extra` (ACTUAL only). Only the layers EXPECTED holds are compared.
enum AnnotationDiff {
    static func differences(_ pair: DocumentPair, layers: Set<Layer>) -> [AnnotationDifference] {
        guard let expected = pair.expected, let actual = pair.actual else {
            let kind: AnnotationDifference.Kind = pair.expected != nil || pair.note?.hasPrefix("only in EXPECTED") == true ? .missing : .extra
            return [AnnotationDifference(document: pair.name, layer: "document", kind: kind,
                                         description: "document: " + (pair.note ?? kind.rawValue))]
        }
        var result: [AnnotationDifference] = []
        if let difference = textDifference(pair.name, expected.text, actual.text) { result.append(difference) }
        let locator = SentenceLocator(preferring: actual, expected)
        let expectedEntries = DiffEntries(document: expected, locator: locator, context: TextContext(expected.text ?? actual.text))
        let actualEntries = DiffEntries(document: actual, locator: locator, context: TextContext(actual.text ?? expected.text))
        for layer in Layer.allCases where layers.contains(layer) && expected.contains(layer) {
            guard actual.contains(layer) else {
                let count = expected.count(of: layer)
                if count > 0 {
                    result.append(AnnotationDifference(
                        document: pair.name, layer: layer.rawValue, kind: .missing,
                        description: "\(layer.rawValue): not in ACTUAL (\(count) expected record\(count == 1 ? "" : "s")); annotate with this layer"))
                }
                continue
            }
            result += differences(pair.name, layer.rawValue,
                                  expected: expectedEntries.entries(layer), expectedContext: expectedEntries.context,
                                  actual: actualEntries.entries(layer), actualContext: actualEntries.context)
        }
        return result
    }

    private static func differences(_ document: String, _ layer: String,
                                    expected: [DiffEntry], expectedContext: TextContext?,
                                    actual: [DiffEntry], actualContext: TextContext?) -> [AnnotationDifference] {
        var actualByKey: [String: [Int]] = [:]
        for (i, entry) in actual.enumerated() { actualByKey[entry.key, default: []].append(i) }
        var expectedByKey: [String: [Int]] = [:]
        for (i, entry) in expected.enumerated() { expectedByKey[entry.key, default: []].append(i) }

        var found: [(order: [Int], difference: AnnotationDifference)] = []
        func line(_ kind: AnnotationDifference.Kind, _ entry: DiffEntry, _ context: TextContext?) {
            var text = "\(layer): \(kind.rawValue) \(entry.subject)"
            if let context, let span = entry.context { text += "  " + context.around(start: span.start, end: span.end) }
            found.append((entry.order, AnnotationDifference(document: document, layer: layer, kind: kind,
                                                            start: entry.span?.start, end: entry.span?.end, description: text)))
        }

        var usedActual = Set<Int>()
        var keysDone = Set<String>()
        for entry in expected where keysDone.insert(entry.key).inserted {
            var left = expectedByKey[entry.key] ?? []
            var right = actualByKey[entry.key] ?? []
            // Equal records match first, then the rest pair up in order as changed.
            left.removeAll { e in
                guard let j = right.firstIndex(where: { expected[e].differingFields(from: actual[$0]).isEmpty }) else { return false }
                usedActual.insert(right.remove(at: j))
                return true
            }
            for (e, a) in zip(left, right) {
                usedActual.insert(a)
                let entry = expected[e]
                for field in entry.differingFields(from: actual[a]) {
                    let verb = ["targets", "objects", "speakers"].contains(field.name) ? "differ" : "differs"
                    found.append((entry.order, AnnotationDifference(
                        document: document, layer: layer, kind: .changed, start: entry.span?.start, end: entry.span?.end,
                        field: field.name, expected: field.expected, actual: field.actual,
                        description: "\(layer): \(field.name) \(verb) \(entry.place): \(field.expected) → \(field.actual)")))
                }
            }
            for e in left.dropFirst(right.count) { line(.missing, expected[e], expectedContext) }
        }
        for (a, entry) in actual.enumerated() where !usedActual.contains(a) {
            line(.extra, entry, actualContext)
        }
        return found.enumerated().sorted { x, y in
            x.element.order == y.element.order ? x.offset < y.offset : x.element.order.lexicographicallyPrecedes(y.element.order)
        }.map(\.element.difference)
    }

    private static func textDifference(_ document: String, _ expected: String?, _ actual: String?) -> AnnotationDifference? {
        guard let expected, let actual, expected != actual else { return nil }
        let e = TextContext(expected)!, a = TextContext(actual)!
        var offset = 0
        while offset < e.scalars.count, offset < a.scalars.count, e.scalars[offset] == a.scalars[offset] { offset += 1 }
        let description = "text: differs at offset \(offset) (offsets after it may not match): "
            + "\(e.around(start: offset, end: min(offset + 1, e.scalars.count))) → \(a.around(start: offset, end: min(offset + 1, a.scalars.count)))"
        return AnnotationDifference(document: document, layer: "text", kind: .changed, start: offset, end: offset, field: "text",
                                    description: description)
    }
}
