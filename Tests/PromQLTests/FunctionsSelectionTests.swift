import MeshMetrics
import Testing
@testable import PromQL

/// Expected values from conformance/promql/aggregators.test and limit.test (topk,
/// bottomk, limitk, limit_ratio, count_values).
@Suite struct FunctionsSelectionTests {
    /// http_requests at 50m in label order, with instance 2 of production/api NaN.
    var httpRequests: [VectorElement] {
        [
            element(["group": "canary", "instance": "0", "job": "api-server"], 300, name: "http_requests"),
            element(["group": "canary", "instance": "0", "job": "app-server"], 700, name: "http_requests"),
            element(["group": "canary", "instance": "1", "job": "api-server"], 400, name: "http_requests"),
            element(["group": "canary", "instance": "1", "job": "app-server"], 800, name: "http_requests"),
            element(["group": "production", "instance": "0", "job": "api-server"], 100, name: "http_requests"),
            element(["group": "production", "instance": "0", "job": "app-server"], 500, name: "http_requests"),
            element(["group": "production", "instance": "1", "job": "api-server"], 200, name: "http_requests"),
            element(["group": "production", "instance": "1", "job": "app-server"], 600, name: "http_requests"),
            element(["group": "production", "instance": "2", "job": "api-server"], .nan, name: "http_requests"),
        ]
    }

    func values(_ elements: [VectorElement]) -> [String] { elements.map { "\($0.value)" } }

    @Test func topkAndBottomkOrder() {
        #expect(values(SelectionAggregations.topk(3, httpRequests)) == ["800.0", "700.0", "600.0"])
        #expect(values(SelectionAggregations.bottomk(3, httpRequests)) == ["100.0", "200.0", "300.0"])
        let canaryApp = httpRequests.filter { $0.labels["group"] == "canary" && $0.labels["job"] == "app-server" }
        #expect(values(SelectionAggregations.topk(5, canaryApp)) == ["800.0", "700.0"])
        #expect(values(SelectionAggregations.bottomk(9_999_999_999, canaryApp)) == ["700.0", "800.0"])
        #expect(SelectionAggregations.topk(0, httpRequests).isEmpty)
        #expect(SelectionAggregations.bottomk(-1, httpRequests).isEmpty)
    }

    @Test func nanIsSortedAwayFromTopAndBottom() {
        let productionAPI = httpRequests.filter { $0.labels["group"] == "production" && $0.labels["job"] == "api-server" }
        let top = SelectionAggregations.topk(3, productionAPI)
        #expect(top.map { $0.labels["instance"]! } == ["1", "0", "2"])
        let bottom = SelectionAggregations.bottomk(3, productionAPI)
        #expect(bottom.map { $0.labels["instance"]! } == ["0", "1", "2"])
        // With room for only one, NaN loses to any number.
        #expect(values(SelectionAggregations.topk(1, productionAPI.reversed())) == ["200.0"])
        #expect(values(SelectionAggregations.bottomk(1, productionAPI.reversed())) == ["100.0"])
        // NaN is kept when nothing else is left.
        #expect(SelectionAggregations.topk(1, [element(["i": "2"], .nan)]).first?.value.isNaN == true)
    }

    @Test func tiesKeepTheEarliestSeries() {
        let tied = (0..<12).map { element(["idx": "\($0)"], 52) }
        #expect(SelectionAggregations.topk(3, tied).map { $0.labels["idx"]! } == ["0", "1", "2"])
        #expect(SelectionAggregations.bottomk(2, tied).map { $0.labels["idx"]! } == ["0", "1"])
        let avgOfTop8 = Aggregations.avg(SelectionAggregations.topk(8, tied).map(\.value))
        #expect(avgOfTop8 == 52)
    }

    @Test func topkByGroupOverOneGroupEach() {
        let production = httpRequests.filter { $0.labels["group"] == "production" }
        #expect(values(SelectionAggregations.topk(1, production)) == ["600.0"])
        #expect(values(SelectionAggregations.bottomk(2, production)) == ["100.0", "200.0"])
    }

    @Test func limitkKeepsTheFirstKInHeapOrder() {
        let first = SelectionAggregations.limitk(2, httpRequests)
        #expect(first.count == 2)
        #expect(Set(first.map(\.labels)) == Set(httpRequests.prefix(2).map(\.labels)))
        #expect(SelectionAggregations.limitk(100, httpRequests).count == 9)
        #expect(SelectionAggregations.limitk(0, httpRequests).isEmpty)
        // Heap order: pushing 3, 1, 2 leaves the smallest first.
        let heapOrder = SelectionAggregations.limitk(3, [element(["a": "x"], 3), element(["a": "y"], 1), element(["a": "z"], 2)])
        #expect(heapOrder.map(\.value) == [1, 3, 2])
    }

    var limitSeries: [VectorElement] {
        [("0", "production"), ("1", "production"), ("0", "canary"), ("1", "canary"), ("2", "canary"), ("3", "canary"),
         ("histogram_1", "canary"), ("histogram_2", "canary")].map { instance, group in
            element(["job": "api-server", "instance": instance, "group": group], 1, name: "http_requests")
        }
    }

    @Test func limitRatioSamplesByLabelHash() {
        let series = limitSeries
        expectClose(SelectionAggregations.ratioSampleOffset(series[0].labels), 0.09456038582361823, epsilon: 1e-12)
        let half = SelectionAggregations.limitRatio(0.5, series)
        #expect(half.count == 5)
        #expect(SelectionAggregations.limitRatio(1, series).count == 8)
        #expect(SelectionAggregations.limitRatio(-1, series).count == 8)
        #expect(SelectionAggregations.limitRatio(0, series).isEmpty)
        for (ratio, complement) in [(0.2, -0.8), (0.5, -0.5), (0.8, -0.2)] {
            let a = Set(SelectionAggregations.limitRatio(ratio, series).map(\.labels))
            let b = Set(SelectionAggregations.limitRatio(complement, series).map(\.labels))
            #expect(a.isDisjoint(with: b))
            #expect(a.union(b).count == 8)
        }
    }

    @Test func parametersAsPrometheusConvertsThem() throws {
        #expect(try SelectionAggregations.kParameter(3.9) == 3)
        #expect(try SelectionAggregations.kParameter(-1) == -1)
        #expect(throws: FunctionError("Parameter value is NaN")) { try SelectionAggregations.kParameter(.nan) }
        #expect(throws: FunctionError("Scalar value 1e+30 overflows int64")) { try SelectionAggregations.kParameter(1e30) }
        #expect(throws: FunctionError("Scalar value -1e+30 underflows int64")) { try SelectionAggregations.kParameter(-1e30) }
        var notes = FunctionAnnotations()
        #expect(try SelectionAggregations.ratioParameter(1.1, annotations: &notes) == 1)
        #expect(try SelectionAggregations.ratioParameter(-1.1, annotations: &notes) == -1)
        #expect(try SelectionAggregations.ratioParameter(0.3, annotations: &notes) == 0.3)
        #expect(notes.warnings.map(\.message) == [
            "PromQL warning: ratio value should be between -1 and 1, got 1.1, capping to 1",
            "PromQL warning: ratio value should be between -1 and 1, got -1.1, capping to -1",
        ])
        #expect(throws: FunctionError("Ratio value is NaN")) { try SelectionAggregations.ratioParameter(.nan, annotations: &notes) }
    }

    var versions: [VectorElement] {
        [("api-server", "0", "production", 6.0), ("api-server", "1", "production", 6), ("api-server", "2", "production", 6),
         ("api-server", "0", "canary", 8), ("api-server", "1", "canary", 8), ("app-server", "0", "production", 6),
         ("app-server", "1", "production", 6), ("app-server", "0", "canary", 7), ("app-server", "1", "canary", 7)].map {
            element(["job": $0.0, "instance": $0.1, "group": $0.2], $0.3, name: "version")
        }
    }

    func counts(_ elements: [VectorElement]) -> [Labels: Double] {
        Dictionary(uniqueKeysWithValues: elements.map { ($0.labels, $0.value) })
    }

    @Test func countValuesCountsPerFormattedValue() throws {
        let plain = try SelectionAggregations.countValues(versions, valueLabel: "version", grouping: [], without: false)
        #expect(counts(plain) == [Labels(["version": "6"]): 5, Labels(["version": "7"]): 2, Labels(["version": "8"]): 2])
        let without = try SelectionAggregations.countValues(versions, valueLabel: "version", grouping: ["instance"], without: true)
        #expect(counts(without) == [
            Labels(["job": "api-server", "group": "production", "version": "6"]): 3,
            Labels(["job": "api-server", "group": "canary", "version": "8"]): 2,
            Labels(["job": "app-server", "group": "production", "version": "6"]): 2,
            Labels(["job": "app-server", "group": "canary", "version": "7"]): 2,
        ])
        // The value label may overwrite a grouping label.
        let overwrite = try SelectionAggregations.countValues(versions, valueLabel: "job", grouping: ["job", "group"], without: false)
        #expect(counts(overwrite) == [
            Labels(["job": "6", "group": "production"]): 5, Labels(["job": "8", "group": "canary"]): 2,
            Labels(["job": "7", "group": "canary"]): 2,
        ])
        #expect(throws: FunctionError("invalid label name \"\"")) {
            try SelectionAggregations.countValues(versions, valueLabel: "", grouping: [], without: false)
        }
        #expect(SelectionAggregations.countValuesLabel(1e21) == "1000000000000000000000")
        #expect(SelectionAggregations.countValuesLabel(0.1) == "0.1")
    }
}
