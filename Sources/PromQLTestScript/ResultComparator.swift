import MeshMetrics

/// Compares an engine's answer with an eval's expectations as promqltest does: result
/// type, label sets, values within a relative epsilon of 1e-6 (NaN equals NaN), point
/// timestamps for matrices, order only for `expect ordered`. Each check returns nil
/// on success or a short "expected ..., got ..." reason.
public struct ResultComparator: Sendable {
    /// promqltest's `defaultEpsilon`.
    public static let epsilon = 1e-6

    public let eval: EvalCommand

    public init(eval: EvalCommand) {
        self.eval = eval
    }

    /// Checks a successful result. `grid` places expected matrix points; it defaults
    /// to the eval's own (the range, or the `expect range vector` line).
    public func mismatch(in result: QueryOutcome.Result, grid: EvalCommand.Grid? = nil) -> String? {
        switch result {
        case .scalar(let sample):
            guard let expected = eval.expectedScalar else {
                return "expected vector or matrix result, but got scalar \(format(sample.value))"
            }
            if sample.value.isStaleMarker { return "scalar result is a stale marker" }
            return Self.almostEqual(expected, sample.value) ? nil
                : "expected scalar \(format(expected)) but got \(format(sample.value))"
        case .string(let value):
            let expected = eval.expectedString ?? ""
            return expected == value ? nil : "expected string \"\(expected)\" but got \"\(value)\""
        case .vector(let samples):
            return vectorMismatch(samples)
        case .matrix(let series):
            return matrixMismatch(series, grid: grid ?? eval.resultGrid)
        }
    }

    /// Checks the error of a query that was expected to fail.
    public func failureMismatch(errorMessage: String) -> String? {
        guard let matcher = eval.expectations.fail.first(where: { !$0.matches(errorMessage) }) else { return nil }
        return "expected error matching \(matcher), but got: \(errorMessage)"
    }

    /// Checks annotations against `expect warn|info|no_warn|no_info` and `eval_warn|info`.
    /// Without such lines, annotations are not checked (as in promqltest).
    public func annotationMismatch(warnings: [String], infos: [String]) -> String? {
        let expectations = eval.expectations
        if expectations.requiresWarning && warnings.isEmpty { return "expected warnings but got none" }
        if expectations.requiresInfo && infos.isEmpty { return "expected info annotations but got none" }
        if let problem = Self.annotationMismatch("warn", expected: expectations.warnings, actual: warnings) { return problem }
        if let problem = Self.annotationMismatch("info", expected: expectations.infos, actual: infos) { return problem }
        if expectations.noWarnings && !warnings.isEmpty { return "unexpected warning annotations: \(warnings)" }
        if expectations.noInfos && !infos.isEmpty { return "unexpected info annotations: \(infos)" }
        return nil
    }

    /// Matrices come sorted by labels from Prometheus (byte order, as `labels.Compare`).
    public static func sortMismatch(_ series: [(labels: Labels, samples: [Sample])]) -> String? {
        for index in series.indices.dropLast() where labelsPrecede(series[index + 1].labels, series[index].labels) {
            return "matrix results should always be sorted by labels, but \(series[index + 1].labels) comes after \(series[index].labels)"
        }
        return nil
    }

    /// Go's `almost.Equal`: equal, both NaN, or relatively within `epsilon`; near zero
    /// the difference is compared with epsilon × the smallest normal double instead.
    public static func almostEqual(_ a: Double, _ b: Double, epsilon: Double = ResultComparator.epsilon) -> Bool {
        if a.isNaN && b.isNaN { return true }
        if a == b { return true }
        let minNormal = Double.leastNormalMagnitude
        let absSum = abs(a) + abs(b)
        let diff = abs(a - b)
        if a == 0 || b == 0 || absSum < minNormal { return diff < epsilon * minNormal }
        return diff / min(absSum, Double.greatestFiniteMagnitude) < epsilon
    }

    // MARK: Vectors and matrices

    private func vectorMismatch(_ samples: [(labels: Labels, sample: Sample)]) -> String? {
        if eval.expectedScalar != nil { return "expected scalar result, but got vector \(describe(samples))" }
        let expected = expectedByLabels()
        var seen = Set<Labels>()
        for (position, entry) in samples.enumerated() {
            guard seen.insert(entry.labels).inserted else { return "vector contains \(entry.labels) twice" }
            guard let (index, series) = expected[entry.labels] else {
                return "unexpected metric \(entry.labels) in result, has value \(format(entry.sample.value))"
            }
            if eval.expectations.ordered && index != position {
                return "expected metric \(entry.labels) at position \(index + 1) but was at \(position + 1)"
            }
            if entry.sample.value.isStaleMarker { return "result for \(entry.labels) is a stale marker" }
            let want: Double
            switch series.values.first {
            case .float(let value)?: want = value
            // promqltest reads an omitted or missing value as 0.
            case .omitted?, nil: want = 0
            case .histogram(let text)?: return "expected histogram \(text) for \(entry.labels) but got float \(format(entry.sample.value))"
            }
            if !Self.almostEqual(want, entry.sample.value) {
                return "expected \(format(want)) for \(entry.labels) but got \(format(entry.sample.value))"
            }
        }
        if let missing = eval.expectedSeries.first(where: { !seen.contains($0.labels) }) {
            return "expected metric \(missing.labels) with \(missing.values) not found"
        }
        return nil
    }

    private func matrixMismatch(_ result: [(labels: Labels, samples: [Sample])], grid: EvalCommand.Grid) -> String? {
        if eval.expectations.ordered { return "expected ordered result, but query returned a matrix" }
        if eval.expectedScalar != nil { return "expected scalar result, but got matrix" }
        if let unsorted = Self.sortMismatch(result) { return unsorted }
        let expected = expectedByLabels()
        var seen = Set<Labels>()
        for (labels, samples) in result {
            guard seen.insert(labels).inserted else { return "matrix contains \(labels) twice" }
            guard let (_, series) = expected[labels] else {
                return "unexpected metric \(labels) in result, has \(describe(samples))"
            }
            var want: [Sample] = []
            for (index, value) in series.values.enumerated() {
                let time = grid.start &+ Int64(index) &* grid.step
                if time > grid.end {
                    return "expected \(series.values.count) points for \(labels), but query time range cannot return this many points"
                }
                switch value {
                case .float(let number): want.append(Sample(timestamp: time, value: number))
                case .omitted: continue
                case .histogram(let text): return "expected histogram \(text) for \(labels) at t=\(time), histograms are not compared"
                }
            }
            guard want.count == samples.count else {
                return "expected \(want.count) float points for \(labels), but got \(describe(samples))"
            }
            for (index, (expectedPoint, actual)) in zip(want, samples).enumerated() {
                if expectedPoint.timestamp != actual.timestamp {
                    return "expected point \(index) for \(labels) at t=\(expectedPoint.timestamp), but it was at t=\(actual.timestamp) (result has \(describe(samples)))"
                }
                if actual.value.isStaleMarker { return "result for \(labels) has a stale marker at t=\(actual.timestamp)" }
                if !Self.almostEqual(expectedPoint.value, actual.value) {
                    return "expected \(format(expectedPoint.value)) at t=\(actual.timestamp) for \(labels), but got \(format(actual.value)) (result has \(describe(samples)))"
                }
            }
        }
        if let missing = eval.expectedSeries.first(where: { !seen.contains($0.labels) }) {
            return "expected metric \(missing.labels) not found"
        }
        return nil
    }

    // MARK: Helpers

    /// Expected series by label set, with their position among the expected lines.
    private func expectedByLabels() -> [Labels: (Int, SeriesDescription)] {
        var byLabels: [Labels: (Int, SeriesDescription)] = [:]
        for (index, series) in eval.expectedSeries.enumerated() { byLabels[series.labels] = (index, series) }
        return byLabels
    }

    private static func annotationMismatch(_ kind: String, expected: [MessageMatcher], actual: [String]) -> String? {
        guard !expected.isEmpty else { return nil }
        if actual.isEmpty { return "expected \(kind) annotations but none were found" }
        if let unmatched = expected.first(where: { matcher in !actual.contains(where: matcher.matches) }) {
            return "expected \(kind) annotation matching \(unmatched) but found \(actual)"
        }
        if let stray = actual.first(where: { message in !expected.contains(where: { $0.matches(message) }) }) {
            return "unexpected \(kind) annotation \"\(stray)\""
        }
        return nil
    }

    /// Byte-wise label order, as Prometheus' `labels.Compare`.
    static func labelsPrecede(_ lhs: Labels, _ rhs: Labels) -> Bool {
        for (a, b) in zip(lhs.pairs, rhs.pairs) {
            if a.name != b.name { return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
            if a.value != b.value { return a.value.utf8.lexicographicallyPrecedes(b.value.utf8) }
        }
        return lhs.pairs.count < rhs.pairs.count
    }

    private func format(_ value: Double) -> String {
        value.isStaleMarker ? "stale" : GoFloatFormat.string(value)
    }

    private func describe(_ samples: [(labels: Labels, sample: Sample)]) -> String {
        "[" + samples.map { "\($0.labels) => \(format($0.sample.value))" }.joined(separator: ", ") + "]"
    }

    private func describe(_ samples: [Sample]) -> String {
        "\(samples.count) point\(samples.count == 1 ? "" : "s") [" + samples.map { "\(format($0.value)) @\($0.timestamp)" }.joined(separator: " ") + "]"
    }
}
