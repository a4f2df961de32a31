import Foundation

/// Prints `bench proxy`'s tables: latency per target, latency added over direct, the
/// proxy/nginx ratios, throughput and CPU, and the goals.
struct ProxyBenchReport {
    let direct: ProxyBenchTarget
    let proxy: ProxyBenchTarget
    let nginx: ProxyBenchTarget?

    static let percentiles: [Double] = [50, 90, 99]
    /// Issue 8's goals: added latency at most 2.5x nginx's (p50, p90), throughput at least 0.8x.
    static let latencyGoal = 2.5
    static let throughputGoal = 0.8

    private var targets: [ProxyBenchTarget] { [direct, proxy] + (nginx.map { [$0] } ?? []) }

    static func micros(_ seconds: Double) -> String { String(format: "%.0f µs", seconds * 1e6) }

    static func ratio(_ value: Double?) -> String { value.map { String(format: "%.2fx", $0) } ?? "n/a" }

    static func row(_ cells: [String], widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            index == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: max(0, pair.1 - pair.0.count)) + pair.0
        }.joined(separator: "  ")
    }

    func added(_ target: ProxyBenchTarget, _ p: Double) -> Double {
        target.summary.percentile(p) - direct.summary.percentile(p)
    }

    /// Proxy's added latency over nginx's; nil when nginx adds nothing measurable.
    func latencyRatio(_ p: Double) -> Double? {
        guard let nginx, added(nginx, p) > 1e-7 else { return nil }
        return added(proxy, p) / added(nginx, p)
    }

    var throughputRatio: Double? {
        guard let nginx, nginx.requestsPerSecond > 0 else { return nil }
        return proxy.requestsPerSecond / nginx.requestsPerSecond
    }

    func printLatency() {
        let widths = [18, 9, 9, 9, 9, 9, 8]
        print(Self.row(["target", "samples", "p50", "p90", "p99", "mean", "errors"], widths: widths))
        for target in targets {
            let s = target.summary
            print(Self.row([target.name, "\(target.latency.latencies.count)"] + Self.percentiles.map { Self.micros(s.percentile($0)) }
                + [Self.micros(s.mean), "\(target.latency.failures)"], widths: widths))
        }
        print("added over direct:")
        for target in [proxy] + (nginx.map { [$0] } ?? []) {
            print(Self.row(["  " + target.name, ""] + Self.percentiles.map { Self.micros(added(target, $0)) }, widths: widths))
        }
        if nginx != nil {
            print(Self.row(["  proxy/nginx", ""] + Self.percentiles.map { Self.ratio(latencyRatio($0)) }, widths: widths))
        }
    }

    func printThroughput() {
        let widths = [18, 11, 10, 8, 16, 16]
        print(Self.row(["target", "requests/s", "requests", "errors", "target CPU/1k", "bench CPU/1k"], widths: widths))
        for target in targets {
            let cpu = target.perThousand(target.targetCPU).map { String(format: "%.3f s", $0) } ?? "-"
            let bench = target.perThousand(target.benchCPU).map { String(format: "%.3f s", $0) } ?? "-"
            print(Self.row([target.name, String(format: "%.0f", target.requestsPerSecond), "\(target.throughput.completed)",
                            "\(target.throughput.failures)", cpu, bench], widths: widths))
        }
        if nginx != nil {
            print("  proxy/nginx throughput: \(Self.ratio(throughputRatio))")
        }
    }

    func printGoals() {
        guard nginx != nil else {
            print("goals: not judged (nginx not installed)")
            return
        }
        print("goals:")
        for p in [50.0, 90] {
            let value = latencyRatio(p)
            let met = value.map { $0 <= Self.latencyGoal } ?? false
            print("  added latency p\(Int(p)) <= \(Self.latencyGoal)x nginx's: \(Self.ratio(value)) \(met ? "met" : "NOT met")")
        }
        let met = throughputRatio.map { $0 >= Self.throughputGoal } ?? false
        print("  throughput >= \(Self.throughputGoal)x nginx's: \(Self.ratio(throughputRatio)) \(met ? "met" : "NOT met")")
    }
}
