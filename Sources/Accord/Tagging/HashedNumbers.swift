/// Numbers by a 64-bit key that is already a hash (of folded words, `TaggingContext.foldedHash`):
/// an open-addressing table, where a `[UInt64: Int]` hashed each key again with SipHash.
struct HashedNumbers {
    /// The key of each slot, where `values` holds a number.
    private var keys = [UInt64](repeating: 0, count: 16)
    /// A number or -1 per slot; at most half the slots are used.
    private var values = [Int32](repeating: -1, count: 16)
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The number of `key`; setting one replaces the key's number (no number is ever removed).
    subscript(key: UInt64) -> Int? {
        get {
            let slot = find(key)
            return values[slot] >= 0 ? Int(values[slot]) : nil
        }
        set {
            guard let newValue else { preconditionFailure("numbers are not removed") }
            updateValue(newValue, forKey: key)
        }
    }

    /// Sets the number of `key`; returns the number it replaced, if any.
    @discardableResult
    mutating func updateValue(_ value: Int, forKey key: UInt64) -> Int? {
        let slot = find(key)
        if values[slot] >= 0 {
            defer { values[slot] = Int32(value) }
            return Int(values[slot])
        }
        keys[slot] = key
        values[slot] = Int32(value)
        count += 1
        if count * 2 > values.count { grow() }
        return nil
    }

    /// The slot holding `key`, or the free slot where it would go.
    private func find(_ key: UInt64) -> Int {
        let mask = values.count - 1
        var slot = HashedNumbers.start(key, mask)
        while values[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// Twice the slots, the keys placed again.
    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldValues.count * 2)
        let mask = values.count - 1
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 {
            var slot = HashedNumbers.start(key, mask)
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// The first slot probed for `key`: its high bits folded into the low ones that pick it.
    private static func start(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
    }
}
