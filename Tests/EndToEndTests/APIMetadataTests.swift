import Foundation
import Testing

extension EndToEnd {
    /// Series, labels, label values, metadata, exemplars, build info, config and targets
    /// against a real serve over `APIDataset`, in Prometheus' shapes.
    @Suite struct APIMetadataTests {
        @Test func seriesLabelsAndValues() async throws {
            try await withTemporaryDirectory("api-labels") { dir in
                let serve = try await APIServer.start(in: dir)
                defer { serve.terminateIfRunning() }
                let api = APIClient(serve)

                let missing = try await api.get("/api/v1/series")
                #expect(missing.status == 400 && missing.errorType == "bad_data" && missing.error == "no match[] parameter provided")
                let invalid = try await api.get("/api/v1/series", [("match[]", "rate(x[5m])")])
                #expect(invalid.status == 400 && invalid.error?.hasPrefix("invalid parameter \"match[]\":") == true, "\(invalid)")

                let series = try await api.get("/api/v1/series", [("match[]", "api_requests_total")])
                let labelSets = series.dataArray as? [[String: String]] ?? []
                #expect(series.isSuccess && labelSets.count == 3, "\(series)")
                #expect(labelSets.allSatisfy { $0["__name__"] == "api_requests_total" && $0.count == 3 })
                // Two selectors: the union; POST form as Grafana sends it.
                let union = try await api.post("/api/v1/series", [
                    ("match[]", #"api_requests_total{service="backend"}"#), ("match[]", "api_temperature_celsius"),
                    ("start", "1700000100"), ("end", "1700003600"),
                ])
                #expect((union.dataArray as? [[String: String]])?.compactMap { $0["__name__"] }.sorted()
                    == ["api_requests_total", "api_temperature_celsius"], "\(union)")
                // A range without data selects nothing.
                let outside = try await api.get("/api/v1/series", [
                    ("match[]", "api_requests_total"), ("start", "1600000000"), ("end", "1600003600"),
                ])
                #expect(outside.isSuccess && outside.dataArray.isEmpty, "\(outside)")
                let limited = try await api.get("/api/v1/series", [("match[]", "api_requests_total"), ("limit", "1")])
                #expect(limited.dataArray.count == 1 && limited.warnings == ["results truncated due to limit"])

                let names = try await api.get("/api/v1/labels")
                #expect(names.dataArray as? [String] == ["__name__", "code", "kind", "room", "service"], "\(names)")
                let temperatureNames = try await api.post("/api/v1/labels", [("match[]", "api_temperature_celsius")])
                #expect(temperatureNames.dataArray as? [String] == ["__name__", "room"], "\(temperatureNames)")
                let namesInRange = try await api.get("/api/v1/labels", [("start", "1700000100"), ("end", "1700000200")])
                #expect(namesInRange.dataArray.count == 5, "\(namesInRange)")
                let namesOutside = try await api.get("/api/v1/labels", [("start", "1600000000"), ("end", "1600003600")])
                #expect(namesOutside.isSuccess && namesOutside.dataArray.isEmpty, "\(namesOutside)")

                let metricNames = try await api.get("/api/v1/label/__name__/values")
                #expect(metricNames.dataArray as? [String] == ["api_requests_total", "api_special", "api_temperature_celsius"],
                        "\(metricNames)")
                let codes = try await api.get("/api/v1/label/code/values", [("match[]", #"{service="frontend"}"#)])
                #expect(codes.dataArray as? [String] == ["200", "500"], "\(codes)")
                let backendCodes = try await api.get("/api/v1/label/code/values", [("match[]", #"{service="backend"}"#)])
                #expect(backendCodes.dataArray as? [String] == ["200"], "\(backendCodes)")
                let valuesOutside = try await api.get("/api/v1/label/code/values", [("end", "1600000000")])
                #expect(valuesOutside.isSuccess && valuesOutside.dataArray.isEmpty, "\(valuesOutside)")
                let unknown = try await api.get("/api/v1/label/nonexistent/values")
                #expect(unknown.text == #"{"status":"success","data":[]}"#)
                let badTime = try await api.get("/api/v1/labels", [("start", "noon")])
                #expect(badTime.status == 400 && badTime.error?.hasPrefix("invalid parameter \"start\"") == true, "\(badTime)")
                try await serve.stop()
            }
        }

        @Test func metadataExemplarsBuildInfoAndConfig() async throws {
            try await withTemporaryDirectory("api-metadata") { dir in
                let serve = try await APIServer.start(in: dir, sections: "query:\n  max_samples: 1234567\n")
                defer { serve.terminateIfRunning() }
                let api = APIClient(serve)

                let metadata = try await api.get("/api/v1/metadata")
                let families = metadata.dataObject as? [String: [[String: String]]] ?? [:]
                #expect(families["api_requests_total"] == [["type": "counter", "help": "Requests served.", "unit": ""]], "\(metadata)")
                #expect(families["api_temperature_celsius"]?.first?["unit"] == "celsius")
                let one = try await api.get("/api/v1/metadata", [("metric", "api_temperature_celsius")])
                #expect(Array(one.dataObject.keys) == ["api_temperature_celsius"], "\(one)")
                let limited = try await api.get("/api/v1/metadata", [("limit", "1")])
                #expect(limited.dataObject.count == 1)
                let badLimit = try await api.get("/api/v1/metadata", [("limit", "many")])
                #expect(badLimit.status == 400 && badLimit.error == "limit must be a number")

                let exemplars = try await api.get("/api/v1/query_exemplars", [
                    ("query", #"sum(rate(api_requests_total{service="frontend"}[5m]))"#),
                    ("start", "1700000100"), ("end", "1700003600"),
                ])
                let entries = exemplars.dataArray as? [[String: Any]] ?? []
                #expect(entries.count == 1, "\(exemplars)")
                #expect(entries.first?["seriesLabels"] as? [String: String]
                    == ["__name__": "api_requests_total", "service": "frontend", "code": "200"])
                let exemplar = (entries.first?["exemplars"] as? [[String: Any]])?.first
                #expect(exemplar?["labels"] as? [String: String] == ["trace_id": "abc123"])
                #expect(exemplar?["value"] as? String == "0.25")
                #expect((exemplar?["timestamp"] as? NSNumber)?.doubleValue == APIDataset.seconds(APIDataset.time(APIDataset.exemplarIndex)))
                let noneInRange = try await api.get("/api/v1/query_exemplars", [
                    ("query", "api_requests_total"), ("start", "1600000000"), ("end", "1600003600"),
                ])
                #expect(noneInRange.text == #"{"status":"success","data":[]}"#)
                let badQuery = try await api.get("/api/v1/query_exemplars", [("query", "sum(")])
                #expect(badQuery.status == 400 && badQuery.errorType == "bad_data")

                // No rule engine: rules and alerts are empty in Prometheus' shapes (Grafana's alerting asks).
                #expect(try await api.get("/api/v1/rules").text == #"{"status":"success","data":{"groups":[]}}"#)
                #expect(try await api.get("/api/v1/rules", [("type", "alert")]).text == #"{"status":"success","data":{"groups":[]}}"#)
                let badType = try await api.get("/api/v1/rules", [("type", "recording")])
                #expect(badType.status == 400 && badType.errorType == "bad_data" && badType.error == #"unsupported type "recording""#)
                #expect(try await api.get("/api/v1/alerts").text == #"{"status":"success","data":{"alerts":[]}}"#)
                let managers = try await api.get("/api/v1/alertmanagers")
                #expect(managers.dataObject.keys.sorted() == ["activeAlertmanagers", "droppedAlertmanagers"], "\(managers)")
                #expect(try await api.send(.POST, "/api/v1/rules", body: "").status == 405)

                // Cardinality as Prometheus' TSDB status reports it, agreeing with /series.
                let everySeries = try await api.get("/api/v1/series", [("match[]", #"{__name__=~".+"}"#)]).dataArray
                let tsdb = try await api.get("/api/v1/status/tsdb", [("limit", "3")])
                let head = tsdb.dataObject["headStats"] as? [String: Any] ?? [:]
                #expect((head["numSeries"] as? NSNumber)?.intValue == everySeries.count && !everySeries.isEmpty, "\(tsdb)")
                #expect(((head["chunkCount"] as? NSNumber)?.intValue ?? 0) >= everySeries.count)
                #expect(((head["minTime"] as? NSNumber)?.int64Value ?? 0) <= ((head["maxTime"] as? NSNumber)?.int64Value ?? -1))
                let byMetric = tsdb.dataObject["seriesCountByMetricName"] as? [[String: Any]] ?? []
                #expect(byMetric.count == 3 && byMetric.first?["name"] as? String == "api_special"
                        && (byMetric.first?["value"] as? NSNumber)?.intValue == APIDataset.special.count,
                        "\(byMetric)")
                for list in ["labelValueCountByLabelName", "memoryInBytesByLabelName", "seriesCountByLabelValuePair"] {
                    #expect((tsdb.dataObject[list] as? [Any])?.count == 3, "\(list)")
                }
                let zeroLimit = try await api.get("/api/v1/status/tsdb", [("limit", "0")])
                #expect(zeroLimit.status == 400 && zeroLimit.error == "limit must be a positive number")

                let build = try await api.get("/api/v1/status/buildinfo")
                let version = try await MeshScopeCommand.run(["version"], in: dir).stdout
                #expect(build.dataObject["version"] as? String == version.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
                #expect(Set(build.dataObject.keys) == ["version", "revision", "branch", "buildUser", "buildDate", "goVersion"])

                let config = try await api.get("/api/v1/status/config")
                let yaml = config.dataObject["yaml"] as? String ?? ""
                #expect(yaml.contains("query:") && yaml.contains("max_samples: 1234567") && yaml.contains("timeout: 2m"), "\(config)")
                try await serve.stop()
            }
        }

        @Test func targetsShowScrapeHealth() async throws {
            try await withTemporaryDirectory("api-targets") { dir in
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                let serve = try await APIServer.start(in: dir, jobs: [
                    JobConfig(name: "fixture", targets: [fixture.address], path: "/text", labels: ["team": "mesh"]),
                    JobConfig(name: "dead", targets: ["127.0.0.1:1"], timeout: "500ms"),
                ])
                defer { serve.terminateIfRunning() }
                let api = APIClient(serve)
                let targets = try await eventually("both targets scraped", context: serve.logTail) { () async throws -> [[String: Any]]? in
                    let answer = try await api.get("/api/v1/targets")
                    let active = answer.dataObject["activeTargets"] as? [[String: Any]] ?? []
                    return active.count == 2 && active.allSatisfy({ $0["health"] as? String != "unknown" }) ? active : nil
                }
                let up = try #require(targets.first { $0["scrapePool"] as? String == "fixture" })
                #expect(up["health"] as? String == "up" && up["lastError"] as? String == "")
                #expect(up["scrapeUrl"] as? String == "http://\(fixture.address)/text")
                #expect(up["labels"] as? [String: String] == ["job": "fixture", "instance": fixture.address, "team": "mesh"])
                let discovered = up["discoveredLabels"] as? [String: String] ?? [:]
                #expect(discovered["__address__"] == fixture.address && discovered["__metrics_path__"] == "/text")
                #expect(discovered["__scheme__"] == "http" && discovered["job"] == "fixture" && discovered["team"] == "mesh")
                #expect(up["scrapeInterval"] as? String == "1s" && up["scrapeTimeout"] as? String == "1s")
                #expect(((up["lastScrapeDuration"] as? NSNumber)?.doubleValue ?? -1) >= 0)
                // lastScrape is RFC 3339 and recent.
                let lastScrape = try #require(up["lastScrape"] as? String)
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
                let scraped = formatter.date(from: lastScrape) ?? ISO8601DateFormatter().date(from: lastScrape)
                #expect(scraped.map { abs($0.timeIntervalSinceNow) < 30 } == true, "lastScrape \(lastScrape)")

                let down = try #require(targets.first { $0["scrapePool"] as? String == "dead" })
                #expect(down["health"] as? String == "down" && !(down["lastError"] as? String ?? "").isEmpty, "\(down)")

                let onePool = try await api.get("/api/v1/targets", [("scrapePool", "dead")])
                #expect((onePool.dataObject["activeTargets"] as? [Any])?.count == 1)
                let dropped = try await api.get("/api/v1/targets", [("state", "dropped")])
                #expect((dropped.dataObject["activeTargets"] as? [Any])?.isEmpty == true)
                #expect((dropped.dataObject["droppedTargets"] as? [Any])?.isEmpty == true)
                try await serve.stop()
                await fixture.stop()
            }
        }
    }
}
