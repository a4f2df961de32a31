import Logging
import MeshMetrics

/// Pod discovery for one `kubernetes_sd_configs` entry: lists pods every refresh
/// interval (Prometheus watches; a periodic LIST is simpler and enough at scrape
/// intervals) and hands each new target set to `onUpdate`. A failed list is logged and
/// counted; the previous targets stay, so an API outage does not stop scraping.
public actor KubernetesDiscovery {
    public typealias Update = @Sendable ([Labels]) async -> Void

    private let settings: KubernetesDiscoverySettings
    private let logger: Logger
    private let onUpdate: Update
    private var lastTargets: [Labels]?
    public private(set) var refreshFailures = 0
    public private(set) var refreshes = 0
    /// Targets of the last good list; 0 before the first.
    public var targetCount: Int { lastTargets?.count ?? 0 }

    public init(settings: KubernetesDiscoverySettings, logger: Logger, onUpdate: @escaping Update) {
        self.settings = settings
        self.logger = logger
        self.onUpdate = onUpdate
    }

    /// Lists until the task is cancelled.
    public func run() async {
        let lister = KubernetesPodLister(settings: settings)
        while !Task.isCancelled {
            await refresh(with: lister)
            try? await Task.sleep(for: .milliseconds(settings.refreshMilliseconds))
        }
        await lister.shutdown()
    }

    private func refresh(with lister: KubernetesPodLister) async {
        let list: PodList
        do {
            list = try await lister.list()
        } catch {
            guard !Task.isCancelled else { return }
            refreshFailures += 1
            logger.warning("kubernetes pod discovery failed; keeping the previous targets", metadata: [
                "error": "\(error)", "failures": "\(refreshFailures)",
                "targets_kept": "\(lastTargets?.count ?? 0)",
            ])
            return
        }
        refreshes += 1
        let targets = PodTargets.targets(from: list)
        guard targets != lastTargets, !Task.isCancelled else { return }
        logger.info("kubernetes pod discovery updated", metadata: [
            "pods": "\(list.items.count)", "targets": "\(targets.count)",
        ])
        lastTargets = targets
        await onUpdate(targets)
    }
}
