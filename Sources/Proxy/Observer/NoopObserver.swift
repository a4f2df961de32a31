/// Observes nothing: for a proxy run without telemetry.
public struct NoopObserver: ProxyObserver {
    public init() {}

    public func requestCompleted(_ request: ObservedRequest) {}
}
