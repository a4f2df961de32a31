import AccessLogs
import Foundation
import Storage
import Testing

@Suite("Log search")
struct LogSearchTests {
    /// productpage → reviews (v1 200s, v2 503s with UF/UO), reviews → ratings, an inbound
    /// ratings log, and one traced request logged by both proxies.
    static func mesh() throws -> [AccessLogRecord] {
        var records: [AccessLogRecord] = []
        for i in 0..<30 {
            let v2 = i % 3 == 0
            records.append(try logRecord(
                at: logBase + Int64(i) * logSecond, service: "productpage", method: i % 5 == 0 ? "POST" : "GET",
                path: "/reviews/\(i)", code: v2 ? 503 : 200, flags: v2 ? (i % 2 == 0 ? "UF,URX" : "UO") : "-",
                durationMs: i * 10, requestId: "req-\(i)",
                cluster: "outbound|9080|\(v2 ? "v2" : "v1")|reviews.default.svc.cluster.local"))
        }
        for i in 0..<10 {
            records.append(try logRecord(at: logBase + Int64(i) * logSecond + 500, service: "reviews", path: "/ratings/\(i)",
                                         code: i == 9 ? 404 : 200, durationMs: 2,
                                         cluster: "outbound|9080||ratings.default.svc.cluster.local"))
        }
        records.append(try logRecord(at: logBase + 100 * logSecond, service: "ratings", path: "/ratings/traced",
                                     traceId: "80f198ee56343ba864fe8b2a57d3eff7", requestId: "req-traced", cluster: "inbound|9080||"))
        records.append(try logRecord(at: logBase + 99 * logSecond, service: "reviews", path: "/ratings/traced",
                                     requestId: "req-traced", cluster: "outbound|9080||ratings.default.svc.cluster.local"))
        return records
    }

    func withMesh(_ body: (LogStore, [AccessLogRecord]) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            try await withLogStore(dir) { store in
                let records = try Self.mesh()
                // Two batches, so that order does not follow insertion alone.
                try await store.append(Array(records[20...]))
                try await store.append(Array(records[..<20]))
                try await body(store, records)
            }
        }
    }

    /// The expected answer: records passing `keep`, newest first.
    static func expected(_ records: [AccessLogRecord], _ keep: (AccessLogRecord) -> Bool) -> [AccessLogRecord] {
        records.filter(keep).sorted { $0.timestampMicros > $1.timestampMicros }
    }

    @Test("each filter alone and combined")
    func filters() async throws {
        try await withMesh { store, records in
            func check(_ query: LogQuery, _ keep: (AccessLogRecord) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
                var q = query
                q.limit = 1000
                let got = try store.reader.search(q).records
                let want = Self.expected(records, keep)
                #expect(logPaths(got) == logPaths(want), sourceLocation: sourceLocation)
                #expect(!want.isEmpty, "the case selects something", sourceLocation: sourceLocation)
            }
            try check(LogQuery(), { _ in true })
            try check(LogQuery(startMicros: logBase + 10 * logSecond, endMicros: logBase + 20 * logSecond), {
                (logBase + 10 * logSecond...logBase + 20 * logSecond).contains($0.timestampMicros)
            })
            try check(LogQuery(service: "reviews"), { $0.source.name == "reviews" || $0.destination.name == "reviews" })
            try check(LogQuery(service: "ratings"), { $0.source.name == "ratings" || $0.destination.name == "ratings" })
            try check(LogQuery(source: "reviews"), { $0.source.name == "reviews" })
            try check(LogQuery(destination: "ratings"), { $0.destination.name == "ratings" })
            try check(LogQuery(source: "productpage", destination: "reviews"), {
                $0.source.name == "productpage" && $0.destination.name == "reviews"
            })
            try check(LogQuery(method: "post"), { $0.method == "POST" })
            try check(LogQuery(status: .statusClass(5)), { ($0.responseCode ?? 0) / 100 == 5 })
            try check(LogQuery(status: .exact(404)), { $0.responseCode == 404 })
            try check(LogQuery(minDurationMicros: 150_000), { ($0.durationMicros ?? 0) >= 150_000 })
            try check(LogQuery(responseFlags: ["UO"]), { $0.responseFlagList.contains("UO") })
            try check(LogQuery(responseFlags: ["URX,UO"]), { !Set($0.responseFlagList).isDisjoint(with: ["URX", "UO"]) })
            try check(LogQuery(traceId: "80F198EE56343BA864FE8B2A57D3EFF7"), { $0.traceId == "80f198ee56343ba864fe8b2a57d3eff7" })
            try check(LogQuery(requestId: "req-traced"), { $0.requestId == "req-traced" })
            try check(LogQuery(text: "ratings"), { $0.path?.contains("ratings") == true || $0.authority?.contains("ratings") == true })
            try check(LogQuery(startMicros: logBase + 5 * logSecond, service: "reviews", status: .statusClass(5), minDurationMicros: 100_000,
                               responseFlags: ["UF"], text: "reviews"), {
                $0.timestampMicros >= logBase + 5 * logSecond && $0.destination.name == "reviews" && $0.responseCode == 503
                    && ($0.durationMicros ?? 0) >= 100_000 && $0.responseFlagList.contains("UF")
            })
            try check(LogQuery(service: "reviews", requestId: "req-traced"), { $0.requestId == "req-traced" && $0.source.name == "reviews" })
            // Nothing matches: an empty page, no cursor.
            let none = try store.reader.search(LogQuery(service: "nobody"))
            #expect(none.records.isEmpty && none.nextCursor == nil)
        }
    }

    @Test("cursor paging covers the answer exactly once, for every driver index")
    func paging() async throws {
        try await withMesh { store, records in
            for query in [LogQuery(limit: 4), LogQuery(service: "reviews", limit: 3), LogQuery(source: "productpage", limit: 7),
                          LogQuery(destination: "reviews", status: .statusClass(2), limit: 5), LogQuery(requestId: "req-traced", limit: 1),
                          LogQuery(text: "reviews", limit: 6)] {
                var all = query
                all.limit = 1000
                let whole = try store.reader.search(all).records
                let (paged, pages) = try allPages(store.reader, query)
                #expect(paged == whole)
                #expect(pages == max(1, (whole.count + query.limit - 1) / query.limit))
            }
        }
    }

    @Test("records with equal times page in a stable order without gaps")
    func equalTimes() async throws {
        try await withTemporaryDirectory { dir in
            try await withLogStore(dir) { store in
                let records = try (0..<25).map { try logRecord(at: logBase, path: "/same/\($0)") }
                try await store.append(records)
                let (paged, _) = try allPages(store.reader, LogQuery(limit: 4))
                #expect(logPaths(paged) == logPaths(records.reversed()))
                // A page appended after the first page was read does not disturb the rest.
                let first = try store.reader.search(LogQuery(limit: 10))
                try await store.append([try logRecord(at: logBase + logSecond, path: "/newer")])
                var rest = LogQuery(limit: 100)
                rest.cursor = first.nextCursor
                #expect(logPaths(first.records + (try store.reader.search(rest).records)) == logPaths(records.reversed()))
            }
        }
    }

    @Test("invalid parameters are typed errors")
    func invalid() async throws {
        try await withMesh { store, _ async throws in
            #expect(throws: QueryParameterError.self) { try store.reader.search(LogQuery(cursor: "garbage")) }
            #expect(throws: QueryParameterError.self) { try store.reader.search(LogQuery(cursor: "1.2.3")) }
            #expect(throws: QueryParameterError.self) { try store.reader.search(LogQuery(limit: 0)) }
            #expect(throws: QueryParameterError.self) { try store.reader.search(LogQuery(limit: LogQuery.maxLimit + 1)) }
            #expect(throws: QueryParameterError.self) { try store.reader.search(LogQuery(traceId: "xyz")) }
            #expect(throws: QueryParameterError.self) { try store.reader.search(LogQuery(startMicros: 10, endMicros: 5)) }
            #expect(throws: QueryParameterError.self) { try store.reader.records(traceId: "not hex") }
            // Empty strings mean absent.
            #expect(try store.reader.search(LogQuery(service: "", traceId: "", text: "", limit: 1000, cursor: "")).records.count == 42)
        }
    }

    @Test("stats count by status class and destination for the same filters")
    func stats() async throws {
        try await withMesh { store, records in
            let all = try store.reader.stats(LogQuery(limit: 1, cursor: "ignored.0"))
            #expect(all.total == records.count)
            #expect(all.byStatusClass == ["2xx": 31, "5xx": 10, "4xx": 1])
            #expect(all.byDestination == [LogStats.Destination(service: "reviews", count: 30),
                                          LogStats.Destination(service: "ratings", count: 12)])
            // service= counts a record once even when both ends match.
            let reviews = try store.reader.stats(LogQuery(service: "reviews"))
            #expect(reviews.total == 41)
            #expect(reviews.byDestination.map(\.count) == [30, 11])
            let errors = try store.reader.stats(LogQuery(service: "reviews", status: .statusClass(5), text: "reviews"))
            #expect(errors == LogStats(total: 10, byStatusClass: ["5xx": 10], byDestination: [.init(service: "reviews", count: 10)]))
            try await store.indexPending()
            #expect(try store.reader.stats(LogQuery(service: "reviews", status: .statusClass(5), text: "reviews")) == errors)
        }
    }

    @Test("correlation: the records of a trace, by trace id and by request id, oldest first")
    func correlation() async throws {
        try await withMesh { store, _ in
            let traced = try store.reader.records(traceId: "80f198ee56343ba864fe8b2a57d3eff7")
            #expect(traced.map(\.destination.name) == ["ratings"])
            let both = try store.reader.records(traceId: "80f198ee56343ba864fe8b2a57d3eff7", requestIds: ["req-traced", "req-3", ""])
            #expect(both.map(\.requestId) == ["req-3", "req-traced", "req-traced"])
            #expect(both.map(\.timestampMicros) == both.map(\.timestampMicros).sorted())
            #expect(try store.reader.records(traceId: nil, requestIds: ["req-1", "req-2"], limit: 1).map(\.requestId) == ["req-1"])
            #expect(try store.reader.records(traceId: "0000000000000001").isEmpty)
        }
    }
}
