import HTTPClientSettings
import MeshMetrics
import Yams

/// One entry of `scrape_configs`: a job, the targets it scrapes and how.
///
/// Values are the effective ones: an interval or timeout left out of the file
/// holds what was inherited from `global` when the file was loaded.
public struct ScrapeConfig: Sendable, Hashable {
    public static let defaultMetricsPath = "/metrics"

    /// Unique across the file; becomes the `job` label of every scraped series.
    public var jobName: String
    public var scrapeInterval: PromDuration
    /// Never above `scrapeInterval`.
    public var scrapeTimeout: PromDuration
    /// HTTP path of the exposition endpoint on each target.
    public var metricsPath: String
    public var scheme: Scheme
    /// On a clash between a scraped label and a target label (`job`, `instance`,
    /// static labels): true keeps the scraped value, false renames it `exported_<name>`.
    public var honorLabels: Bool
    /// Query parameters appended to every scrape URL, in key order; a key may repeat.
    public var params: [String: [String]]
    /// A scrape with more samples than this fails as a whole; 0 means no limit.
    public var sampleLimit: Int
    public var staticConfigs: [StaticConfig]
    /// Pod discovery; its targets join the static ones through the same `relabel_configs`.
    public var kubernetesSDConfigs: [KubernetesSDConfig] = []
    /// Applied to each target's labels before it is scraped (see `relabelledTargets`).
    public var relabelConfigs: [RelabelRule] = []
    /// Applied to each scraped series before it is stored.
    public var metricRelabelConfigs: [RelabelRule] = []
    /// How many targets `relabel_configs` dropped are kept for `/api/v1/targets`, with their
    /// discovered labels (counted either way); 0 means no limit, as in Prometheus.
    public var keepDroppedTargets = 0
    /// Credentials sent with every scrape (`basic_auth`, `authorization`, `bearer_token(_file)`).
    public var auth = ClientAuth()
    /// TLS of `https` scrapes; nil uses the system roots.
    public var tlsConfig: ClientTLS?

    public init(
        jobName: String,
        scrapeInterval: PromDuration = GlobalConfig.defaultScrapeInterval,
        scrapeTimeout: PromDuration = GlobalConfig.defaultScrapeTimeout,
        metricsPath: String = ScrapeConfig.defaultMetricsPath,
        scheme: Scheme = .http,
        honorLabels: Bool = false,
        params: [String: [String]] = [:],
        sampleLimit: Int = 0,
        staticConfigs: [StaticConfig] = []
    ) {
        self.jobName = jobName
        self.scrapeInterval = scrapeInterval
        self.scrapeTimeout = scrapeTimeout
        self.metricsPath = metricsPath
        self.scheme = scheme
        self.honorLabels = honorLabels
        self.params = params
        self.sampleLimit = sampleLimit
        self.staticConfigs = staticConfigs
    }

}

extension ScrapeConfig {
    static let keys = [
        "job_name", "scrape_interval", "scrape_timeout", "metrics_path", "scheme",
        "honor_labels", "params", "sample_limit", "static_configs", "relabel_configs", "metric_relabel_configs",
        "kubernetes_sd_configs", "keep_dropped_targets", "tls_config",
    ] + ClientAuth.keys + ClientAuth.bearerKeys

    /// Reads one job; interval and timeout fall back to `global`.
    static func decode(_ node: ConfigNode, global: GlobalConfig) throws(ConfigError) -> ScrapeConfig {
        let map = try node.mapping(allowed: keys)
        guard let jobNode = map["job_name"] else { throw map.missing("job_name") }
        var job = ScrapeConfig(jobName: try jobNode.nonEmptyString())

        job.scrapeInterval = global.scrapeInterval
        if let value = map["scrape_interval"] {
            job.scrapeInterval = try value.duration()
            if job.scrapeInterval == .zero { throw value.error("must be greater than 0s") }
        }
        job.scrapeTimeout = try GlobalConfig.resolveTimeout(
            map["scrape_timeout"], interval: job.scrapeInterval, inherited: global.scrapeTimeout)

        if let value = map["metrics_path"] {
            job.metricsPath = try value.string()
            if !job.metricsPath.hasPrefix("/") {
                throw value.error("\"\(job.metricsPath)\" must start with \"/\"")
            }
        }
        if let value = map["scheme"] { job.scheme = try value.choice(of: Scheme.self) }
        if let value = map["honor_labels"] { job.honorLabels = try value.bool() }
        if let value = map["params"] { job.params = try decodeParams(value) }
        if let value = map["sample_limit"] { job.sampleLimit = try value.count() }
        if let value = map["keep_dropped_targets"] { job.keepDroppedTargets = try value.count() }
        job.auth = try ClientAuth.decode(map, bearer: true)
        if let value = map["tls_config"] { job.tlsConfig = try ClientTLS.decode(value) }
        if let value = map["static_configs"] {
            var groups: [StaticConfig] = []
            for element in try value.list() { groups.append(try StaticConfig.decode(element)) }
            job.staticConfigs = groups
        }
        if let value = map["kubernetes_sd_configs"] { job.kubernetesSDConfigs = try KubernetesSDConfig.decodeList(value) }
        if let value = map["relabel_configs"] { job.relabelConfigs = try RelabelRule.decodeList(value) }
        if let value = map["metric_relabel_configs"] { job.metricRelabelConfigs = try RelabelRule.decodeList(value) }
        return job
    }

    /// `params: {module: [if_mib], target: [a, b]}` — lists, as in Prometheus,
    /// since a query parameter may repeat.
    private static func decodeParams(_ node: ConfigNode) throws(ConfigError) -> [String: [String]] {
        var params: [String: [String]] = [:]
        for entry in try ConfigMapping(node).entries {
            if entry.name.isEmpty { throw entry.key.error("parameter name must not be empty") }
            params[entry.name] = try entry.value.stringList()
        }
        return params
    }

    var yamlNode: Node {
        var pairs: [(String, Node)] = [
            ("job_name", .text(jobName)),
            ("scrape_interval", .duration(scrapeInterval)),
            ("scrape_timeout", .duration(scrapeTimeout)),
            ("metrics_path", .text(metricsPath)),
            ("scheme", .text(scheme.rawValue)),
            ("honor_labels", .flag(honorLabels)),
        ]
        pairs.append(("params", .section(params.keys.sorted().map { name in
            (name, .list((params[name] ?? []).map(Node.text)))
        })))
        pairs.append(("sample_limit", .number(sampleLimit)))
        if keepDroppedTargets > 0 { pairs.append(("keep_dropped_targets", .number(keepDroppedTargets))) }
        pairs += auth.yamlPairs
        if let tlsConfig { pairs.append(("tls_config", tlsConfig.yamlNode)) }
        pairs.append(("static_configs", .list(staticConfigs.map(\.yamlNode))))
        if !kubernetesSDConfigs.isEmpty {
            pairs.append(("kubernetes_sd_configs", .list(kubernetesSDConfigs.map(\.yamlNode))))
        }
        // Only when set, so dumps of configs without relabelling stay as they were.
        if !relabelConfigs.isEmpty { pairs.append(("relabel_configs", .list(relabelConfigs.map(\.yamlNode)))) }
        if !metricRelabelConfigs.isEmpty {
            pairs.append(("metric_relabel_configs", .list(metricRelabelConfigs.map(\.yamlNode))))
        }
        return .section(pairs)
    }
}
