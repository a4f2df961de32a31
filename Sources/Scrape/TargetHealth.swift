/// The outcome of a target's last scrape, as `/api/v1/targets` and `/metrics` show it.
public struct TargetHealth: Sendable, Equatable {
    public enum State: String, Sendable { case unknown, up, down }

    public var target: ScrapeTarget
    public var state: State = .unknown
    /// Milliseconds since the epoch of the last scrape's start.
    public var lastScrape: Int64?
    public var lastDurationSeconds: Double = 0
    public var lastError: String = ""
    public var samplesScraped = 0

    public init(target: ScrapeTarget) {
        self.target = target
    }
}
