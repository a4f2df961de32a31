/// One workload of the demo mesh: a process running a Bookinfo-like service (or the
/// TCP database), and the ports of the sidecar in front of it. The ingress gateway is a
/// workload with a proxy and no app.
struct DemoWorkload: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// An HTTP service behind its own sidecar.
        case service
        /// The line-protocol database, reached through its callers' TCP listeners.
        case database
        /// The ingress gateway: a proxy alone, its outbound listener the mesh's entry.
        case gateway
    }

    var kind: Kind
    var app: String
    var version: String
    var namespace: String
    /// Services called over HTTP through the sidecar's outbound listener, in order.
    var calls: [String] = []
    /// Whether it queries the database through the sidecar's TCP listener.
    var usesDatabase = false
    /// Simulated work per request, in milliseconds.
    var workMillis: ClosedRange<Int> = 1...4

    var appPort = 0
    var inboundPort = 0
    var outboundPort = 0
    var adminPort = 0
    var tcpPort = 0

    /// Kubernetes' naming, `app-version` (the gateway keeps its deployment's name).
    var name: String { kind == .gateway ? app : "\(app)-\(version)" }
    var hasProxy: Bool { kind != .database }
    var serviceAccount: String { kind == .gateway ? "istio-ingressgateway-service-account" : "bookinfo-\(app)" }
}
