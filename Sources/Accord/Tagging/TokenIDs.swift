/// What phrase matching reads of the tokens: the folded vocabulary id of every token, and the
/// case-exact ids of the few that have one.
struct TokenIDs {
    /// Folded vocabulary id of every token (`Vocabulary.none` when unknown).
    let folded: [Int32]
    /// The tokens with a case-exact id, in order.
    let exact: [ExactID]
}
