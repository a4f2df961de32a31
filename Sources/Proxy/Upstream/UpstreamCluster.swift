import MeshPolicy
import NIOCore
import Synchronization

/// One Envoy cluster: its endpoints, balancer, outlier detector and connection pool.
/// All policy state lives in value-type state machines behind one lock; this class
/// performs what they decide (connects, hands connections to waiting requests).
final class UpstreamCluster: Sendable {
    struct State {
        var pool: ConnectionPoolStateMachine
        var balancer: EndpointBalancer
        var outlier: OutlierDetector?
        var lastSweep: Duration
        var connections: [ConnectionPoolStateMachine.ConnectionID: UpstreamConnection] = [:]
        var waiters: [ConnectionPoolStateMachine.RequestID: Waiter] = [:]
        var nextRequest: ConnectionPoolStateMachine.RequestID = 0
        var activeRequests: [HostPort: Int] = [:]
        /// Connections handed to a request and not yet released.
        var leased: Set<ConnectionPoolStateMachine.ConnectionID> = []
        /// `maxRetries` is counted apart from the pool's own breaker.
        var retries: CircuitBreaker
        /// Replaced by a reload: connections close when their request ends.
        var retired = false
    }

    let name: String
    let target: UpstreamTarget
    /// The config generation that created it.
    let generation: Int
    let group: any EventLoopGroup
    let observer: any ProxyObserver
    /// The proxy's mesh certificates, nil without mTLS.
    let meshTLS: MeshTLS?
    let state: Mutex<State>

    init(name: String, target: UpstreamTarget, generation: Int, group: any EventLoopGroup,
         observer: any ProxyObserver, meshTLS: MeshTLS? = nil) {
        self.meshTLS = meshTLS
        self.name = name
        self.target = target
        self.generation = generation
        self.group = group
        self.observer = observer
        let policy = target.trafficPolicy
        let outlier = policy.outlierDetection.map {
            OutlierDetector(settings: $0, endpoints: target.endpoints.map(\.address))
        }
        state = Mutex(State(pool: ConnectionPoolStateMachine(settings: policy.connectionPool ?? .unlimited),
                            balancer: EndpointBalancer(policy.loadBalancer), outlier: outlier,
                            lastSweep: ProxyClock.now,
                            retries: CircuitBreaker(limits: policy.connectionPool ?? .unlimited)))
    }

    /// Picks an endpoint among those not ejected; nil when there is none (UH). The
    /// caller reports the end of the request with `requestEnded(at:outcome:)`.
    func pickEndpoint(headers: [String: String]) -> ServiceEndpoint? {
        let (picked, readmitted) = state.withLock { state -> (ServiceEndpoint?, [HostPort]) in
            let readmitted = Self.sweepIfDue(&state)
            let candidates = state.outlier?.available(target.endpoints) ?? target.endpoints
            var random = SystemRandomNumberGenerator()
            let picked = state.balancer.pick(from: candidates, headers: headers, using: &random)
            if let picked {
                state.balancer.requestStarted(at: picked.address)
                state.activeRequests[picked.address, default: 0] += 1
            }
            return (picked, readmitted)
        }
        for host in readmitted { observer.upstreamEvent(.readmitted(cluster: name, host: host.description)) }
        return picked
    }

    /// Ends what `pickEndpoint` started; `outcome` feeds outlier detection (nil when the
    /// attempt never reached the endpoint, e.g. a pool overflow).
    func requestEnded(at endpoint: HostPort, outcome: UpstreamOutcome?) {
        let event = state.withLock { state -> OutlierDetector.Event? in
            state.balancer.requestFinished(at: endpoint)
            let active = state.activeRequests[endpoint, default: 1] - 1
            state.activeRequests[endpoint] = active > 0 ? active : nil
            guard let outcome, var outlier = state.outlier else { return nil }
            defer { state.outlier = outlier }
            return outlier.record(outcome, endpoint: endpoint, now: ProxyClock.now)
        }
        if case .ejected(let host, _) = event {
            observer.upstreamEvent(.ejected(cluster: name, host: host.description))
        }
    }

    /// Takes a retry slot (`maxRetries`); false is an overflow.
    func acquireRetry() -> Bool {
        state.withLock { $0.retries.tryAcquire(.retries) }
    }

    func releaseRetry() {
        state.withLock { $0.retries.release(.retries) }
    }

    /// The periodic outlier review, done lazily when the cluster is used or inspected:
    /// ejection only matters at those moments, so no timer is needed.
    static func sweepIfDue(_ state: inout State) -> [HostPort] {
        guard var outlier = state.outlier else { return [] }
        let now = ProxyClock.now
        let interval = max(outlier.settings.interval, .milliseconds(1))
        var readmitted: [HostPort] = []
        var sweeps = 0
        while now - state.lastSweep >= interval {
            sweeps += 1
            // After a long idle spell one sweep at `now` stands for the missed ones.
            state.lastSweep = sweeps > 16 ? now : state.lastSweep + interval
            readmitted += outlier.sweep(now: state.lastSweep)
        }
        state.outlier = outlier
        return readmitted
    }
}
