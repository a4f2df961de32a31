import Logging
import MeshPolicy
import NIOCore
import NIOHTTP1

/// Carries one request through its plan: fault delay and abort, redirect, no route,
/// or the forward with retries, timeouts and mirrors. Returns the response to write
/// downstream; never throws (every failure becomes a reply with its response flag).
struct Forwarder: Sendable {
    let clusters: ClusterManager
    let observer: any ProxyObserver
    let reporter: ProxyReporter
    let logger: Logger

    func forward(_ request: ProxyRequest, plan: ForwardPlan, record initial: ObservedRequest) async -> ForwardResult {
        var record = initial
        record.routeName = plan.routeName
        if let delay = plan.delay {
            record.responseFlags.insert(.delayInjected)
            try? await Task.sleep(for: delay)
        }
        if let reply = localReply(plan, record: record) { return reply }
        guard case .forward(let target, let clusterName) = plan.action else { return .local(500, "", record: record) }
        let cluster = begin(request, plan: plan, target: target, clusterName: clusterName, record: &record)
        var result = await forwardWithRetries(request, plan: plan, cluster: cluster, record: record)
        result.responseHeaders = plan.headers.response
        return result
    }

    /// The answer when the plan is not a forward (a fault abort, a redirect, no route).
    func localReply(_ plan: ForwardPlan, record initial: ObservedRequest) -> ForwardResult? {
        var record = initial
        switch plan.action {
        case .abort(let status):
            record.responseFlags.insert(.faultInjected)
            return .local(status, "fault filter abort", record: record)
        case .redirect(let status, let location):
            return .local(status, "", record: record, headers: [("location", location)])
        case .noRoute:
            record.responseFlags.insert(.noRouteFound)
            return .local(404, "", record: record)
        case .forward:
            return nil
        }
    }

    /// What every forward does first: the cluster, the record's upstream fields, the
    /// mirror copies and the tracing headers to send.
    func begin(_ request: ProxyRequest, plan: ForwardPlan, target: UpstreamTarget, clusterName: String,
               record: inout ObservedRequest) -> UpstreamCluster {
        let cluster = clusters.cluster(named: clusterName, for: target, generation: plan.generation)
        record.upstreamCluster = clusterName
        record.destinationService = target.service == nil ? nil : target.host
        record.destinationSubset = target.subset
        for mirror in plan.mirrors {
            sendMirror(request, plan: plan, to: mirror)
        }
        let start = ObservedRequestStart(reporter: reporter, method: request.head.method.rawValue,
                                         path: request.path, authority: request.authority,
                                         requestID: request.requestID, upstreamCluster: clusterName,
                                         traceHeaders: record.traceHeadersReceived)
        record.traceHeadersInjected = observer.upstreamTraceHeaders(for: start)
        return cluster
    }

    /// A retry holds a `maxRetries` slot from the moment it is decided until the request
    /// ends. Without a free slot the attempt's own outcome stands (the upstream's response,
    /// or the failure's reply), flagged UO, as in Envoy.
    func takeRetrySlot(_ cluster: UpstreamCluster, holding: inout Bool, record: inout ObservedRequest) -> Bool {
        if holding { return true }
        holding = cluster.acquireRetry()
        if !holding {
            observer.upstreamEvent(.retryOverflow(cluster: cluster.name))
            record.responseFlags.insert(.upstreamOverflow)
        }
        return holding
    }

    private func forwardWithRetries(_ request: ProxyRequest, plan: ForwardPlan, cluster: UpstreamCluster,
                                    record initial: ObservedRequest) async -> ForwardResult {
        var record = initial
        let began = ContinuousClock.now
        let overallDeadline = plan.timeout.map { began + $0 }
        // A body that outgrew the buffer cannot be sent twice.
        let policy = request.isRetriable ? plan.retry : HTTPRetry.disabled
        var retry = RetryStateMachine(policy: policy, timeout: plan.timeout, start: ProxyClock.now)
        var random = SystemRandomNumberGenerator()
        var holdsRetrySlot = false
        defer { if holdsRetrySlot { cluster.releaseRetry() } }
        while true {
            guard case .attempt(let number, let deadline) = retry.startAttempt(now: ProxyClock.now) else {
                return timedOut(record, cluster: cluster, perTry: false)
            }
            if number > 1 { observer.upstreamEvent(.retry(cluster: cluster.name, attempt: number)) }
            record.attemptCount = number
            guard let endpoint = cluster.pickEndpoint(headers: request.routingHeaders) else {
                record.responseFlags.insert(.noHealthyUpstream)
                return .local(503, "no healthy upstream", record: record)
            }
            record.upstreamHost = endpoint.address.description
            record.upstreamEndpointLabels = endpoint.labels
            let attemptStart = ContinuousClock.now
            let attemptDeadline = deadline.map { attemptStart + ($0 - ProxyClock.now) }
            let head = upstreamHead(request, plan: plan, attempt: number, record: record)
            let outcome: UpstreamOutcome
            let started: UpstreamResponseStart?
            let failure: UpstreamFailure?
            do {
                let response = try await attempt(request, head: head, cluster: cluster, endpoint: endpoint.address,
                                                 deadline: attemptDeadline)
                (outcome, started, failure) = (.response(status: Int(response.head.status.code)), response, nil)
                record.upstreamPeerPrincipal = response.connection.peerPrincipal
                record.upstreamServiceTimeMicros = Self.micros(attemptStart.duration(to: .now))
            } catch let error as UpstreamFailure {
                (outcome, started, failure) = (error.outcome, nil, error)
            } catch {
                (outcome, started, failure) = (.reset, nil, .reset)
            }
            if case .overflow(let resource) = failure {
                cluster.requestEnded(at: endpoint.address, outcome: nil)
                observer.upstreamEvent(.overflow(cluster: cluster.name, resource: resource))
                record.responseFlags.insert(.upstreamOverflow)
                return .local(503, "upstream connect error or disconnect/reset before headers. reset reason: overflow",
                              record: record)
            }
            cluster.requestEnded(at: endpoint.address, outcome: outcome)
            if failure == .timeout, overallDeadline.map({ ContinuousClock.now < $0 }) ?? true {
                observer.upstreamEvent(.timeout(cluster: cluster.name, perTry: true))
            }
            var decision = retry.attemptEnded(outcome, now: ProxyClock.now, using: &random)
            if case .retry = decision, !takeRetrySlot(cluster, holding: &holdsRetrySlot, record: &record) {
                decision = .finish(.deliver)
            }
            switch decision {
            case .retry(let backoff):
                if let started { cluster.release(started.connection, keepAlive: false) }
                try? await Task.sleep(for: backoff)
            case .finish(.overallTimeout):
                if let started { cluster.release(started.connection, keepAlive: false) }
                return timedOut(record, cluster: cluster, perTry: false)
            case .finish(let finish):
                if finish == .retriesExhausted { record.responseFlags.insert(.upstreamRetryLimitExceeded) }
                if let started {
                    return ForwardResult(response: .upstream(started, cluster: cluster), record: record,
                                         deadline: overallDeadline)
                }
                return failed(failure ?? .reset, record: record)
            }
        }
    }

    func timedOut(_ record: ObservedRequest, cluster: UpstreamCluster, perTry: Bool) -> ForwardResult {
        var record = record
        observer.upstreamEvent(.timeout(cluster: cluster.name, perTry: perTry))
        record.responseFlags.insert(.upstreamRequestTimeout)
        return .local(504, "upstream request timeout", record: record)
    }

    func failed(_ failure: UpstreamFailure, record: ObservedRequest) -> ForwardResult {
        var record = record
        switch failure {
        case .timeout:
            record.responseFlags.insert(.upstreamRequestTimeout)
            return .local(504, "upstream request timeout", record: record)
        case .connectFailure:
            record.responseFlags.insert(.upstreamConnectionFailure)
            return .local(503, "upstream connect error or disconnect/reset before headers. reset reason: connection failure",
                          record: record)
        case .noHealthyUpstream:
            record.responseFlags.insert(.noHealthyUpstream)
            return .local(503, "no healthy upstream", record: record)
        case .overflow:
            record.responseFlags.insert(.upstreamOverflow)
            return .local(503, "upstream connect error or disconnect/reset before headers. reset reason: overflow",
                          record: record)
        case .reset:
            record.responseFlags.insert(.upstreamConnectionTermination)
            return .local(503, "upstream connect error or disconnect/reset before headers. reset reason: connection termination",
                          record: record)
        }
    }

    static func micros(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
    }
}
