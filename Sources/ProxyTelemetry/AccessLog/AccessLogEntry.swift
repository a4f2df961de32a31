/// One Envoy/Istio JSON access-log record for a request, as Istio's default JSON format
/// (`EnvoyJSONLogFormatIstio`, its 24 keys in its order) plus what MeshScope's access-log
/// parser reads beyond it: `trace_id`, `connection_security_policy`, and the workloads as
/// nested `source` / `destination` objects (`workload`, `app`, `version`, `namespace`,
/// `service`, `ip`). Unset values are JSON `null`, as Envoy's typed JSON writes them.
public struct AccessLogEntry: Sendable, Hashable {
    public var observation: RequestObservation

    public init(_ observation: RequestObservation) {
        self.observation = observation
    }

    /// Istio's default JSON keys, in Istio's order.
    public static let istioKeys = [
        "start_time", "route_name", "method", "path", "protocol", "response_code", "response_flags",
        "response_code_details", "connection_termination_details", "upstream_transport_failure_reason",
        "bytes_received", "bytes_sent", "duration", "upstream_service_time", "x_forwarded_for", "user_agent",
        "request_id", "authority", "upstream_host", "upstream_cluster", "upstream_local_address",
        "downstream_local_address", "downstream_remote_address", "requested_server_name",
    ]

    /// The trace id the record carries: the hop's, whether or not it was sampled (the
    /// request still has one, and its request id joins it to any spans).
    public var traceId: String? { observation.trace?.traceId }

    /// The record as one line of JSON, without the newline.
    public var json: String {
        let o = observation
        var w = JSONLineWriter()
        w.string("start_time", RFC3339.millis(fromMicros: o.startMicros))
        w.string("route_name", o.routeName)
        w.string("method", o.method)
        w.string("path", o.path)
        w.string("protocol", o.httpProtocol)
        w.number("response_code", Int64(o.responseCode))
        w.string("response_flags", o.responseFlagsText)
        w.string("response_code_details", o.responseCodeDetails)
        w.string("connection_termination_details", nil)
        w.string("upstream_transport_failure_reason", nil)
        w.number("bytes_received", o.requestBytes)
        w.number("bytes_sent", o.responseBytes)
        // %DURATION% is whole milliseconds.
        w.number("duration", o.durationMicros / 1000)
        // A header operator, so a string even though it holds a number.
        w.string("upstream_service_time", o.upstreamServiceTimeMillis.map(String.init))
        w.string("x_forwarded_for", o.xForwardedFor)
        w.string("user_agent", o.userAgent)
        w.string("request_id", o.requestId)
        w.string("authority", o.authority)
        w.string("upstream_host", o.upstreamHost)
        w.string("upstream_cluster", o.upstreamCluster)
        w.string("upstream_local_address", o.upstreamLocalAddress)
        w.string("downstream_local_address", o.downstreamLocalAddress)
        w.string("downstream_remote_address", o.downstreamRemoteAddress)
        w.string("requested_server_name", nil)
        // MeshScope's additions.
        w.string("trace_id", traceId)
        w.string("connection_security_policy", o.connectionSecurityPolicy.rawValue)
        w.number("upstream_request_attempt_count", Int64(o.attemptCount))
        w.string("reporter", o.reporter.rawValue)
        peer(&w, "source", o.source, service: Self.known(o.source.canonicalService), namespace: nil,
             ip: o.downstreamRemoteAddress.map { HostPort($0).host })
        peer(&w, "destination", o.destination, service: o.destinationServiceName,
             namespace: o.destinationServiceNamespace, ip: o.upstreamHost.map { HostPort($0).host })
        return w.finish()
    }

    /// `unknown` is Istio's placeholder; the parser should derive such fields instead (from
    /// `upstream_cluster`), so it is written as null.
    private static func known(_ value: String) -> String? {
        value.isEmpty || value == PeerIdentity.unknownValue ? nil : value
    }

    /// `namespace` stands in when the peer's own is unknown (the destination service's).
    private func peer(_ w: inout JSONLineWriter, _ key: String, _ p: PeerIdentity, service: String?,
                      namespace: String?, ip: String?) {
        w.beginObject(key)
        w.string("workload", Self.known(p.workload))
        w.string("namespace", Self.known(p.namespace) ?? namespace.flatMap(Self.known))
        w.string("app", Self.known(p.app))
        w.string("version", Self.known(p.version))
        w.string("service", service.flatMap(Self.known))
        w.string("principal", Self.known(p.principal))
        w.string("cluster", Self.known(p.cluster))
        w.string("ip", ip)
        w.endObject()
    }
}
