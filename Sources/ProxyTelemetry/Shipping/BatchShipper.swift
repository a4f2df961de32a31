import AsyncHTTPClient
import Logging
import NIOCore
import Synchronization

/// Buffers items and POSTs them to the collector in batches: when `batchSize` items are
/// waiting or `flushInterval` has passed, gzip-compressed, with retry and exponential
/// backoff. `enqueue` never blocks or awaits; the sending happens in `run()`.
///
/// Lifecycle: `run()` in a background task; `shutdown()` stops it after sending what is
/// left (or sends it directly when `run()` was never started). Cancelling `run()`'s task
/// stops at once, with a last best-effort send.
final class BatchShipper<Item: Sendable>: Sendable {
    let settings: ShipperSettings
    private let contentType: String
    private let encode: @Sendable ([Item]) -> [UInt8]
    private let client: HTTPClient
    private let logger: Logger
    private let state: Mutex<State>
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    struct State {
        var queue: BoundedQueue<Item>
        var counters = ShipperCounters()
        var running = false
        var stopping = false
        var finished = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    init(settings: ShipperSettings, contentType: String, client: HTTPClient, logger: Logger,
         encode: @escaping @Sendable ([Item]) -> [UInt8]) {
        self.settings = settings
        self.contentType = contentType
        self.client = client
        self.logger = logger
        self.encode = encode
        state = Mutex(State(queue: BoundedQueue(capacity: settings.maxBuffered)))
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func enqueue(_ item: Item) {
        let full = state.withLock { s -> Bool in
            s.queue.append(item)
            return s.queue.count >= settings.batchSize
        }
        if full { wake.yield() }
    }

    var counters: ShipperCounters {
        state.withLock { s in
            var c = s.counters
            c.dropped = s.queue.dropped
            c.buffered = s.queue.count
            return c
        }
    }

    func run() async {
        let start = state.withLock { s -> Bool in
            guard !s.running && !s.finished else { return false }
            s.running = true
            return true
        }
        guard start else { return }
        let interval = settings.flushInterval
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [wake] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    wake.yield()
                }
            }
            var lastFlush = ContinuousClock.now
            for await _ in wakeups {
                await sendFullBatches()
                if ContinuousClock.now - lastFlush >= interval {
                    await flush()
                    lastFlush = .now
                }
                if state.withLock({ $0.stopping }) { break }
            }
            group.cancelAll()
        }
        await flush()
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.running = false
            s.finished = true
            defer { s.waiters = [] }
            return s.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Sends everything buffered now, in batches.
    func flush() async {
        while true {
            let batch = state.withLock { $0.queue.popFirst(settings.batchSize) }
            if batch.isEmpty { return }
            await deliver(batch)
        }
    }

    /// Stops `run()` after a final flush and waits for it; flushes directly without it.
    func shutdown() async {
        let running = state.withLock { s -> Bool in
            s.stopping = true
            return s.running
        }
        if running {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { s -> Bool in
                    if s.finished { return true }
                    s.waiters.append(c)
                    return false
                }
                if resumeNow { c.resume() }
                wake.yield()
            }
        } else {
            await flush()
            state.withLock { $0.finished = true }
        }
        wake.finish()
    }

    private func sendFullBatches() async {
        while true {
            let batch = state.withLock { s -> [Item] in
                s.queue.count >= settings.batchSize ? s.queue.popFirst(settings.batchSize) : []
            }
            if batch.isEmpty { return }
            await deliver(batch)
        }
    }

    /// POSTs one batch, retrying transport errors, 5xx and 429 with backoff. Other 4xx
    /// mean the collector refuses the data itself: retrying cannot help.
    private func deliver(_ batch: [Item]) async {
        let body = Self.body(encode(batch), gzip: settings.gzip)
        var backoff = settings.initialBackoff
        for attempt in 1...settings.maxAttempts {
            var retriable = true
            do {
                let status = try await post(body)
                if (200..<300).contains(status) {
                    state.withLock { $0.counters.sent += batch.count; $0.counters.batchesSent += 1 }
                    return
                }
                retriable = status == 429 || status >= 500
                logger.warning("collector refused a batch", metadata: [
                    "url": "\(settings.url)", "status": "\(status)", "items": "\(batch.count)", "attempt": "\(attempt)"])
            } catch {
                logger.warning("sending a batch failed", metadata: [
                    "url": "\(settings.url)", "error": "\(error)", "items": "\(batch.count)", "attempt": "\(attempt)"])
            }
            if !retriable || attempt == settings.maxAttempts || Task.isCancelled { break }
            state.withLock { $0.counters.retries += 1 }
            try? await Task.sleep(for: backoff)
            backoff = min(backoff * 2, settings.maxBackoff)
        }
        state.withLock { $0.counters.failed += batch.count }
    }

    private func post(_ body: (bytes: ByteBuffer, gzipped: Bool)) async throws -> Int {
        var request = HTTPClientRequest(url: settings.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        if body.gzipped { request.headers.add(name: "Content-Encoding", value: "gzip") }
        request.headers.add(name: "Content-Length", value: String(body.bytes.readableBytes))
        if let token = try CollectorToken.read(settings.bearerTokenFile) {
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        request.body = .bytes(body.bytes)
        let response = try await client.execute(request, timeout: Self.timeAmount(settings.requestTimeout))
        // Drain the (small) answer so the connection goes back to the pool.
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    static func body(_ raw: [UInt8], gzip: Bool) -> (bytes: ByteBuffer, gzipped: Bool) {
        var buffer = ByteBuffer(bytes: raw)
        if gzip, let compressed = Gzip.compress(&buffer) { return (compressed, true) }
        return (ByteBuffer(bytes: raw), false)
    }

    static func timeAmount(_ d: Duration) -> TimeAmount {
        let (seconds, attoseconds) = d.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
