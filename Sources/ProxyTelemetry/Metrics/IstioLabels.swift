/// Istio's standard label set, in the order Istio's own fixtures print it
/// (`testdata/metric/client_request_total.yaml.tmpl`), and the values for one request.
enum IstioLabels {
    static let http: [String] = [
        "reporter",
        "source_workload", "source_canonical_service", "source_canonical_revision", "source_workload_namespace",
        "source_principal", "source_app", "source_version", "source_cluster",
        "destination_workload", "destination_workload_namespace", "destination_principal", "destination_app",
        "destination_version", "destination_service", "destination_canonical_service",
        "destination_canonical_revision", "destination_service_name", "destination_service_namespace",
        "destination_cluster",
        "request_protocol", "response_code", "grpc_response_status", "response_flags", "connection_security_policy",
    ]

    /// TCP metrics: the same without `response_code` and `grpc_response_status`.
    static let tcp: [String] = http.filter { $0 != "response_code" && $0 != "grpc_response_status" }

    static func values(_ o: RequestObservation) -> [String] {
        var v = peerValues(o.reporter, o.source, o.destination, o.destinationServiceHost,
                           o.destinationServiceName, o.destinationServiceNamespace)
        v.append(o.requestProtocol)
        v.append(String(o.responseCode))
        // Istio leaves the gRPC status empty for plain HTTP.
        v.append(o.grpcStatus.map(String.init) ?? "")
        v.append(o.responseFlagsText)
        v.append(o.connectionSecurityPolicy.rawValue)
        return v
    }

    static func values(_ o: TCPObservation) -> [String] {
        var v = peerValues(o.reporter, o.source, o.destination, o.destinationServiceHost,
                           o.destinationServiceName, o.destinationServiceNamespace)
        v.append("tcp")
        v.append(ResponseFlag.text(o.responseFlags))
        v.append(o.connectionSecurityPolicy.rawValue)
        return v
    }

    private static func peerValues(_ reporter: Reporter, _ s: PeerIdentity, _ d: PeerIdentity, _ host: String,
                                   _ serviceName: String, _ serviceNamespace: String) -> [String] {
        [
            reporter.rawValue,
            s.workload, s.canonicalService, s.canonicalRevision, s.namespace,
            s.principal, s.app, s.version, s.cluster,
            d.workload, d.namespace, d.principal, d.app,
            d.version, host, d.canonicalService,
            d.canonicalRevision, serviceName, serviceNamespace,
            d.cluster,
        ]
    }
}
