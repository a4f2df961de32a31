/// Why an eval is not run against the engine.
public enum SkipReason: Sendable, Hashable, CustomStringConvertible {
    /// The whole file is about something out of scope (native histograms, info(), ...).
    case outOfScopeFile
    /// The expected output contains `{{...}}` native histograms.
    case nativeHistogramResult
    /// A selector of the query matches a series loaded with `{{...}}` points.
    case nativeHistogramData(series: String)
    /// A selector matches a native histogram `load_with_nhcb` makes from a classic one
    /// (`testhistogram` from `testhistogram_bucket`, `_count`, `_sum`).
    case customBucketHistogramData(series: String)
    /// A function that only reads native histograms, while some are loaded.
    case nativeHistogramFunction(String)
    /// A function in `ScopeFilter.experimentalFunctions`.
    case experimentalFunction(String)
    /// Syntax in `ScopeFilter.experimentalSyntax`.
    case experimentalSyntax(QueryFeatures.Syntax)
    /// The data carries start timestamps (`@st` lines).
    case startTimestamps

    /// A coarse label for counting skips: all native-histogram reasons share one, each
    /// experimental function and syntax keeps its own, so the engine author sees what
    /// implementing one of them would unlock.
    public var category: String {
        switch self {
        case .outOfScopeFile: "out-of-scope file"
        case .nativeHistogramResult, .nativeHistogramData, .customBucketHistogramData,
             .nativeHistogramFunction: "native histograms"
        case .experimentalFunction(let name): "experimental function \(name)()"
        case .experimentalSyntax(let syntax): "experimental \(syntax.rawValue)"
        case .startTimestamps: "start timestamps"
        }
    }

    public var description: String {
        switch self {
        case .outOfScopeFile: "file is out of scope"
        case .nativeHistogramResult: "native histogram in the expected result"
        case .nativeHistogramData(let series): "reads native histogram series \(series)"
        case .customBucketHistogramData(let series): "reads load_with_nhcb native histogram \(series)"
        case .nativeHistogramFunction(let name): "native histogram function \(name)()"
        case .experimentalFunction(let name): "experimental function \(name)()"
        case .experimentalSyntax(let syntax): "experimental \(syntax.rawValue)"
        case .startTimestamps: "start timestamps (@st)"
        }
    }
}
