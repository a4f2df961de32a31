import MeshMetrics
import Testing
@testable import PromQL

/// The step-major evaluation of range functions, aggregations and histogram_quantile
/// must give exactly what evaluating the whole expression at each step gives: values
/// bit for bit, series order, annotations and their order.
@Suite struct StepMajorEvaluationTests {
    /// Counters with resets, gaps and staleness markers, a gauge (non-counter info),
    /// and classic buckets with a malformed `le` and decreasing counts.
    var store: InMemoryQueryable {
        var store = InMemoryQueryable()
        func add(_ labels: [String: String], from: Int, to: Int, _ value: (Int) -> Double) {
            let samples = stride(from: from, through: to, by: 1).map {
                Sample(timestamp: Int64($0) * 15_000, value: value($0))
            }
            store.add(Labels(labels), samples)
        }
        let services = ["a", "b", "c"]
        for (index, svc) in services.enumerated() {
            // b starts late and c stops early, so groups appear in different orders.
            let (from, to) = svc == "b" ? (60, 240) : svc == "c" ? (0, 120) : (0, 240)
            add(["__name__": "req_total", "svc": svc, "code": "200"], from: from, to: to) { Double(($0 * (index + 1)) % 97) }
            add(["__name__": "req_total", "svc": svc, "code": "500"], from: from, to: to) {
                $0 % 50 == 7 ? StaleNaN.value : Double($0 / 3)
            }
            for (position, le) in ["0.1", "0.5", "1", "+Inf", "abc"].enumerated() {
                add(["__name__": "lat_bucket", "svc": svc, "le": le], from: from, to: to) {
                    Double($0 * (position + 1)) * (le == "1" && $0 % 40 == 0 ? 0.1 : 1)
                }
            }
        }
        add(["__name__": "temp", "svc": "b"], from: 30, to: 200) { Double($0 % 11) - 3.5 }
        return store
    }

    static let queries = [
        "rate(req_total[1m])", "increase(req_total[2m] offset 1m)", "sum by (svc) (rate(req_total[1m]))",
        "sum(rate(req_total[5m]))", "avg without (code) (irate(req_total[1m]))", "max(delta(temp[3m]))",
        "rate(temp[2m])", "sum(rate(temp[2m]))", "count by (code) (changes(req_total[1m] @ 1800))",
        "stddev(avg_over_time(req_total[2m]))", "sum by (svc) (req_total)", "min by (code) (req_total offset 2m)",
        "histogram_quantile(0.9, sum by (svc, le) (rate(lat_bucket[2m])))",
        "histogram_quantile(1.5, rate(lat_bucket[1m]))", "histogram_quantile(0.5, lat_bucket)",
        "sum(sum by (svc) (rate(req_total[1m])))", "group by (__name__) (last_over_time(req_total[1m]))",
        "topk(2, sum by (svc) (rate(req_total[1m]))) / 2",
    ]

    /// A result reduced to comparable parts: labels and value bits per point.
    func flatten(_ value: QueryResult.Value) -> [String] {
        switch value {
        case .matrix(let series):
            series.map { "\($0.labels) " + $0.points.map { "\($0.timestamp):\($0.value.bitPattern)" }.joined(separator: ",") }
        case .vector(let elements):
            elements.map { "\($0.labels) \($0.timestamp):\($0.value.bitPattern)" }
        case .scalar(let sample):
            ["\(sample.timestamp):\(sample.value.bitPattern)"]
        case .string(let text, let timestamp):
            ["\(timestamp):\(text)"]
        }
    }

    @Test(arguments: queries) func rangeQueryMatchesPerStepEvaluation(query: String) async throws {
        let stepMajor = PromQLEngine(queryable: store)
        var perStep = stepMajor
        perStep.stepMajor = false
        let fast = try await stepMajor.rangeQuery(query, start: 0, end: 3_600_000, step: 15_000)
        let slow = try await perStep.rangeQuery(query, start: 0, end: 3_600_000, step: 15_000)
        #expect(flatten(fast.value) == flatten(slow.value))
        #expect(fast.annotations == slow.annotations)
    }

    @Test(arguments: queries) func instantQueryMatchesPerStepEvaluation(query: String) async throws {
        let stepMajor = PromQLEngine(queryable: store)
        var perStep = stepMajor
        perStep.stepMajor = false
        for time: Int64 in [600_000, 1_200_000, 1_800_000, 3_000_000] {
            let fast = try await stepMajor.instantQuery(query, at: time)
            let slow = try await perStep.instantQuery(query, at: time)
            #expect(flatten(fast.value) == flatten(slow.value))
            #expect(fast.annotations == slow.annotations)
        }
    }

    @Test func maxSamplesStillEnforcedPerStep() async throws {
        var engine = PromQLEngine(queryable: store)
        engine.maxSamples = 40
        await #expect(throws: EngineError.self) {
            _ = try await engine.rangeQuery("sum(rate(req_total[5m]))", start: 0, end: 3_600_000, step: 15_000)
        }
    }
}
