/// One scrape target as a table row.
public struct TargetRow: Sendable, Hashable {
    public var url: String
    public var health: String
    public var healthClass: String
    public var labels: [KeyValue]
    public var hasScrape: Bool
    public var lastScrapeText: String
    public var lastScrapeISO: String
    public var agoText: String
    public var durationText: String
    public var lastError: String
    public var hasError: Bool
    public var intervalText: String
    public var discovered: [KeyValue]
    public var hasDiscovered: Bool

    public init(_ target: TargetInfo, now: Int64) {
        url = target.url
        health = target.health
        healthClass = StatusStyle.targetClass(target.health)
        labels = target.labels
        hasScrape = target.lastScrape != nil
        lastScrapeText = target.lastScrape.map(TimeText.millisSeconds) ?? "never"
        lastScrapeISO = target.lastScrape.map { TimeText.iso(millis: $0) } ?? ""
        agoText = target.lastScrape.map { TimeText.ago(millis: $0, now: now) } ?? ""
        durationText = target.lastScrape == nil ? "–" : DurationText.micros(Int64((target.durationSeconds * 1e6).rounded()))
        lastError = target.lastError
        hasError = !target.lastError.isEmpty
        intervalText = DurationText.micros(target.intervalMillis * 1_000) + " / " + DurationText.micros(target.timeoutMillis * 1_000)
        discovered = target.discoveredLabels
        hasDiscovered = !target.discoveredLabels.isEmpty
    }
}
