/// A copy of the traffic sent, fire and forget, to another destination: Istio's `mirror`
/// with `mirrorPercentage` (or the older `mirror_percent`), or one entry of `mirrors`.
public struct MirrorPolicy: Sendable, Hashable {
    public var destination: Destination
    /// Share of requests mirrored, 0...100; 100 when not written.
    public var percentage: Double

    public init(destination: Destination, percentage: Double = 100) {
        self.destination = destination
        self.percentage = percentage
    }
}
