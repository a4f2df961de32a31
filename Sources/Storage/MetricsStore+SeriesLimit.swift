import MeshMetrics

extension MetricsStore {
    /// Sets `limits.max_series_per_metric` (0 = no limit); applies to the next append.
    public func setMaxSeriesPerMetric(_ limit: Int) {
        maxSeriesPerMetric = max(0, limit)
    }

    /// Appends refused by `max_series_per_metric` since start, for `/metrics`.
    public var seriesLimitRejections: Int { seriesLimitRejectionCount }

    /// Series currently stored under `name`.
    public func seriesCount(metric name: String) -> Int {
        writer.registry.seriesPerName[name] ?? 0
    }

    /// Refuses the whole batch, before any series is created, when it would take a
    /// metric name past the limit: memory never grows beyond it. Existing series always
    /// pass, so stale markers and samples of known series are never refused.
    func checkSeriesLimit(_ batch: AppendBatch) throws {
        let limit = maxSeriesPerMetric
        guard limit > 0 else { return }
        var newPerName: [String: Set<Labels>] = [:]
        for entry in batch.entries where writer.registry.id(of: entry.labels) == nil {
            let name = entry.labels.metricName ?? ""
            newPerName[name, default: []].insert(entry.labels)
        }
        for (name, new) in newPerName.sorted(by: { $0.key < $1.key }) {
            let existing = writer.registry.seriesPerName[name] ?? 0
            if existing + new.count > limit {
                seriesLimitRejectionCount += 1
                throw SeriesLimitError(metric: name, limit: limit, existing: existing, new: new.count)
            }
        }
    }
}
