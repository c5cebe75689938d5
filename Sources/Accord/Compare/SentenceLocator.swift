/// Finds the sentence that holds an offset, for gold records that name no sentence.
struct SentenceLocator {
    let sentences: [AnnotationDocument.Sentence]

    /// The sentences of ACTUAL when it has them, else those of EXPECTED.
    init?(preferring first: AnnotationDocument?, _ second: AnnotationDocument?) {
        guard let sentences = first?.sentences ?? second?.sentences else { return nil }
        self.sentences = sentences
    }

    /// The index of the sentence containing `offset` (the nearest one before it when it falls between
    /// sentences); `nil` before the first.
    func sentence(containing offset: Int) -> Int? {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].start <= offset { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }

    /// The sentence of a stance record: its anchor's (gold), else its own `sentence`, else its first cue's.
    func sentence(of stance: AnnotationDocument.Stance) -> Int? {
        if let anchor = stance.anchor, let index = sentence(containing: anchor.start) { return index }
        if let sentence = stance.sentence { return sentence }
        return stance.cues.first.flatMap { sentence(containing: $0.start) }
    }

    /// The sentence of an event: the one holding its action's start, else the event's `sentence`.
    func sentence(of event: AnnotationDocument.Event) -> Int? {
        sentence(containing: event.action.span.start) ?? event.sentence
    }
}

extension Optional where Wrapped == SentenceLocator {
    /// As `SentenceLocator.sentence(of:)`, falling back to the record's own fields without sentences.
    func sentence(of stance: AnnotationDocument.Stance) -> Int? {
        switch self {
        case let locator?: locator.sentence(of: stance)
        case nil: stance.sentence
        }
    }

    func sentence(of event: AnnotationDocument.Event) -> Int? {
        switch self {
        case let locator?: locator.sentence(of: event)
        case nil: event.sentence
        }
    }
}
