import Hummingbird

/// A Hummingbird app on a free port of 127.0.0.1, for the tests' stand-ins (scrape
/// targets, a Kubernetes API, Loki, demo apps): the port it bound and the task that
/// serves it, cancelled to stop it.
enum LoopbackServer {
    static func start(_ router: Router<BasicRequestContext>, name: String) async throws -> (port: Int, task: Task<Void, Never>) {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: name),
                              onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        // Cancelling the server task (how tests stop it) logs a CancellationError at error level.
        app.logger.logLevel = .critical
        let task = Task {
            // Runs until cancelled; a failure to bind ends the stream so `start` throws.
            try? await app.run()
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw E2EFailure("\(name) could not listen on 127.0.0.1")
        }
        return (port, task)
    }
}
