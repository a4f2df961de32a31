import MeshMetrics
import PromQLTestScript

/// The error fakes throw; prints as the message, which is what `expect fail msg:` sees.
struct FakeQueryError: Error, CustomStringConvertible {
    var description: String
}

/// A dictionary-backed engine that answers only bare selectors with equality matchers
/// (`metric`, `metric{l="v"}`, `{__name__="m"}`) with Prometheus' instant-vector rules:
/// the latest sample in (t-5m, t], none if that sample is a stale marker. Enough to
/// drive the runner through real script data.
struct DictionaryEngine: ConformanceEngine {
    static let lookback: Int64 = 300_000

    var series: [Labels: [Sample]] = [:]
    var clears = 0
    var loads = 0

    mutating func clear() async throws {
        series = [:]
        clears += 1
    }

    mutating func load(_ batch: [(labels: Labels, samples: [Sample])]) async throws {
        loads += 1
        for (labels, samples) in batch {
            series[labels, default: []].append(contentsOf: samples)
            series[labels]?.sort { $0.timestamp < $1.timestamp }
        }
    }

    func instantQuery(_ query: String, at milliseconds: Int64) async throws -> QueryOutcome {
        .vector(try evaluate(query, at: milliseconds))
    }

    func rangeQuery(_ query: String, start: Int64, end: Int64, step: Int64) async throws -> QueryOutcome {
        var points: [Labels: [Sample]] = [:]
        var time = start
        while time <= end {
            for (labels, sample) in try evaluate(query, at: time) { points[labels, default: []].append(sample) }
            time += step
        }
        return .matrix(points.keys.sorted().map { ($0, points[$0]!) })
    }

    private func evaluate(_ query: String, at time: Int64) throws -> [(labels: Labels, sample: Sample)] {
        // A selector reads like a series line without values: reuse that parser.
        guard let selector = try? SeriesDescription.parse(query), selector.values.isEmpty else {
            throw FakeQueryError(description: "unsupported query \"\(query)\"")
        }
        var result: [(labels: Labels, sample: Sample)] = []
        for (labels, samples) in series where selector.labels.pairs.allSatisfy({ labels[$0.name] == $0.value }) {
            guard let latest = samples.last(where: { $0.timestamp <= time && $0.timestamp > time - Self.lookback }),
                  !latest.value.isStaleMarker else { continue }
            result.append((labels, Sample(timestamp: time, value: latest.value)))
        }
        return result.sorted { $0.labels < $1.labels }
    }
}

/// Canned answers by query text (`range:` prefixed for range queries); records calls.
struct StubEngine: ConformanceEngine {
    enum Answer {
        case outcome(QueryOutcome)
        case failure(String)
    }

    var instant: [String: Answer] = [:]
    var range: [String: Answer] = [:]
    var calls = 0

    mutating func clear() async throws { calls += 1 }

    mutating func load(_ series: [(labels: Labels, samples: [Sample])]) async throws { calls += 1 }

    func instantQuery(_ query: String, at milliseconds: Int64) async throws -> QueryOutcome {
        try answer(instant[query], query)
    }

    func rangeQuery(_ query: String, start: Int64, end: Int64, step: Int64) async throws -> QueryOutcome {
        try answer(range[query], query)
    }

    private func answer(_ answer: Answer?, _ query: String) throws -> QueryOutcome {
        switch answer {
        case .outcome(let outcome)?: return outcome
        case .failure(let message)?: throw FakeQueryError(description: message)
        case nil: throw FakeQueryError(description: "no canned answer for \"\(query)\"")
        }
    }
}
