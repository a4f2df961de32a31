import MeshMetrics
import Testing
@testable import PromQL

/// Expected values from conformance/promql/functions.test (label_replace, label_join).
@Suite struct FunctionsLabelTests {
    var testmetric: [VectorElement] {
        [element(["src": "source-value-10", "dst": "original-destination-value"], 0, name: "testmetric"),
         element(["src": "source-value-20", "dst": "original-destination-value"], 1, name: "testmetric")]
    }

    func dst(_ elements: [VectorElement]) -> [String?] { elements.map { $0.labels["dst"] } }

    @Test func labelReplaceIsAnchoredAndExpandsCaptures() throws {
        let full = try LabelFunctions.labelReplace(testmetric, destination: "dst", replacement: "destination-value-$1", source: "src", regex: "source-value-(.*)")
        #expect(dst(full) == ["destination-value-10", "destination-value-20"])
        let partial = try LabelFunctions.labelReplace(testmetric, destination: "dst", replacement: "destination-value-$1", source: "src", regex: "value-(.*)")
        #expect(dst(partial) == ["original-destination-value", "original-destination-value"])
        let two = try LabelFunctions.labelReplace(testmetric, destination: "dst", replacement: "$1-value-$2", source: "src", regex: "(.*)-value-(.*)")
        #expect(dst(two) == ["source-value-10", "source-value-20"])
        #expect(two.first?.labels == Labels(name: "testmetric", ["src": "source-value-10", "dst": "source-value-10"]))
    }

    @Test func labelReplaceMissingOrEmptySource() throws {
        let missing = try LabelFunctions.labelReplace(testmetric, destination: "dst", replacement: "value-$1", source: "nonexistent-src", regex: "source-value-(.*)")
        #expect(dst(missing) == ["original-destination-value", "original-destination-value"])
        let empty = try LabelFunctions.labelReplace(testmetric, destination: "dst", replacement: "value-$1", source: "nonexistent-src", regex: "(.*)")
        #expect(dst(empty) == ["value-", "value-"])
        let noMatch = try LabelFunctions.labelReplace(testmetric, destination: "dst", replacement: "value-$1", source: "src", regex: "non-matching-regex")
        #expect(dst(noMatch) == ["original-destination-value", "original-destination-value"])
        let dropped = try LabelFunctions.labelReplace(testmetric, destination: "dst", replacement: "", source: "dst", regex: ".*")
        #expect(dropped.map(\.labels) == [Labels(name: "testmetric", ["src": "source-value-10"]), Labels(name: "testmetric", ["src": "source-value-20"])])
    }

    @Test func labelReplaceErrors() {
        #expect(throws: FunctionError("invalid regular expression in label_replace(): (.*")) {
            try LabelFunctions.labelReplace(testmetric, destination: "dst", replacement: "value-$1", source: "src", regex: "(.*")
        }
        #expect(throws: FunctionError("invalid destination label name in label_replace(): \u{FFFD}")) {
            try LabelFunctions.labelReplace(testmetric, destination: "\u{FFFD}", replacement: "", source: "src", regex: "(.*)")
        }
        #expect(throws: FunctionError("invalid destination label name in label_replace(): ")) {
            try LabelReplacer(destination: "", replacement: "", source: "src", regex: ".*")
        }
    }

    @Test func labelReplaceDotMatchesNewlineAndNameDropping() throws {
        let element = VectorElement(labels: Labels(name: "m", ["src": "a\nb"]), timestamp: 0, value: 1, dropName: true)
        let replacer = try LabelReplacer(destination: "dst", replacement: "$1", source: "src", regex: "a.(b)")
        let out = replacer.apply(to: element)
        #expect(out.labels["dst"] == "b")
        #expect(out.dropName) // Another label leaves a pending name drop alone.
        let rename = try LabelReplacer(destination: "__name__", replacement: "renamed", source: "src", regex: ".*")
        let renamed = rename.apply(to: element)
        #expect(renamed.labels.metricName == "renamed" && !renamed.dropName)
        let series = rename.apply(to: MatrixSeries(labels: element.labels, points: [], dropName: true))
        #expect(series.labels.metricName == "renamed" && !series.dropName)
    }

    @Test func expandFollowsGoRegexpExpand() {
        let groups = ["whole", "one", nil, "three"]
        func expand(_ template: String) -> String {
            LabelFunctions.expand(template: template, group: { $0 < groups.count ? groups[$0] : nil },
                                  named: { $0 == "name" ? "NAMED" : nil })
        }
        #expect(expand("$1") == "one")
        #expect(expand("${1}x") == "onex")
        #expect(expand("$1x") == "") // The name is "1x", which is no group.
        #expect(expand("$1-x") == "one-x")
        #expect(expand("$2") == "") // Did not participate.
        #expect(expand("$9") == "")
        #expect(expand("$$1") == "$1")
        #expect(expand("$") == "$")
        #expect(expand("a$-b") == "a$-b")
        #expect(expand("${1") == "${1")
        #expect(expand("$name/${name}") == "NAMED/NAMED")
        #expect(expand("$01") == "") // Leading zero: a name, not a number.
        #expect(expand("$0") == "whole")
    }

    @Test func labelReplaceNamedGroups() throws {
        let out = try LabelFunctions.labelReplace(testmetric, destination: "dst", replacement: "v=${num}", source: "src", regex: "source-value-(?P<num>\\d+)")
        #expect(dst(out) == ["v=10", "v=20"])
    }

    var joinMetric: [VectorElement] {
        [element(["src": "a", "src1": "b", "src2": "c", "dst": "original-destination-value"], 0, name: "testmetric"),
         element(["src": "d", "src1": "e", "src2": "f", "dst": "original-destination-value"], 1, name: "testmetric")]
    }

    @Test func labelJoin() throws {
        let joined = try LabelFunctions.labelJoin(joinMetric, destination: "dst", separator: "-", sources: ["src", "src1", "src2"])
        #expect(dst(joined) == ["a-b-c", "d-e-f"])
        let withMissing = try LabelFunctions.labelJoin(joinMetric, destination: "dst", separator: "-", sources: ["src", "src3", "src1"])
        #expect(dst(withMissing) == ["a--b", "d--e"])
        let empty = try LabelFunctions.labelJoin(joinMetric, destination: "dst", separator: "", sources: ["emptysrc", "emptysrc1", "emptysrc2"])
        #expect(dst(empty) == [nil, nil])
        let noSources = try LabelFunctions.labelJoin(joinMetric, destination: "dst", separator: ", ", sources: [])
        #expect(dst(noSources) == [nil, nil])
        let created = LabelFunctions.labelJoin(Labels(["src": "foo", "src1": "bar", "src2": "foobar"]), destination: "dst", separator: ", ", sources: ["src", "src1", "src2"])
        #expect(created["dst"] == "foo, bar, foobar")
        #expect(throws: FunctionError("invalid source label name in label_join(): ")) {
            try LabelFunctions.labelJoin(joinMetric, destination: "dst", separator: "", sources: [""])
        }
        #expect(throws: FunctionError("invalid destination label name in label_join(): ")) {
            try LabelFunctions.labelJoin(joinMetric, destination: "", separator: "", sources: ["src"])
        }
    }
}
