import Foundation
import MeshMetrics
import Testing

extension EndToEnd {
    /// `/federate` and `/metrics` are checked by two parsers: MeshScope's own and, when
    /// installed, Prometheus' (`promtool check metrics`). Lint warnings are fine; a
    /// parse error is not.
    @Suite struct FederationFormatTests {
        @Test func federationAndMetricsParseEverywhere() async throws {
            try await withTemporaryDirectory("format") { dir in
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                let config = join(dir, "meshscope.yaml")
                try write(configYAML([
                    JobConfig(name: "fixture", targets: [fixture.address], path: "/text", labels: ["team": "mesh"]),
                    JobConfig(name: "fixture_om", targets: [fixture.address], path: "/openmetrics"),
                    JobConfig(name: "fixture_gzip", targets: [fixture.address], path: "/gzip"),
                    JobConfig(name: "churn", targets: [fixture.address], path: "/churn"),
                    JobConfig(name: "honored", targets: [fixture.address], path: "/text", honorLabels: true),
                ], externalLabels: ["cluster": "e2e", "team": "external"]), to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                _ = try await eventually("every job scraped twice", context: serve.logTail) {
                    let result = try await serve.federate(#"{__name__=~"fixture_.*_total"}"#)
                    let jobs = Set(result.samples.filter { $0.value >= 2 }.compactMap { $0.labels["job"] })
                    return jobs.isSuperset(of: ["fixture", "fixture_om", "fixture_gzip"]) ? true : nil
                }

                var outputs: [(name: String, body: [UInt8])] = []
                let everything = try await serve.federateRaw([#"{job=~".+"}"#])
                outputs.append(("/federate?match[]={job=~\".+\"}", everything.body))
                let twoSelectors = try await serve.federateRaw([#"{job="fixture"}"#, #"up"#])
                outputs.append(("/federate with two match[]", twoSelectors.body))
                let metrics = try await HTTP.get(serve.baseURL + "/metrics")
                outputs.append(("/metrics", metrics.body))
                let gzipped = try await serve.federateRaw([#"{job=~".+"}"#], headers: [("Accept-Encoding", "gzip")])
                let isGzip = Gzip.isGzip(gzipped.body)
                #expect(gzipped.header("Content-Encoding") == "gzip" && isGzip)
                outputs.append(("/federate, gzip", try Gzip.decode(gzipped.body, workDir: dir)))

                for (name, body) in outputs {
                    #expect(!body.isEmpty, "\(name) is not empty")
                    let parsed: ParsedExposition
                    do {
                        parsed = try ExpositionParser.parse(body, format: .prometheusText)
                    } catch {
                        Issue.record("\(name) does not parse: \(error)\n\(String(decoding: body, as: UTF8.self))")
                        continue
                    }
                    // A family is declared once; its samples are not split by another family.
                    let typeLines = String(decoding: body, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }
                    #expect(Set(typeLines).count == typeLines.count, "\(name) declares each family once")
                    #expect(!parsed.samples.isEmpty)
                    try checkWithPromtool(name, body, workDir: dir)
                }

                let federated = try ExpositionParser.parse(everything.body, format: .prometheusText)
                #expect(federated.samples.allSatisfy { $0.timestamp != nil }, "federated samples carry timestamps")
                #expect(federated.metadata(for: "fixture_latency_seconds")?.type == .histogram)
                #expect(federated.metadata(for: "fixture_om_size_bytes")?.type == .histogram)
                #expect(everything.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
                // External labels are added where a series lacks them, never overriding its own.
                #expect(federated.samples.allSatisfy { $0.labels["cluster"] == "e2e" }, "external labels on every series")
                let requests = federated.samples(named: "fixture_requests_total").filter { $0.labels["job"] == "fixture" }
                #expect(requests.count == 1 && requests.allSatisfy { $0.labels["team"] == "mesh" })
                // honor_labels: the target's own job and instance win, nothing is renamed.
                let honored = federated.samples(named: "fixture_inner").filter { $0.labels["job"] == "inner" }
                #expect(honored.count == 1 && honored.first?.labels["instance"] == "inner:1"
                    && honored.first?.labels["exported_job"] == nil, "\(federated.samples(named: "fixture_inner"))")
                // Encoded as Prometheus (Go's url.Values) encodes it: brackets escaped, spaces as '+'.
                let goEncoded = try await HTTP.get(serve.baseURL + "/federate?match%5B%5D=%7Bjob+%3D+%22fixture%22%7D")
                let goParsed = try ExpositionParser.parse(goEncoded.body, format: .prometheusText)
                #expect(goEncoded.status == 200 && goParsed.samples.count == federated.samples.filter { $0.labels["job"] == "fixture" }.count,
                        "\(goEncoded.status): \(goEncoded.text)")
                #expect(try await serve.federateRaw([]).status == 400, "match[] is required")
                #expect(try await serve.federateRaw(["{job=~\"unclosed"]).status == 400, "a bad selector is a 400")
                _ = try await serve.stop()
            }
        }

        private func checkWithPromtool(_ name: String, _ body: [UInt8], workDir: String) throws {
            guard ExternalTools.hasPromtool else {
                print("promtool not installed: skipped the promtool check of \(name)")
                return
            }
            let (status, output) = try ExternalTools.checkMetrics(body, workDir: workDir)
            // 0: clean; 3: lint problems only; anything else: it did not parse.
            #expect(status == 0 || status == 3,
                    "promtool cannot parse \(name) (exit \(status)):\n\(output)\n\(String(decoding: body, as: UTF8.self))")
            #expect(!output.contains("error while linting"), "\(output)")
        }
    }
}
