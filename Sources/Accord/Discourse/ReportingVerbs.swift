/// Which actions report speech (`say`) or criticism (`criticize`): their classes compared as
/// strings once per document, not again in every stage that asks.
struct ReportingVerbs {
    private enum Kind: UInt8 { case other, speech, criticism }

    private let kinds: [Kind]

    init(_ actions: [ActionMention]) {
        kinds = actions.map { ReportingVerbs.kind(of: $0.actionClass) }
    }

    /// The lengths first: most classes have neither, and an ASCII name equals only itself.
    private static func kind(of actionClass: String) -> Kind {
        switch actionClass.utf8.count {
        case 3: actionClass == "say" ? .speech : .other
        case 9: actionClass == "criticize" ? .criticism : .other
        default: .other
        }
    }

    /// A `say` action.
    func isSpeech(_ action: Int) -> Bool { kinds[action] == .speech }
    /// A `criticize` action.
    func isCriticism(_ action: Int) -> Bool { kinds[action] == .criticism }
    /// A `say` or `criticize` action.
    func isReporting(_ action: Int) -> Bool { kinds[action] != .other }
}
