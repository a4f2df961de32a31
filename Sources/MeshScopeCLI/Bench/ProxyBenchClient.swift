import NIOCore
import NIOPosix

/// `bench proxy`'s load client on its own event loop: a closed loop over one connection
/// for latency, many concurrent keep-alive connections for throughput. The same
/// pre-encoded request goes to every target; `Host: upstream:80` is what the proxy routes by.
struct ProxyBenchClient: Sendable {
    let group: any EventLoopGroup

    static let request = ByteBuffer(string: "GET / HTTP/1.1\r\nHost: upstream:80\r\nUser-Agent: meshscope-bench\r\nAccept: */*\r\n\r\n")

    /// `warmup` unmeasured requests, then `requests` timed one at a time on one connection.
    /// Bounded: it stops early (with fewer samples) if the target averages over 5 ms.
    func closedLoop(port: Int, warmup: Int, requests: Int) async throws -> ProxyBenchConnectionResult {
        let budget = Int64(warmup + requests) * 5_000_000 + 10_000_000_000
        return try await connection(port: port, warmup: warmup, limit: warmup + requests,
                                    deadline: .now() + .nanoseconds(budget), keepLatencies: true)
    }

    /// `connections` clients sending back to back until `seconds` have passed; returns the
    /// responses that arrived in time and the wall seconds from first connect to deadline.
    func throughput(port: Int, connections: Int, seconds: Double) async throws -> (result: ProxyBenchConnectionResult, seconds: Double) {
        let start = NIODeadline.now()
        let deadline = start + .nanoseconds(Int64(seconds * 1e9))
        let total = try await withThrowingTaskGroup(of: ProxyBenchConnectionResult.self) { tasks in
            for _ in 0..<connections {
                tasks.addTask {
                    try await connection(port: port, warmup: 0, limit: .max, deadline: deadline, keepLatencies: false)
                }
            }
            var total = ProxyBenchConnectionResult()
            for try await one in tasks { total.merge(one) }
            return total
        }
        return (total, Double((deadline - start).nanoseconds) / 1e9)
    }

    private func connection(port: Int, warmup: Int, limit: Int, deadline: NIODeadline,
                            keepLatencies: Bool) async throws -> ProxyBenchConnectionResult {
        let loop = group.next()
        let promise = loop.makePromise(of: ProxyBenchConnectionResult.self)
        let request = Self.request
        do {
            _ = try await ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(5))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ProxyBenchClientHandler(
                            request: request, warmup: warmup, limit: limit, deadline: deadline,
                            keepLatencies: keepLatencies, promise: promise))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
        } catch {
            promise.fail(error)
            throw error
        }
        return try await promise.futureResult.get()
    }
}
