import Foundation
import Testing

extension EndToEnd {
    /// `/api/v1/query` and `/api/v1/query_range` against a real serve over `APIDataset`:
    /// Prometheus' result shapes, value and timestamp formats, annotations, and its
    /// error types and status codes.
    @Suite struct APIQueryTests {
        static let sections = "limits:\n  max_body_bytes: 4096\n"

        @Test func instantAndRangeQueries() async throws {
            try await withTemporaryDirectory("api-query") { dir in
                let serve = try await APIServer.start(in: dir, sections: Self.sections)
                defer { serve.terminateIfRunning() }
                let api = APIClient(serve)
                let at = APIDataset.time(120)  // 2023-11-14T22:45:00Z

                // Vector, time as RFC 3339.
                let vector = try await api.get("/api/v1/query", [("query", "api_requests_total"), ("time", "2023-11-14T22:45:00Z")])
                #expect(vector.status == 200 && vector.isSuccess && vector.resultType == "vector", "\(vector)")
                let byService = Dictionary(vector.result.map { ("\($0.metric["service"]!)/\($0.metric["code"]!)", $0.point!) },
                                           uniquingKeysWith: { a, _ in a })
                #expect(byService.count == 3)
                #expect(byService["frontend/200"]?.1 == "1200" && byService["frontend/500"]?.1 == "120")
                #expect(byService["backend/200"]?.1 == "2400")
                #expect(byService["frontend/200"]?.0 == APIDataset.seconds(at))
                #expect(vector.result.first?.metric["__name__"] == "api_requests_total")
                #expect(vector.header("Content-Type") == "application/json")

                // POST form body, Unix seconds with a fraction: the sample is found within
                // the lookback and the result carries the evaluation time, `.500`.
                let posted = try await api.post("/api/v1/query", [
                    ("query", #"api_requests_total{service="frontend",code="500"}"#), ("time", "1700001900.5"),
                ])
                #expect(posted.result.first?.point?.1 == "120", "\(posted)")
                #expect(posted.text.contains(#""value":[1700001900.500,"120"]"#), "\(posted)")

                // No sample within the lookback: an empty result, not an error.
                let before = try await api.get("/api/v1/query", [("query", "api_requests_total"), ("time", "1600000000")])
                #expect(before.status == 200 && before.isSuccess && before.result.isEmpty, "\(before)")
                #expect(before.text == #"{"status":"success","data":{"resultType":"vector","result":[]}}"#)

                // Scalar, string, and a range vector from an instant query.
                let scalar = try await api.get("/api/v1/query", [
                    ("query", "scalar(api_temperature_celsius)"), ("time", String(APIDataset.time(3) / 1000)),
                ])
                #expect(scalar.resultType == "scalar" && scalar.text.contains(#""result":[1700000145,"23"]"#), "\(scalar)")
                let string = try await api.get("/api/v1/query", [("query", #""hello""#), ("time", "1700000000")])
                #expect(string.text == #"{"status":"success","data":{"resultType":"string","result":[1700000000,"hello"]}}"#)
                let window = try await api.get("/api/v1/query", [
                    ("query", #"api_requests_total{code="500"}[1m]"#), ("time", String(APIDataset.time(8) / 1000)),
                ])
                #expect(window.resultType == "matrix" && window.result.first?.points.map(\.1) == ["5", "6", "7", "8"],
                        "\(window)")

                // Special values in Prometheus' formats.
                let special = try await api.get("/api/v1/query", [("query", "api_special"), ("time", "1700000100")])
                let values = Dictionary(special.result.map { ($0.metric["kind"]!, $0.point!.1) }, uniquingKeysWith: { a, _ in a })
                #expect(values == ["inf": "+Inf", "ninf": "-Inf", "nan": "NaN", "tiny": "1e-07", "huge": "1e+21",
                                   "fraction": "0.1"], "\(special)")

                // Range query: matrix, inclusive start and end, points on the step grid.
                let range = try await api.get("/api/v1/query_range", [
                    ("query", #"api_requests_total{code="500"}"#), ("start", String(APIDataset.time(4) / 1000)),
                    ("end", String(APIDataset.time(8) / 1000)), ("step", "15s"),
                ])
                #expect(range.resultType == "matrix" && range.result.count == 1, "\(range)")
                let points = range.result.first?.points ?? []
                #expect(points.map(\.1) == ["4", "5", "6", "7", "8"])
                #expect(points.map(\.0) == (4...8).map { APIDataset.seconds(APIDataset.time($0)) })

                // Range query by POST with float-seconds step, as Grafana sends it: the
                // rate of a counter growing 10 per 15 s.
                let rate = try await api.post("/api/v1/query_range", [
                    ("query", #"sum by (service) (rate(api_requests_total{code="200"}[5m]))"#),
                    ("start", "2023-11-14T22:30:00Z"), ("end", "2023-11-14T22:40:00Z"), ("step", "60"),
                ])
                #expect(rate.result.count == 2, "\(rate)")
                for series in rate.result {
                    let expected = series.metric["service"] == "frontend" ? 10.0 / 15 : 20.0 / 15
                    #expect(series.points.count == 11)
                    #expect(series.points.allSatisfy { abs(Double($0.1)! - expected) < 1e-9 }, "\(series)")
                }

                // A range query with nothing to show is an empty matrix.
                let empty = try await api.get("/api/v1/query_range", [
                    ("query", "api_requests_total"), ("start", "1600000000"), ("end", "1600000600"), ("step", "60"),
                ])
                #expect(empty.text == #"{"status":"success","data":{"resultType":"matrix","result":[]}}"#)

                // Annotations: an info for rate() over a gauge, a warning for a bucket-less
                // histogram_quantile.
                let info = try await api.get("/api/v1/query", [
                    ("query", "rate(api_temperature_celsius[5m])"), ("time", String(at / 1000)),
                ])
                #expect(info.isSuccess && info.infos.contains { $0.contains("metric might not be a counter") }, "\(info)")
                let warning = try await api.get("/api/v1/query", [
                    ("query", "histogram_quantile(0.5, api_requests_total)"), ("time", String(at / 1000)),
                ])
                #expect(warning.isSuccess && warning.warnings.contains { $0.contains("bucket label \"le\" is missing") },
                        "\(warning)")

                // `lookback_delta`: two minutes after the last sample, found within the
                // default 5m, not within 1m.
                let late = String((APIDataset.end + 120_000) / 1000)
                let defaultLookback = try await api.get("/api/v1/query", [("query", "api_requests_total"), ("time", late)])
                #expect(defaultLookback.result.count == 3, "\(defaultLookback)")
                let shortLookback = try await api.get("/api/v1/query", [
                    ("query", "api_requests_total"), ("time", late), ("lookback_delta", "1m"),
                ])
                #expect(shortLookback.isSuccess && shortLookback.result.isEmpty, "\(shortLookback)")

                // `limit` truncates with Prometheus' warning.
                let limited = try await api.get("/api/v1/query", [("query", "api_requests_total"), ("time", String(at / 1000)),
                                                                  ("limit", "2")])
                #expect(limited.result.count == 2 && limited.warnings == ["results truncated due to limit"], "\(limited)")

                // gzip when asked, as Grafana does.
                let gzipped = try await HTTP.get(api.baseURL + "/api/v1/query_range?query=api_special&start=1700000100&end=1700003600&step=15",
                                                 headers: [("Accept-Encoding", "gzip")])
                #expect(gzipped.status == 200 && gzipped.header("Content-Encoding") == "gzip" && Gzip.isGzip(gzipped.body))
                try await serve.stop()
            }
        }

        @Test func errorTypesAndStatusCodes() async throws {
            try await withTemporaryDirectory("api-errors") { dir in
                let serve = try await APIServer.start(in: dir, sections: Self.sections)
                defer { serve.terminateIfRunning() }
                let api = APIClient(serve)
                func expectError(_ answer: APIAnswer, _ status: Int, _ type: String, _ message: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
                    #expect(answer.status == status, "\(answer)", sourceLocation: sourceLocation)
                    #expect(answer.json["status"] as? String == "error" && answer.errorType == type, "\(answer)",
                            sourceLocation: sourceLocation)
                    #expect(answer.error?.hasPrefix(message) == true, "\(answer)", sourceLocation: sourceLocation)
                    #expect(answer.data == nil, sourceLocation: sourceLocation)
                }

                expectError(try await api.get("/api/v1/query", [("query", "sum(")]), 400, "bad_data",
                            "invalid parameter \"query\": 1:5: parse error:")
                expectError(try await api.get("/api/v1/query", [("query", "up"), ("time", "yesterday")]), 400, "bad_data",
                            "invalid parameter \"time\": Invalid time value for 'time': cannot parse \"yesterday\" to a valid timestamp")
                expectError(try await api.get("/api/v1/query", [("query", "up"), ("timeout", "soon")]), 400, "bad_data",
                            "invalid parameter \"timeout\": cannot parse \"soon\" to a valid duration")
                // Many-to-many matching fails while evaluating: an execution error.
                expectError(try await api.get("/api/v1/query", [
                    ("query", "api_requests_total + on(service) api_requests_total"), ("time", "1700001900"),
                ]), 422, "execution", "found duplicate series for the match group")

                let range: [(String, String)] = [("query", "api_requests_total"), ("start", "1700000100"), ("end", "1700003600")]
                expectError(try await api.get("/api/v1/query_range", range), 400, "bad_data",
                            "invalid parameter \"step\": cannot parse \"\" to a valid duration")
                expectError(try await api.get("/api/v1/query_range", Array(range.dropFirst(1)) + [("query", "up"), ("step", "0")]),
                            400, "bad_data", "invalid parameter \"step\": zero or negative query resolution step widths")
                expectError(try await api.get("/api/v1/query_range", [("query", "up"), ("end", "1700000100"), ("step", "15")]),
                            400, "bad_data", "invalid parameter \"start\": cannot parse \"\" to a valid timestamp")
                expectError(try await api.get("/api/v1/query_range", [
                    ("query", "up"), ("start", "1700003600"), ("end", "1700000100"), ("step", "15"),
                ]), 400, "bad_data", "invalid parameter \"end\": end timestamp must not be before start time")
                expectError(try await api.get("/api/v1/query_range", [
                    ("query", "up"), ("start", "1700000000"), ("end", "1700100000"), ("step", "1"),
                ]), 400, "bad_data", "exceeded maximum resolution of 11,000 points per timeseries")
                expectError(try await api.get("/api/v1/query_range", [
                    ("query", "api_requests_total[5m]"), ("start", "1700000100"), ("end", "1700003600"), ("step", "60"),
                ]), 400, "bad_data", "invalid parameter \"query\": invalid expression type \"range vector\" for range query")
                expectError(try await api.get("/api/v1/query", [("query", "up"), ("limit", "-1")]), 400, "bad_data",
                            "invalid parameter \"limit\": limit must be non-negative")
                expectError(try await api.get("/api/v1/query", [("query", "up"), ("lookback_delta", "long")]), 400, "bad_data",
                            "error parsing lookback delta duration: cannot parse \"long\" to a valid duration")

                // A form body over limits.max_body_bytes (4096 here): 413.
                let huge = try await api.post("/api/v1/query", [("query", "up"), ("padding", String(repeating: "x", count: 8192))])
                expectError(huge, 413, "bad_data", "request body is larger than the limit of 4096 bytes")

                // Known paths, wrong methods: 405 with Allow, as Prometheus' router answers.
                for (method, path, allow) in [("DELETE", "/api/v1/query", "GET, POST"), ("PUT", "/api/v1/series", "GET, POST"),
                                              ("POST", "/api/v1/label/job/values", "GET"),
                                              ("GET", "/api/v1/status/running_queries/1", "DELETE")] {
                    let answer = try await api.send(.init(rawValue: method), path, body: nil)
                    #expect(answer.status == 405 && answer.header("Allow") == allow, "\(method) \(path): \(answer)")
                }
                try await serve.stop()
            }
        }
    }
}
