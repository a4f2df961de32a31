import Foundation
import Logging
import MeshMetrics
import Testing
@testable import ProxyTelemetry

/// The expositions against Prometheus' own linter (`promtool check metrics`, Debian's
/// prometheus package). promtool exits 3 for lint findings; two are expected by design
/// and allowed: Istio's metric is named in milliseconds, and Envoy's counters
/// (`envoy_cluster_upstream_rq_retry`) do not end in `_total`. Parse errors (exit 1) and
/// any other finding fail. promtool 2.42 reads only the text format (it stops at an
/// OpenMetrics exemplar), so the OpenMetrics output is checked with MeshMetrics' strict
/// OpenMetrics parser instead.
@Suite struct PromtoolTests {
    static let promtool = "/usr/bin/promtool"

    static func populatedTelemetry() throws -> SidecarTelemetry {
        let telemetry = try SidecarTelemetry(identity: Fixtures.reviews, settings: TelemetrySettings(accessLog: nil),
                                             logger: Logger(label: "test"))
        telemetry.record(Fixtures.observation(trace: Fixtures.sampledTrace))
        telemetry.record(Fixtures.observation(reporter: .source, code: 503, flags: ["UO"]))
        telemetry.recordTCP(TCPObservation(reporter: .destination, source: Fixtures.productpage,
                                           destination: Fixtures.reviews, destinationServiceHost: "db.default.svc.cluster.local",
                                           sentBytes: 10, receivedBytes: 5, connectionOpened: true))
        let cluster = "outbound|9080|v2|reviews.default.svc.cluster.local"
        telemetry.upstream.requestStarted(cluster: cluster)
        telemetry.upstream.requestFinished(cluster: cluster, code: 200)
        telemetry.upstream.retry(cluster: cluster)
        telemetry.upstream.overflow(cluster: cluster)
        telemetry.upstream.connectionOpened(cluster: cluster)
        telemetry.upstream.ejected(cluster: cluster, active: 1)
        return telemetry
    }

    /// Findings promtool printed, minus the allowed ones; nil when promtool is absent.
    static func promtoolFindings(_ text: String) throws -> [String]? {
        guard FileManager.default.isExecutableFile(atPath: promtool) else {
            print("note: \(promtool) is not installed; skipping the promtool check")
            return nil
        }
        let (status, output) = try runProcess(promtool, ["check", "metrics"], input: Array(text.utf8))
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        if status == 0 { return [] }
        if status != 3 { return ["exit \(status): " + lines.joined(separator: " | ")] }
        return lines.filter { line in
            let unit = line.hasPrefix("istio_request_duration_milliseconds ") && line.contains(#"use base unit "seconds""#)
            let envoyCounter = line.hasPrefix("envoy_cluster_") && line.contains("counter metrics should have \"_total\" suffix")
            return !(unit || envoyCounter)
        }
    }

    @Test func istioMetricsPassPromtool() throws {
        let metrics = IstioMetrics()
        metrics.record(Fixtures.observation(trace: Fixtures.sampledTrace))
        metrics.recordTCP(TCPObservation(reporter: .source, source: Fixtures.productpage, destination: Fixtures.reviews,
                                         destinationServiceHost: "db.default.svc.cluster.local", sentBytes: 1))
        guard let findings = try Self.promtoolFindings(metrics.renderPrometheus()) else { return }
        #expect(findings == [])
    }

    @Test func wholeAdminExpositionPassesPromtool() throws {
        let text = try Self.populatedTelemetry().metricsText(openMetrics: false)
        #expect(text.contains("envoy_cluster_upstream_rq_total"))
        #expect(text.contains("process_open_fds"))
        guard let findings = try Self.promtoolFindings(text) else { return }
        #expect(findings == [])
    }

    @Test func promtoolCatchesABrokenExposition() throws {
        // The check above can fail: a duplicated family is a parse error.
        let metrics = IstioMetrics()
        metrics.record(Fixtures.observation())
        let text = metrics.renderPrometheus()
        guard let findings = try Self.promtoolFindings(text + text) else { return }
        #expect(!findings.isEmpty)
    }

    @Test func openMetricsParsesStrictly() throws {
        let om = try Self.populatedTelemetry().metricsText(openMetrics: true)
        let parsed = try ExpositionParser.parse(om, format: .openMetrics)
        #expect(parsed.samples.contains { $0.exemplar?.labels["trace_id"] == Fixtures.sampledTrace.traceId })
        // Envoy counters without `_total` are `unknown` in OpenMetrics.
        #expect(parsed.family(named: "envoy_cluster_upstream_rq_retry")?.metadata.type == .unknown)
        #expect(parsed.family(named: "envoy_cluster_upstream_rq")?.metadata.type == .counter)
        #expect(parsed.family(named: "envoy_cluster_upstream_rq_xx")?.metadata.type == .unknown)
        #expect(om.components(separatedBy: "# EOF").count == 2 && om.hasSuffix("# EOF\n"))
    }
}
