import Foundation
import MeshMetrics
import PromQLTestScript

/// Where Prometheus' scripts live: `../shared/conformance/promql` beside the repo root,
/// which is three levels above this file (`Tests/PromQLTestScriptTests/<file>`).
enum ConformanceFixtures {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // PromQLTestScriptTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // repo root
        .deletingLastPathComponent() // its parent, which holds shared/
        .appendingPathComponent("shared/conformance/promql")

    static func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".test") }
            .sorted()
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func script(_ name: String) throws -> TestScript {
        try TestScript.parse(try text(name), file: name)
    }
}

/// Builds label sets tersely: `labels("metric", ["a": "b"])`.
func labels(_ name: String?, _ rest: [String: String] = [:]) -> Labels {
    guard let name else { return Labels(rest) }
    return Labels(name: name, rest)
}

/// Parses an inline script, named as an in-scope file unless told otherwise.
func script(_ text: String, file: String = "aggregators.test") throws -> TestScript {
    try TestScript.parse(text, file: file)
}

/// Bitwise comparison of sample lists (NaN and stale markers included).
func identical(_ lhs: [Sample], _ rhs: [Sample]) -> Bool {
    lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isIdentical(to: $1) }
}
