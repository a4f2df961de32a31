import MeshMetrics

/// The steps of a range query: `count` times from `start`, `interval` apart.
struct StepGrid {
    let start: Int64
    let interval: Int64
    let count: Int

    func time(_ step: Int) -> Int64 { start + Int64(step) * interval }

    /// The step evaluated at `t`, if `t` is one of the grid's times.
    func index(of t: Int64) -> Int? {
        guard t >= start, (t - start) % interval == 0 else { return nil }
        let step = (t - start) / interval
        return step < Int64(count) ? Int(step) : nil
    }
}

/// A node's value at every step of a range query, computed step-major (all steps of a
/// node before its parent, as Prometheus does) instead of re-running the node per step.
/// Flat, series-major storage: series `s` at step `i` is at `s * stepCount + i`.
struct StepMatrix {
    var labels: [Labels]
    let stepCount: Int
    var values: [Double]
    var present: [Bool]
    var dropName: [Bool]
    /// Samples the per-step evaluation would hold at each step, for the max-samples check.
    var samplesPerStep: [Int]
    /// Annotations raised at a step, recorded only when that step is read out.
    var annotationsPerStep: [Int: FunctionAnnotations] = [:]
    /// Element order of the steps where it is not series order: aggregation groups come
    /// out in first-seen order, which depends on which inputs are present.
    var orderPerStep: [Int: [Int]] = [:]

    init(labels: [Labels], stepCount: Int) {
        self.labels = labels
        self.stepCount = stepCount
        let cells = labels.count * stepCount
        values = [Double](repeating: 0, count: cells)
        present = [Bool](repeating: false, count: cells)
        dropName = [Bool](repeating: false, count: cells)
        samplesPerStep = [Int](repeating: 0, count: stepCount)
    }

    mutating func set(_ series: Int, _ step: Int, _ value: Double, dropName drop: Bool) {
        let cell = series * stepCount + step
        values[cell] = value
        present[cell] = true
        dropName[cell] = drop
    }

    /// Calls `body` with each series present at `step`, in the step's element order.
    func forEachPresent(at step: Int, _ body: (Int) throws -> Void) rethrows {
        if let order = orderPerStep[step] {
            for series in order { try body(series) }
            return
        }
        var cell = step
        for series in labels.indices {
            if present[cell] { try body(series) }
            cell += stepCount
        }
    }

    /// The instant vector of `step`, stamped with its time `t`.
    func vector(at step: Int, time t: Int64) -> [VectorElement] {
        var out: [VectorElement] = []
        forEachPresent(at: step) { series in
            let cell = series * stepCount + step
            out.append(VectorElement(labels: labels[series], timestamp: t, value: values[cell], dropName: dropName[cell]))
        }
        return out
    }
}

/// A step-major result cached for one node, with the node to confirm a lookup by position.
struct StepCacheEntry {
    let expr: Expr
    let matrix: StepMatrix
}
