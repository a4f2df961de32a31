import MeshPolicy
import NIOCore
import NIOHTTP1

/// One request forwarded on the downstream connection's event loop: the attempt loop
/// of `Forwarder.forwardWithRetries` (retries, backoff, outlier accounting, pool
/// overflows) driven by callbacks instead of awaits, and the response relayed part by
/// part as it arrives. Every method runs on `loop`; answers from an upstream
/// connection on another loop come back through `loop.execute`.
final class EventLoopExchange {
    enum Phase {
        /// Waiting for a pooled connection.
        case leasing
        /// The request is sent; waiting for the response head.
        case awaitingHead
        /// Streaming the response body downstream.
        case relaying(status: Int, upstreamKeepAlive: Bool)
        /// Waiting out a retry backoff.
        case backingOff(Scheduled<Void>)
        case done
    }

    let handler: ProxyConnectionHandler
    let context: ChannelHandlerContext
    let forwarder: Forwarder
    let request: ProxyRequest
    let plan: ForwardPlan
    /// Whether the connection stays open, decided when the response head is written
    /// (a drain may start meanwhile).
    var keepAlive: Bool
    let loop: any EventLoop
    var record: ObservedRequest
    var cluster: UpstreamCluster?
    var retry: RetryStateMachine
    var phase = Phase.leasing
    var endpoint: HostPort?
    var connection: UpstreamConnection?
    var attemptStart = ContinuousClock.now
    var holdsRetrySlot = false
    var responseBytes = 0
    /// Downstream is not writable: the next upstream read waits for it.
    var readDeferred = false

    init(handler: ProxyConnectionHandler, context: ChannelHandlerContext, forwarder: Forwarder, request: ProxyRequest,
         plan: ForwardPlan, record: ObservedRequest, keepAlive: Bool) {
        self.handler = handler
        self.context = context
        self.forwarder = forwarder
        self.request = request
        self.plan = plan
        self.keepAlive = keepAlive
        self.record = record
        loop = context.eventLoop
        // A body that outgrew the buffer never comes here, so every request can be resent.
        retry = RetryStateMachine(policy: plan.retry, timeout: nil, start: ProxyClock.now)
    }

    func start() {
        record.routeName = plan.routeName
        if let reply = forwarder.localReply(plan, record: record) {
            finish(reply)
            return
        }
        guard case .forward(let target, let clusterName) = plan.action else { return }
        cluster = forwarder.begin(request, plan: plan, target: target, clusterName: clusterName, record: &record)
        startAttempt()
    }

    private func startAttempt() {
        guard let cluster else { return }
        guard case .attempt(let number, _) = retry.startAttempt(now: ProxyClock.now) else {
            finish(forwarder.timedOut(record, cluster: cluster, perTry: false))
            return
        }
        if number > 1 { forwarder.observer.upstreamEvent(.retry(cluster: cluster.name, attempt: number)) }
        record.attemptCount = number
        guard let picked = cluster.pickEndpoint(headers: request.routingHeaders) else {
            record.responseFlags.insert(.noHealthyUpstream)
            finish(.local(503, "no healthy upstream", record: record))
            return
        }
        endpoint = picked.address
        record.upstreamHost = picked.address.description
        record.upstreamEndpointLabels = picked.labels
        attemptStart = .now
        phase = .leasing
        let bound = NIOLoopBound(self, eventLoop: loop)
        let loop = self.loop
        cluster.lease(picked.address, on: loop) { result in
            if loop.inEventLoop {
                bound.value.leased(result)
            } else {
                loop.execute { bound.value.leased(result) }
            }
        }
    }

    private func leased(_ result: Result<UpstreamConnection, any Error>) {
        guard let cluster, let endpoint else { return }
        guard case .leasing = phase else {
            // The client left while this waited.
            if case .success(let connection) = result { cluster.release(connection, keepAlive: true) }
            cluster.requestEnded(at: endpoint, outcome: nil)
            return
        }
        switch result {
        case .success(let connection):
            send(on: connection)
        case .failure(UpstreamFailure.overflow(let resource)):
            cluster.requestEnded(at: endpoint, outcome: nil)
            forwarder.observer.upstreamEvent(.overflow(cluster: cluster.name, resource: resource))
            record.responseFlags.insert(.upstreamOverflow)
            finish(.local(503, "upstream connect error or disconnect/reset before headers. reset reason: overflow",
                          record: record))
        case .failure(let error):
            attemptFailed((error as? UpstreamFailure) ?? .reset)
        }
    }

    private func send(on connection: UpstreamConnection) {
        record.upstreamPeerPrincipal = connection.peerPrincipal
        self.connection = connection
        phase = .awaitingHead
        let head = forwarder.upstreamHead(request, plan: plan, attempt: record.attemptCount, record: record)
        if connection.channel.eventLoop === loop {
            guard connection.beginExchange(sink: self) else {
                upstreamFailed()
                return
            }
        } else {
            let bound = NIOLoopBound(self, eventLoop: loop)
            let loop = self.loop
            connection.channel.eventLoop.execute {
                if !connection.beginExchange(sink: CrossLoopSink(exchange: bound, loop: loop)) {
                    loop.execute { bound.value.upstreamFailed() }
                }
            }
        }
        let channel = connection.channel
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        if case .buffered(let body?) = request.body, body.readableBytes > 0 {
            channel.write(HTTPClientRequestPart.body(.byteBuffer(body)), promise: nil)
        }
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        connection.demand()
    }

    /// The attempt ended without a usable response: retry or answer with the failure.
    func attemptFailed(_ failure: UpstreamFailure) {
        guard let cluster, let endpoint else { return }
        if let connection {
            self.connection = nil
            cluster.release(connection, keepAlive: false)
        }
        cluster.requestEnded(at: endpoint, outcome: failure.outcome)
        switch retryDecision(failure.outcome, cluster: cluster) {
        case .retry(let backoff):
            backOff(backoff)
        case .finish(.overallTimeout):
            finish(forwarder.timedOut(record, cluster: cluster, perTry: false))
        case .finish(let finish):
            if finish == .retriesExhausted { record.responseFlags.insert(.upstreamRetryLimitExceeded) }
            self.finish(forwarder.failed(failure, record: record))
        }
    }

    /// The retry state machine's answer, turned into a finish when no `maxRetries` slot is
    /// free (`Forwarder.takeRetrySlot`).
    func retryDecision(_ outcome: UpstreamOutcome, cluster: UpstreamCluster) -> RetryStateMachine.Decision {
        var random = SystemRandomNumberGenerator()
        let decision = retry.attemptEnded(outcome, now: ProxyClock.now, using: &random)
        if case .retry = decision, !forwarder.takeRetrySlot(cluster, holding: &holdsRetrySlot, record: &record) {
            return .finish(.deliver)
        }
        return decision
    }

    func backOff(_ delay: Duration) {
        let bound = NIOLoopBound(self, eventLoop: loop)
        let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        phase = .backingOff(loop.scheduleTask(in: .nanoseconds(nanoseconds)) { bound.value.startAttempt() })
    }
}
