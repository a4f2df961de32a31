import MeshMetrics
import Outbox
import RemoteWrite
import Testing

@Suite struct RemoteWritePayloadsTests {
    @Test func relabelRulesDropAndRewriteOutgoingSeries() throws {
        let rules = [
            try RelabelRule(sourceLabels: ["__name__"], regex: RelabelRegex("go_.*"), action: .drop),
            try RelabelRule(sourceLabels: ["pod"], targetLabel: "instance"),
        ]
        let payloads = RemoteWritePayloads(externalLabels: Labels(["cluster": "c"]), relabelRules: rules, maxPerSend: 10)
        #expect(payloads.outgoingLabels(Labels(name: "go_goroutines")) == nil)
        #expect(payloads.outgoingLabels(Labels(name: "up", ["pod": "p1"]))
            == Labels(name: "up", ["pod": "p1", "instance": "p1", "cluster": "c"]))
        let samples = [(labels: Labels(name: "go_goroutines"), sample: Sample(timestamp: 1, value: 1), exemplar: Exemplar?.none),
                       (labels: Labels(name: "up"), sample: Sample(timestamp: 1, value: 1), exemplar: Exemplar?.none)]
        let out = payloads.payloads(samples)
        #expect(out.map(\.count) == [1])
        let request = try WriteRequestDecoder.decode(out[0].payload)
        #expect(request.timeseries.map(\.labels) == [Labels(name: "up", ["cluster": "c"])])
    }

    @Test func consecutiveSamplesOfASeriesShareOneTimeSeriesAndStaleMarkersSurvive() throws {
        let labels = Labels(name: "x")
        let samples = [1, 2].map { (labels: labels, sample: Sample(timestamp: Int64($0), value: Double($0)), exemplar: Exemplar?.none) }
            + [(labels: labels, sample: Sample(timestamp: 3, value: StaleNaN.value), exemplar: Exemplar?.none)]
        let out = RemoteWritePayloads(externalLabels: Labels([]), relabelRules: [], maxPerSend: 10).payloads(samples)
        let request = try WriteRequestDecoder.decode(out[0].payload)
        #expect(request.timeseries.count == 1)
        #expect(request.timeseries[0].samples.map(\.timestamp) == [1, 2, 3])
        #expect(request.timeseries[0].samples[2].value.bitPattern == StaleNaN.bitPattern)
    }

    @Test func payloadsSplitAtMaxPerSend() {
        let samples = (0..<25).map { (labels: Labels(name: "s\($0 % 2)"), sample: Sample(timestamp: Int64($0), value: 0), exemplar: Exemplar?.none) }
        let out = RemoteWritePayloads(externalLabels: Labels([]), relabelRules: [], maxPerSend: 10).payloads(samples)
        #expect(out.map(\.count) == [10, 10, 5])
    }
}
