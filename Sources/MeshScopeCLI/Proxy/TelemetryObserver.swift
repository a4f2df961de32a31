import MeshPolicy
import Proxy
import ProxyTelemetry
import Synchronization

/// Turns what the data path observes into Istio telemetry: each request becomes a
/// `RequestObservation` (metrics, a span, an access-log record), each TCP connection a
/// `TCPObservation`, upstream events Envoy's cluster stats. The outbound side starts the
/// hop's span when the request is about to go upstream and sends its context on, with this
/// workload's identity in `x-meshscope-peer`; the inbound side reads both back.
final class TelemetryObserver: ProxyObserver {
    let telemetry: SidecarTelemetry
    let identity: PeerIdentity
    /// This workload's `x-meshscope-peer` value, encoded once.
    let peerHeader: String
    let config: @Sendable () -> ProxyConfig
    /// Hop contexts between `upstreamTraceHeaders` and `requestCompleted`, by request id
    /// and cluster; a list because an app may fan out several calls with one request id.
    private let hops = Mutex<[String: [TraceContext]]>([:])
    static let maxOpenHops = 100_000
    /// Called workloads already resolved (`peer`); cleared when the configuration changes.
    let peers = Mutex<[PeerKey: PeerIdentity]>([:])
    static let maxCachedPeers = 10_000

    struct PeerKey: Hashable {
        var host: String
        var labels: [String: String]
    }
    /// Ejected hosts per cluster, for Envoy's `ejections_active` gauge.
    private let ejected = Mutex<[String: Set<String>]>([:])

    init(telemetry: SidecarTelemetry, proxy: ProxyConfig, config: @escaping @Sendable () -> ProxyConfig) {
        self.telemetry = telemetry
        identity = Self.identity(of: proxy.workload)
        peerHeader = PeerHeader.encode(identity)
        self.config = config
    }

    static func identity(of workload: WorkloadIdentity) -> PeerIdentity {
        PeerIdentity(workload: workload.name, namespace: workload.namespace, app: workload.app, version: workload.version,
                     principal: workload.principal, canonicalService: workload.app, canonicalRevision: workload.version,
                     cluster: workload.cluster)
    }

    /// A reload may rename services or namespaces: forget the resolved peers.
    func configChanged() {
        peers.withLock { $0.removeAll() }
    }

    func upstreamTraceHeaders(for request: ObservedRequestStart) -> [String: String] {
        let hop = telemetry.startHop { request.traceHeaders[$0] }
        if let cluster = request.upstreamCluster { telemetry.upstream.requestStarted(cluster: cluster) }
        let key = Self.key(request.reporter, request.requestID, request.upstreamCluster)
        hops.withLock { table in
            // Every start is completed by the data path; the cap only bounds memory if that
            // ever failed (a completion without its start opens a hop of its own).
            if table.count >= Self.maxOpenHops { table.removeAll() }
            table[key, default: []].append(hop)
        }
        var headers: [String: String] = [:]
        hop.inject { name, value in headers[name.lowercased()] = value ?? "" }
        if request.reporter == .source { headers[PeerHeader.name] = peerHeader }
        return headers
    }

    func requestCompleted(_ request: ObservedRequest) {
        let key = Self.key(request.reporter, request.requestID, request.upstreamCluster)
        let started: TraceContext? = hops.withLock { table in
            guard var list = table[key], !list.isEmpty else { return nil }
            let first = list.removeFirst()
            table[key] = list.isEmpty ? nil : list
            return first
        }
        if started != nil, let cluster = request.upstreamCluster {
            telemetry.upstream.requestFinished(cluster: cluster, code: request.responseCode)
        }
        // Answered before going upstream (no route, an injected abort): its own hop.
        let hop = started ?? telemetry.startHop { request.traceHeadersReceived[$0] }
        telemetry.record(observation(request, trace: hop))
    }

    func tcpConnectionOpened(_ connection: ObservedTCPConnection) {
        telemetry.recordTCP(tcpObservation(connection, opened: true))
    }

    func tcpConnectionClosed(_ connection: ObservedTCPConnection) {
        telemetry.recordTCP(tcpObservation(connection, opened: false))
        recordTCPDetails(connection)
    }

    func upstreamEvent(_ event: UpstreamEvent) {
        let stats = telemetry.upstream
        switch event {
        case .retry(let cluster, _): stats.retry(cluster: cluster)
        case .retryOverflow(let cluster): stats.overflow(cluster: cluster, kind: .retries)
        case .timeout(let cluster, _): stats.timeout(cluster: cluster)
        case .overflow(let cluster, let resource):
            stats.overflow(cluster: cluster, kind: resource == .connections ? .connections : .pendingRequests)
        case .connectionOpened(let cluster, _): stats.connectionOpened(cluster: cluster)
        case .connectionClosed(let cluster, _): stats.connectionClosed(cluster: cluster)
        case .connectFailure: break
        case .ejected(let cluster, let host):
            stats.ejected(cluster: cluster, active: ejected.withLock { $0[cluster, default: []].insert(host); return $0[cluster]!.count })
        case .readmitted(let cluster, let host):
            stats.readmitted(cluster: cluster, active: ejected.withLock { $0[cluster]?.remove(host); return $0[cluster]?.count ?? 0 })
        }
    }

    private static func key(_ reporter: ProxyReporter, _ requestID: String, _ cluster: String?) -> String {
        "\(reporter.rawValue) \(requestID) \(cluster ?? "-")"
    }
}
