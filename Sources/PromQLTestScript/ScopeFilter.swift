/// Decides which evals run. MeshScope covers classic float samples, so an eval is
/// skipped when its file is out of scope, when it involves native histograms (in the
/// expected output, in the loaded series it reads, or through native-only functions),
/// or when it uses an experimental feature listed below. The lists are plain tables:
/// remove an entry once the engine implements it and its evals start counting.
public struct ScopeFilter: Sendable {
    /// Files whose evals count (see the conformance README).
    public static let defaultInScopeFiles: Set<String> = [
        "aggregators.test", "at_modifier.test", "collision.test", "functions.test", "histograms.test",
        "limit.test", "literals.test", "name_label_dropping.test", "operators.test", "range_queries.test",
        "selectors.test", "staleness.test", "subquery.test", "trig_functions.test",
    ]

    /// Experimental in Prometheus and not expected of the engine yet. Not listed, though
    /// experimental upstream, because in-scope files rely on them as ordinary functions:
    /// `limitk`, `limit_ratio`, `sort_by_label`, `sort_by_label_desc`, `first_over_time`.
    public static let defaultExperimentalFunctions: Set<String> = [
        // Query-context functions (duration expressions).
        "start", "end", "range", "step",
        "min_of", "max_of",
        // Not implemented. (Implemented and so counted: ts_of_*_over_time,
        // mad_over_time, double_exponential_smoothing, histogram_quantiles.)
        "integral", "info", "start_timestamp",
    ]

    /// Functions that read only native histograms (floats in, empty vector out), so
    /// they are skipped while native histograms are loaded.
    public static let defaultNativeHistogramFunctions: Set<String> = [
        "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar",
    ]

    public var inScopeFiles: Set<String>
    public var experimentalFunctions: Set<String>
    public var nativeHistogramFunctions: Set<String>
    public var experimentalSyntax: Set<QueryFeatures.Syntax>

    public init(
        inScopeFiles: Set<String> = ScopeFilter.defaultInScopeFiles,
        experimentalFunctions: Set<String> = ScopeFilter.defaultExperimentalFunctions,
        nativeHistogramFunctions: Set<String> = ScopeFilter.defaultNativeHistogramFunctions,
        experimentalSyntax: Set<QueryFeatures.Syntax> = Set(QueryFeatures.Syntax.allCases)
    ) {
        self.inScopeFiles = inScopeFiles
        self.experimentalFunctions = experimentalFunctions
        self.nativeHistogramFunctions = nativeHistogramFunctions
        self.experimentalSyntax = experimentalSyntax
    }

    /// Whether a file's evals count; matched on the last path component.
    public func isInScope(file: String) -> Bool {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return inScopeFiles.contains(name)
    }

    /// The skip decision for every eval of a script, keyed by the eval's line; evals
    /// that run have no entry.
    public func skipReasons(for script: TestScript) -> [Int: SkipReason] {
        let fileInScope = isInScope(file: script.file)
        var reasons: [Int: SkipReason] = [:]
        var data = LoadedData()
        for command in script.commands {
            switch command {
            case .clear: data.clear()
            case .load(let load): data.add(load)
            case .eval(let eval):
                let reason = fileInScope ? skipReason(for: eval, data: data) : .outOfScopeFile
                if let reason { reasons[eval.line] = reason }
            }
        }
        return reasons
    }

    /// Why `eval` is skipped given what is loaded, or nil when it runs. The first
    /// matching reason wins: data and results first, then syntax, then functions.
    public func skipReason(for eval: EvalCommand, data: LoadedData) -> SkipReason? {
        if data.usesStartTimestamps { return .startTimestamps }
        if eval.expectsNativeHistograms { return .nativeHistogramResult }
        let features = QueryFeatures(query: eval.query)
        if let syntax = QueryFeatures.Syntax.allCases.first(where: {
            features.experimentalSyntax.contains($0) && experimentalSyntax.contains($0)
        }) {
            return .experimentalSyntax(syntax)
        }
        if let function = features.functionCalls.intersection(experimentalFunctions).sorted().first {
            return .experimentalFunction(function)
        }
        if let series = QueryFeatures.firstMatch(of: features.selectors, in: data.nativeHistogramSeries) {
            return .nativeHistogramData(series: series.description)
        }
        if let series = QueryFeatures.firstMatch(of: features.selectors, in: data.customBucketSeries) {
            return .customBucketHistogramData(series: series.description)
        }
        if data.hasNativeHistograms, let function = features.functionCalls.intersection(nativeHistogramFunctions).sorted().first {
            return .nativeHistogramFunction(function)
        }
        return nil
    }
}
