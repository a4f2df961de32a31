import MeshMetrics

/// A target `relabel_configs` dropped (or left without an address), kept with the labels
/// discovery gave it so `/api/v1/targets?state=dropped` can show why.
public struct DroppedTarget: Sendable, Hashable {
    public var job: String
    public var discoveredLabels: Labels

    public init(job: String, discoveredLabels: Labels) {
        self.job = job
        self.discoveredLabels = discoveredLabels
    }
}
