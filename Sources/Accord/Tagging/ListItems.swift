/// Lists in news text: a lead-in line ending in a colon (`The United States will:`, `called on both
/// governments to:`), then its items: the next line, and the lines after it that open with a bullet
/// or a number. Items inherit from their lead-in what their own words leave out: the agents
/// (`EventLinker`) and the modality (`ActionTagger`).
extension TaggingContext {
    /// Whether a sentence opens with a bullet (`-` `•` `*` `·` `–` `—`) or a number with a period (`1.`).
    func startsListItem(_ sentence: Int) -> Bool {
        let first = sentences[sentence].tokens.lowerBound
        if TaggingContext.isBullet(source.utf8[tokens[first].byteRange]) { return true }
        return flags(first).contains(.numeric) && text(first..<(first + 1)).hasSuffix(".")
    }

    /// The colon that ends the lead-in of the list whose item sentence `s` is, or nil when `s` is no
    /// item. Looks back over at most `TaggingContext.listReach` items.
    func leadInColon(ofItem s: Int) -> Int? {
        var k = s
        while k > 0 && s - k < TaggingContext.listReach {
            let colon = sentences[k - 1].tokens.upperBound - 1
            if id(colon) == words.colon { return colon }
            guard startsListItem(k) else { return nil }
            k -= 1
        }
        return nil
    }

    static let listReach = 40

    /// Whether a token's bytes are a bullet; `·` also as U+0387, which `String` equality (canonical
    /// equivalence) takes for U+00B7.
    static func isBullet(_ text: ArraySlice<UInt8>) -> Bool {
        let b = text.startIndex
        switch text.count {
        case 1: return text[b] == UInt8(ascii: "-") || text[b] == UInt8(ascii: "*")
        case 2: return text[b] == 0xC2 && text[b + 1] == 0xB7 || text[b] == 0xCE && text[b + 1] == 0x87
        case 3: return text[b] == 0xE2 && text[b + 1] == 0x80 && (text[b + 2] == 0xA2 || text[b + 2] == 0x93 || text[b + 2] == 0x94)
        default: return false
        }
    }
}
