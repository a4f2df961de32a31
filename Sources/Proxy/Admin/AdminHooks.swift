/// What the admin listener serves that the telemetry module owns, passed in by the
/// caller so the data path needs no telemetry types.
public struct AdminHooks: Sendable {
    /// `/stats/prometheus`: the exposition text; `openMetrics` when the scraper asked for
    /// OpenMetrics (it then ends with `# EOF`).
    public var prometheusText: @Sendable (_ openMetrics: Bool) -> String
    /// `/stats`: Envoy-style plain-text stats.
    public var statsText: @Sendable () -> String

    public init(prometheusText: @escaping @Sendable (_ openMetrics: Bool) -> String = { _ in "" },
                statsText: @escaping @Sendable () -> String = { "" }) {
        self.prometheusText = prometheusText
        self.statsText = statsText
    }
}
