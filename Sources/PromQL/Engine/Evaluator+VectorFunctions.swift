import MeshMetrics

extension Evaluator {
    /// Instant-vector functions other than the element-wise math ones.
    func evalVectorFunction(_ call: Call, at t: Int64) throws -> [VectorElement] {
        let args = call.args
        func scalarArg(_ index: Int) throws -> Double { try eval(args[index], at: t).scalar }
        func stringArg(_ index: Int) throws -> String { try eval(args[index], at: t).string }
        var functionAnnotations = FunctionAnnotations()
        defer { record(functionAnnotations) }
        switch call.function.name {
        case "round":
            let nearest = args.count > 1 ? try scalarArg(1) : 1
            return try mapValues(call, at: t) { MathFunctions.round($0, toNearest: nearest) }
        case "clamp":
            let (low, high) = (try scalarArg(1), try scalarArg(2))
            return try mapValues(call, at: t) { MathFunctions.clamp($0, min: low, max: high) }
        case "clamp_min":
            let low = try scalarArg(1)
            return try mapValues(call, at: t) { MathFunctions.clampMin($0, min: low) }
        case "clamp_max":
            let high = try scalarArg(1)
            return try mapValues(call, at: t) { MathFunctions.clampMax($0, max: high) }
        case "sort":
            return SortFunctions.sort(try eval(args[0], at: t).vector).map { stamped($0, t) }
        case "sort_desc":
            return SortFunctions.sortDesc(try eval(args[0], at: t).vector).map { stamped($0, t) }
        case "sort_by_label", "sort_by_label_desc":
            let names = try (1..<args.count).map { try stringArg($0) }
            let elements = try eval(args[0], at: t).vector
            let sorted = call.function.name == "sort_by_label"
                ? SortFunctions.sortByLabel(elements, labels: names) : SortFunctions.sortByLabelDesc(elements, labels: names)
            return sorted.map { stamped($0, t) }
        case "label_replace":
            let replacer = try labelReplacer(destination: try stringArg(1), replacement: try stringArg(2),
                                             source: try stringArg(3), regex: try stringArg(4))
            return try eval(args[0], at: t).vector.map { stamped(replacer.apply(to: $0), t) }
        case "label_join":
            let sources = try (3..<args.count).map { try stringArg($0) }
            return try LabelFunctions.labelJoin(try eval(args[0], at: t).vector, destination: try stringArg(1),
                                                separator: try stringArg(2), sources: sources).map { stamped($0, t) }
        case "histogram_quantile":
            let q = try scalarArg(0)
            return ClassicHistograms.histogramQuantile(q, try eval(args[1], at: t).vector, annotations: &functionAnnotations)
                .map { stamped($0, t) }
        case "histogram_quantiles":
            let label = try stringArg(1)
            let quantiles = try (2..<args.count).map { try scalarArg($0) }
            return ClassicHistograms.histogramQuantiles(try eval(args[0], at: t).vector, label: label, quantiles: quantiles,
                                                        annotations: &functionAnnotations).map { stamped($0, t) }
        case "histogram_fraction":
            let (lower, upper) = (try scalarArg(0), try scalarArg(1))
            return ClassicHistograms.histogramFraction(lower: lower, upper: upper, try eval(args[2], at: t).vector,
                                                       annotations: &functionAnnotations).map { stamped($0, t) }
        case "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar":
            return []  // native histograms only; float samples produce nothing
        default:
            throw EngineError(.execution, "function \"\(call.function.name)\" is not supported")
        }
    }

    /// A range query calls label_replace at every step with the same arguments: compile
    /// its regex once per query, not once per step.
    private func labelReplacer(destination: String, replacement: String, source: String,
                               regex: String) throws -> LabelReplacer {
        let key = [destination, replacement, source, regex].joined(separator: "\u{0}")
        if let cached = labelReplacers[key] { return cached }
        let replacer = try LabelReplacer(destination: destination, replacement: replacement, source: source, regex: regex)
        labelReplacers[key] = replacer
        return replacer
    }
}
