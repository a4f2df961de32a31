import Logging
import MeshMetrics

/// Discovery for one `kubernetes_sd_configs` entry: lists what its role reads (pods; or
/// endpoints, services and pods) every refresh interval (Prometheus watches; a periodic
/// LIST is simpler and enough at scrape intervals) and hands each new target set to `onUpdate`. A failed list is logged and
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
        let lister = KubernetesLister(settings: settings)
        while !Task.isCancelled {
            await refresh(with: lister)
            try? await Task.sleep(for: .milliseconds(settings.refreshMilliseconds))
        }
        await lister.shutdown()
    }

    private func refresh(with lister: KubernetesLister) async {
        let targets: [Labels]
        let objects: Int
        do {
            (targets, objects) = try await list(with: lister)
        } catch {
            guard !Task.isCancelled else { return }
            refreshFailures += 1
            logger.warning("kubernetes \(settings.role.rawValue) discovery failed; keeping the previous targets", metadata: [
                "error": "\(error)", "failures": "\(refreshFailures)",
                "targets_kept": "\(lastTargets?.count ?? 0)",
            ])
            return
        }
        refreshes += 1
        guard targets != lastTargets, !Task.isCancelled else { return }
        logger.info("kubernetes \(settings.role.rawValue) discovery updated", metadata: [
            "objects": "\(objects)", "targets": "\(targets.count)",
        ])
        lastTargets = targets
        await onUpdate(targets)
    }

    /// The role's lists, read in one refresh, turned into targets.
    private func list(with lister: KubernetesLister) async throws(KubernetesDiscoveryError) -> ([Labels], Int) {
        switch settings.role {
        case .pod:
            let pods = try await lister.list(.pods, as: PodList.self)
            return (pods.flatMap { PodTargets.targets(from: $0) }, pods.reduce(0) { $0 + $1.items.count })
        case .endpoints:
            let endpoints = try await lister.list(.endpoints, as: EndpointsList.self)
            let services = try await lister.list(.services, as: ServiceList.self)
            let pods = try await lister.list(.pods, as: PodList.self)
            return (EndpointsTargets.targets(endpoints: endpoints, services: services, pods: pods),
                    endpoints.reduce(0) { $0 + $1.items.count })
        }
    }
}
