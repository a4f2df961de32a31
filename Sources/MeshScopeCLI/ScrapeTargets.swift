import Config
import MeshMetrics
import Scrape

/// Expands `scrape_configs` into one `ScrapeTarget` per static target, plus the targets
/// service discovery found (`discovered`: job name → label sets with `__meta_*`), both
/// through the job's `relabel_configs`; what they drop is kept for `/api/v1/targets`.
enum ScrapeTargets {
    /// The tighter of the job's `sample_limit` and `limits.max_series_per_scrape` (0 = none).
    static func sampleLimit(_ job: Int, _ global: Int) -> Int {
        [job, global].filter { $0 > 0 }.min() ?? 0
    }

    static func resolve(_ config: MeshScopeConfig, discovered: [String: [Labels]] = [:]) -> TargetSet {
        var set = TargetSet(targets: [])
        var seen: Set<ScrapeTarget> = []
        for job in config.scrapeConfigs {
            var droppedHere = 0
            for (candidate, entry) in job.candidates(discovered: discovered[job.jobName] ?? []) {
                guard let entry else {
                    droppedHere += 1
                    if job.keepDroppedTargets == 0 || droppedHere <= job.keepDroppedTargets {
                        set.dropped.append(DroppedTarget(job: job.jobName, discoveredLabels: candidate.discoveredLabels))
                    }
                    continue
                }
                // Two container ports relabelled to the same address are one target, as in Prometheus.
                let target = makeTarget(job, entry, config)
                if seen.insert(target).inserted {
                    set.targets.append(target)
                    set.discoveredLabels[target.id] = candidate.discoveredLabels
                }
            }
            set.droppedCounts[job.jobName] = droppedHere
        }
        return set
    }

    private static func makeTarget(_ job: ScrapeConfig, _ entry: (target: String, labels: Labels),
                                   _ config: MeshScopeConfig) -> ScrapeTarget {
        var labels: [String: String] = [:]
        for pair in entry.labels.pairs { labels[pair.name] = pair.value }
        var target = ScrapeTarget(
            job: job.jobName, address: entry.target, scheme: job.scheme.rawValue,
            metricsPath: job.metricsPath, query: job.queryString,
            intervalMilliseconds: job.scrapeInterval.milliseconds,
            timeoutMilliseconds: job.scrapeTimeout.milliseconds,
            honorLabels: job.honorLabels, staticLabels: labels,
            sampleLimit: Self.sampleLimit(job.sampleLimit, config.limits.maxSeriesPerScrape),
            maxBodyBytes: config.limits.maxScrapeBytes)
        target.maxLabelNameLength = config.limits.maxLabelNameLength
        target.maxLabelValueLength = config.limits.maxLabelValueLength
        target.metricRelabelRules = job.metricRelabelConfigs
        target.auth = job.auth
        target.tls = job.tlsConfig
        return target
    }
}
