import Synchronization

/// Keeps every observation in memory, for tests and debugging.
public final class RecordingObserver: ProxyObserver {
    private struct Records {
        var requests: [ObservedRequest] = []
        var tcpOpened: [ObservedTCPConnection] = []
        var tcpClosed: [ObservedTCPConnection] = []
        var events: [UpstreamEvent] = []
    }

    private let records = Mutex(Records())
    /// Returned from `upstreamTraceHeaders`, to test injection.
    private let injected: [String: String]

    public init(injectTraceHeaders: [String: String] = [:]) {
        injected = injectTraceHeaders
    }

    public func upstreamTraceHeaders(for request: ObservedRequestStart) -> [String: String] { injected }

    public func requestCompleted(_ request: ObservedRequest) {
        records.withLock { $0.requests.append(request) }
    }

    public func tcpConnectionOpened(_ connection: ObservedTCPConnection) {
        records.withLock { $0.tcpOpened.append(connection) }
    }

    public func tcpConnectionClosed(_ connection: ObservedTCPConnection) {
        records.withLock { $0.tcpClosed.append(connection) }
    }

    public func upstreamEvent(_ event: UpstreamEvent) {
        records.withLock { $0.events.append(event) }
    }

    public var requests: [ObservedRequest] { records.withLock { $0.requests } }
    public var tcpOpened: [ObservedTCPConnection] { records.withLock { $0.tcpOpened } }
    public var tcpClosed: [ObservedTCPConnection] { records.withLock { $0.tcpClosed } }
    public var events: [UpstreamEvent] { records.withLock { $0.events } }

    public func reset() {
        records.withLock { $0 = Records() }
    }
}
