import MeshMetrics

extension Labels {
    /// Prometheus' `labels.Labels.String()`: `{__name__="x", a="b"}`, as its error
    /// messages print label sets.
    var goString: String {
        "{" + pairs.map { "\($0.name)=\(GoNumerics.quote($0.value))" }.joined(separator: ", ") + "}"
    }
}
