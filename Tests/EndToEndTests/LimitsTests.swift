import Foundation
import Testing

extension EndToEnd {
    /// `limits.max_series_per_metric` and `limits.ingest_rate_limit` against a real serve.
    @Suite struct LimitsTests {
        /// A scrape that would take a metric past the limit fails whole, as Prometheus'
        /// `sample_limit`: `up` 0, the error on `/api/v1/targets`, nothing of it stored,
        /// a counter in `/metrics`; raising the limit on reload lets it through.
        @Test func seriesPerMetricFailsTheScrape() async throws {
            try await withTemporaryDirectory("series-limit") { dir in
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                fixture.setManyCount(100)
                let jobs = [JobConfig(name: "many", targets: [fixture.address], path: "/many"),
                            JobConfig(name: "small", targets: [fixture.address], path: "/text")]
                let config = join(dir, "meshscope.yaml")
                try write(configYAML(jobs) + "limits:\n  max_series_per_metric: 50\n", to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let error = try await eventually("the many job to fail on the limit", timeout: .seconds(30), context: serve.logTail) {
                    () async throws -> String? in
                    let targets = try await HTTP.get(serve.baseURL + "/api/v1/targets").text
                    guard let json = try JSONSerialization.jsonObject(with: Data(targets.utf8)) as? [String: Any],
                          let data = json["data"] as? [String: Any],
                          let active = data["activeTargets"] as? [[String: Any]],
                          let many = active.first(where: { ($0["labels"] as? [String: String])?["job"] == "many" }),
                          let lastError = many["lastError"] as? String, !lastError.isEmpty else { return nil }
                    #expect(many["health"] as? String == "down")
                    return lastError
                }
                #expect(error.contains("max_series_per_metric=50") && error.contains("fixture_many_total"), "\(error)")
                _ = try await eventually("up{job=many} == 0 and up{job=small} == 1", context: serve.logTail) {
                    let many = try await serve.up(job: "many"), small = try await serve.up(job: "small")
                    return many == 0 && small == 1 ? true : nil
                }
                let series = try await HTTP.get(serve.baseURL + "/api/v1/series?match[]=fixture_many_total").text
                #expect(series.contains(#""data":[]"#), "nothing of the refused scrape stored: \(series.prefix(300))")
                let metrics = try await HTTP.get(serve.baseURL + "/metrics").text
                let rejections = SecurityHTTP.sampleValue(
                    metrics, #"meshscope_series_limit_rejections_total{limit="max_series_per_metric"}"#) ?? 0
                #expect(rejections >= 1, "\(metrics)")

                try write(configYAML(jobs) + "limits:\n  max_series_per_metric: 1000\n", to: config)
                #expect(try await HTTP.post(serve.baseURL + "/-/reload").status == 200)
                _ = try await eventually("up{job=many} == 1 after raising the limit", timeout: .seconds(20), context: serve.logTail) {
                    try await serve.up(job: "many") == 1 ? true : nil
                }
                try await serve.stop()
            }
        }

        /// Over the bucket, ingest gets 429 with `Retry-After` in the protocol's body on
        /// both listeners; queries are not limited; after a pause ingest is accepted again.
        @Test func ingestRateLimitAnswers429ThenRecovers() async throws {
            try await withTemporaryDirectory("rate-limit") { dir in
                let config = join(dir, "meshscope.yaml")
                try write("limits:\n  ingest_rate_limit:\n    requests_per_second: 1\n    burst: 2\n", to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let line = Array(LogLines.istio(requestId: "rate-1").utf8)
                var limited: HTTPResult?
                var admitted = 0
                for _ in 0..<20 {
                    let result = try await SecurityHTTP.send("POST", serve.baseURL + "/api/v1/logs", body: line)
                    if result.status == 429 { limited = limited ?? result } else { admitted += 1 }
                }
                let refusal = try #require(limited, "20 quick posts at 1/s with burst 2 must be limited")
                #expect(admitted >= 2 && admitted < 20)
                #expect(Int(refusal.header("Retry-After") ?? "") ?? 0 >= 1, "Retry-After: \(refusal.headers)")
                let json = try JSONSerialization.jsonObject(with: Data(refusal.body)) as? [String: Any]
                #expect(json?["status"] as? String == "error" && json?["errorType"] as? String == "too_many_requests",
                        "\(refusal.text)")
                // The Zipkin listener shares the client's bucket; its body is plain text.
                let zipkin = try await SecurityHTTP.send("POST", "http://127.0.0.1:\(try #require(serve.zipkinPort))/api/v2/spans",
                                                         headers: [("Content-Type", "application/json")], body: Array("[]".utf8))
                if zipkin.status == 429 {
                    #expect(zipkin.header("Content-Type")?.hasPrefix("text/plain") == true, "\(zipkin.headers)")
                }
                for _ in 0..<10 {
                    #expect(try await HTTP.get(serve.baseURL + "/api/v1/labels").status == 200, "queries are not limited")
                }
                _ = try await eventually("ingest to be accepted again", timeout: .seconds(20), every: .milliseconds(500),
                                         context: serve.logTail) {
                    try await SecurityHTTP.send("POST", serve.baseURL + "/api/v1/logs", body: line).status == 202 ? true : nil
                }
                let metrics = try await HTTP.get(serve.baseURL + "/metrics").text
                #expect((SecurityHTTP.sampleValue(metrics, #"meshscope_http_rate_limited_total{route_class="ingest"}"#) ?? 0) >= 1)
                try await serve.stop()
            }
        }

        /// The bucket is per client IP: one client over its limit does not hold back another
        /// (`curl --interface` sends from other loopback addresses).
        @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
        func rateLimitIsPerClientAddress() async throws {
            try await withTemporaryDirectory("rate-limit-ip") { dir in
                let config = join(dir, "meshscope.yaml")
                try write("limits:\n  ingest_rate_limit:\n    requests_per_second: 1\n    burst: 1\n", to: config)
                let serve = try await TLSServe.start(config: config, workDir: dir, host: "0.0.0.0")
                defer { serve.terminateIfRunning() }
                func post(from source: String) throws -> Int {
                    let out = try TestCertificates.shell(
                        "curl -s -o /dev/null -w '%{http_code}' --max-time 10 --interface \(source) -X POST --data '' "
                            + "http://127.0.0.1:\(serve.port)/api/v1/logs", workDir: dir)
                    return Int(out.output.suffix(3)) ?? 0
                }
                _ = try await eventually("serve to answer", timeout: .seconds(30), context: serve.logTail) {
                    try post(from: "127.0.0.1") != 0 ? true : nil
                }
                var statuses: [Int] = []
                for _ in 0..<5 { statuses.append(try post(from: "127.0.0.1")) }
                #expect(statuses.contains(429), "127.0.0.1 over its bucket: \(statuses)")
                #expect(try post(from: "127.0.0.2") != 429, "another address has its own bucket")
                #expect(try post(from: "127.0.0.3") != 429)
                await serve.stop()
            }
        }
    }
}
