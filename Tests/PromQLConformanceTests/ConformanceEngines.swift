import Foundation
import MeshMetrics
import PromQL
import PromQLTestScript
import Storage
import StorageQuery

/// Runs script queries on `PromQLEngine` and converts results to the runner's shapes.
protocol EngineBacked: ConformanceEngine {
    func engine() -> PromQLEngine
}

extension EngineBacked {
    func instantQuery(_ query: String, at milliseconds: Int64) async throws -> QueryOutcome {
        let result = try await engine().instantQuery(query, at: milliseconds)
        return Self.outcome(result)
    }

    func rangeQuery(_ query: String, start: Int64, end: Int64, step: Int64) async throws -> QueryOutcome {
        let result = try await engine().rangeQuery(query, start: start, end: end, step: step)
        return Self.outcome(result)
    }

    static func outcome(_ result: QueryResult) -> QueryOutcome {
        let warnings = result.annotations.warnings, infos = result.annotations.infos
        switch result.value {
        case .scalar(let sample):
            return .scalar(sample, warnings: warnings, infos: infos)
        case .string(let text, _):
            return .string(text, warnings: warnings, infos: infos)
        case .vector(let elements):
            return .vector(elements.map { ($0.labels, Sample(timestamp: $0.timestamp, value: $0.value)) },
                           warnings: warnings, infos: infos)
        case .matrix(let series):
            return .matrix(series.sorted { $0.labels < $1.labels }.map { ($0.labels, $0.points) },
                           warnings: warnings, infos: infos)
        }
    }
}

/// The engine over the in-memory store.
struct InMemoryEngine: EngineBacked {
    var store = InMemoryQueryable()

    mutating func clear() async throws { store = InMemoryQueryable() }

    mutating func load(_ series: [(labels: Labels, samples: [Sample])]) async throws {
        for entry in series { store.add(entry.labels, entry.samples) }
    }

    func engine() -> PromQLEngine { PromQLEngine(queryable: store) }
}

/// The engine over a real SQLite metrics store in a temporary directory.
struct SQLiteEngine: EngineBacked {
    private var directory: String
    private var store: MetricsStore

    init() throws {
        directory = Self.freshDirectory()
        store = try MetricsStore(directory: directory)
    }

    mutating func clear() async throws {
        try? FileManager.default.removeItem(atPath: directory)
        directory = Self.freshDirectory()
        store = try MetricsStore(directory: directory)
    }

    mutating func load(_ series: [(labels: Labels, samples: [Sample])]) async throws {
        // One commit per point in time, as scrapes would write them: the store only
        // appends in time order per series.
        var batches: [Int64: AppendBatch] = [:]
        for entry in series {
            for sample in entry.samples { batches[sample.timestamp, default: AppendBatch()].append(entry.labels, sample) }
        }
        for time in batches.keys.sorted() {
            try await store.append(batches[time]!)
        }
    }

    func engine() -> PromQLEngine { PromQLEngine(queryable: SQLiteQueryable(reader: store.reader)) }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func freshDirectory() -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("meshscope-conformance-\(UUID().uuidString)")
    }
}
