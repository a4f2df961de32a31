import AsyncHTTPClient
import Logging
import NIOCore
import ServiceLifecycle

/// Drains one `ForwardChannel` to its destination, one request at a time so that the
/// receiver sees each series' samples in order (remote write rejects out-of-order
/// samples). A request goes when `maxPerSend` samples or spans are waiting, or when the
/// oldest has waited `batchSendDeadline`. Failed attempts are retried with backoff until
/// they succeed or the receiver rejects them for good; the data stays in the queue file
/// meanwhile, so a restart resumes where delivery stopped.
///
/// On graceful shutdown it keeps delivering for up to `flushDeadline`, then leaves the
/// rest on disk for the next start.
public struct Forwarder: Service {
    public let channel: ForwardChannel
    let client: HTTPClient
    let userAgent: String
    let flushDeadline: Duration
    let logger: Logger

    public init(channel: ForwardChannel, client: HTTPClient, userAgent: String,
                flushDeadline: Duration = .seconds(5), logger: Logger) {
        self.channel = channel
        self.client = client
        self.userAgent = userAgent
        self.flushDeadline = flushDeadline
        self.logger = logger
    }

    private var destination: ForwardDestination { channel.destination }

    public func run() async throws {
        var backoff = DeliveryBackoff(minimum: destination.minBackoff, maximum: destination.maxBackoff)
        logger.info("forwarding", metadata: metadata(["pending": "\(channel.queue.pending.count)"]))
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await deliverOnce(&backoff, flushing: false)
        }
        // Shutting down: what can still go out in time does; the rest waits on disk.
        let clock = ContinuousClock()
        let end = clock.now + flushDeadline
        while channel.queue.pending.items > 0 && clock.now < end && !Task.isCancelled {
            if await !deliverOnce(&backoff, flushing: true) { break }
        }
        logger.info("forwarder stopped", metadata: metadata(["pending": "\(channel.queue.pending.count)"]))
    }

    /// One step: wait for a full batch (or its deadline), send it, act on the outcome.
    /// Returns false when a flush should stop (a failure while shutting down).
    @discardableResult
    private func deliverOnce(_ backoff: inout DeliveryBackoff, flushing: Bool) async -> Bool {
        let items: [OutboxItem]
        do {
            items = try channel.queue.peek(maxCount: destination.maxPerSend)
        } catch {
            logger.error("reading the queue failed", metadata: metadata(["error": "\(error)"]))
            await pause(.seconds(1))
            return false
        }
        let count = items.reduce(0) { $0 + $1.count }
        if !flushing {
            if items.isEmpty {
                await waitForData(upTo: .seconds(1))
                return true
            }
            let age = Duration.milliseconds(OutboxClock.milliseconds() - items[0].enqueuedMilliseconds)
            if count < destination.maxPerSend && age < destination.batchSendDeadline {
                await waitForData(upTo: destination.batchSendDeadline - age)
                // Wake on any new data to re-check the count, as the batch may be full now.
                return true
            }
        }
        guard let last = items.last else { return false }
        let outcome = await attempt(items)
        switch outcome {
        case .delivered:
            backoff.succeeded()
            remove(through: last.id)
            channel.record { stats in
                stats.delivered += Int64(count)
                stats.lastDeliveryMilliseconds = OutboxClock.milliseconds()
            }
            return true
        case .rejected(let reason):
            backoff.succeeded()
            remove(through: last.id)
            channel.record { stats in
                stats.rejected += Int64(count)
                stats.lastError = reason
            }
            logger.error("receiver rejected data; dropped", metadata: metadata(["reason": "\(reason)", "count": "\(count)"]))
            return true
        case .retry(let reason, let retryAfter):
            let delay = backoff.failed(retryAfter: retryAfter)
            channel.record { stats in
                stats.retried += Int64(count)
                stats.lastError = reason
            }
            let level: Logger.Level = backoff.consecutiveFailures == 1 || backoff.consecutiveFailures % 20 == 0 ? .warning : .debug
            logger.log(level: level, "delivery failed; will retry", metadata: metadata([
                "reason": "\(reason)", "count": "\(count)", "retry_in": "\(delay)",
                "consecutive_failures": "\(backoff.consecutiveFailures)",
            ]))
            if flushing { return false }
            await pause(delay)
            return true
        }
    }

    private func remove(through id: Int64) {
        do {
            try channel.queue.remove(through: id)
        } catch {
            // The data stays queued and goes again: a duplicate, never a loss.
            logger.error("removing delivered data failed", metadata: metadata(["error": "\(error)"]))
        }
    }

    /// One HTTP request with the queued items.
    private func attempt(_ items: [OutboxItem]) async -> DeliveryOutcome {
        var request = HTTPClientRequest(url: destination.url)
        request.method = .POST
        for (name, value) in destination.protocolHeaders { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "User-Agent", value: userAgent)
        for header in destination.headers { request.headers.replaceOrAdd(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: destination.body(items)))
        channel.record { $0.requests += 1 }
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(Self.nanoseconds(destination.timeout)))
            let text = try await response.body.collect(upTo: 64 << 10)
            return DeliveryOutcome.classify(status: Int(response.status.code), body: String(buffer: text),
                                            retryAfter: response.headers.first(name: "Retry-After"),
                                            retryOn429: destination.retryOn429)
        } catch {
            return .retry(reason: "\(error)", retryAfter: nil)
        }
    }

    /// Sleeps up to `limit`, returning early when data is enqueued or shutdown begins.
    private func waitForData(upTo limit: Duration) async {
        let start = channel.currentGeneration
        let clock = ContinuousClock()
        let end = clock.now + limit
        while clock.now < end && channel.currentGeneration == start && !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: min(.milliseconds(20), end - clock.now))
        }
    }

    /// A backoff pause that ends early on shutdown, so the flush can start.
    private func pause(_ delay: Duration) async {
        let clock = ContinuousClock()
        let end = clock.now + delay
        while clock.now < end && !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: min(.milliseconds(50), end - clock.now))
        }
    }

    private func metadata(_ extra: Logger.Metadata) -> Logger.Metadata {
        extra.merging(["destination": "\(destination.name)", "url": "\(destination.url)", "signal": "\(destination.signal)"]) { a, _ in a }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
