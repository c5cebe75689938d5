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
        let nul = nulCount(source.utf8)
        if nul > 0 {
            warnings.append("input holds \(nul) NUL byte\(nul == 1 ? "" : "s"): is it a binary file?")
        }
        return warnings
    }

    /// The number of zero bytes. NUL is rare in text, so 32 bytes at a time are tested for one
    /// (`(w - 0x01…) & ~w & 0x80…` is non-zero exactly when some byte of the word `w` is zero) and
    /// counted only then.
    static func nulCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            let n = buffer.count
            var count = 0
            var i = 0
            while i + 32 <= n {
                let raw = UnsafeRawPointer(base + i)
                var zeroLanes: UInt64 = 0
                for k in 0..<4 {
                    let word = raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)
                    zeroLanes |= (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                }
                if zeroLanes != 0 {
                    for k in i..<i + 32 where base[k] == 0 { count += 1 }
                }
                i += 32
            }
            for k in i..<n where base[k] == 0 { count += 1 }
            return count
        }
    }
}
