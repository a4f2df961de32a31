import ArgumentParser
import Foundation
import MeshMetrics
import NIOCore

/// `meshscope bench logs`: access-log ingest over HTTP (NDJSON batches) and from a followed
/// file into a child `meshscope serve`, then trace-id lookup and filtered search latency.
struct BenchLogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "POST generated Istio access logs as NDJSON, tail a log file; time trace-id lookups and searches.",
        discussion: """
            Generates Istio default-JSON access-log lines of a ten-service mesh deterministically (5% 5xx, a trace \
            id each, times over the last two hours) and encodes NDJSON batches before timing. Starts `meshscope \
            serve` on a fresh data directory on 127.0.0.1 with one `access_logs` file configured, POSTs the \
            batches with concurrent clients (each waits for its 202), then writes the file's lines and times how \
            long the collector takes to store them all. Then times GET /api/v1/logs?trace_id= for known ids and \
            GET /api/v1/logs?service=&status=5xx&start=<1h ago>. Goals: >= 200,000 records/s ingest, trace-id \
            lookup p99 < 5 ms, filtered search < 50 ms.
            """)

    @Option(help: "Records to POST over HTTP (the read phase wants >= 1,000,000 stored in all).")
    var records = 1_000_000

    @Option(help: "Records per POST.")
    var batchSize = 1000

    @Option(help: "Concurrent ingest clients.")
    var clients = 4

    @Option(help: "Records written to the followed access-log file.")
    var fileRecords = 200_000

    @Option(help: "Trace-id lookups to time.")
    var lookups = 1000

    @Option(help: "Filtered searches to time (service + 5xx + last hour).")
    var searches = 100

    @Option(help: "Working directory (default: a new temporary directory, removed afterwards).")
    var workDir: String?

    func validate() throws {
        guard records >= batchSize, batchSize > 0 else { throw ValidationError("--records must be at least --batch-size") }
        guard clients > 0, clients <= 256 else { throw ValidationError("--clients must be 1...256") }
        guard fileRecords >= 0, lookups > 0, searches > 0 else { throw ValidationError("counts must be positive") }
    }

    func run() async throws {
        let directory = workDir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("meshscope-lbench-\(getpid())")
        let dataDir = (directory as NSString).appendingPathComponent("data")
        if FileManager.default.fileExists(atPath: dataDir) {
            throw CommandFailure("\(dataDir) already exists; the benchmark needs a fresh data directory")
        }
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        defer { if workDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        print("machine: \(MachineInfo.summary)")

        let now = Int64(Date().timeIntervalSince1970)
        var dataset = LogDataset(total: records + fileRecords, nowSeconds: now)
        let generateBar = ProgressBar(label: "generate")
        var bodies: [(service: String, body: ByteBuffer)] = []
        var bytes = 0
        for b in 0..<(records / batchSize) {
            var text = ""
            var caller = ""
            for _ in 0..<batchSize {
                let (line, from) = dataset.nextLine()
                text += line
                text += "\n"
                caller = from
            }
            bytes += text.utf8.count
            bodies.append((caller, ByteBuffer(string: text)))
            if b % 50 == 0 { generateBar.update(fraction: Double(b) / Double(records / batchSize), detail: "") }
        }
        var fileText = ""
        for _ in 0..<fileRecords { fileText += dataset.nextLine().line + "\n" }
        generateBar.finish()
        let traceIds = dataset.sampleTraceIds
        print("dataset: \(bodies.count * batchSize) records in \(bodies.count) NDJSON batches of \(batchSize) "
            + String(format: "(%.0f B/record)", Double(bytes) / Double(max(1, bodies.count * batchSize)))
            + ", \(fileRecords) more for the followed file; times over the last 2 h")

        let logFile = (directory as NSString).appendingPathComponent("access.log")
        let configPath = (directory as NSString).appendingPathComponent("meshscope.yaml")
        try "access_logs:\n  - path: \(logFile)\n    service: tailed\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        let port = ChildServer.freePort()
        let server = try await ChildServer.start(
            name: "meshscope", executable: PrometheusComparison.ownExecutable,
            arguments: ["serve", "--data-dir", dataDir, "--listen", "127.0.0.1:\(port)", "--log-level", "warning",
                        "--zipkin-listen", "off", "--config", configPath],
            port: port, readyPath: "/-/ready", logPath: (directory as NSString).appendingPathComponent("meshscope.log"))
        defer { server.stop() }
        let load = HTTPLoad(baseURL: server.baseURL, connections: clients)
        do {
            try await measure(load: load, bodies: bodies, fileText: fileText, logFile: logFile, traceIds: traceIds,
                              now: now, dataDir: dataDir)
        } catch {
            await load.shutdown()
            throw error
        }
        await load.shutdown()
    }

    private func measure(load: HTTPLoad, bodies: [(service: String, body: ByteBuffer)], fileText: String, logFile: String,
                         traceIds: [String], now: Int64, dataDir: String) async throws {
        // HTTP ingest: each batch posted for its caller service.
        print("ingest: POST /api/v1/logs to \(load.baseURL), \(clients) concurrent clients, \(batchSize) records per request, "
            + "each client waits for its 202 (sent after commit)")
        let count = bodies.count
        let batch = batchSize
        let bar = SendableProgress(ProgressBar(label: "ingest HTTP"))
        var seconds = 0.0
        for service in LogDataset.services {
            let group = bodies.filter { $0.service == service }.map(\.body)
            if group.isEmpty { continue }
            seconds += try await load.post(group, to: "/api/v1/logs?service=\(service)", contentType: "application/x-ndjson",
                                           clients: clients) { _ in }
            bar.update(fraction: seconds > 0 ? 1 : 0, detail: "")
        }
        bar.finish()
        let httpRecords = count * batch
        print("ingest HTTP: \(httpRecords) records in \(Format.seconds(seconds)), \(Format.rate(Double(httpRecords) / seconds)) records/s "
            + "(goal >= 200000), \(Format.rate(Double(count) / seconds)) requests/s")

        // File: written at once, then timed until every line is stored.
        if fileRecords > 0 {
            let clock = ContinuousClock()
            let start = clock.now
            try fileText.write(toFile: logFile, atomically: false, encoding: .utf8)
            var stored = 0
            let fileBar = ProgressBar(label: "ingest file")
            while stored < fileRecords {
                try await Task.sleep(for: .milliseconds(100))
                stored = try await Self.total(load, "/api/v1/logs/stats?service=tailed")
                fileBar.update(fraction: Double(stored) / Double(fileRecords), detail: "\(stored) records")
                if clock.now - start > .seconds(600) { throw CommandFailure("the followed file was not stored within 10 minutes") }
            }
            fileBar.finish()
            let elapsed = (clock.now - start).seconds
            print("ingest file: \(fileRecords) records followed in \(Format.seconds(elapsed)), "
                + "\(Format.rate(Double(fileRecords) / elapsed)) records/s (write, tail, parse, commit with offset)")
        }
        let total = try await Self.total(load, "/api/v1/logs/stats")
        print("stored: \(total) records; data directory \(Format.bytes(Format.directorySize(dataDir)))")

        var rng = SplitMix64(seed: 0x1065_1D)
        for _ in 0..<min(50, lookups) { _ = try await load.get("/api/v1/logs?trace_id=\(traceIds[Int(rng.next() % UInt64(traceIds.count))])") }
        var timings: [Double] = []
        var found = 0
        for _ in 0..<lookups {
            let (seconds, body) = try await load.get("/api/v1/logs?trace_id=\(traceIds[Int(rng.next() % UInt64(traceIds.count))])")
            timings.append(seconds)
            if body.readableBytesView.count > 80 { found += 1 }
        }
        let byTrace = LatencySummary(timings)
        print("trace-id lookup: \(lookups) random known ids, one client: p50 \(Format.latency(byTrace.percentile(50))), "
            + "p99 \(Format.latency(byTrace.percentile(99))), max \(Format.latency(byTrace.percentile(100))) (goal p99 < 5 ms); \(found) found")

        timings = []
        let hourAgo = now - 3600
        for i in 0..<searches {
            let service = LogDataset.services[i % LogDataset.services.count]
            let (seconds, _) = try await load.get("/api/v1/logs?service=\(service)&status=5xx&start=\(hourAgo)&limit=100")
            timings.append(seconds)
        }
        let search = LatencySummary(timings)
        print("filtered search service + 5xx + last hour, limit 100: \(searches) queries over \(LogDataset.services.count) services: "
            + "p50 \(Format.latency(search.percentile(50))), p99 \(Format.latency(search.percentile(99))), max \(Format.latency(search.percentile(100))) "
            + "(goal < 50 ms)")
    }

    /// `data.total` of a stats answer.
    private static func total(_ load: HTTPLoad, _ path: String) async throws -> Int {
        let (_, body) = try await load.get(path)
        let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        return (json?["data"] as? [String: Any])?["total"] as? Int ?? 0
    }
}
