import MeshMetrics

/// Step-major evaluation of the nodes where range queries spend their time: range
/// functions over a selector, and value aggregations over those or over selectors.
/// Each is computed for all steps once, before the per-step loop, which then only reads
/// out the step it is at (`cachedStep`). Everything else still runs per step.
extension Evaluator {
    /// Largest series × steps a node is computed for step-major; beyond it the per-step
    /// path is used, as it holds one step at a time.
    static let maxStepCells = 8_000_000

    /// Computes and caches every node of `expr` that can be evaluated step-major.
    func precomputeSteps(_ expr: Expr, grid: StepGrid) throws {
        stepGrid = grid
        try precompute(expr)
    }

    private func precompute(_ expr: Expr) throws {
        switch expr {
        case .call(let call):
            if let matrix = try callSteps(call) {
                stepCache[call.positionRange] = StepCacheEntry(expr: expr, matrix: matrix)
                return
            }
        case .aggregate(let node):
            if let matrix = try aggregateSteps(node) {
                stepCache[node.positionRange] = StepCacheEntry(expr: expr, matrix: matrix)
                return
            }
        case .subquery:
            return  // its inner nodes run at the subquery's own times
        default:
            break
        }
        for child in expr.children { try precompute(child) }
    }

    /// The cached value of `expr` at `t`, accounted and annotated as the per-step path would.
    func cachedStep(_ position: PositionRange, _ expr: Expr, at t: Int64) throws(EngineError) -> [VectorElement]? {
        guard let entry = stepCache[position], let step = stepGrid?.index(of: t), entry.expr == expr else { return nil }
        try countSamples(entry.matrix.samplesPerStep[step])
        if let stepAnnotations = entry.matrix.annotationsPerStep[step] { record(stepAnnotations) }
        return entry.matrix.vector(at: step, time: t)
    }

    func stepInput(_ expr: Expr) throws -> StepMatrix? {
        switch expr {
        case .paren(let node): try stepInput(node.expr)
        case .vectorSelector(let selector): selectorSteps(selector)
        case .call(let call): try callSteps(call)
        case .aggregate(let node): try aggregateSteps(node)
        default: nil
        }
    }

    private func callSteps(_ call: Call) throws -> StepMatrix? {
        try rangeFunctionSteps(call) ?? histogramQuantileSteps(call)
    }

    private func fits(_ seriesCount: Int, _ grid: StepGrid) -> Bool {
        seriesCount <= Self.maxStepCells / max(grid.count, 1)
    }

    /// An instant-vector selector at every step: each series' cursor only moves forward.
    private func selectorSteps(_ selector: VectorSelector) -> StepMatrix? {
        guard let grid = stepGrid else { return nil }
        let input = data[SelectorPlan.Key(selector: selector)] ?? []
        guard fits(input.count, grid) else { return nil }
        var out = StepMatrix(labels: input.map(\.labels), stepCount: grid.count)
        for (index, series) in input.enumerated() {
            let points = series.points
            var next = 0  // first sample after the step's time
            for step in 0..<grid.count {
                let time = effectiveTime(selector.at, grid.time(step)) &- selector.offset
                next = Self.firstIndex(after: time, in: points, from: next)
                guard next > 0 else { continue }
                let sample = points[next - 1]
                guard sample.timestamp > time - lookback, !sample.value.isStaleMarker else { continue }
                out.set(index, step, sample.value, dropName: false)
            }
        }
        return out
    }

    /// A range function over a matrix selector at every step, sliding the window along
    /// each series instead of copying it out per step.
    private func rangeFunctionSteps(_ call: Call) throws -> StepMatrix? {
        guard let grid = stepGrid, let kind = RangeFunctionKind(rawValue: call.function.name), !kind.takesScalars,
              call.args.count == 1, case .matrixSelector(let matrix) = call.args[0] else { return nil }
        let selector = matrix.vectorSelector
        let input = data[SelectorPlan.Key(selector: selector)] ?? []
        guard fits(input.count, grid) else { return nil }
        var out = StepMatrix(labels: input.map(\.labels), stepCount: grid.count)
        // The counter-name check depends on the name only: once per distinct name.
        var nonCounterNotes: [String: FunctionAnnotation?] = [:]
        var unused = FunctionAnnotations()
        for (index, series) in input.enumerated() {
            if index % 512 == 0, isCancelled() { throw EngineError(.canceled, "query was canceled") }
            var note: FunctionAnnotation?
            if kind == .rate || kind == .increase, let name = series.labels.metricName {
                if let known = nonCounterNotes[name] {
                    note = known
                } else {
                    note = RangeFunctions.possibleNonCounterInfo(metricName: name)
                    nonCounterNotes[name] = note
                }
            }
            // Windows never hold staleness markers: drop them once for the whole series.
            let points = series.points.contains { $0.value.isStaleMarker }
                ? series.points.filter { !$0.value.isStaleMarker } : series.points
            let drop = kind.keepsName ? series.dropName : true
            try points.withUnsafeBufferPointer { buffer in
                var low = 0, high = 0
                for step in 0..<grid.count {
                    let t = grid.time(step)
                    let end = effectiveTime(selector.at, t) &- selector.offset
                    let start = end - matrix.range
                    low = Self.firstIndex(after: start, in: buffer, from: low)
                    high = Self.firstIndex(after: end, in: buffer, from: high)
                    guard low < high else { continue }
                    out.samplesPerStep[step] += high - low
                    if let note { out.annotationsPerStep[step, default: FunctionAnnotations()].add(note) }
                    let window = UnsafeBufferPointer(rebasing: buffer[low..<high])
                    guard let value = try kind.apply(window, rangeStart: start, rangeEnd: end, evaluationTime: t,
                                                     scalars: [], annotations: &unused) else { continue }
                    out.set(index, step, value, dropName: drop)
                }
            }
        }
        return out
    }

    /// Index of the first sample after `t`, moving from a previous answer `from`; steps
    /// move forward, so this is usually a step or two (backwards too, to stay exact).
    static func firstIndex(after t: Int64, in points: some SampleList, from: Int) -> Int {
        var index = from
        while index < points.count && points[index].timestamp <= t { index += 1 }
        while index > 0 && points[index - 1].timestamp > t { index -= 1 }
        return index
    }
}
