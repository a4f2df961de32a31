import MeshMetrics

/// Works out, before evaluation, the time range each selector of a query will read, so
/// that every selector is fetched from storage once (Prometheus' FindMinMaxTime and
/// populateSeries): a range query then slices in-memory series at each step.
struct SelectorPlan {
    struct Key: Hashable {
        let selector: VectorSelector
    }

    private(set) var ranges: [Key: (mint: Int64, maxt: Int64)] = [:]
    let lookback: Int64
    let queryStart: Int64
    let queryEnd: Int64
    let defaultSubqueryStep: Int64

    init(lookback: Int64, queryStart: Int64, queryEnd: Int64, defaultSubqueryStep: Int64) {
        self.lookback = lookback
        self.queryStart = queryStart
        self.queryEnd = queryEnd
        self.defaultSubqueryStep = defaultSubqueryStep
    }

    /// Records the reads of `expr` evaluated at every time in [from, to].
    mutating func visit(_ expr: Expr, from: Int64, to: Int64) {
        switch expr {
        case .vectorSelector(let selector):
            record(selector, window: lookback, from: from, to: to)
        case .matrixSelector(let matrix):
            record(matrix.vectorSelector, window: matrix.range, from: from, to: to)
        case .subquery(let subquery):
            let (low, high) = fixed(subquery.at, from: from, to: to)
            visit(subquery.expr, from: low - subquery.offset - subquery.range, to: high - subquery.offset)
        default:
            for child in expr.children { visit(child, from: from, to: to) }
        }
    }

    private mutating func record(_ selector: VectorSelector, window: Int64, from: Int64, to: Int64) {
        let (low, high) = fixed(selector.at, from: from, to: to)
        let mint = low &- selector.offset &- window
        let maxt = high &- selector.offset
        let key = Key(selector: selector)
        if let existing = ranges[key] {
            ranges[key] = (min(existing.mint, mint), max(existing.maxt, maxt))
        } else {
            ranges[key] = (mint, maxt)
        }
    }

    /// An `@` modifier pins evaluation to one time whatever the outer time is.
    private func fixed(_ at: AtModifier?, from: Int64, to: Int64) -> (Int64, Int64) {
        switch at {
        case .timestamp(let t): (t, t)
        case .start: (queryStart, queryStart)
        case .end: (queryEnd, queryEnd)
        case nil: (from, to)
        }
    }
}
