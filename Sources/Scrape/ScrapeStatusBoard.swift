import MeshMetrics

/// The latest health of every active target, shared by the scrape loops (writers) and
/// the HTTP routes (readers), with the discovery facts of the last target resolution.
public actor ScrapeStatusBoard {
    private var health: [String: TargetHealth] = [:]
    private var discovered: [String: Labels] = [:]
    private var dropped: [DroppedTarget] = []
    private var droppedCounts: [String: Int] = [:]

    public init() {}

    func update(_ value: TargetHealth) {
        health[value.target.id] = value
    }

    func remove(_ target: ScrapeTarget) {
        health[target.id] = nil
    }

    func record(discovered: [String: Labels], dropped: [DroppedTarget], droppedCounts: [String: Int]) {
        self.discovered = discovered
        self.dropped = dropped
        self.droppedCounts = droppedCounts
    }

    /// The labels each target had before `relabel_configs`, by `ScrapeTarget.id`.
    public func discoveredLabels() -> [String: Labels] { discovered }

    /// The dropped targets kept (per `keep_dropped_targets`), and every drop counted per job.
    public func droppedTargets() -> (kept: [DroppedTarget], counts: [String: Int]) { (dropped, droppedCounts) }

    public func all() -> [TargetHealth] {
        health.values.sorted { ($0.target.job, $0.target.address) < ($1.target.job, $1.target.address) }
    }
}
