import Foundation
import MeshMetrics
import Storage
import Testing

// MARK: - The store under test

/// What the behaviour suites need from a metrics store. Every suite is written against
/// this protocol and runs once per `StoreFactory.all`, so another implementation (an
/// in-memory one, say) only needs a conformance and an entry in `StoreFactory.all`.
protocol MetricsStoreUnderTest: Sendable {
    func append(_ batch: AppendBatch) async throws -> AppendSummary
    func applyRetention(cutoff: Int64) async throws -> RetentionSummary
    func statistics() async -> StoreStatistics
    func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) async throws -> [StoredSeries]
    func latest(_ matchers: [LabelMatcher], at t: Int64, lookback: Int64) async throws -> [(labels: Labels, sample: Sample)]
    func series(_ matchers: [LabelMatcher]) async throws -> [Labels]
    func labelNames() async throws -> [String]
    func labelValues(_ name: String) async throws -> [String]
    /// Metadata as read back from storage (not the writer's in-memory copy).
    func storedMetadata() async throws -> [String: MetricMetadata]
    func exemplars(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) async throws -> [(labels: Labels, exemplars: [Exemplar])]
    /// "ok" when the store's own consistency check passes.
    func integrityCheck() async throws -> String
}

extension MetricsStore: MetricsStoreUnderTest {
    nonisolated func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) async throws -> [StoredSeries] {
        try reader.select(matchers, from: mint, through: maxt)
    }

    nonisolated func latest(_ matchers: [LabelMatcher], at t: Int64, lookback: Int64) async throws -> [(labels: Labels, sample: Sample)] {
        try reader.latest(matchers, at: t, lookback: lookback)
    }

    nonisolated func series(_ matchers: [LabelMatcher]) async throws -> [Labels] { try reader.series(matchers) }
    nonisolated func labelNames() async throws -> [String] { try reader.labelNames() }
    nonisolated func labelValues(_ name: String) async throws -> [String] { try reader.labelValues(name) }
    nonisolated func storedMetadata() async throws -> [String: MetricMetadata] { try reader.metadata() }

    nonisolated func exemplars(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) async throws -> [(labels: Labels, exemplars: [Exemplar])] {
        try reader.exemplars(matchers, from: mint, through: maxt)
    }

    nonisolated func integrityCheck() async throws -> String { try reader.integrityCheck() }
}

/// Opens the store kept at a location (a directory). Opening again on the same location
/// after the previous instance was released must find everything it committed.
struct StoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let open: @Sendable (_ directory: String) throws -> any MetricsStoreUnderTest

    var testDescription: String { name }

    static let sqlite = StoreFactory(name: "SQLite") { directory in
        try MetricsStore(directory: directory)
    }

    /// Every implementation the behaviour suites run against.
    static let all: [StoreFactory] = [.sqlite]
}

// MARK: - Temporary directories

/// Runs `body` with a fresh empty directory, removed afterwards whatever happens.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("meshscope-storage-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

// MARK: - Building data

/// 2023-11-14T22:13:20Z, a round timestamp well inside the normal range.
let baseTime: Int64 = 1_700_000_000_000
let second: Int64 = 1_000
let minute: Int64 = 60 * second
let hour: Int64 = 60 * minute

/// `count` samples `step` ms apart from `start`; the value of the i-th is `value(i)`.
func regularSamples(from start: Int64, step: Int64, count: Int, value: (Int) -> Double = { Double($0) }) -> [Sample] {
    (0 ..< count).map { Sample(timestamp: start + Int64($0) * step, value: value($0)) }
}

func batch(_ labels: Labels, _ samples: [Sample]) -> AppendBatch {
    AppendBatch(entries: samples.map { AppendBatch.Entry(labels: labels, sample: $0) })
}

func batch(_ labels: Labels, _ timestamp: Int64, _ value: Double, exemplar: Exemplar? = nil) -> AppendBatch {
    AppendBatch(entries: [AppendBatch.Entry(labels: labels, sample: Sample(timestamp: timestamp, value: value), exemplar: exemplar)])
}

/// Appends `samples` in commits of `size`, as successive scrapes would; returns the summed summary.
@discardableResult
func appendInBatches(_ store: any MetricsStoreUnderTest, _ labels: Labels, _ samples: [Sample], size: Int) async throws -> AppendSummary {
    var total = AppendSummary()
    for start in stride(from: 0, to: samples.count, by: size) {
        let summary = try await store.append(batch(labels, Array(samples[start ..< min(start + size, samples.count)])))
        total.appended += summary.appended
        total.duplicates += summary.duplicates
        total.conflicts += summary.conflicts
        total.outOfOrder += summary.outOfOrder
        total.newSeries += summary.newSeries
    }
    return total
}

func matcher(_ name: String, _ kind: LabelMatcher.Kind, _ value: String) throws -> LabelMatcher {
    try LabelMatcher(name, kind, value)
}

func named(_ name: String) throws -> [LabelMatcher] {
    [try LabelMatcher(Labels.metricName, .equal, name)]
}

/// Selects every stored series (a matcher every series passes through the index).
func allSeriesMatcher() throws -> [LabelMatcher] {
    [try LabelMatcher(Labels.metricName, .regex, ".+")]
}

// MARK: - Comparing samples bit for bit

/// A sample as timestamp and raw value bits, so NaN payloads compare exactly.
struct SampleBits: Hashable, CustomStringConvertible {
    var timestamp: Int64
    var bits: UInt64
    var description: String { "\(timestamp)=\(Double(bitPattern: bits))[\(String(bits, radix: 16))]" }
}

extension Sample {
    var bits: SampleBits { SampleBits(timestamp: timestamp, bits: value.bitPattern) }
}

func bits(_ samples: [Sample]) -> [SampleBits] { samples.map(\.bits) }

/// The samples `select` returned for the series with exactly `labels`.
func samples(of labels: Labels, in result: [StoredSeries]) -> [SampleBits]? {
    result.first { $0.labels == labels }.map { bits($0.samples) }
}

func expectIntact(_ store: any MetricsStoreUnderTest, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let result = try await store.integrityCheck()
    #expect(result == "ok", sourceLocation: sourceLocation)
}
