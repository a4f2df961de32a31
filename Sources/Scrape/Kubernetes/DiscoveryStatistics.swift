/// One discovery entry's counters for `/metrics`: lists made, lists failed, and the
/// targets its last good list produced (before relabelling).
public struct DiscoveryStatistics: Sendable, Hashable {
    public var job: String
    public var mechanism: String
    public var refreshes: Int
    public var failures: Int
    public var targets: Int

    public init(job: String, mechanism: String, refreshes: Int, failures: Int, targets: Int) {
        self.job = job
        self.mechanism = mechanism
        self.refreshes = refreshes
        self.failures = failures
        self.targets = targets
    }
}
