/// One `eval` command: the query exactly as written, when to run it, and what it must
/// return. Times are milliseconds since the Unix epoch (scripts start at 0).
public struct EvalCommand: Sendable, Hashable {
    public enum Timing: Sendable, Hashable {
        case instant(at: Int64)
        case range(start: Int64, end: Int64, step: Int64)
    }

    /// The timestamps an `expect range vector from <start> to <end> step <step>` line
    /// gives the points of a range-vector result of an instant query.
    public struct Grid: Sendable, Hashable {
        public var start: Int64
        public var end: Int64
        public var step: Int64

        public init(start: Int64, end: Int64, step: Int64) {
            self.start = start
            self.end = end
            self.step = step
        }
    }

    /// 1-based line of the `eval` line.
    public var line: Int
    public var query: String
    public var timing: Timing
    public var expectations = EvalExpectations()
    /// A bare number line (`3`, `NaN`): the result must be a scalar.
    public var expectedScalar: Double?
    /// `<series> <points>` lines (a `{} 3` line is a series with no labels, not a scalar).
    public var expectedSeries: [SeriesDescription] = []
    /// `expect string "..."`.
    public var expectedString: String?
    /// `expect range vector ...`.
    public var expectedRangeVector: Grid?

    public init(line: Int, query: String, timing: Timing) {
        self.line = line
        self.query = query
        self.timing = timing
    }

    public var isInstant: Bool {
        if case .instant = timing { return true }
        return false
    }

    /// When an instant query runs. promqltest evaluates at the `expect range vector`
    /// end when there is one (it equals `at` in every script), so this does too.
    public var evaluationTime: Int64? {
        guard case .instant(let at) = timing else { return nil }
        return expectedRangeVector?.end ?? at
    }

    /// Where expected points sit for matrix results: the range of a range query, the
    /// `expect range vector` grid of an instant one. An instant query without that
    /// line gets an empty grid, so any expected point is "more than the range holds",
    /// as in promqltest.
    public var resultGrid: Grid {
        switch timing {
        case let .range(start, end, step): return Grid(start: start, end: end, step: step)
        case .instant(let at): return expectedRangeVector ?? Grid(start: at, end: .min, step: 0)
        }
    }

    /// `{{...}}` in the expected output: the eval is about native histograms.
    public var expectsNativeHistograms: Bool {
        expectedSeries.contains(where: \.hasNativeHistograms)
    }

    /// promqltest re-runs an instant eval as a range query around its time unless the
    /// result is a string or a range vector, or the query asks for the query's own
    /// range or step (`start()`, `end()`, `range()`, `step()`), which differ there.
    public var isCheckedInRangeMode: Bool {
        guard isInstant, expectedString == nil, expectedRangeVector == nil else { return false }
        return !QueryScanner.mentionsQueryContextFunction(query)
    }
}
