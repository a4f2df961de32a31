import Logging
import MeshPolicy
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// The sidecar's data path as a ServiceLifecycle `Service`: binds the listeners the
/// ProxyConfig names, serves until a graceful shutdown (or `/quitquitquit`, or
/// `beginDrain()`), then drains: stops accepting, lets in-flight requests finish within
/// the grace period, closes the rest, and returns.
public final class ProxyServer: Service, Sendable {
    struct RunState {
        var bound: BoundPorts?
        var bindError: (any Error)?
        var waiters: [CheckedContinuation<BoundPorts, any Error>] = []
        var serverChannels: [any Channel] = []
        var draining = false
    }

    let policy: PolicyState
    let observer: any ProxyObserver
    let hooks: AdminHooks
    let options: ProxyServerOptions
    let group: any EventLoopGroup
    let logger: Logger
    let clusters: ClusterManager
    let registry = ConnectionRegistry()
    let runState = Mutex(RunState())

    public init(config: PolicyConfig, observer: any ProxyObserver = NoopObserver(), adminHooks: AdminHooks = AdminHooks(),
                options: ProxyServerOptions = ProxyServerOptions(),
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger = Logger(label: "meshscope.proxy")) {
        policy = PolicyState(config)
        self.observer = observer
        hooks = adminHooks
        self.options = options
        self.group = group
        self.logger = logger
        clusters = ClusterManager(group: group, observer: observer, meshTLS: options.meshTLS)
    }

    /// The configuration in force.
    public var config: PolicyConfig { policy.snapshot.config }

    /// Swaps the policy. Requests in flight keep the decision they started with; new
    /// ones use the new config. Listener ports are not rebound.
    public func reload(config: PolicyConfig) {
        let generation = policy.replace(with: config)
        logger.info("proxy config reloaded", metadata: ["generation": "\(generation)"])
    }

    /// Waits until every listener is bound and returns the ports (throws if binding failed).
    public func boundPorts() async throws -> BoundPorts {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<BoundPorts, any Error>? = runState.withLock { state in
                if let bound = state.bound { return .success(bound) }
                if let error = state.bindError { return .failure(error) }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    public func run() async throws {
        let listeners: Listeners
        do {
            listeners = try await bindListeners()
        } catch {
            let waiters = runState.withLock { state in
                state.bindError = error
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume(throwing: error) }
            throw error
        }
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await serve(listeners)
            } onGracefulShutdown: {
                self.beginDrain()
            }
        } onCancel: {
            self.beginDrain()
            self.registry.closeAll()
        }
        clusters.closeAll()
        logger.info("proxy stopped")
    }

    /// Starts the drain; `run()` returns when it is over.
    public func beginDrain() {
        let channels = runState.withLock { state -> [any Channel]? in
            guard !state.draining else { return nil }
            state.draining = true
            return state.serverChannels
        }
        guard let channels else { return }
        logger.info("proxy draining", metadata: ["grace": "\(options.drainGracePeriod)"])
        for channel in channels { channel.close(promise: nil) }
        registry.beginDrain()
        let grace = options.drainGracePeriod.components
        let registry = self.registry
        group.any().scheduleTask(in: .nanoseconds(grace.seconds * 1_000_000_000 + grace.attoseconds / 1_000_000_000)) {
            registry.closeAll()
        }
    }
}
