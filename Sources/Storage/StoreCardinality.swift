/// What `/api/v1/status/tsdb` reports: where the series are, for finding the label or
/// metric that blew up cardinality. Each list is sorted by value, largest first.
public struct StoreCardinality: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var value: Int

        public init(_ name: String, _ value: Int) {
            self.name = name
            self.value = value
        }
    }

    public var seriesCount = 0
    public var labelPairCount = 0
    /// Oldest chunk start and newest chunk end (ms); nil when nothing is stored.
    public var minTime: Int64?
    public var maxTime: Int64?
    public var seriesCountByMetricName: [Entry] = []
    /// Distinct values per label name.
    public var labelValueCountByLabelName: [Entry] = []
    /// Per label name, the bytes of its values over every series carrying them
    /// (Prometheus' `memoryInBytesByLabelName`).
    public var memoryInBytesByLabelName: [Entry] = []
    /// `name=value` pairs by the series carrying them.
    public var seriesCountByLabelValuePair: [Entry] = []

    public init() {}
}
