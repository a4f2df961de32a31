/// The targets of one scrape job (Prometheus' scrape pool).
public struct TargetPool: Sendable, Hashable {
    public var job: String
    /// `pool-1`, ...: an element id that any job name can have.
    public var anchor: String
    public var upCount: Int
    public var total: Int
    public var healthClass: String
    public var targets: [TargetRow]
    /// Targets `relabel_configs` dropped from this job, and where the API lists them
    /// (stored, not computed: the templates see stored properties only).
    public var droppedCount: Int
    public var hasDropped: Bool
    public var droppedHref: String

    public init(job: String, anchor: String, upCount: Int, total: Int, healthClass: String, targets: [TargetRow],
                droppedCount: Int = 0) {
        self.job = job
        self.anchor = anchor
        self.upCount = upCount
        self.total = total
        self.healthClass = healthClass
        self.targets = targets
        self.droppedCount = droppedCount
        hasDropped = droppedCount > 0
        droppedHref = URLQuery.build("/api/v1/targets", [("state", "dropped"), ("scrapePool", job)])
    }
}
