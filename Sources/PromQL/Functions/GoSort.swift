/// Go's `sort.Sort` (pattern-defeating quicksort, `sort.Interface` variant) and
/// `container/heap`, ported step for step. Prometheus orders `sort()`, `topk`, `bottomk`
/// and `quantile` input with these and a comparison that is not a strict weak order
/// (NaN is "less" than everything), so where equal values or NaNs land depends on the
/// exact sequence of comparisons and swaps; Swift's sort would place them differently.
struct GoSort<Element> {
    var data: [Element]
    let less: (Element, Element) -> Bool

    init(_ data: [Element], less: @escaping (Element, Element) -> Bool) {
        self.data = data
        self.less = less
    }

    private func lessAt(_ i: Int, _ j: Int) -> Bool { less(data[i], data[j]) }
    private mutating func swapAt(_ i: Int, _ j: Int) { data.swapAt(i, j) }

    // MARK: sort.Sort

    /// `sort.Sort(data)`.
    mutating func sort() {
        let n = data.count
        guard n > 1 else { return }
        pdqsort(0, n, limit: Int.bitWidth - n.leadingZeroBitCount)
    }

    private mutating func insertionSort(_ a: Int, _ b: Int) {
        var i = a + 1
        while i < b {
            var j = i
            while j > a && lessAt(j, j - 1) { swapAt(j, j - 1); j -= 1 }
            i += 1
        }
    }

    private mutating func siftDown(_ lo: Int, _ hi: Int, _ first: Int) {
        var root = lo
        while true {
            var child = 2 * root + 1
            if child >= hi { return }
            if child + 1 < hi && lessAt(first + child, first + child + 1) { child += 1 }
            if !lessAt(first + root, first + child) { return }
            swapAt(first + root, first + child)
            root = child
        }
    }

    private mutating func heapSort(_ a: Int, _ b: Int) {
        let first = a, hi = b - a
        var i = (hi - 1) / 2
        while i >= 0 { siftDown(i, hi, first); i -= 1 }
        i = hi - 1
        while i >= 0 { swapAt(first, first + i); siftDown(0, i, first); i -= 1 }
    }

    private enum Hint { case unknown, increasing, decreasing }

    private mutating func pdqsort(_ a0: Int, _ b0: Int, limit limit0: Int) {
        var a = a0, b = b0, limit = limit0
        var wasBalanced = true, wasPartitioned = true
        while true {
            let length = b - a
            if length <= 12 { insertionSort(a, b); return }
            if limit == 0 { heapSort(a, b); return }
            if !wasBalanced { breakPatterns(a, b); limit -= 1 }
            var (pivot, hint) = choosePivot(a, b)
            if hint == .decreasing {
                reverseRange(a, b)
                pivot = (b - 1) - (pivot - a)
                hint = .increasing
            }
            if wasBalanced && wasPartitioned && hint == .increasing && partialInsertionSort(a, b) { return }
            if a > 0 && !lessAt(a - 1, pivot) {
                a = partitionEqual(a, b, pivot)
                continue
            }
            let (mid, alreadyPartitioned) = partition(a, b, pivot)
            wasPartitioned = alreadyPartitioned
            let leftLen = mid - a, rightLen = b - mid
            let balanceThreshold = length / 8
            if leftLen < rightLen {
                wasBalanced = leftLen >= balanceThreshold
                pdqsort(a, mid, limit: limit)
                a = mid + 1
            } else {
                wasBalanced = rightLen >= balanceThreshold
                pdqsort(mid + 1, b, limit: limit)
                b = mid
            }
        }
    }

    private mutating func partition(_ a: Int, _ b: Int, _ pivot: Int) -> (Int, Bool) {
        swapAt(a, pivot)
        var i = a + 1, j = b - 1
        while i <= j && lessAt(i, a) { i += 1 }
        while i <= j && !lessAt(j, a) { j -= 1 }
        if i > j { swapAt(j, a); return (j, true) }
        swapAt(i, j); i += 1; j -= 1
        while true {
            while i <= j && lessAt(i, a) { i += 1 }
            while i <= j && !lessAt(j, a) { j -= 1 }
            if i > j { break }
            swapAt(i, j); i += 1; j -= 1
        }
        swapAt(j, a)
        return (j, false)
    }

    private mutating func partitionEqual(_ a: Int, _ b: Int, _ pivot: Int) -> Int {
        swapAt(a, pivot)
        var i = a + 1, j = b - 1
        while true {
            while i <= j && !lessAt(a, i) { i += 1 }
            while i <= j && lessAt(a, j) { j -= 1 }
            if i > j { break }
            swapAt(i, j); i += 1; j -= 1
        }
        return i
    }

    private mutating func partialInsertionSort(_ a: Int, _ b: Int) -> Bool {
        var i = a + 1
        for _ in 0..<5 {
            while i < b && !lessAt(i, i - 1) { i += 1 }
            if i == b { return true }
            if b - a < 50 { return false }
            swapAt(i, i - 1)
            if i - a >= 2 {
                var j = i - 1
                while j >= 1 { if !lessAt(j, j - 1) { break }; swapAt(j, j - 1); j -= 1 }
            }
            if b - i >= 2 {
                var j = i + 1
                while j < b { if !lessAt(j, j - 1) { break }; swapAt(j, j - 1); j += 1 }
            }
        }
        return false
    }

    private mutating func breakPatterns(_ a: Int, _ b: Int) {
        let length = b - a
        guard length >= 8 else { return }
        var random = UInt64(length) // sort package's xorshift: <<13, >>7, <<17
        let modulus = UInt(1) << UInt(Int.bitWidth - length.leadingZeroBitCount)
        var idx = a + (length / 4) * 2 - 1
        while idx <= a + (length / 4) * 2 + 1 {
            random ^= random << 13
            random ^= random >> 7
            random ^= random << 17
            var other = Int(UInt(truncatingIfNeeded: random) & (modulus - 1))
            if other >= length { other -= length }
            swapAt(idx, a + other)
            idx += 1
        }
    }

    private mutating func choosePivot(_ a: Int, _ b: Int) -> (Int, Hint) {
        let l = b - a
        var swaps = 0
        var i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3
        if l >= 8 {
            if l >= 50 {
                i = medianAdjacent(i, &swaps)
                j = medianAdjacent(j, &swaps)
                k = medianAdjacent(k, &swaps)
            }
            j = median(i, j, k, &swaps)
        }
        switch swaps {
        case 0: return (j, .increasing)
        case 12: return (j, .decreasing)
        default: return (j, .unknown)
        }
    }

    private func order2(_ a: Int, _ b: Int, _ swaps: inout Int) -> (Int, Int) {
        if lessAt(b, a) { swaps += 1; return (b, a) }
        return (a, b)
    }

    private func median(_ a0: Int, _ b0: Int, _ c0: Int, _ swaps: inout Int) -> Int {
        var (a, b) = order2(a0, b0, &swaps)
        var c: Int
        (b, c) = order2(b, c0, &swaps)
        _ = c
        (a, b) = order2(a, b, &swaps)
        return b
    }

    private func medianAdjacent(_ a: Int, _ swaps: inout Int) -> Int { median(a - 1, a, a + 1, &swaps) }

    private mutating func reverseRange(_ a: Int, _ b: Int) {
        var i = a, j = b - 1
        while i < j { swapAt(i, j); i += 1; j -= 1 }
    }

    // MARK: container/heap

    /// `heap.Push` after appending: sift the new last element up.
    mutating func heapPush(_ element: Element) {
        data.append(element)
        heapUp(data.count - 1)
    }

    /// `heap.Fix(h, i)`.
    mutating func heapFix(_ i: Int) {
        if !heapDown(i, data.count) { heapUp(i) }
    }

    private mutating func heapUp(_ j0: Int) {
        var j = j0
        while true {
            let i = (j - 1) / 2 // parent; Go's division truncates, so j == 0 stops here
            if i == j || !lessAt(j, i) { break }
            swapAt(i, j)
            j = i
        }
    }

    private mutating func heapDown(_ i0: Int, _ n: Int) -> Bool {
        var i = i0
        while true {
            let j1 = 2 * i + 1
            if j1 >= n || j1 < 0 { break }
            var j = j1
            let j2 = j1 + 1
            if j2 < n && lessAt(j2, j1) { j = j2 }
            if !lessAt(j, i) { break }
            swapAt(i, j)
            i = j
        }
        return i > i0
    }
}

extension GoSort {
    /// Prometheus' `vectorByValueHeap.Less`: NaN first, then ascending.
    static func valueLess(_ a: Double, _ b: Double) -> Bool { a.isNaN || a < b }
    /// Prometheus' `vectorByReverseValueHeap.Less`: NaN first, then descending.
    static func reverseValueLess(_ a: Double, _ b: Double) -> Bool { a.isNaN || a > b }
}
