import MeshMetrics

/// sort, sort_desc, sort_by_label and sort_by_label_desc over the float elements of an
/// instant vector, with Prometheus' orderings: NaN last in both value sorts (ties and
/// NaNs placed by Go's sort, as there), label values in natural order with the full
/// label set as tie-breaker.
public enum SortFunctions {
    /// sort(v): ascending by value, NaN last.
    public static func sort(_ elements: [VectorElement]) -> [VectorElement] {
        // Prometheus: sort.Reverse of the descending heap order with NaN "smallest".
        var sorter = GoSort(elements) { GoSort<Double>.reverseValueLess($1.value, $0.value) }
        sorter.sort()
        return sorter.data
    }

    /// sort_desc(v): descending by value, NaN last.
    public static func sortDesc(_ elements: [VectorElement]) -> [VectorElement] {
        var sorter = GoSort(elements) { GoSort<Double>.valueLess($1.value, $0.value) }
        sorter.sort()
        return sorter.data
    }

    /// sort_by_label(v, label...): by each label's value (empty when absent) in natural
    /// order, then by the whole label set.
    public static func sortByLabel(_ elements: [VectorElement], labels names: [String]) -> [VectorElement] {
        elements.sorted { compareByLabels($0.labels, $1.labels, names: names) < 0 }
    }

    /// sort_by_label_desc(v, label...): the reverse of sort_by_label.
    public static func sortByLabelDesc(_ elements: [VectorElement], labels names: [String]) -> [VectorElement] {
        elements.sorted { compareByLabels($0.labels, $1.labels, names: names) > 0 }
    }

    /// sort_by_label's comparison: the first listed label whose values differ decides
    /// by natural order, else the full label sets do.
    public static func compareByLabels(_ a: Labels, _ b: Labels, names: [String]) -> Int {
        for name in names {
            let left = a[name] ?? "", right = b[name] ?? ""
            if left == right { continue }
            return naturalLess(left, right) ? -1 : 1
        }
        return compare(a, b)
    }

    /// Prometheus' `labels.Compare`: label by label, name then value, byte-wise (Go
    /// string order, not Swift's Unicode order); a prefix sorts first.
    public static func compare(_ a: Labels, _ b: Labels) -> Int {
        for (x, y) in zip(a.pairs, b.pairs) {
            let names = compareBytes(x.name, y.name)
            if names != 0 { return names }
            let values = compareBytes(x.value, y.value)
            if values != 0 { return values }
        }
        return a.pairs.count - b.pairs.count
    }

    private static func compareBytes(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    /// facette/natsort's `Compare` as Prometheus vendors it: byte-wise, with runs of
    /// digits compared as numbers (leading zeros skipped, longer run is larger).
    public static func naturalLess(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8), b = Array(b.utf8)
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        var posA = 0, posB = 0
        while true {
            if a.count <= posA { return b.count > posB }
            if b.count <= posB { return false }
            var av = a[posA], bv = b[posB]
            if isDigit(av) && isDigit(bv) {
                var lengthA = 1, lengthB = 1
                while posA + lengthA < a.count {
                    let x = a[posA + lengthA]
                    if av == 0x30 { posA += 1; av = x; continue }
                    if isDigit(x) { lengthA += 1 } else { break }
                }
                while posB + lengthB < b.count {
                    let x = b[posB + lengthB]
                    if bv == 0x30 { posB += 1; bv = x; continue }
                    if isDigit(x) { lengthB += 1 } else { break }
                }
                if lengthB > lengthA { return true }
                if lengthA > lengthB { return false }
                let runA = a[posA..<posA + lengthA], runB = b[posB..<posB + lengthB]
                if runA != runB { return runA.lexicographicallyPrecedes(runB) }
                posA += lengthA
                posB += lengthB
                continue
            }
            if av == bv {
                posA += 1
                posB += 1
                continue
            }
            return av < bv
        }
    }
}
