import MeshMetrics

/// The aggregations that select input elements instead of computing a value — topk,
/// bottomk, limitk, limit_ratio — and count_values. Each selection works on one group's
/// elements in input order and returns them in the order Prometheus emits them for an
/// instant query: it keeps them in a Go `container/heap` and sorts with Go's `sort`,
/// which decides where ties and NaNs land.
public enum SelectionAggregations {
    /// topk(k, v) for one group: the k largest, descending; NaN only fills up when there
    /// are fewer than k other values, and sorts last.
    public static func topk(_ k: Int, _ elements: [VectorElement]) -> [VectorElement] {
        topk(k, elements, value: \.value)
    }

    /// bottomk(k, v) for one group: the k smallest, ascending, NaN last.
    public static func bottomk(_ k: Int, _ elements: [VectorElement]) -> [VectorElement] {
        bottomk(k, elements, value: \.value)
    }

    /// topk over any element type, given its float value.
    public static func topk<E>(_ k: Int, _ elements: [E], value: (E) -> Double) -> [E] {
        select(k, elements.map { ($0, value($0)) }, heapLess: GoSort<Double>.valueLess) { kept, new in
            kept < new || (kept.isNaN && !new.isNaN)
        }
    }

    /// bottomk over any element type, given its float value.
    public static func bottomk<E>(_ k: Int, _ elements: [E], value: (E) -> Double) -> [E] {
        select(k, elements.map { ($0, value($0)) }, heapLess: GoSort<Double>.reverseValueLess) { kept, new in
            kept > new || (kept.isNaN && !new.isNaN)
        }
    }

    /// Prometheus' aggregationK for topk/bottomk: a heap of at most k whose root is the
    /// weakest kept element, replaced when a stronger one arrives; then sort.Reverse.
    private static func select<E>(
        _ k: Int, _ pairs: [(E, Double)], heapLess: @escaping (Double, Double) -> Bool,
        replaces: (Double, Double) -> Bool
    ) -> [E] {
        guard k >= 1 else { return [] }
        var heap = GoSort<(E, Double)>([]) { heapLess($0.1, $1.1) }
        for pair in pairs {
            if heap.data.count < k {
                heap.heapPush(pair)
            } else if replaces(heap.data[0].1, pair.1) {
                heap.data[0] = pair
                if k > 1 { heap.heapFix(0) }
            }
        }
        guard heap.data.count > 1 else { return heap.data.map(\.0) }
        var sorter = GoSort(heap.data) { heapLess($1.1, $0.1) }
        sorter.sort()
        return sorter.data.map(\.0)
    }

    /// limitk(k, v) for one group: the first k elements in input order, emitted in the
    /// order of Prometheus' value heap.
    public static func limitk<E>(_ k: Int, _ elements: [E], value: (E) -> Double) -> [E] {
        guard k >= 1 else { return [] }
        var heap = GoSort<(E, Double)>([]) { GoSort<Double>.valueLess($0.1, $1.1) }
        for element in elements.prefix(k) { heap.heapPush((element, value(element))) }
        return heap.data.map(\.0)
    }

    /// limitk over vector elements.
    public static func limitk(_ k: Int, _ elements: [VectorElement]) -> [VectorElement] {
        limitk(k, elements, value: \.value)
    }

    /// limit_ratio(r, v) for one group: the elements whose label-set hash offset lies
    /// below r (r ≥ 0) or at or above 1 + r (r < 0), in value-heap order. `r` must
    /// already be capped to [-1, 1] (see ``ratioParameter(_:annotations:)``).
    public static func limitRatio(_ ratio: Double, _ elements: [VectorElement]) -> [VectorElement] {
        guard ratio != 0 else { return [] }
        var heap = GoSort<VectorElement>([]) { GoSort<Double>.valueLess($0.value, $1.value) }
        for element in elements where addRatioSample(ratio, labels: element.labels) {
            heap.heapPush(element)
        }
        return heap.data
    }

    /// Prometheus' `HashRatioSampler.AddRatioSample`.
    public static func addRatioSample(_ ratio: Double, labels: Labels) -> Bool {
        let offset = ratioSampleOffset(labels)
        return (ratio >= 0 && offset < ratio) || (ratio < 0 && offset >= 1.0 + ratio)
    }

    /// A series' deterministic position in [0, 1]: its Prometheus label hash over 2^64.
    /// The labels include `__name__` even when it is due to be dropped.
    public static func ratioSampleOffset(_ labels: Labels) -> Double {
        Double(XXHash64.prometheusHash(labels)) / Double(UInt64.max)
    }

    /// topk/bottomk/limitk's k as Prometheus converts it: NaN and values beyond the
    /// int64 range Go can represent exactly as floats fail the query; otherwise
    /// truncation. Callers emit nothing for k < 1 and may cap k at the input size.
    public static func kParameter(_ param: Double) throws(FunctionError) -> Int64 {
        if param.isNaN { throw FunctionError("Parameter value is NaN") }
        // Prometheus' maxInt64/minInt64: the int64 extremes that are exact doubles.
        if param > 9_223_372_036_854_774_784 {
            throw FunctionError("Scalar value \(formatV(param)) overflows int64")
        }
        if param < -9_223_372_036_854_775_808 {
            throw FunctionError("Scalar value \(formatV(param)) underflows int64")
        }
        return GoNumerics.int64(param)
    }

    /// limit_ratio's ratio: NaN fails the query; values outside [-1, 1] are capped with
    /// a warning. Callers emit nothing for a ratio of 0.
    public static func ratioParameter(_ param: Double, annotations: inout FunctionAnnotations) throws(FunctionError) -> Double {
        if param.isNaN { throw FunctionError("Ratio value is NaN") }
        if param < -1 {
            annotations.add(.invalidRatio(param, cappedTo: -1))
            return -1
        }
        if param > 1 {
            annotations.add(.invalidRatio(param, cappedTo: 1))
            return 1
        }
        return param
    }

    /// count_values(label, v): counts elements per (grouping labels, value), the value
    /// written as Go's `FormatFloat(v, 'f', -1, 64)` into `valueLabel` (replacing any
    /// label of that name before grouping; with `by`, the value label joins the
    /// grouping as Prometheus appends it). Groups come out in first-seen order
    /// (Prometheus' map order is random). The error quotes the name as Go's `%q`.
    public static func countValues(
        _ elements: [VectorElement], valueLabel: String, grouping: [String], without: Bool
    ) throws(FunctionError) -> [VectorElement] {
        guard LabelFunctions.isValidLabelName(valueLabel) else {
            throw FunctionError("invalid label name " + GoNumerics.quote(valueLabel))
        }
        var order: [Labels] = []
        var counts: [Labels: Int] = [:]
        for element in elements {
            let metric = element.labels.setting(valueLabel, countValuesLabel(element.value))
            let key = Aggregations.groupingLabels(metric, grouping: without ? grouping : grouping + [valueLabel], without: without)
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        let timestamp = elements.first?.timestamp ?? 0
        return order.map { VectorElement(labels: $0, timestamp: timestamp, value: Double(counts[$0]!)) }
    }

    /// A value as count_values writes it into the label.
    public static func countValuesLabel(_ value: Double) -> String {
        GoNumerics.formatFixed(value)
    }

    /// Go's `%v` for a float: like `%g` but switching to an exponent only at 1e21.
    private static func formatV(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return GoFloatFormat.string(value) }
        let exponent = Int((value.magnitude).exponentBase10)
        return exponent < -4 || exponent >= 21 ? GoFloatFormat.string(value) : GoNumerics.formatFixed(value)
    }
}

extension Double {
    /// floor(log10(|x|)) computed from the shortest digits, for exponent-style choices.
    fileprivate var exponentBase10: Double {
        let fixed = GoNumerics.formatFixed(self)
        if let dot = fixed.firstIndex(of: "."), fixed.hasPrefix("0.") {
            let fraction = fixed[fixed.index(after: dot)...]
            return -Double(fraction.prefix { $0 == "0" }.count + 1)
        }
        return Double((fixed.firstIndex(of: ".").map { fixed.distance(from: fixed.startIndex, to: $0) } ?? fixed.count) - 1)
    }
}
