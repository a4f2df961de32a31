import Foundation
import Testing

extension EndToEnd {
    /// The data directory on a 24 MiB tmpfs, filled up by another file while serve ingests
    /// spans, access logs and scrapes: each path refuses with a clear error (507 with
    /// Zipkin's plain text on /api/v2/spans, Prometheus' JSON envelope on /api/v1/logs, the
    /// scrape target down with the error), nothing stored is damaged, and ingest resumes
    /// once the file is removed. Stored spans and records equal the acknowledged ones
    /// exactly: a refused batch leaves nothing behind. Needs root (mount); skipped otherwise.
    @Suite struct DiskFullTests {
        static let spansPerBatch = 20

        @Test(.enabled(if: SizeLimitedMount.canMount && SQLiteCLI.path != nil, "needs root to mount a tmpfs, and sqlite3"),
              .timeLimit(.minutes(3)))
        func fullDiskRefusesIngestClearlyAndResumes() async throws {
            try await withTemporaryDirectory("full") { dir in
                let mount = try SizeLimitedMount(megabytes: 24)
                defer { mount.unmount() }
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                fixture.setManyCount(50)
                let config = join(dir, "meshscope.yaml")
                try write(configYAML([JobConfig(name: "full", targets: [fixture.address], path: "/many")]), to: config)
                let dataDir = join(mount.path, "data")
                let serve = try await ServeProcess.start(dataDir: dataDir, config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                var ingest = DiskFullIngest(serve: serve)

                for _ in 0..<5 {
                    #expect(try await ingest.postSpans() == 202)
                    #expect(try await ingest.postLogs() == 202)
                }
                _ = try await eventually("a scrape stored", context: serve.logTail) {
                    try await serve.federate(#"fixture_many_total{job="full"}"#).samples.count == 50 ? true : nil
                }
                let filled = mount.fill("filler")
                print("disk full test: filler of \(filled) bytes; acknowledged so far: \(ingest.spans) spans, \(ingest.logs) records")

                // Keep ingesting until each path refuses (the WAL may have room for a few more).
                var spanRefusal: HTTPResult?
                for _ in 0..<300 where spanRefusal == nil {
                    let (status, result) = try await ingest.postSpansResult()
                    if status != 202 { spanRefusal = result }
                }
                var logRefusal: HTTPResult?
                for _ in 0..<300 where logRefusal == nil {
                    let (status, result) = try await ingest.postLogsResult()
                    if status != 202 { logRefusal = result }
                }
                let spanAnswer = try #require(spanRefusal, "spans were never refused on a full disk")
                #expect(spanAnswer.status == 507, "spans: \(spanAnswer.status) \(spanAnswer.text)")
                #expect(spanAnswer.text.contains("storage full") && !spanAnswer.text.hasPrefix("{"), "spans: \(spanAnswer.text)")
                let logAnswer = try #require(logRefusal, "log records were never refused on a full disk")
                #expect(logAnswer.status == 507, "logs: \(logAnswer.status) \(logAnswer.text)")
                #expect(logAnswer.text.contains(#""status":"error""#) && logAnswer.text.contains("storage full"), "logs: \(logAnswer.text)")
                _ = try await eventually("the scrape target down with the storage error", timeout: .seconds(30), context: serve.logTail) {
                    let targets = try await HTTP.get(serve.baseURL + "/api/v1/targets").text
                    return targets.contains("storage full") ? true : nil
                }
                #expect(serve.isRunning, "serve survived the full disk\n\(serve.logTail())")

                mount.remove("filler")
                _ = try await eventually("span ingest to resume", timeout: .seconds(30), context: serve.logTail) {
                    try await ingest.postSpans() == 202 ? true : nil
                }
                _ = try await eventually("log ingest to resume", timeout: .seconds(30), context: serve.logTail) {
                    try await ingest.postLogs() == 202 ? true : nil
                }
                _ = try await eventually("scrapes to be stored again", timeout: .seconds(30), context: serve.logTail) {
                    try await serve.up(job: "full") == 1 ? true : nil
                }
                #expect(try await serve.stop() == 0)

                for (name, answer) in try SQLiteCLI.integrity(dataDir) {
                    #expect(answer == "ok", "\(name): \(answer)")
                }
                let storedSpans = try SQLiteCLI.query(join(dataDir, "traces.db"),
                                                      "SELECT COUNT(*) FROM spans WHERE local_service = 'disk-full'")
                let storedLogs = try SQLiteCLI.query(join(dataDir, "logs.db"),
                                                     "SELECT COUNT(*) FROM records WHERE request_id LIKE 'full-%'")
                #expect(Int(storedSpans) == ingest.spans, "stored spans \(storedSpans), acknowledged \(ingest.spans)")
                #expect(Int(storedLogs) == ingest.logs, "stored records \(storedLogs), acknowledged \(ingest.logs)")
                let samples = try StoredData(dataDir).series(#"fixture_many_total{job="full"}"#)
                #expect(samples.count == 50 && samples.allSatisfy { $0.samples.timestampsStrictlyIncrease })
                print("disk full test: \(ingest.spans) spans and \(ingest.logs) records acknowledged and stored; "
                    + "refusals: spans \(spanAnswer.status) \"\(spanAnswer.text.prefix(160))\", logs \(logAnswer.status)")
            }
        }
    }
}

/// Span and log batches for the disk-full test, counting what was acknowledged (202).
struct DiskFullIngest {
    let serve: ServeProcess
    var batch = 0
    var spans = 0
    var logs = 0

    init(serve: ServeProcess) { self.serve = serve }

    mutating func postSpans() async throws -> Int { try await postSpansResult().0 }

    mutating func postLogs() async throws -> Int { try await postLogsResult().0 }

    /// 20 spans with a 4 KiB tag each, so the disk fills in a few batches.
    mutating func postSpansResult() async throws -> (Int, HTTPResult) {
        batch += 1
        let trace = String(format: "%016x%016x", 0xF011, batch)
        let padding = String(repeating: "x", count: 4096)
        let parts = (1...EndToEnd.DiskFullTests.spansPerBatch).map { index in
            #"{"traceId":"\#(trace)","id":"\#(String(format: "%016x", batch << 8 | index))","name":"full","#
                + #""timestamp":\#(Int64(Date().timeIntervalSince1970 * 1e6)),"duration":5,"#
                + #""localEndpoint":{"serviceName":"disk-full"},"tags":{"pad":"\#(padding)"}}"#
        }
        let result = try await serve.postSpans(Array(("[" + parts.joined(separator: ",") + "]").utf8))
        if result.status == 202 { spans += parts.count }
        return (result.status, result)
    }

    /// 50 records with a 1 KiB path each.
    mutating func postLogsResult() async throws -> (Int, HTTPResult) {
        batch += 1
        let path = "/full/" + String(repeating: "p", count: 1024)
        let lines = (0..<50).map { LogLines.istio(requestId: "full-\(batch)-\($0)", path: path) }
        let result = try await serve.postLogs(LogLines.ndjson(lines))
        if result.status == 202 { logs += lines.count }
        return (result.status, result)
    }
}
