/// The connection-pool limits of one upstream cluster, as Envoy's circuit breakers
/// count them. Each resource is acquired before use and released after; a refused
/// acquisition is an overflow, which the data path answers with 503 and response flag
/// UO (a refused connection instead leaves the request waiting for one).
public struct CircuitBreaker: Sendable, Hashable {
    public enum Resource: String, Sendable, Hashable, CaseIterable {
        /// `tcp.maxConnections`.
        case connections
        /// `http.http1MaxPendingRequests`: requests waiting for a connection.
        case pendingRequests
        /// `http.http2MaxRequests`: requests in flight.
        case requests
        /// `http.maxRetries`: retries in flight.
        case retries
    }

    public let limits: ConnectionPoolSettings
    private var inUse: [Resource: Int] = [:]
    /// Overflows so far per resource, for Envoy's `upstream_rq_pending_overflow`,
    /// `upstream_rq_retry_overflow`, `upstream_cx_overflow` stats.
    public private(set) var overflows: [Resource: Int] = [:]

    public init(limits: ConnectionPoolSettings) {
        self.limits = limits
    }

    public func limit(of resource: Resource) -> Int? {
        switch resource {
        case .connections: return limits.maxConnections
        case .pendingRequests: return limits.maxPendingRequests
        case .requests: return limits.maxRequests
        case .retries: return limits.maxRetries
        }
    }

    public func count(of resource: Resource) -> Int {
        inUse[resource, default: 0]
    }

    public func canAcquire(_ resource: Resource) -> Bool {
        guard let limit = limit(of: resource) else { return true }
        return count(of: resource) < limit
    }

    /// Takes one unit, or counts an overflow and returns false.
    public mutating func tryAcquire(_ resource: Resource) -> Bool {
        guard canAcquire(resource) else {
            overflows[resource, default: 0] += 1
            return false
        }
        inUse[resource, default: 0] += 1
        return true
    }

    /// Gives one unit back; releasing what was never acquired is ignored.
    public mutating func release(_ resource: Resource) {
        let current = count(of: resource)
        inUse[resource] = current > 1 ? current - 1 : nil
    }
}
