/// An aggregation operator; `rawValue` is its canonical (lower-case) spelling.
public enum AggregateOperator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case sum, avg, count, min, max, group, stddev, stdvar
    case topk, bottomk, quantile
    case countValues = "count_values"
    case limitk
    case limitRatio = "limit_ratio"

    public var description: String { rawValue }

    /// Takes a parameter before the vector: `topk(3, x)`, `count_values("v", x)`.
    public var hasParameter: Bool {
        switch self {
        case .topk, .bottomk, .quantile, .countValues, .limitk, .limitRatio: true
        default: false
        }
    }

    /// The type the parameter must have: a string for `count_values`, else a scalar.
    public var parameterType: ValueType? {
        switch self {
        case .countValues: .string
        case .topk, .bottomk, .quantile, .limitk, .limitRatio: .scalar
        default: nil
        }
    }

    /// Behind `--enable-feature=promql-experimental-functions` in Prometheus.
    public var isExperimental: Bool { self == .limitk || self == .limitRatio }
}
