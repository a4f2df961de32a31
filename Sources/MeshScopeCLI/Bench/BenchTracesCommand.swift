import ArgumentParser
import Foundation
import MeshMetrics
import NIOCore

/// `meshscope bench traces`: Zipkin ingest over HTTP (JSON v2, then proto3) into a child
/// `meshscope serve`, then trace-by-ID and search latency on what was stored.
struct BenchTracesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "traces",
        abstract: "POST generated Istio spans over HTTP (JSON and proto3); time trace-by-ID and search.",
        discussion: """
            Generates an Istio-like mesh's spans deterministically (10 services, traces of about 8 client/server \
            spans, 128-bit ids, start times over the last hour) and encodes them in batches before timing. Starts \
            `meshscope serve` on a fresh data directory on 127.0.0.1, sends half the spans as JSON v2 and half as \
            proto3 with concurrent clients (each waits for its 202 before the next batch), prints spans/s per \
            format, then times GET /api/v2/trace/{id} for random known ids and GET /api/v2/traces for a \
            serviceName + minDuration search. Goals: >= 100,000 spans/s ingest, trace-by-ID p99 < 5 ms.
            """)

    @Option(help: "Spans to send in all, half as JSON and half as proto3 (the read phase wants >= 1,000,000 stored).")
    var spans = 1_000_000

    @Option(help: "Spans per POST.")
    var batchSize = 100

    @Option(help: "Concurrent ingest clients.")
    var clients = 4

    @Option(help: "Trace-by-ID lookups to time (random known ids).")
    var lookups = 2_000

    @Option(help: "Search queries to time (serviceName + minDuration, limit 10).")
    var searches = 100

    @Option(help: "Working directory (default: a new temporary directory, removed afterwards).")
    var workDir: String?

    func validate() throws {
        guard spans >= 2 * batchSize, batchSize > 0 else { throw ValidationError("--spans must be at least 2 x --batch-size") }
        guard clients > 0, clients <= 256 else { throw ValidationError("--clients must be 1...256") }
        guard lookups > 0, searches > 0 else { throw ValidationError("--lookups and --searches must be positive") }
    }

    func run() async throws {
        let directory = workDir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("meshscope-tbench-\(getpid())")
        let dataDir = (directory as NSString).appendingPathComponent("data")
        if FileManager.default.fileExists(atPath: dataDir) {
            throw CommandFailure("\(dataDir) already exists; the benchmark needs a fresh data directory")
        }
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        defer { if workDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        print("machine: \(MachineInfo.summary)")

        // Everything is generated and encoded before the server starts.
        let totalBatches = spans / batchSize
        let jsonBatches = totalBatches / 2
        let protoBatches = totalBatches - jsonBatches
        let nowMicros = Int64(Date().timeIntervalSince1970 * 1_000_000)
        let generateBar = ProgressBar(label: "generate")
        let encoded = try EncodedBatches.generate(jsonBatches: jsonBatches, protoBatches: protoBatches, batchSize: batchSize,
                                                  nowMicros: nowMicros) { generateBar.update(fraction: $0, detail: "") }
        generateBar.finish()
        let jsonSpans = jsonBatches * batchSize, protoSpans = protoBatches * batchSize
        print("dataset: \(encoded.spanCount) spans in \(encoded.traceIds.count) complete traces, "
            + "\(SpanDataset.services.count) services, \(totalBatches) batches of \(batchSize); "
            + String(format: "JSON %.0f B/span, proto3 %.0f B/span",
                     Double(encoded.jsonBytes) / Double(max(1, jsonSpans)), Double(encoded.protoBytes) / Double(max(1, protoSpans))))
        let jsonBodies = encoded.json.map { ByteBuffer(bytes: $0) }
        let protoBodies = encoded.proto.map { ByteBuffer(bytes: $0) }
        let traceIds = encoded.traceIds

        let port = ChildServer.freePort()
        let server = try await ChildServer.start(
            name: "meshscope", executable: PrometheusComparison.ownExecutable,
            arguments: ["serve", "--data-dir", dataDir, "--listen", "127.0.0.1:\(port)", "--log-level", "warning",
                        "--zipkin-listen", "off"],
            port: port, readyPath: "/-/ready", logPath: (directory as NSString).appendingPathComponent("meshscope.log"))
        defer { server.stop() }
        let load = HTTPLoad(baseURL: server.baseURL, connections: clients)
        do {
            try await measure(load: load, jsonBodies: jsonBodies, protoBodies: protoBodies, traceIds: traceIds,
                              totalSpans: encoded.spanCount, dataDir: dataDir)
        } catch {
            await load.shutdown()
            throw error
        }
        await load.shutdown()
    }

    private func measure(load: HTTPLoad, jsonBodies: [ByteBuffer], protoBodies: [ByteBuffer], traceIds: [String],
                         totalSpans: Int, dataDir: String) async throws {
        print("ingest: POST /api/v2/spans to \(load.baseURL), \(clients) concurrent clients, \(batchSize) spans per request, "
            + "each client waits for its 202 (sent after commit)")
        var ingestSeconds = 0.0
        for (format, bodies, contentType) in [("JSON v2", jsonBodies, "application/json"),
                                              ("proto3", protoBodies, "application/x-protobuf")] {
            let count = bodies.count
            let batch = batchSize
            let bar = SendableProgress(ProgressBar(label: "ingest \(format)"))
            let seconds = try await load.post(bodies, contentType: contentType, clients: clients) { sent in
                bar.update(fraction: Double(sent) / Double(max(1, count)), detail: "\(sent * batch) spans")
            }
            bar.finish()
            let spanCount = count * batchSize
            ingestSeconds += seconds
            print("ingest \(format): \(spanCount) spans in \(Format.seconds(seconds)), "
                + "\(Format.rate(Double(spanCount) / seconds)) spans/s, \(Format.rate(Double(count) / seconds)) requests/s")
        }
        print("ingest overall: \(totalSpans) spans in \(Format.seconds(ingestSeconds)), \(Format.rate(Double(totalSpans) / ingestSeconds)) spans/s "
            + "(goal >= 100000); data directory \(Format.bytes(Format.directorySize(dataDir)))")
        if totalSpans < 1_000_000 {
            print("note: only \(totalSpans) spans stored; the benchmark's read figures are defined with >= 1,000,000")
        }

        // Trace by ID: random known ids, one client, after a warm-up.
        var rng = SplitMix64(seed: 0x7_2ACE_1D)
        let warmUp = min(100, lookups)
        for _ in 0..<warmUp {
            _ = try await load.get("/api/v2/trace/\(traceIds[Int(rng.next() % UInt64(traceIds.count))])")
        }
        var timings: [Double] = []
        timings.reserveCapacity(lookups)
        var nonEmpty = 0
        let lookupBar = ProgressBar(label: "trace by id")
        for i in 0..<lookups {
            let id = traceIds[Int(rng.next() % UInt64(traceIds.count))]
            let (seconds, body) = try await load.get("/api/v2/trace/\(id)")
            timings.append(seconds)
            nonEmpty += body.readableBytes > 2 ? 1 : 0
            if i % 50 == 0 { lookupBar.update(fraction: Double(i) / Double(lookups), detail: "") }
        }
        lookupBar.update(fraction: 1, detail: "")
        lookupBar.finish()
        let byID = LatencySummary(timings)
        print("trace by ID: \(lookups) random known ids (of \(traceIds.count)), one client: "
            + "p50 \(Format.latency(byID.percentile(50))), p99 \(Format.latency(byID.percentile(99))), max \(Format.latency(byID.percentile(100))) "
            + "(goal p99 < 5 ms); \(nonEmpty) answers non-empty")

        // Search: serviceName + minDuration over the default lookback (1 day, covering the hour of data).
        let minDurations: [Int64] = [20_000, 50_000, 100_000]
        var queries: [String] = []
        for i in 0..<searches {
            let service = SpanDataset.services[i % SpanDataset.services.count].name
            let minDuration = minDurations[(i / SpanDataset.services.count) % minDurations.count]
            queries.append("/api/v2/traces?serviceName=\(service)&minDuration=\(minDuration)&limit=10")
        }
        for query in queries.prefix(min(5, queries.count)) { _ = try await load.get(query) }
        timings = []
        var tracesReturned = 0
        let searchBar = ProgressBar(label: "search")
        for (i, query) in queries.enumerated() {
            let (seconds, body) = try await load.get(query)
            timings.append(seconds)
            tracesReturned += Self.traceCount(body)
            searchBar.update(fraction: Double(i + 1) / Double(queries.count), detail: "")
        }
        searchBar.finish()
        let search = LatencySummary(timings)
        print("search serviceName + minDuration (20/50/100 ms), limit 10: \(searches) queries over \(SpanDataset.services.count) services: "
            + "p50 \(Format.latency(search.percentile(50))), p99 \(Format.latency(search.percentile(99))), max \(Format.latency(search.percentile(100))); "
            + String(format: "%.1f traces per answer", Double(tracesReturned) / Double(searches)))

        // Dependencies over the whole dataset, with the Zipkin UI's default lookback (a day).
        let endTs = Int64(Date().timeIntervalSince1970 * 1000) + 60_000
        let dependencies = "/api/v2/dependencies?endTs=\(endTs)&lookback=86400000"
        let (first, body) = try await load.get(dependencies)
        var again: [Double] = []
        for _ in 0..<5 { again.append(try await load.get(dependencies).0) }
        let links = String(buffer: body).components(separatedBy: "\"parent\"").count - 1
        print("dependencies over every stored span (lookback 1 d): first answer \(Format.latency(first)), "
            + "the next 5 p50 \(Format.latency(LatencySummary(again).percentile(50))); \(links) links")
    }

    /// Traces in a `/api/v2/traces` answer (`[[...],[...]]`): top-level array elements.
    private static func traceCount(_ body: ByteBuffer) -> Int {
        var depth = 0, count = 0, inString = false, escaped = false
        for byte in body.readableBytesView {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["):
                depth += 1
                if depth == 2 { count += 1 }
            case UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return count
    }
}

/// A progress bar driven from the load generator's reporter task (one caller at a time).
final class SendableProgress: @unchecked Sendable {
    private let bar: ProgressBar
    init(_ bar: ProgressBar) { self.bar = bar }
    func update(fraction: Double, detail: String) { bar.update(fraction: fraction, detail: detail) }
    func finish() { bar.finish() }
}
