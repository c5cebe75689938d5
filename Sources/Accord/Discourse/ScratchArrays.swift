extension Array {
    /// Empties a scratch array of a few elements and keeps its buffer for the next use: one
    /// `popLast` each, where `removeAll(keepingCapacity: true)` goes through a generic `replaceSubrange`
    /// that costs more than the elements it removes.
    mutating func removeAllKeepingBuffer() {
        while popLast() != nil {}
    }
}
