/// A scrape target as the targets page receives it from the scrape manager's board.
public struct TargetInfo: Sendable, Hashable {
    public var job: String
    public var url: String
    /// `up`, `down` or `unknown` (not scraped yet).
    public var health: String
    public var labels: [KeyValue]
    /// Milliseconds since the epoch; nil before the first scrape.
    public var lastScrape: Int64?
    public var durationSeconds: Double
    public var lastError: String
    public var intervalMillis: Int64
    public var timeoutMillis: Int64
    /// The labels relabelling saw (`__address__`, `__meta_*`, ...), for debugging a config.
    public var discoveredLabels: [KeyValue] = []

    public init(job: String, url: String, health: String, labels: [KeyValue], lastScrape: Int64?,
                durationSeconds: Double, lastError: String, intervalMillis: Int64, timeoutMillis: Int64) {
        self.job = job
        self.url = url
        self.health = health
        self.labels = labels
        self.lastScrape = lastScrape
        self.durationSeconds = durationSeconds
        self.lastError = lastError
        self.intervalMillis = intervalMillis
        self.timeoutMillis = timeoutMillis
    }
}
