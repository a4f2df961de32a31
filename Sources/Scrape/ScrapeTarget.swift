import HTTPClientSettings
import MeshMetrics

/// One endpoint to scrape, resolved from a `scrape_configs` entry.
public struct ScrapeTarget: Sendable, Hashable, Identifiable {
    public var job: String
    /// `host:port`, also the `instance` label unless the config sets one.
    public var address: String
    public var scheme: String
    public var metricsPath: String
    /// Encoded query string without `?` (from `params`), or empty.
    public var query: String
    public var intervalMilliseconds: Int64
    public var timeoutMilliseconds: Int64
    public var honorLabels: Bool
    /// Labels added to every scraped series: `job`, `instance` and the static labels.
    public var labels: Labels
    /// 0 means no limit.
    public var sampleLimit: Int
    public var maxBodyBytes: Int
    /// Longest accepted label name and value (0 = no limit); a scrape breaking them is rejected.
    public var maxLabelNameLength = 0
    public var maxLabelValueLength = 0
    /// The job's `metric_relabel_configs`, applied to every scraped series before storage.
    public var metricRelabelRules: [RelabelRule] = []
    /// The job's credentials, sent as `Authorization` (files re-read at each scrape).
    public var auth = ClientAuth()
    /// The job's `tls_config` for `https` targets; nil uses the system roots.
    public var tls: ClientTLS?

    public init(job: String, address: String, scheme: String = "http", metricsPath: String = "/metrics", query: String = "",
                intervalMilliseconds: Int64 = 15_000, timeoutMilliseconds: Int64 = 10_000, honorLabels: Bool = false,
                staticLabels: [String: String] = [:], sampleLimit: Int = 0, maxBodyBytes: Int = 64 << 20) {
        self.job = job
        self.address = address
        self.intervalMilliseconds = intervalMilliseconds
        self.timeoutMilliseconds = timeoutMilliseconds
        self.honorLabels = honorLabels
        // `__scheme__`, `__metrics_path__` and `__param_*` come from relabel_configs:
        // applied here, and no `__` label ever reaches a series.
        var all = staticLabels.filter { !$0.key.hasPrefix("__") }
        let overrides = TargetOverrides(staticLabels)
        self.scheme = overrides.scheme ?? scheme
        self.metricsPath = overrides.metricsPath ?? metricsPath
        self.query = overrides.applying(to: query)
        all["job"] = all["job"] ?? job
        all["instance"] = all["instance"] ?? address
        self.labels = Labels(all)
        self.sampleLimit = sampleLimit
        self.maxBodyBytes = maxBodyBytes
    }

    public var id: String { "\(job)/\(url)" }

    public var url: String {
        "\(scheme)://\(address)\(metricsPath)" + (query.isEmpty ? "" : "?\(query)")
    }
}
