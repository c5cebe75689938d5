/// The first of `count` items, in order of a key, whose key is `bound` or more (`count` when none
/// is): a binary search over mentions in text order.
func partitionIndex(count: Int, keyAtLeast bound: Int, _ key: (Int) -> Int) -> Int {
    var low = 0, high = count
    while low < high {
        let middle = (low + high) / 2
        if key(middle) < bound { low = middle + 1 } else { high = middle }
    }
    return low
}
