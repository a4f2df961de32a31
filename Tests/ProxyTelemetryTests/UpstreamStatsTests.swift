import MeshMetrics
import Testing
@testable import ProcessMetrics
@testable import ProxyTelemetry

@Suite struct UpstreamStatsTests {
    static let cluster = "outbound|9080|v1|reviews.default.svc.cluster.local"

    static func exercised() -> UpstreamStats {
        let stats = UpstreamStats()
        for code in [200, 200, 503, 404] {
            stats.requestStarted(cluster: cluster)
            stats.requestFinished(cluster: cluster, code: code)
        }
        stats.requestStarted(cluster: cluster)  // still in flight
        stats.retry(cluster: cluster)
        stats.retry(cluster: cluster)
        stats.timeout(cluster: cluster)
        stats.overflow(cluster: cluster)
        stats.overflow(cluster: cluster, kind: .connections)
        stats.overflow(cluster: cluster, kind: .retries)
        stats.connectionOpened(cluster: cluster)
        stats.connectionOpened(cluster: cluster)
        stats.connectionClosed(cluster: cluster)
        stats.ejected(cluster: cluster, active: 1)
        stats.ejected(cluster: cluster, active: 2)
        stats.readmitted(cluster: cluster, active: 1)
        stats.requestStarted(cluster: "inbound|9080||")
        return stats
    }

    @Test func countersAndGaugesTrackTheDataPath() {
        let s = Self.exercised().stats(cluster: Self.cluster)
        #expect(s.upstreamRqTotal == 5)
        #expect(s.upstreamRqActive == 1)
        #expect(s.upstreamRqCompleted == 4)
        #expect(s.upstreamRqByClass == [2: 2, 5: 1, 4: 1])
        #expect(s.upstreamRqRetry == 2)
        #expect(s.upstreamRqTimeout == 1)
        #expect(s.upstreamRqPendingOverflow == 1)
        #expect(s.upstreamCxOverflow == 1)
        #expect(s.upstreamRqRetryOverflow == 1)
        #expect(s.upstreamCxTotal == 2)
        #expect(s.upstreamCxActive == 1)
        #expect(s.outlierEjectionsTotal == 2)
        #expect(s.outlierEjectionsActive == 1)
        #expect(UpstreamStats().stats(cluster: "none") == ClusterStats())
    }

    @Test func plainStatsAreEnvoysFormat() {
        let text = Self.exercised().plainText()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == lines.sorted())
        let c = "cluster.\(Self.cluster)"
        for expected in ["\(c).upstream_rq_total: 5", "\(c).upstream_rq_2xx: 2", "\(c).upstream_rq_5xx: 1",
                         "\(c).upstream_rq_503: 1", "\(c).upstream_rq_retry: 2", "\(c).upstream_rq_timeout: 1",
                         "\(c).upstream_cx_active: 1", "\(c).upstream_cx_total: 2",
                         "\(c).upstream_rq_pending_overflow: 1", "\(c).upstream_rq_active: 1",
                         "\(c).outlier_detection.ejections_active: 1", "\(c).outlier_detection.ejections_total: 2",
                         "cluster.inbound|9080||.upstream_rq_total: 1"] {
            #expect(lines.contains(expected), "\(expected)")
        }
    }

    @Test func prometheusFormUsesClusterNameLabels() throws {
        let text = Self.exercised().renderPrometheus()
        let parsed = try ExpositionParser.parse(text, format: .prometheusText)
        func value(_ name: String, _ extra: [String: String] = [:]) -> Double? {
            var labels = ["cluster_name": Self.cluster]
            labels.merge(extra) { $1 }
            return parsed.samples.first { $0.labels == Labels(name: name, labels) }?.value
        }
        #expect(value("envoy_cluster_upstream_rq_total") == 5)
        #expect(value("envoy_cluster_upstream_rq_xx", ["response_code_class": "2xx"]) == 2)
        #expect(value("envoy_cluster_upstream_rq_xx", ["response_code_class": "5xx"]) == 1)
        #expect(value("envoy_cluster_upstream_rq_retry") == 2)
        #expect(value("envoy_cluster_upstream_cx_active") == 1)
        #expect(value("envoy_cluster_outlier_detection_ejections_active") == 1)
        #expect(value("envoy_cluster_upstream_rq_pending_overflow") == 1)
        #expect(parsed.metadata(for: "envoy_cluster_upstream_cx_active")?.type == .gauge)
        #expect(parsed.metadata(for: "envoy_cluster_upstream_rq_total")?.type == .counter)
    }

    @Test func processStatsComeFromProc() throws {
        let stats = ProcessStats.current()
        #if os(Linux)
        let rss = try #require(stats.residentMemoryBytes)
        #expect(rss > 1_000_000)
        #expect((stats.openFDs ?? 0) >= 3)
        let start = try #require(stats.startTimeSeconds)
        let now = Double(time(nil))
        #expect(start > 1_600_000_000 && start <= now + 1)
        #expect(stats.cpuSeconds != nil)
        #endif
        // A command name with spaces and parentheses does not shift the fields.
        let fields = ProcessStats.statFields("42 (a (b) c) S 1 2 3")
        #expect(fields?.first == "S")
    }
}

#if canImport(Glibc)
import Glibc
#endif
