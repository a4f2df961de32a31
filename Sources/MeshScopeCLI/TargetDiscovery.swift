import Config
import Logging
import MeshMetrics
import Scrape

/// Owns the target set handed to the `ScrapeManager`: the static targets of the current
/// config plus what each `kubernetes_sd_configs` entry last discovered. Discovery runs
/// one task per entry; a reload keeps the tasks (and their last targets) of entries that
/// did not change, so relabelling changes apply at once without a new list.
actor TargetDiscovery {
    /// Job name and index of the entry in its `kubernetes_sd_configs`.
    struct Key: Hashable {
        var job: String
        var index: Int
    }

    private struct Runner {
        var config: KubernetesSDConfig
        var discovery: KubernetesDiscovery
        var task: Task<Void, Never>
        var generation: Int
    }

    private let scrapes: ScrapeManager
    private let logger: Logger
    private var config = MeshScopeConfig()
    private var runners: [Key: Runner] = [:]
    private var discovered: [Key: [Labels]] = [:]
    private var generation = 0

    init(scrapes: ScrapeManager, logger: Logger) {
        self.scrapes = scrapes
        self.logger = logger
    }

    /// Applies a (re)loaded config: starts, keeps or stops discovery and re-applies targets.
    func apply(_ next: MeshScopeConfig) async {
        config = next
        var wanted: [Key: KubernetesSDConfig] = [:]
        for job in next.scrapeConfigs {
            for (index, sd) in job.kubernetesSDConfigs.enumerated() { wanted[Key(job: job.jobName, index: index)] = sd }
        }
        for (key, runner) in runners where wanted[key] != runner.config {
            runner.task.cancel()
            runners[key] = nil
            discovered[key] = nil
        }
        for (key, sd) in wanted where runners[key] == nil {
            generation += 1
            let token = generation
            let discovery = KubernetesDiscovery(
                settings: Self.settings(sd), logger: logger.with(job: key.job),
                onUpdate: { [weak self] targets in await self?.update(key, generation: token, targets) })
            runners[key] = Runner(config: sd, discovery: discovery, task: Task { await discovery.run() }, generation: token)
            logger.info("kubernetes discovery started", metadata: [
                "job": "\(key.job)", "role": "\(sd.role.rawValue)", "api_server": "\(sd.apiServer ?? "in-cluster")",
                "refresh_interval": "\(sd.refreshInterval)",
            ])
        }
        await publish()
    }

    /// Per running entry, for `/metrics`.
    func statistics() async -> [DiscoveryStatistics] {
        var out: [DiscoveryStatistics] = []
        for (key, runner) in runners.sorted(by: { ($0.key.job, $0.key.index) < ($1.key.job, $1.key.index) }) {
            out.append(DiscoveryStatistics(job: key.job, mechanism: "kubernetes", refreshes: await runner.discovery.refreshes,
                                           failures: await runner.discovery.refreshFailures,
                                           targets: await runner.discovery.targetCount))
        }
        return out
    }

    /// Stops every discovery task and waits for them (their HTTP clients shut down).
    func stop() async {
        let tasks = runners.values.map(\.task)
        runners = [:]
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    private func update(_ key: Key, generation: Int, _ targets: [Labels]) async {
        // A task cancelled by a reload may still finish one list; its result is stale.
        guard runners[key]?.generation == generation else { return }
        discovered[key] = targets
        await publish()
    }

    private func publish() async {
        var byJob: [String: [Labels]] = [:]
        for (key, targets) in discovered.sorted(by: { ($0.key.job, $0.key.index) < ($1.key.job, $1.key.index) }) {
            byJob[key.job, default: []] += targets
        }
        await scrapes.apply(ScrapeTargets.resolve(config, discovered: byJob))
    }
}

extension Logger {
    fileprivate func with(job: String) -> Logger {
        var copy = self
        copy[metadataKey: "job"] = "\(job)"
        return copy
    }
}
