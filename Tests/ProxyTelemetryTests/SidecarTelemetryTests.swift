import Foundation
import Logging
import MeshMetrics
import Testing
import Traces
@testable import ProxyTelemetry

/// One request through two sidecars (productpage's outbound, reviews' inbound), through
/// the facade only, as the data path drives it; spans and logs go to a real collector.
@Suite(.serialized) struct SidecarTelemetryTests {
    static func settings(_ server: CollectorServer, logPath: String, service: String) -> TelemetrySettings {
        var s = TelemetrySettings.collector(server.baseURL, service: service, samplingPercentage: 100,
                                            accessLog: .file(logPath))
        s.spans?.flushInterval = .milliseconds(100)
        s.accessLogShipping?.flushInterval = .milliseconds(100)
        s.proxyIP = "10.44.1.23"
        return s
    }

    @Test func oneRequestMakesMetricsASpanPerHopAndMatchingLogs() async throws {
        let server = try await CollectorServer.start()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ptel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let logger = Logger(label: "test")
        let client = try SidecarTelemetry(identity: Fixtures.productpage,
                                          settings: Self.settings(server, logPath: dir.appendingPathComponent("pp.log").path, service: "productpage"),
                                          logger: logger)
        let serverSide = try SidecarTelemetry(identity: Fixtures.reviews,
                                              settings: Self.settings(server, logPath: dir.appendingPathComponent("rv.log").path, service: "reviews"),
                                              logger: logger)
        let runners = [Task { await client.run() }, Task { await serverSide.run() }]

        // The app sent no trace headers; the client proxy starts the trace.
        let clientHop = client.startHop { _ in nil }
        var wire: [String: String] = [:]
        clientHop.inject { name, value in wire[name] = value }
        let serverHop = serverSide.startHop { wire[$0] }
        serverSide.record(Fixtures.observation(reporter: .destination, trace: serverHop))
        client.record(Fixtures.observation(reporter: .source, trace: clientHop))

        #expect(await eventually { server.received.filter { $0.path == "/api/v2/spans" }.count == 2 })
        #expect(await eventually { server.received.filter { $0.path == "/api/v1/logs" }.count == 2 })
        await client.shutdown()
        await serverSide.shutdown()
        for runner in runners { await runner.value }

        // Metrics: one request in each proxy, each with its reporter.
        for (telemetry, reporter) in [(client, "source"), (serverSide, "destination")] {
            let parsed = try ExpositionParser.parse(telemetry.metricsText(openMetrics: false), format: .prometheusText)
            let requests = parsed.samples.filter { $0.labels.metricName == "istio_requests_total" }
            #expect(requests.count == 1)
            #expect(requests.first?.value == 1)
            #expect(requests.first?.labels["reporter"] == reporter)
        }

        // Spans: one per hop, linked.
        let spans = try server.received.filter { $0.path == "/api/v2/spans" }
            .flatMap { try SpanJSONDecoder.decodeList(try gunzip($0.body)) }
        #expect(spans.count == 2)
        let clientSpan = try #require(spans.first { $0.kind == .client })
        let serverSpan = try #require(spans.first { $0.kind == .server })
        #expect(clientSpan.traceId == clientHop.traceId && serverSpan.traceId == clientHop.traceId)
        #expect(clientSpan.id == clientHop.spanId)
        #expect(serverSpan.parentId == clientSpan.id)
        #expect(clientSpan.localServiceName == "productpage.default")
        #expect(serverSpan.localServiceName == "reviews.default")
        #expect(clientSpan.tags["node_id"] == "sidecar~10.44.1.23~productpage-v1.default~default.svc.cluster.local")

        // Logs: one record per hop in each file and at the collector, with the trace id.
        for name in ["pp.log", "rv.log"] {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n")
            #expect(lines.count == 1)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
            #expect(json["trace_id"] as? String == clientHop.traceId)
            #expect(json["request_id"] as? String == clientSpan.tags["guid:x-request-id"])
        }
        let shipped = try server.received.filter { $0.path == "/api/v1/logs" }
            .map { String(decoding: try gunzip($0.body), as: UTF8.self) }
        #expect(shipped.count == 2)
        #expect(shipped.allSatisfy { $0.contains(clientHop.traceId) })

        let stats = client.statsText()
        #expect(stats.contains("tracing.zipkin.spans_sent: 1"))
        #expect(stats.contains("access_log.shipped: 1"))
        await server.stop()
    }

    @Test func unsampledRequestsStillCountAndLogButSendNoSpan() async throws {
        let server = try await CollectorServer.start()
        var settings = TelemetrySettings.collector(server.baseURL, samplingPercentage: 0, accessLog: nil)
        settings.accessLogShipping = nil
        let telemetry = try SidecarTelemetry(identity: Fixtures.reviews, settings: settings, logger: Logger(label: "test"))
        let hop = telemetry.startHop { _ in nil }
        #expect(!hop.sampled)
        telemetry.record(Fixtures.observation(trace: hop))
        await telemetry.shutdown()
        #expect(server.received.isEmpty)
        #expect(telemetry.metrics.requestSeriesCount == 1)
        #expect(!telemetry.metricsText(openMetrics: true).contains("trace_id"))
        await server.stop()
    }

    @Test func statsTextIsSortedEnvoyLines() throws {
        let telemetry = try SidecarTelemetry(identity: Fixtures.reviews, settings: TelemetrySettings(accessLog: nil),
                                             logger: Logger(label: "test"))
        telemetry.upstream.requestStarted(cluster: "inbound|9080||")
        let lines = telemetry.statsText().split(separator: "\n").map(String.init)
        #expect(lines == lines.sorted())
        #expect(lines.contains("cluster.inbound|9080||.upstream_rq_total: 1"))
        #expect(lines.allSatisfy { $0.contains(": ") })
        #expect(lines.contains { $0.hasPrefix("server.memory_physical_size: ") })
    }
}
