import NIOHTTP1
import Foundation
import Testing
import Traces

extension EndToEnd {
    /// Bad input to the Zipkin API: the status Zipkin gives, a plain-text message naming the
    /// problem, and nothing stored from a refused request.
    @Suite struct ZipkinRejectionTests {
        static let limit = 65_536

        @Test func badSpansAreRefusedAndNothingIsStored() async throws {
            try await withTemporaryDirectory("zipkin-reject") { dir in
                let config = join(dir, "meshscope.yaml")
                try write("limits:\n  max_body_bytes: \(Self.limit)\n", to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let now = ZipkinFixtures.nowMicros
                let good = #"{"traceId":"00000000000000a1","id":"00000000000000a1","name":"ok","timestamp":\#(now),"localEndpoint":{"serviceName":"svc"}}"#
                func json(_ text: String) -> [UInt8] { Array(text.utf8) }

                let cases: [(label: String, body: [UInt8], type: String?, encoding: String?, status: Int, message: String)] = [
                    ("malformed trace id (span 1 of 2)",
                     json("[\(good),{\"traceId\":\"12G\",\"id\":\"b\"}]"), "application/json", nil, 400,
                     "12G should be lower-hex encoded with no prefix"),
                    ("trace id too long", json(#"[{"traceId":"\#(String(repeating: "a", count: 33))","id":"1"}]"#),
                     "application/json", nil, 400, "traceId"),
                    ("missing id", json(#"[{"traceId":"1","name":"x"}]"#), "application/json", nil, 400, "Missing : id"),
                    ("not a list", json(#"{"traceId":"1","id":"1"}"#), "application/json", nil, 400,
                     "Expected a JSON_V2 encoded list"),
                    ("JSON v1", json(#"[{"traceId":"1","id":"1","binaryAnnotations":[]}]"#), nil, nil, 400, "JSON_V1"),
                    ("proto sent as JSON", SpanProtoEncoder.encode(try ZipkinFixtures.single("a2", service: "s", name: "n", at: now, duration: 1)),
                     "application/json", nil, 400, "Expected a JSON_V2 encoded list"),
                    ("JSON sent as proto", json("[\(good)]"), "application/x-protobuf", nil, 400, "proto3"),
                    ("truncated proto", Array(SpanProtoEncoder.encode(try ZipkinFixtures.single("a3", service: "s", name: "n", at: now, duration: 1)).dropLast(5)),
                     "application/x-protobuf", nil, 400, "Truncated"),
                    ("not gzip", json("[\(good)]"), "application/json", "gzip", 400, "Cannot gunzip spans"),
                    ("unknown content coding", json("[\(good)]"), "application/json", "br", 415, "Content-Encoding"),
                    ("over the body limit", json("[" + Array(repeating: good, count: Self.limit / good.utf8.count + 1).joined(separator: ",") + "]"),
                     "application/json", nil, 413, "max_body_bytes"),
                    ("gzip bomb", try gzipCompressed(json("[\(good)" + String(repeating: " ", count: 4 << 20) + "]"), workDir: dir),
                     "application/json", "gzip", 413, "inflates to more than"),
                ]
                for c in cases {
                    let result = try await serve.postSpans(c.body, contentType: c.type, encoding: c.encoding)
                    #expect(result.status == c.status, "\(c.label): \(result.status) \(result.text)")
                    #expect(result.text.contains(c.message), "\(c.label): \(result.text)")
                    #expect(result.header("Content-Type")?.hasPrefix("text/plain") == true, "\(c.label)")
                }
                // The decoder names span and field of the first case.
                let first = try await serve.postSpans(cases[0].body)
                #expect(first.text.contains("span 1") && first.text.contains("field traceId"), "\(first.text)")
                // Nothing of any refused request was stored, not even the valid span 0.
                #expect(try await serve.trace("00000000000000a1") == nil)
                #expect(try await serve.names("/api/v2/services") == [])
                #expect(try await serve.traceIDs("/api/v2/traces") == [])

                // Empty bodies and empty lists are accepted and store nothing, as Zipkin does.
                for (body, type) in [([UInt8](), "application/json"), (json("[]"), "application/json"),
                                     ([UInt8](), "application/x-protobuf")] {
                    let result = try await serve.postSpans(body, contentType: type)
                    #expect(result.status == 202, "empty \(type): \(result.status) \(result.text)")
                }
                // Zipkin reads any other content type as JSON rather than refusing it.
                let plain = try await serve.postSpans(json("[\(good)]"), contentType: "text/plain")
                #expect(plain.status == 202, "\(plain.text)")
                #expect(try await serve.names("/api/v2/services") == ["svc"])
                #expect(try await serve.stop() == 0)
            }
        }

        @Test func badQueryParametersAre400() async throws {
            try await withTemporaryDirectory("zipkin-params") { dir in
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: nil, workDir: dir)
                defer { serve.terminateIfRunning() }
                let cases: [(path: String, status: Int, message: String)] = [
                    ("/api/v2/spans", 400, "serviceName"),
                    ("/api/v2/remoteServices?serviceName=", 400, "serviceName"),
                    ("/api/v2/autocompleteValues", 400, "key"),
                    ("/api/v2/dependencies", 400, "endTs"),
                    ("/api/v2/dependencies?endTs=abc", 400, "endTs"),
                    ("/api/v2/dependencies?endTs=1700000000000&lookback=0", 400, "lookback <= 0"),
                    ("/api/v2/traces?limit=abc", 400, "limit"),
                    ("/api/v2/traces?limit=0", 400, "limit <= 0"),
                    ("/api/v2/traces?endTs=-5", 400, "endTs <= 0"),
                    ("/api/v2/traces?lookback=x", 400, "lookback"),
                    ("/api/v2/traces?maxDuration=10", 400, "maxDuration"),
                    ("/api/v2/traces?minDuration=100&maxDuration=10", 400, "maxDuration < minDuration"),
                    ("/api/v2/trace/xyz", 400, "xyz"),
                    ("/api/v2/trace/\(String(repeating: "a", count: 33))", 400, "trace id"),
                    ("/api/v2/traceMany", 400, "traceIds"),
                    ("/api/v2/traceMany?traceIds=", 400, "traceIds"),
                    ("/api/v2/traceMany?traceIds=a", 400, "/api/v2/trace/{traceId}"),
                    ("/api/v2/traceMany?traceIds=a,zz", 400, "zz"),
                    ("/api/v2/trace/0000000000000abc", 404, "0000000000000abc not found"),
                ]
                for c in cases {
                    let result = try await serve.zipkin(c.path)
                    #expect(result.status == c.status, "\(c.path): \(result.status) \(result.text)")
                    #expect(result.text.contains(c.message), "\(c.path): \(result.text)")
                    #expect(result.header("Content-Type")?.hasPrefix("text/plain") == true, "\(c.path): plain text, not JSON")
                }
                // A method a route does not serve is 405 with the methods it does, not 404.
                let api = APIClient(serve)
                for (method, path, allow) in [(HTTPMethod.DELETE, "/api/v2/spans", "GET, POST"), (.POST, "/api/v2/traces", "GET"),
                                              (.PUT, "/api/v2/trace/0000000000000abc", "GET")] {
                    let answer = try await api.send(method, path, body: nil)
                    #expect(answer.status == 405, "\(method) \(path): \(answer)")
                    #expect(answer.headers.first { $0.0.lowercased() == "allow" }?.1 == allow, "\(method) \(path)")
                }
                // Within the 16 MiB body limit, a single span over the 1 MiB span limit is 413 too.
                let blob = String(repeating: "x", count: 1 << 20)
                let oversized = try await serve.postSpans(Array(#"[{"traceId":"00000000000000a4","id":"1","tags":{"blob":"\#(blob)"}}]"#.utf8))
                #expect(oversized.status == 413 && oversized.text.contains("over the 1048576-byte limit"), "\(oversized.status) \(oversized.text)")
                #expect(try await serve.trace("00000000000000a4") == nil)
                #expect(try await serve.stop() == 0)
            }
        }
    }
}
