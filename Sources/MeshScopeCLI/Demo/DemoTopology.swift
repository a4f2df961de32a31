/// The Bookinfo-like mesh: an ingress gateway in `istio-system`, productpage calling
/// details and reviews (v1 alone, v2 and v3 calling ratings), ratings v2 reading the
/// `mongodb` line-protocol database over TCP. Every port is chosen free on 127.0.0.1
/// before anything starts, so configs can name each other's addresses up front.
struct DemoTopology: Sendable {
    static let namespace = "default"
    static let servicePort = 9080
    static let databaseService = "mongodb"
    static let databasePort = 27017

    var workloads: [DemoWorkload]

    init(ports: inout DemoPorts) {
        let ns = Self.namespace
        var list = [
            DemoWorkload(kind: .database, app: Self.databaseService, version: "v1", namespace: ns),
            DemoWorkload(kind: .service, app: "ratings", version: "v1", namespace: ns),
            DemoWorkload(kind: .service, app: "ratings", version: "v2", namespace: ns, usesDatabase: true),
            // Slowest leaf on purpose: with the DestinationRule's tiny connection pool its
            // concurrent calls overflow now and then (503, flag UO).
            DemoWorkload(kind: .service, app: "details", version: "v1", namespace: ns, workMillis: 5...15),
            DemoWorkload(kind: .service, app: "reviews", version: "v1", namespace: ns),
            DemoWorkload(kind: .service, app: "reviews", version: "v2", namespace: ns, calls: ["ratings"]),
            DemoWorkload(kind: .service, app: "reviews", version: "v3", namespace: ns, calls: ["ratings"]),
            DemoWorkload(kind: .service, app: "productpage", version: "v1", namespace: ns, calls: ["details", "reviews"]),
            DemoWorkload(kind: .gateway, app: "istio-ingressgateway", version: "v1", namespace: "istio-system"),
        ]
        for index in list.indices {
            switch list[index].kind {
            case .database:
                list[index].appPort = ports.next()
            case .service:
                list[index].appPort = ports.next()
                list[index].inboundPort = ports.next()
                list[index].outboundPort = ports.next()
                list[index].adminPort = ports.next()
                if list[index].usesDatabase { list[index].tcpPort = ports.next() }
            case .gateway:
                list[index].outboundPort = ports.next()
                list[index].adminPort = ports.next()
            }
        }
        workloads = list
    }

    var gateway: DemoWorkload { workloads.first { $0.kind == .gateway }! }
    var proxied: [DemoWorkload] { workloads.filter(\.hasProxy) }

    /// HTTP service names, callees first.
    var serviceNames: [String] {
        var names: [String] = []
        for workload in workloads where workload.kind == .service && !names.contains(workload.app) {
            names.append(workload.app)
        }
        return names
    }

    /// The workloads serving a service (its endpoints).
    func instances(of service: String) -> [DemoWorkload] {
        workloads.filter { $0.app == service && $0.kind != .gateway }
    }

    /// Workloads whose sidecars route calls to `service` (the proxies a policy change for
    /// that host concerns).
    func callers(of service: String) -> [DemoWorkload] {
        workloads.filter { $0.calls.contains(service) || ($0.kind == .gateway && service == "productpage") }
    }
}
