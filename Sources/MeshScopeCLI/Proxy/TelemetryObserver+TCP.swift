import Foundation
import Proxy
import ProxyTelemetry
import Traces

extension TelemetryObserver {
    /// A closed TCP pass-through connection also becomes an access-log record (as Istio
    /// logs TCP connections: no method or path, response code 0, the bytes each way) and a
    /// CLIENT span whose remote endpoint names the service, so the edge to a database that
    /// runs no sidecar appears in the traces' dependency links as well as in the metrics.
    func recordTCPDetails(_ connection: ObservedTCPConnection) {
        let host = connection.destinationService ?? connection.upstreamHost ?? connection.upstreamCluster
        let destination = peer(connection.destinationService, labels: connection.upstreamEndpointLabels, proxy: config())
        let hop = telemetry.startHop { _ in nil }
        let observation = RequestObservation(
            reporter: .source, source: identity, destination: destination, destinationServiceHost: host,
            requestProtocol: "tcp", responseCode: 0,
            responseFlags: connection.responseFlags.map(\.rawValue).sorted(),
            startMicros: connection.startTimeMicros, durationMicros: connection.durationMicros,
            requestBytes: Int64(connection.receivedBytes), responseBytes: Int64(connection.sentBytes),
            method: "-", path: "-", authority: host, httpProtocol: "-",
            upstreamHost: connection.upstreamHost, upstreamCluster: connection.upstreamCluster,
            downstreamRemoteAddress: connection.downstreamRemoteAddress, trace: hop)
        if telemetry.accessLogWriter != nil || telemetry.accessLogShipper != nil {
            let line = AccessLogEntry(observation).json
            telemetry.accessLogWriter?.write(line)
            telemetry.accessLogShipper?.ship(line)
        }
        guard hop.sampled, let reporter = telemetry.spanReporter else { return }
        var tags = ["component": "proxy", "upstream_cluster": connection.upstreamCluster,
                    "net.protocol": "tcp", "sent_bytes": String(connection.sentBytes),
                    "received_bytes": String(connection.receivedBytes)]
        if let address = connection.upstreamHost { tags["peer.address"] = address }
        if !connection.responseFlags.isEmpty { tags["response_flags"] = ResponseFlag.render(connection.responseFlags) }
        let span = try? Span(
            traceId: hop.traceId, id: hop.spanId, parentId: hop.parentSpanId, kind: .client,
            name: "tcp \(host)", timestamp: connection.startTimeMicros, duration: max(1, connection.durationMicros),
            localEndpoint: try? Endpoint(serviceName: identity.zipkinServiceName),
            remoteEndpoint: try? Endpoint(serviceName: destination.isKnown ? destination.zipkinServiceName : host),
            tags: tags)
        if let span { reporter.report(span) }
    }
}
