import Foundation

/// The side-by-side part of `meshscope bench query`: the same dataset served by a
/// `meshscope serve` and by a Prometheus server (backfilled with promtool), the same
/// queries sent to both over HTTP, answers compared and latencies put in ratios.
struct PrometheusComparison {
    let directory: String
    let meshscopeData: String
    let datasetFile: String
    let queries: [(name: String, query: String)]
    let evaluationTime: Double
    let repetitions: Int

    func run() async throws {
        guard let promtool = PromtoolRun.locate(), let prometheus = PromtoolRun.locate("prometheus") else {
            print("prometheus/promtool not installed (apt-get install prometheus): side-by-side comparison skipped")
            return
        }
        let promData = (directory as NSString).appendingPathComponent("prometheus-data")
        if !FileManager.default.fileExists(atPath: promData) {
            print("backfilling the same file with promtool...")
            _ = try PromtoolRun.createBlocks(promtool: promtool, file: datasetFile, output: promData)
        }
        let config = (directory as NSString).appendingPathComponent("prometheus.yml")
        try "scrape_configs: []\n".write(toFile: config, atomically: true, encoding: .utf8)
        let promPort = ChildServer.freePort()
        let ourPort = ChildServer.freePort()
        let theirs = try await ChildServer.start(
            name: "prometheus", executable: prometheus,
            arguments: ["--config.file=\(config)", "--storage.tsdb.path=\(promData)", "--storage.tsdb.retention.time=100y",
                        "--web.listen-address=127.0.0.1:\(promPort)"],
            port: promPort, readyPath: "/-/ready", logPath: (directory as NSString).appendingPathComponent("prometheus.log"))
        defer { theirs.stop() }
        let ours = try await ChildServer.start(
            name: "meshscope", executable: Self.ownExecutable,
            arguments: ["serve", "--data-dir", meshscopeData, "--listen", "127.0.0.1:\(ourPort)", "--retention", "100y",
                        "--log-level", "warning", "--zipkin-listen", "off"],
            port: ourPort, readyPath: "/-/ready", logPath: (directory as NSString).appendingPathComponent("meshscope.log"))
        defer { ours.stop() }
        print("side by side over HTTP: MeshScope \(ours.baseURL) vs Prometheus \(theirs.baseURL); instant at \(evaluationTime), "
            + "range over the hour before it at 15 s (times 7 s off the sample grid); median of \(repetitions)")
        var ratios: [Double] = []
        var disagreements = 0
        for (name, query) in queries {
            for range in [nil, (start: evaluationTime - 3600, end: evaluationTime, step: 15.0)] {
                let instant: Double? = range == nil ? evaluationTime : nil
                let ourRun = try await timed(ours.baseURL, query, instant, range)
                let theirRun = try await timed(theirs.baseURL, query, instant, range)
                let ratio = ourRun.seconds / theirRun.seconds
                ratios.append(ratio)
                let difference = PromQLHTTPQuery.difference(ourRun.answer, theirRun.answer)
                if difference != nil { disagreements += 1 }
                print(String(format: "  %@ %@: MeshScope %.1f ms, Prometheus %.1f ms, ratio %.2f, answers %@",
                             name, range == nil ? "instant" : "range", ourRun.seconds * 1000, theirRun.seconds * 1000,
                             ratio, difference.map { "DIFFER: \($0)" } ?? "agree (\(ourRun.answer.count) series)"))
            }
        }
        let geometricMean = exp(ratios.map { log($0) }.reduce(0, +) / Double(ratios.count))
        print(String(format: "geometric mean of MeshScope/Prometheus latency ratios: %.2f (max %.2f); answers agree on %d of %d",
                     geometricMean, ratios.max() ?? 0, ratios.count - disagreements, ratios.count))
    }

    /// Median time of `repetitions` runs after one warm-up, and the last answer.
    private func timed(_ base: String, _ query: String, _ instant: Double?, _ range: (start: Double, end: Double, step: Double)?)
        async throws -> (seconds: Double, answer: PromQLHTTPQuery.Answer) {
        _ = try await PromQLHTTPQuery.run(baseURL: base, query: query, instantAt: instant, range: range)
        var times: [Double] = []
        var answer: PromQLHTTPQuery.Answer = [:]
        for _ in 0..<max(1, repetitions) {
            let run = try await PromQLHTTPQuery.run(baseURL: base, query: query, instantAt: instant, range: range)
            times.append(run.seconds)
            answer = run.answer
        }
        return (times.sorted()[times.count / 2], answer)
    }

    static var ownExecutable: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }
}
