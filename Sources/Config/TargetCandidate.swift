import MeshMetrics

/// One target as service discovery (or `static_configs`) offered it, with what
/// `relabel_configs` made of it: Prometheus' discovered labels and the target, or nil when a
/// rule dropped it or left it without an address.
public struct TargetCandidate: Sendable, Hashable {
    /// The labels relabelling saw: `__address__`, `__meta_*` and group labels, then `job`,
    /// `__scheme__`, `__metrics_path__`, `__scrape_interval__`, `__scrape_timeout__` and
    /// `__param_<name>` where not already set.
    public var discoveredLabels: Labels
    public var resolved: ResolvedTarget?

    public init(discoveredLabels: Labels, resolved: ResolvedTarget?) {
        self.discoveredLabels = discoveredLabels
        self.resolved = resolved
    }
}
