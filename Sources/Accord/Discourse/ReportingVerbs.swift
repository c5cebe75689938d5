/// Which actions report speech (`say`) or criticism (`criticize`): their classes compared as
/// strings once per document, not again in every stage that asks.
struct ReportingVerbs {
    private enum Kind: UInt8 { case other, speech, criticism }

    private let kinds: [Kind]

    init(_ actions: [ActionMention]) {
        kinds = actions.map { $0.actionClass == "say" ? .speech : $0.actionClass == "criticize" ? .criticism : .other }
    }

    /// A `say` action.
    func isSpeech(_ action: Int) -> Bool { kinds[action] == .speech }
    /// A `criticize` action.
    func isCriticism(_ action: Int) -> Bool { kinds[action] == .criticism }
    /// A `say` or `criticize` action.
    func isReporting(_ action: Int) -> Bool { kinds[action] != .other }
}
