import MeshMetrics

/// What one resolution of the scrape configuration yields: the targets to scrape, the
/// labels each was discovered with, and what relabelling dropped.
public struct TargetSet: Sendable {
    public var targets: [ScrapeTarget]
    /// Keyed by `ScrapeTarget.id`.
    public var discoveredLabels: [String: Labels]
    /// Those kept, per `keep_dropped_targets`.
    public var dropped: [DroppedTarget]
    /// Every dropped target per job, kept or not (Prometheus' `droppedTargetCounts`).
    public var droppedCounts: [String: Int]

    public init(targets: [ScrapeTarget], discoveredLabels: [String: Labels] = [:], dropped: [DroppedTarget] = [],
                droppedCounts: [String: Int] = [:]) {
        self.targets = targets
        self.discoveredLabels = discoveredLabels
        self.dropped = dropped
        self.droppedCounts = droppedCounts
    }
}
