/// One sample of a `ParsedExposition`, with its labels materialised.
public struct CollectedSample: Hashable, Sendable {
    public var family: String
    /// Canonical labels, `__name__` included.
    public var labels: Labels
    public var value: Double
    /// Milliseconds since the epoch.
    public var timestamp: Int64?
    public var exemplar: Exemplar?
    /// 1-based line in the input.
    public var line: Int

    public init(family: String, labels: Labels, value: Double, timestamp: Int64?,
                exemplar: Exemplar? = nil, line: Int) {
        self.family = family
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
        self.exemplar = exemplar
        self.line = line
    }
}
