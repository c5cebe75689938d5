/// Warnings about the input itself: repaired bytes, empty or binary-looking text.
enum InputWarnings {
    static func check(_ source: SourceText, byteCount: Int, tokenCount: Int) -> [String] {
        var warnings: [String] = []
        if source.replacedSequences > 0 {
            let n = source.replacedSequences
            warnings.append("input is not valid UTF-8: \(n) invalid byte sequence\(n == 1 ? "" : "s") replaced by U+FFFD")
        }
        if byteCount == 0 {
            warnings.append("input is empty")
        } else if tokenCount == 0 {
            warnings.append("input holds only white space")
        }
        let nul = source.utf8.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if nul > 0 {
            warnings.append("input holds \(nul) NUL byte\(nul == 1 ? "" : "s"): is it a binary file?")
        }
        return warnings
    }
}
