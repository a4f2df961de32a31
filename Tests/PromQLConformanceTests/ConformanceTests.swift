import Foundation
import PromQLTestScript
import Testing

/// Prometheus' own PromQL test scripts against the engine, over both stores.
@Suite(.serialized) struct ConformanceTests {
    static let scriptDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/promql")
    static let knownFailuresFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("known-failures.txt")

    static func scripts() throws -> [TestScript] {
        try ScopeFilter.defaultInScopeFiles.sorted().map { name in
            let text = try String(contentsOf: scriptDirectory.appendingPathComponent(name), encoding: .utf8)
            return try TestScript.parse(text, file: name)
        }
    }

    static func run(_ engine: inout some ConformanceEngine, label: String) async throws -> ConformanceVerdict {
        var reports: [FileReport] = []
        for script in try scripts() {
            reports.append(await ConformanceRunner.run(script: script, engine: &engine))
        }
        let summary = Summary(reports)
        print("PromQL conformance (\(label) store):\n\(summary.description)")
        print(summary.failureListing)
        let known = try KnownFailures.parse(String(contentsOf: knownFailuresFile, encoding: .utf8))
        return summary.check(against: known)
    }

    @Test func inMemoryStore() async throws {
        var engine = InMemoryEngine()
        let verdict = try await Self.run(&engine, label: "in-memory")
        #expect(verdict.unexpectedFailures.isEmpty, "\(verdict)")
        #expect(verdict.isAcceptable(minimumPassRate: 0.95), "\(verdict)")
    }

    @Test func sqliteStore() async throws {
        var engine = try SQLiteEngine()
        defer { engine.remove() }
        let verdict = try await Self.run(&engine, label: "SQLite")
        #expect(verdict.unexpectedFailures.isEmpty, "\(verdict)")
        #expect(verdict.isAcceptable(minimumPassRate: 0.95), "\(verdict)")
    }
}
