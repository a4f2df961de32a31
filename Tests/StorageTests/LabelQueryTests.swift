import MeshMetrics
import Storage
import Testing

/// Series, label names and label values restricted by `match[]` selectors and a time
/// range (the HTTP API's `/series`, `/labels`, `/label/NAME/values`), and the budgeted
/// `select` the query API reads through.
@Suite("Label queries with selectors and time ranges")
struct LabelQueryTests {
    static let old = Labels(name: "old", ["job": "a"])
    static let new = Labels(name: "new", ["job": "b", "env": "prod"])
    static let both = Labels(name: "both", ["job": "a"])
    static let unbounded = (Int64.min, Int64.max)

    /// `old` in the first hour, `new` in hour 10, `both` one sample in each.
    private func populated(_ directory: String) async throws -> MetricsStore {
        let store = try MetricsStore(directory: directory)
        _ = try await store.append(batch(Self.old, regularSamples(from: baseTime, step: minute, count: 60)))
        _ = try await store.append(batch(Self.new, regularSamples(from: baseTime + 10 * hour, step: minute, count: 60)))
        _ = try await store.append(batch(Self.both, baseTime, 1))
        _ = try await store.append(batch(Self.both, baseTime + 10 * hour, 2))
        return store
    }

    @Test func seriesByTimeRangeAndSelectors() async throws {
        try await withTemporaryDirectory { directory in
            let reader = try await populated(directory).reader
            let (min, max) = Self.unbounded
            #expect(try reader.series(matching: [], from: baseTime + 10 * hour, through: baseTime + 10 * hour + 30 * minute)
                == [Self.both, Self.new].sorted())
            #expect(try reader.series(matching: [[matcher("job", .equal, "a")]], from: min, through: max)
                == [Self.both, Self.old].sorted())
            // Between the two chunks of `both`: nothing.
            #expect(try reader.series(matching: [[matcher("job", .equal, "a")]], from: baseTime + 5 * hour,
                                      through: baseTime + 6 * hour).isEmpty)
            // Several selectors: the union.
            #expect(try reader.series(matching: [named("old"), named("new")], from: min, through: max)
                == [Self.new, Self.old].sorted())
            // Bounds are inclusive: a range ending on the first sample, or starting on the last.
            #expect(try reader.series(matching: [named("new")], from: 0, through: baseTime + 10 * hour) == [Self.new])
            #expect(try reader.series(matching: [named("old")], from: baseTime + 59 * minute, through: .max) == [Self.old])
            #expect(try reader.series(matching: [named("old")], from: baseTime + 59 * minute + 1, through: .max).isEmpty)
        }
    }

    @Test func labelNamesAndValues() async throws {
        try await withTemporaryDirectory { directory in
            let reader = try await populated(directory).reader
            let (min, max) = Self.unbounded
            let firstHour = (baseTime, baseTime + hour)
            let tenthHour = (baseTime + 10 * hour, baseTime + 11 * hour)
            #expect(try reader.labelNames(matching: [], from: min, through: max) == ["__name__", "env", "job"])
            #expect(try reader.labelNames(matching: [], from: firstHour.0, through: firstHour.1) == ["__name__", "job"])
            #expect(try reader.labelNames(matching: [], from: tenthHour.0, through: tenthHour.1) == ["__name__", "env", "job"])
            #expect(try reader.labelNames(matching: [named("old")], from: min, through: max) == ["__name__", "job"])
            #expect(try reader.labelNames(matching: [named("old")], from: tenthHour.0, through: tenthHour.1).isEmpty)

            #expect(try reader.labelValues("job", matching: [], from: min, through: max) == ["a", "b"])
            #expect(try reader.labelValues("job", matching: [], from: firstHour.0, through: firstHour.1) == ["a"])
            #expect(try reader.labelValues("__name__", matching: [], from: tenthHour.0, through: tenthHour.1) == ["both", "new"])
            #expect(try reader.labelValues("job", matching: [[matcher("env", .equal, "prod")]], from: min, through: max) == ["b"])
            #expect(try reader.labelValues("job", matching: [named("both")], from: tenthHour.0, through: tenthHour.1) == ["a"])
            #expect(try reader.labelValues("missing", matching: [], from: firstHour.0, through: firstHour.1).isEmpty)
        }
    }

    @Test func budgetedSelectReportsEachSeriesAndStopsWhenTold() async throws {
        struct Stop: Error {}
        try await withTemporaryDirectory { directory in
            let reader = try await populated(directory).reader
            var reports: [Int] = []
            let all = try reader.select(allSeriesMatcher(), from: .min, through: .max) { reports.append($0) }
            #expect(reports.first == 0 && reports.count == 4, "one report before reading, then one per series: \(reports)")
            #expect(reports.reduce(0, +) == 122 && all.reduce(0) { $0 + $1.samples.count } == 122)
            #expect(all == (try reader.select(allSeriesMatcher(), from: .min, through: .max)))

            // Throwing from the report stops the read: no further series are decoded.
            var decoded = 0
            #expect(throws: Stop.self) {
                _ = try reader.select(allSeriesMatcher(), from: .min, through: .max) { samples in
                    decoded += samples
                    if decoded > 10 { throw Stop() }
                }
            }
            #expect(decoded < 122, "stopped after \(decoded) samples")
        }
    }
}
