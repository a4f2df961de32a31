import MeshPolicy
import Proxy
import ProxyTelemetry

extension TelemetryObserver {
    /// One request in Istio's terms. The outbound side (reporter `source`) is this
    /// workload calling the chosen endpoint; the inbound side (reporter `destination`)
    /// is the caller named by `x-meshscope-peer` (unknown without it) calling this one.
    func observation(_ request: ObservedRequest, trace: TraceContext) -> RequestObservation {
        let outbound = request.reporter == .source
        let proxy = config()
        var source = outbound ? identity : (PeerHeader.decode(request.traceHeadersReceived[PeerHeader.name]) ?? .unknown)
        // Only a verified client certificate names the caller's principal; a header's claim
        // does not, so plaintext callers are `unknown`, as in Istio.
        if !outbound {
            source.principal = request.downstreamMutualTLS
                ? (request.downstreamPeerPrincipal ?? PeerIdentity.unknownValue) : PeerIdentity.unknownValue
        }
        // Answered before a cluster was chosen (an injected abort, no route): the service the
        // authority names, resolved in this workload's namespace as Istio does.
        let serviceHost = request.destinationService ?? Self.serviceHost(request.authority, proxy: proxy)
        var destination = outbound ? peer(serviceHost, labels: request.upstreamEndpointLabels, proxy: proxy)
                                   : identity
        if outbound, let principal = request.upstreamPeerPrincipal { destination.principal = principal }
        let host = outbound ? (serviceHost ?? ServiceHost(request.authority).name)
                            : "\(proxy.workload.app).\(proxy.workload.namespace).svc.cluster.local"
        let flags = request.responseFlagsText == "-" ? [] : request.responseFlagsText.split(separator: ",").map(String.init)
        return RequestObservation(
            reporter: outbound ? .source : .destination, source: source, destination: destination,
            destinationServiceHost: host, responseCode: request.responseCode, responseFlags: flags,
            connectionSecurityPolicy: Self.securityPolicy(request),
            startMicros: request.startTimeMicros, durationMicros: request.durationMicros,
            requestBytes: Int64(request.requestBytes), responseBytes: Int64(request.responseBytes),
            method: request.method, path: request.path, authority: request.authority,
            httpProtocol: request.protocolVersion, userAgent: request.userAgent, requestId: request.requestID,
            upstreamHost: request.upstreamHost, upstreamCluster: request.upstreamCluster ?? "-",
            downstreamLocalAddress: request.downstreamLocalAddress, downstreamRemoteAddress: request.downstreamRemoteAddress,
            routeName: request.routeName, attemptCount: max(1, request.attemptCount),
            upstreamServiceTimeMillis: request.upstreamServiceTimeMicros.map { $0 / 1000 }, trace: trace)
    }

    /// Istio's `connection_security_policy`: the destination reporter says what the
    /// inbound connection was (`mutual_tls` only with a verified client certificate); the
    /// source reporter cannot see the server's policy and says `unknown`, as Istio does.
    static func securityPolicy(_ request: ObservedRequest) -> ConnectionSecurityPolicy {
        guard request.reporter == .destination else { return .unknown }
        return request.downstreamMutualTLS ? .mutualTLS : .none
    }

    /// The mesh service's FQDN for an authority (`ratings:9080`, `ratings.default`), when the
    /// ProxyConfig lists that service; nil otherwise.
    static func serviceHost(_ authority: String, proxy: ProxyConfig) -> String? {
        let host = ServiceHost(authority)
        guard let service = proxy.services.first(where: {
            $0.name == host.name && ($0.namespace ?? proxy.workload.namespace) == (host.namespace ?? $0.namespace ?? proxy.workload.namespace)
        }) else { return nil }
        return "\(service.name).\(service.namespace ?? proxy.workload.namespace).svc.cluster.local"
    }

    func tcpObservation(_ connection: ObservedTCPConnection, opened: Bool) -> TCPObservation {
        let host = connection.destinationService ?? connection.upstreamHost ?? connection.upstreamCluster
        return TCPObservation(
            reporter: .source, source: identity,
            destination: peer(connection.destinationService, labels: connection.upstreamEndpointLabels, proxy: config()),
            destinationServiceHost: host,
            responseFlags: connection.responseFlags.map(\.rawValue).sorted(),
            sentBytes: opened ? 0 : Int64(connection.sentBytes), receivedBytes: opened ? 0 : Int64(connection.receivedBytes),
            connectionOpened: opened, connectionClosed: !opened)
    }

    /// The called workload as the ProxyConfig knows it: its service, and the endpoint's
    /// labels (`app`, `version`, `workload`); Kubernetes' naming (`app-version`) otherwise.
    /// Cached per host and labels: it is the same few peers for every request.
    func peer(_ serviceHost: String?, labels: [String: String], proxy: ProxyConfig) -> PeerIdentity {
        guard let serviceHost else { return .unknown }
        let key = PeerKey(host: serviceHost, labels: labels)
        if let known = peers.withLock({ $0[key] }) { return known }
        let host = ServiceHost(serviceHost)
        let namespace = proxy.services.first { $0.name == host.name }?.namespace ?? host.namespace ?? proxy.workload.namespace
        let app = labels["app"] ?? host.name
        let version = labels["version"] ?? PeerIdentity.unknownValue
        let workload = labels["workload"] ?? (version == PeerIdentity.unknownValue ? app : "\(app)-\(version)")
        let identity = PeerIdentity(
            workload: workload, namespace: namespace, app: app, version: version,
            principal: "spiffe://\(proxy.workload.trustDomain)/ns/\(namespace)/sa/\(labels["serviceAccount"] ?? app)",
            canonicalService: app, canonicalRevision: version, cluster: proxy.workload.cluster)
        peers.withLock { cache in
            if cache.count >= Self.maxCachedPeers { cache.removeAll() }
            cache[key] = identity
        }
        return identity
    }
}
