import MeshMetrics

extension Evaluator {
    /// `histogram_quantile(φ, v)` with a literal φ at every step over a step-major input.
    /// The buckets' histograms and bounds are worked out once from the input's series;
    /// each step then does what `ClassicHistograms.histogramQuantile` does with its
    /// present elements, in their order, annotations included.
    func histogramQuantileSteps(_ call: Call) throws -> StepMatrix? {
        guard call.function.name == "histogram_quantile", call.args.count == 2, let grid = stepGrid,
              case .number(let literal) = call.args[0].unwrappingParens,
              let input = try stepInput(call.args[1]) else { return nil }
        let q = literal.value
        // Per input series: its histogram and bound, or the bad-`le` warning it raises.
        var keys: [Labels] = []
        var indexOfKey: [Labels: Int] = [:]
        var histogramOf: [Int] = []
        var bounds: [Double] = []
        var badBucket: [FunctionAnnotation?] = []
        for labels in input.labels {
            let le = labels["le"] ?? ""
            guard let bound = ClassicHistograms.parseUpperBound(le) else {
                histogramOf.append(-1)
                bounds.append(0)
                badBucket.append(.badBucketLabel(metricName: labels.metricName, value: le))
                continue
            }
            let key = labels.removing("le")
            if let index = indexOfKey[key] {
                histogramOf.append(index)
            } else {
                indexOfKey[key] = keys.count
                histogramOf.append(keys.count)
                keys.append(key)
            }
            bounds.append(bound)
            badBucket.append(nil)
        }
        var out = StepMatrix(labels: keys, stepCount: grid.count)
        out.samplesPerStep = input.samplesPerStep
        var buckets = [[ClassicBucket]](repeating: [], count: keys.count)
        var seen: [Int] = []  // histograms of this step in first-seen order
        for step in 0..<grid.count {
            // The input's annotations come first, as its evaluation records them first.
            var stepAnnotations = input.annotationsPerStep[step] ?? FunctionAnnotations()
            stepAnnotations.add(.invalidQuantileIfNeeded(q))
            seen.removeAll(keepingCapacity: true)
            input.forEachPresent(at: step) { series in
                let histogram = histogramOf[series]
                guard histogram >= 0 else {
                    stepAnnotations.add(badBucket[series])
                    return
                }
                if buckets[histogram].isEmpty { seen.append(histogram) }
                buckets[histogram].append(ClassicBucket(upperBound: bounds[series],
                                                        count: input.values[series * input.stepCount + step]))
            }
            var inHistogramOrder = true
            for (position, histogram) in seen.enumerated() {
                if position > 0 && seen[position - 1] > histogram { inHistogramOrder = false }
                let (value, fix) = BucketAlgorithms.bucketQuantile(q, buckets[histogram])
                if fix.forcedMonotonic {
                    stepAnnotations.add(.histogramQuantileForcedMonotonicity(metricName: keys[histogram].metricName))
                }
                out.set(histogram, step, value, dropName: true)
                buckets[histogram].removeAll(keepingCapacity: true)
            }
            if !inHistogramOrder { out.orderPerStep[step] = seen }
            if !stepAnnotations.isEmpty { out.annotationsPerStep[step] = stepAnnotations }
        }
        return out
    }
}
