import Foundation
import MeshMetrics
import Testing
import Traces

extension EndToEnd {
    /// `POST /api/v2/spans` as a reporter uses it, read back through `/api/v2/trace/{id}`.
    @Suite struct ZipkinIngestTests {
        @Test func jsonProtoAndGzipRoundTripAndSurviveRestart() async throws {
            try await withTemporaryDirectory("zipkin-ingest") { dir in
                let dataDir = join(dir, "data")
                var serve = try await ServeProcess.start(dataDir: dataDir, config: nil, workDir: dir)
                defer { serve.terminateIfRunning() }
                let start = ZipkinFixtures.nowMicros - 120_000_000
                // 128-bit and 64-bit trace ids, each way of sending.
                var posted: [String: [Span]] = [:]
                let cases: [(label: String, id: String, encode: ([Span]) throws -> [UInt8], type: String, gzip: Bool)] = [
                    ("json", ZipkinFixtures.hex(0xa1, bits: 128), SpanJSONEncoder.encode, "application/json", false),
                    ("proto", ZipkinFixtures.hex(0xb2, bits: 128), SpanProtoEncoder.encode, "application/x-protobuf", false),
                    ("json+gzip", ZipkinFixtures.hex(0xc3), SpanJSONEncoder.encode, "application/json; charset=utf-8", true),
                    ("proto+gzip", ZipkinFixtures.hex(0xd4), SpanProtoEncoder.encode, "application/x-protobuf", true),
                ]
                for (index, c) in cases.enumerated() {
                    let spans = try ZipkinFixtures.topology(c.id, at: start + Int64(index) * 1_000_000)
                    var body = try c.encode(spans)
                    if c.gzip { body = try gzipCompressed(body, workDir: dir) }
                    let result = try await serve.postSpans(body, contentType: c.type, encoding: c.gzip ? "gzip" : nil)
                    #expect(result.status == 202 && result.body.isEmpty, "\(c.label): \(result.status) \(result.text)")
                    // 202 means committed: readable at once, no polling.
                    let read = try await serve.trace(c.id)
                    #expect(read.map(Set.init) == ZipkinFixtures.expected(spans), "\(c.label) round trip")
                    posted[c.id] = spans
                }
                // Every field, byte for byte as Zipkin writes it.
                let first = try #require(posted[cases[0].id])
                let raw = try await serve.zipkin("/api/v2/trace/\(cases[0].id)")
                #expect(raw.header("Content-Type")?.hasPrefix("application/json") == true)
                #expect(Set(try SpanJSONDecoder.decodeList(raw.body)) == ZipkinFixtures.expected(first))
                #expect(raw.text.contains(#""localEndpoint":{"serviceName":"frontend","ipv4":"10.0.0.1","port":8080}"#), "\(raw.text)")
                #expect(raw.text.contains(#""sql.query":"SELECT \"stock\"\n FROM t""#), "\(raw.text)")
                // Ids are case-insensitive on the way in; an absent trace is Zipkin's 404 text.
                #expect(try await serve.trace(cases[1].id.uppercased()).map(Set.init) == ZipkinFixtures.expected(posted[cases[1].id]!))
                let absent = try await serve.zipkin("/api/v2/trace/00000000000000ee")
                #expect(absent.status == 404 && absent.text.hasPrefix("00000000000000ee not found"), "\(absent.text)")

                // The Zipkin listener answers the same routes, ingest included.
                let zipkin = try serve.zipkinURL
                #expect(try await serve.trace(cases[0].id, base: zipkin).map(Set.init) == ZipkinFixtures.expected(first))
                let extra = try ZipkinFixtures.single(ZipkinFixtures.hex(0xe5), service: "listener", name: "ping",
                                                      at: start, duration: 5)
                let viaListener = try await serve.postSpans(SpanJSONEncoder.encode(extra), base: zipkin)
                #expect(viaListener.status == 202, "\(viaListener.text)")
                #expect(try await serve.trace(ZipkinFixtures.hex(0xe5)).map(Set.init) == Set(extra))
                #expect(try await serve.zipkin("/api/v2/services", base: zipkin).status == 200)
                #expect(try await serve.zipkin("/health", base: zipkin).status == 200)
                // A taken Zipkin port stops a second serve with a non-zero status, not silently.
                let clash = try await MeshScopeCommand.run(["serve", "--data-dir", join(dir, "other"), "--listen", "127.0.0.1:0",
                                                            "--zipkin-listen", "127.0.0.1:\(serve.zipkinPort ?? 0)"], in: dir)
                #expect(clash.status != 0 && clash.stderr.contains("in use"), "\(clash.stderr)")
                #expect(serve.logs.contains("listener=zipkin"))

                // Self-metrics count the spans and the trace database.
                let spanCount = posted.values.map(\.count).reduce(0, +) + extra.count
                let metrics = try ExpositionParser.parse(try await HTTP.get(serve.baseURL + "/metrics").body, format: .prometheusText)
                let stored = metrics.samples(named: "meshscope_storage_spans").first { $0.labels["signal"] == "traces" }
                #expect(stored?.value == Double(spanCount))
                let bytes = metrics.samples(named: "meshscope_storage_bytes").first { $0.labels["signal"] == "traces" }
                #expect((bytes?.value ?? 0) > 0)

                // A restart on the same data directory keeps every trace.
                #expect(try await serve.stop() == 0)
                serve = try await ServeProcess.start(dataDir: dataDir, config: nil, workDir: dir)
                for (id, spans) in posted {
                    #expect(try await serve.trace(id).map(Set.init) == ZipkinFixtures.expected(spans), "after restart: \(id)")
                }
                #expect(try await serve.stop() == 0)
            }
        }

        @Test func zipkinListenerCanBeTurnedOff() async throws {
            try await withTemporaryDirectory("zipkin-off") { dir in
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: nil, workDir: dir,
                                                         extraArguments: ["--zipkin-listen", "off"])
                defer { serve.terminateIfRunning() }
                #expect(serve.zipkinPort == nil)
                #expect(!serve.logs.contains("listener=zipkin"))
                // The main port still serves the Zipkin API.
                #expect(try await serve.names("/api/v2/services") == [])
                #expect(try await serve.stop() == 0)
                let refused = try await MeshScopeCommand.run(["serve", "--data-dir", join(dir, "x"), "--zipkin-listen", "nowhere"], in: dir)
                #expect(refused.status != 0 && refused.stderr.contains("--zipkin-listen"), "\(refused.stderr)")
            }
        }
    }
}
