import MeshMetrics

/// What a query returns, in the shapes of Prometheus' HTTP API, with the annotations
/// (warnings and infos) raised while evaluating it.
public struct QueryResult: Sendable {
    public enum Value: Sendable {
        case scalar(Sample)
        case string(String, timestamp: Int64)
        case vector([VectorElement])
        case matrix([MatrixSeries])
    }

    public var value: Value
    public var annotations: Annotations
    /// Cost figures for the slow-query log and benchmarks.
    public var samplesLoaded: Int
    public var seriesTouched: Int

    public init(value: Value, annotations: Annotations = Annotations(), samplesLoaded: Int = 0, seriesTouched: Int = 0) {
        self.value = value
        self.annotations = annotations
        self.samplesLoaded = samplesLoaded
        self.seriesTouched = seriesTouched
    }
}

/// Prometheus' non-fatal annotations: warnings (likely wrong results) and infos.
public struct Annotations: Sendable, Equatable {
    public var warnings: [String] = []
    public var infos: [String] = []

    public init() {}

    public mutating func warn(_ message: String) {
        if !warnings.contains(message) { warnings.append(message) }
    }

    public mutating func info(_ message: String) {
        if !infos.contains(message) { infos.append(message) }
    }

    public mutating func merge(_ other: Annotations) {
        other.warnings.forEach { warn($0) }
        other.infos.forEach { info($0) }
    }
}
