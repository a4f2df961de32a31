import MeshMetrics
import Testing
@testable import ProxyTelemetry

@Suite struct IstioMetricsTests {
    /// The label set Istio's fixtures print for this request (grpc_response_status is
    /// empty, so a parser drops it; it is checked on the raw text below).
    static let expectedLabels: [String: String] = [
        "reporter": "destination",
        "source_workload": "productpage-v1", "source_canonical_service": "productpage",
        "source_canonical_revision": "v1", "source_workload_namespace": "default",
        "source_principal": "spiffe://cluster.local/ns/default/sa/bookinfo-productpage",
        "source_app": "productpage", "source_version": "v1", "source_cluster": "Kubernetes",
        "destination_workload": "reviews-v2", "destination_workload_namespace": "default",
        "destination_principal": "spiffe://cluster.local/ns/default/sa/bookinfo-reviews",
        "destination_app": "reviews", "destination_version": "v2",
        "destination_service": "reviews.default.svc.cluster.local", "destination_canonical_service": "reviews",
        "destination_canonical_revision": "v2", "destination_service_name": "reviews",
        "destination_service_namespace": "default", "destination_cluster": "Kubernetes",
        "request_protocol": "http", "response_code": "200", "response_flags": "-",
        "connection_security_policy": "mutual_tls",
    ]

    func samples(_ text: String, _ name: String, format: ExpositionFormat = .prometheusText) throws -> [CollectedSample] {
        try ExpositionParser.parse(text, format: format).samples.filter { $0.labels.metricName == name }
    }

    @Test func oneRequestIncrementsEveryHTTPMetricOnceWithTheFullLabelSet() throws {
        let metrics = IstioMetrics()
        metrics.record(Fixtures.observation(requestBytes: 120, responseBytes: 295))
        let text = metrics.renderPrometheus()

        let requests = try samples(text, "istio_requests_total")
        #expect(requests.count == 1)
        #expect(requests.first?.value == 1)
        let expected = Labels(name: "istio_requests_total", Self.expectedLabels)
        #expect(requests.first?.labels == expected)
        #expect(text.contains(#"grpc_response_status="""#))

        for family in ["istio_request_duration_milliseconds", "istio_request_bytes", "istio_response_bytes"] {
            let count = try samples(text, family + "_count")
            #expect(count.count == 1 && count.first?.value == 1, "\(family)_count")
            #expect(count.first?.labels == expected.setting(Labels.metricName, family + "_count"))
            #expect(try samples(text, family + "_bucket").count == EnvoyBuckets.defaults.count + 1)
        }
        #expect(try samples(text, "istio_request_duration_milliseconds_sum").first?.value == 7.3)
        #expect(try samples(text, "istio_request_bytes_sum").first?.value == 120)
        #expect(try samples(text, "istio_response_bytes_sum").first?.value == 295)
        // No TCP traffic, no TCP families.
        #expect(!text.contains("istio_tcp_"))
    }

    @Test func labelsComeInIstiosOrder() {
        let metrics = IstioMetrics()
        metrics.record(Fixtures.observation())
        let line = metrics.renderPrometheus().split(separator: "\n").first { $0.hasPrefix("istio_requests_total{") }!
        let names = line.dropFirst("istio_requests_total{".count).split(separator: ",").map { $0.split(separator: "=")[0] }
        #expect(names.map(String.init) == IstioLabels.http)
        #expect(IstioLabels.http.count == 25)
    }

    @Test func secondRequestOfAnotherCodeMakesASecondSeries() throws {
        let metrics = IstioMetrics()
        metrics.record(Fixtures.observation())
        metrics.record(Fixtures.observation())
        metrics.record(Fixtures.observation(code: 503, flags: ["UF", "URX"]))
        let requests = try samples(metrics.renderPrometheus(), "istio_requests_total")
        let byCode = Dictionary(uniqueKeysWithValues: requests.map { ($0.labels["response_code"]!, $0) })
        #expect(byCode["200"]?.value == 2)
        #expect(byCode["503"]?.value == 1)
        #expect(byCode["503"]?.labels["response_flags"] == "UF,URX")
    }

    @Test func bucketsAreCumulativeAndInclusive() throws {
        let metrics = IstioMetrics()
        // 7.3 ms lands in le=10; exactly 25 ms lands in le=25 (inclusive bound); 4000 s in +Inf.
        for micros: Int64 in [7_300, 25_000, 4_000_000_000] {
            metrics.record(Fixtures.observation(durationMicros: micros))
        }
        let buckets = try samples(metrics.renderPrometheus(), "istio_request_duration_milliseconds_bucket")
        let byBound = Dictionary(uniqueKeysWithValues: buckets.map { ($0.labels["le"]!, $0.value) })
        #expect(byBound["5"] == 0)
        #expect(byBound["10"] == 1)
        #expect(byBound["25"] == 2)
        #expect(byBound["3.6e+06"] == 2)  // Go's (and Envoy's) float form
        #expect(byBound["+Inf"] == 3)
        #expect(buckets.map { $0.labels["le"]! }.prefix(3) == ["0.5", "1", "5"])
    }

    @Test func bucketIndexMatchesEnvoyBounds() {
        let bounds = EnvoyBuckets.defaults
        #expect(bounds == [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000,
                           300000, 600000, 1800000, 3600000])
        #expect(HistogramSeries.bucketIndex(0, bounds: bounds) == 0)
        #expect(HistogramSeries.bucketIndex(0.5, bounds: bounds) == 0)
        #expect(HistogramSeries.bucketIndex(0.51, bounds: bounds) == 1)
        #expect(HistogramSeries.bucketIndex(3_600_000, bounds: bounds) == 18)
        #expect(HistogramSeries.bucketIndex(3_600_001, bounds: bounds) == 19)
    }

    @Test func exemplarsAppearOnlyInOpenMetrics() throws {
        let metrics = IstioMetrics()
        metrics.record(Fixtures.observation(durationMicros: 7_300, trace: Fixtures.sampledTrace))
        let text = metrics.renderPrometheus()
        #expect(!text.contains("trace_id"))
        #expect(try ExpositionParser.parse(text, format: .prometheusText).samples.allSatisfy { $0.exemplar == nil })

        let om = metrics.renderOpenMetrics()
        #expect(om.hasSuffix("# EOF\n"))
        let parsed = try ExpositionParser.parse(om, format: .openMetrics)
        let withExemplar = parsed.samples.filter { $0.exemplar != nil }
        #expect(withExemplar.count == 1)
        let sample = try #require(withExemplar.first)
        #expect(sample.labels.metricName == "istio_request_duration_milliseconds_bucket")
        #expect(sample.labels["le"] == "10.0")
        #expect(sample.exemplar?.labels["trace_id"] == "463ac35c9f6413ad48485a3953bb6124")
        #expect(sample.exemplar?.labels["span_id"] == "a2fb4a1d1a96d312")
        #expect(sample.exemplar?.value == 7.3)
        // End of the request: start + 7.3 ms, in milliseconds.
        #expect(sample.exemplar?.timestamp == (Fixtures.start + 7_300) / 1000)
        // OpenMetrics names the counter family without `_total`.
        #expect(parsed.family(named: "istio_requests")?.metadata.type == .counter)
        #expect(parsed.family(named: "istio_request_duration_milliseconds")?.metadata.unit == "milliseconds")
    }

    @Test func unsampledTracesLeaveNoExemplar() {
        let metrics = IstioMetrics()
        var trace = Fixtures.sampledTrace
        trace.sampled = false
        metrics.record(Fixtures.observation(trace: trace))
        #expect(!metrics.renderOpenMetrics().contains("trace_id"))
    }

    @Test func tcpMetricsUseTheTCPLabelSet() throws {
        let metrics = IstioMetrics()
        let base = TCPObservation(reporter: .destination, source: Fixtures.productpage, destination: Fixtures.reviews,
                                  destinationServiceHost: "mysqldb.default.svc.cluster.local",
                                  connectionSecurityPolicy: .mutualTLS)
        var open = base
        open.connectionOpened = true
        open.receivedBytes = 100
        var close = base
        close.connectionClosed = true
        close.sentBytes = 1_000
        close.receivedBytes = 20
        metrics.recordTCP(open)
        metrics.recordTCP(close)
        let text = metrics.renderPrometheus()
        let values = try ExpositionParser.parse(text, format: .prometheusText).samples
            .reduce(into: [String: Double]()) { $0[$1.labels.metricName!] = $1.value }
        #expect(values["istio_tcp_received_bytes_total"] == 120)
        #expect(values["istio_tcp_sent_bytes_total"] == 1_000)
        #expect(values["istio_tcp_connections_opened_total"] == 1)
        #expect(values["istio_tcp_connections_closed_total"] == 1)
        let sample = try #require(try samples(text, "istio_tcp_sent_bytes_total").first)
        #expect(sample.labels["request_protocol"] == "tcp")
        #expect(sample.labels["destination_service_name"] == "mysqldb")
        #expect(sample.labels["response_code"] == nil)
        #expect(!text.contains("grpc_response_status"))
        #expect(sample.labels.count == IstioLabels.tcp.count + 1)
    }

    @Test func labelValuesAreEscaped() throws {
        let metrics = IstioMetrics()
        var o = Fixtures.observation()
        o.destination.workload = "we\"ird\\name\nx"
        metrics.record(o)
        let requests = try samples(metrics.renderPrometheus(), "istio_requests_total")
        #expect(requests.first?.labels["destination_workload"] == "we\"ird\\name\nx")
    }
}
