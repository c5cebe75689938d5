/// The elements of the token array, most of a document's JSON (an object of some 60 bytes a
/// token), written by a loop of its own: the keys and punctuation between a token's values are
/// pieces made once for the writer's spacing, and room is reserved for many tokens at a time, so a
/// token costs its two integers, its text and five stores of fixed bytes.
struct TokenArrayJSON {
    /// `{"start": ` before the first token, `,{"start": ` before the others (in pretty output on
    /// a new line, indented).
    private let first, next: JSONWriter.Piece
    /// `, "end": ` and `, "text": `.
    private let end, text: JSONWriter.Piece
    /// `, "kind": "word"}` and so on, by `Token.Kind.rawValue`.
    private let kinds: [JSONWriter.Piece]

    /// Room for the fixed bytes of a token's object and its two integers; the text's room comes on
    /// top. Covers five pieces (at most 16 bytes each but the last, which stores 32) and two integers.
    private static let fixedRoom = 4 * 16 + 32 + 2 * JSONWriter.Cursor.maxIntCount
    /// Room is reserved this many bytes at a time (or for one token, if it needs more).
    private static let chunk = 1 << 12

    init(compact: Bool) {
        func spaced(_ compactForm: String, _ prettyForm: String) -> JSONWriter.Piece {
            JSONWriter.Piece(compact ? compactForm : prettyForm)
        }
        first = spaced(#"{"start":"#, "\n    {\"start\": ")
        next = spaced(#",{"start":"#, ",\n    {\"start\": ")
        end = spaced(#","end":"#, #", "end": "#)
        text = spaced(#","text":"#, #", "text": "#)
        kinds = Token.Kind.allCases.map { kind in
            spaced(#","kind":"\#(kind.name)"}"#, #", "kind": "\#(kind.name)"}"#)
        }
    }

    /// Writes the tokens' objects, separated, without the array's brackets. `source` is the text
    /// the tokens' byte offsets point into.
    func write(_ tokens: [Token], source: UnsafeBufferPointer<UInt8>, into w: inout JSONWriter) {
        guard let base = source.baseAddress else { return }
        var o = w.cursor(reserving: Self.chunk)
        var opening = first
        kinds.withUnsafeBufferPointer { kinds in
            for t in tokens {
                let start = Int(t.startByte), count = Int(t.endByte) - start
                assert(start >= 0 && count >= 0 && start + count <= source.count)
                let longest = Self.fixedRoom + JSONWriter.Cursor.maxStringCount(count)
                if o.room < longest {
                    w.commit(o)
                    w.maybeFlush()
                    o = w.cursor(reserving: max(Self.chunk, longest))
                }
                o.piece(opening)
                opening = next
                o.int(t.start)
                o.piece(end)
                o.int(t.end)
                o.piece(text)
                o.string(utf8: UnsafeBufferPointer(start: base + start, count: count))
                o.piece(kinds[Int(t.kind.rawValue)])
            }
        }
        w.commit(o)
        w.maybeFlush()
    }
}
