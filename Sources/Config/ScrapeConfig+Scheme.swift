extension ScrapeConfig {
    /// The URL scheme used to scrape a job's targets.
    public enum Scheme: String, Sendable, Hashable, CaseIterable {
        case http
        case https
    }
}
