/// Istio's `OutlierDetection` with Envoy's defaults for what is not written.
public struct OutlierDetectionSettings: Sendable, Hashable {
    /// Consecutive 5xx responses (or local failures) that eject an endpoint; 0 disables.
    public var consecutive5xxErrors: Int
    /// Consecutive 502/503/504 (or local failures) that eject an endpoint; 0 disables.
    public var consecutiveGatewayErrors: Int
    /// How often ejections are reviewed (and ejected endpoints re-admitted).
    public var interval: Duration
    /// An endpoint is ejected for this times the number of times it has been ejected.
    public var baseEjectionTime: Duration
    /// At most this share of the endpoints is ejected at once (one always may be).
    public var maxEjectionPercent: Int

    public init(consecutive5xxErrors: Int = 5, consecutiveGatewayErrors: Int = 0,
                interval: Duration = .seconds(10), baseEjectionTime: Duration = .seconds(30),
                maxEjectionPercent: Int = 10) {
        self.consecutive5xxErrors = consecutive5xxErrors
        self.consecutiveGatewayErrors = consecutiveGatewayErrors
        self.interval = interval
        self.baseEjectionTime = baseEjectionTime
        self.maxEjectionPercent = maxEjectionPercent
    }
}
