import MeshMetrics
import Testing
@testable import PromQL

/// Expected orders from conformance/promql/functions.test (sort, sort_desc,
/// sort_by_label, sort_by_label_desc).
@Suite struct FunctionsSortTests {
    /// http_requests at 50m in label order, instance 2 of canary/api NaN.
    var httpRequests: [VectorElement] {
        [("canary", "0", "api-server", 300.0), ("canary", "0", "app-server", 700), ("canary", "1", "api-server", 400),
         ("canary", "1", "app-server", 800), ("canary", "2", "api-server", .nan), ("production", "0", "api-server", 100),
         ("production", "0", "app-server", 500), ("production", "1", "api-server", 200), ("production", "1", "app-server", 600),
         ("production", "2", "api-server", 100)].map {
            element(["group": $0.0, "instance": $0.1, "job": $0.2], $0.3, name: "http_requests")
        }
    }

    func keys(_ elements: [VectorElement]) -> [String] {
        elements.map { "\($0.labels["group"]!)/\($0.labels["instance"]!)/\($0.labels["job"]!)" }
    }

    @Test func sortAndSortDescPutNaNLast() {
        let input = Array(httpRequests.dropLast())
        #expect(SortFunctions.sort(input).map { "\($0.value)" } ==
            ["100.0", "200.0", "300.0", "400.0", "500.0", "600.0", "700.0", "800.0", "nan"])
        #expect(SortFunctions.sortDesc(input).map { "\($0.value)" } ==
            ["800.0", "700.0", "600.0", "500.0", "400.0", "300.0", "200.0", "100.0", "nan"])
        #expect(SortFunctions.sort([]).isEmpty)
    }

    @Test func sortOfManyElementsWithTies() {
        var generator = SystemRandomNumberGenerator()
        let input = (0..<300).map { element(["i": "\($0)"], $0 % 7 == 0 ? .nan : Double(Int.random(in: 0..<10, using: &generator))) }
        let sorted = SortFunctions.sort(input).map(\.value)
        let numbers = sorted.prefix { !$0.isNaN }
        #expect(numbers.count == input.filter { !$0.value.isNaN }.count)
        #expect(Array(numbers) == numbers.sorted())
        #expect(sorted.dropFirst(numbers.count).allSatisfy { $0.isNaN })
        let descending = SortFunctions.sortDesc(input).map(\.value).prefix { !$0.isNaN }
        #expect(Array(descending) == descending.sorted(by: >))
    }

    @Test func sortByLabel() {
        let byInstance = SortFunctions.sortByLabel(httpRequests, labels: ["instance"])
        #expect(keys(byInstance) == [
            "canary/0/api-server", "canary/0/app-server", "production/0/api-server", "production/0/app-server",
            "canary/1/api-server", "canary/1/app-server", "production/1/api-server", "production/1/app-server",
            "canary/2/api-server", "production/2/api-server",
        ])
        #expect(keys(SortFunctions.sortByLabel(httpRequests, labels: ["instance", "group"])) == keys(byInstance))
        #expect(keys(SortFunctions.sortByLabel(httpRequests, labels: ["group", "instance", "job"])) == [
            "canary/0/api-server", "canary/0/app-server", "canary/1/api-server", "canary/1/app-server", "canary/2/api-server",
            "production/0/api-server", "production/0/app-server", "production/1/api-server", "production/1/app-server",
            "production/2/api-server",
        ])
        #expect(keys(SortFunctions.sortByLabel(httpRequests, labels: ["job", "instance", "group"])) == [
            "canary/0/api-server", "production/0/api-server", "canary/1/api-server", "production/1/api-server",
            "canary/2/api-server", "production/2/api-server", "canary/0/app-server", "production/0/app-server",
            "canary/1/app-server", "production/1/app-server",
        ])
    }

    @Test func sortByLabelDesc() {
        let expected = [
            "production/2/api-server", "canary/2/api-server", "production/1/app-server", "production/1/api-server",
            "canary/1/app-server", "canary/1/api-server", "production/0/app-server", "production/0/api-server",
            "canary/0/app-server", "canary/0/api-server",
        ]
        #expect(keys(SortFunctions.sortByLabelDesc(httpRequests, labels: ["instance"])) == expected)
        #expect(keys(SortFunctions.sortByLabelDesc(httpRequests, labels: ["instance", "group"])) == expected)
        #expect(keys(SortFunctions.sortByLabelDesc(httpRequests, labels: ["instance", "group", "job"])) == expected)
    }

    @Test func naturalOrderOfLabelValues() {
        let cpus = ["100", "21", "3", "0", "12", "1", "20", "10", "2", "11"].map { element(["job": "cpu", "cpu": $0], 100) }
        #expect(SortFunctions.sortByLabel(cpus, labels: ["cpu"]).map { $0.labels["cpu"]! } ==
            ["0", "1", "2", "3", "10", "11", "12", "20", "21", "100"])
        let nodes = [("4m600", "1.2.3"), ("4m5", "1.11.3"), ("4m1000", "1.111.3")].map {
            element(["job": "node_exporter", "instance": $0.0, "release": $0.1], 100)
        }
        #expect(SortFunctions.sortByLabel(nodes, labels: ["instance"]).map { $0.labels["instance"]! } == ["4m5", "4m600", "4m1000"])
        #expect(SortFunctions.sortByLabel(nodes, labels: ["release"]).map { $0.labels["release"]! } == ["1.2.3", "1.11.3", "1.111.3"])
        #expect(SortFunctions.naturalLess("", "a"))
        #expect(!SortFunctions.naturalLess("a", ""))
        #expect(SortFunctions.naturalLess("a2", "a10"))
        #expect(SortFunctions.naturalLess("B", "a")) // Byte order outside digit runs.
        #expect(!SortFunctions.naturalLess("007", "7") && !SortFunctions.naturalLess("7", "007")) // Leading zeros skipped.
    }

    @Test func labelsCompareIsByteWise() {
        #expect(SortFunctions.compare(Labels(["a": "x"]), Labels(["a": "x", "b": "y"])) < 0)
        #expect(SortFunctions.compare(Labels(["a": "Z"]), Labels(["a": "a"])) < 0)
        #expect(SortFunctions.compare(Labels(["b": "x"]), Labels(["a": "x"])) > 0)
        #expect(SortFunctions.compare(Labels(["a": "x"]), Labels(["a": "x"])) == 0)
    }
}
