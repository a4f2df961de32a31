import MeshMetrics

/// A successful query's result and annotations, as the engine adapter hands it over.
/// Failures are thrown: the runner compares `String(describing: error)` with
/// `expect fail msg:` lines, so errors should print Prometheus' message text.
public struct QueryOutcome: Sendable {
    public enum Result: Sendable {
        case scalar(Sample)
        case string(String)
        /// An instant vector; order matters only for `expect ordered` evals.
        case vector([(labels: Labels, sample: Sample)])
        /// Range query results (always a matrix, also for scalar expressions, whose one
        /// series has no labels) and range vectors from instant queries. Series must
        /// be sorted by labels, as Prometheus returns them.
        case matrix([(labels: Labels, samples: [Sample])])
    }

    public var result: Result
    /// Warning annotations, as Prometheus renders them (`PromQL warning: ... (1:5)`).
    public var warnings: [String]
    /// Info annotations (`PromQL info: ...`).
    public var infos: [String]

    public init(_ result: Result, warnings: [String] = [], infos: [String] = []) {
        self.result = result
        self.warnings = warnings
        self.infos = infos
    }

    public static func scalar(_ sample: Sample, warnings: [String] = [], infos: [String] = []) -> QueryOutcome {
        QueryOutcome(.scalar(sample), warnings: warnings, infos: infos)
    }

    public static func string(_ value: String, warnings: [String] = [], infos: [String] = []) -> QueryOutcome {
        QueryOutcome(.string(value), warnings: warnings, infos: infos)
    }

    public static func vector(_ samples: [(labels: Labels, sample: Sample)], warnings: [String] = [], infos: [String] = []) -> QueryOutcome {
        QueryOutcome(.vector(samples), warnings: warnings, infos: infos)
    }

    public static func matrix(_ series: [(labels: Labels, samples: [Sample])], warnings: [String] = [], infos: [String] = []) -> QueryOutcome {
        QueryOutcome(.matrix(series), warnings: warnings, infos: infos)
    }
}

extension QueryOutcome.Result {
    /// `scalar`, `string`, `vector` or `matrix`, for messages.
    public var typeName: String {
        switch self {
        case .scalar: "scalar"
        case .string: "string"
        case .vector: "vector"
        case .matrix: "matrix"
        }
    }
}
