import AccessLogs
import Foundation
import Storage
import Testing

@Suite("Log full-text search")
struct LogFullTextTests {
    static func corpus() throws -> [AccessLogRecord] {
        let rows: [(String, String, String)] = [
            ("/api/v1/reviews/1", "reviews:9080", "curl/8.4.0"),
            ("/api/v2/reviews/2", "reviews:9080", "Mozilla/5.0 (X11; Linux x86_64)"),
            ("/api/v1/ratings", "ratings.default.svc.cluster.local", "Go-http-client/1.1"),
            ("/static/app.js?v=1", "www.example.com", "Mozilla/5.0 \"quoted\" agent"),
            ("/search?q=it's+OR+NOT", "search:80", "python-requests/2.31"),
            ("/v1/api", "api:80", "curl/7.0"),
            ("/Ünïcode/Straße", "intl:80", "agent"),
        ]
        return try rows.enumerated().map { i, row in
            try logRecord(at: logBase + Int64(i) * logSecond, path: row.0, userAgent: row.2, authority: row.1)
        }
    }

    /// Queries with their answers (paths, newest first), as the rule in `LogTextQuery` defines.
    static let cases: [(String, [String])] = [
        (#""/api/v1" reviews"#, ["/api/v1/reviews/1"]),
        ("/api/v1", ["/api/v1/ratings", "/api/v1/reviews/1"]),
        (#""v1 api""#, ["/v1/api"]),
        ("api v1", ["/v1/api", "/api/v1/ratings", "/api/v1/reviews/1"]),
        ("CURL", ["/v1/api", "/api/v1/reviews/1"]),
        ("mozilla linux", ["/api/v2/reviews/2"]),
        (#""quoted" agent"#, ["/static/app.js?v=1"]),
        (#"it's OR NOT"#, ["/search?q=it's+OR+NOT"]),
        ("rev*", ["/api/v2/reviews/2", "/api/v1/reviews/1"]),
        (#""go http"*"#, ["/api/v1/ratings"]),
        ("svc cluster local", ["/api/v1/ratings"]),
        ("example.com", ["/static/app.js?v=1"]),
        ("straße ünïcode", ["/Ünïcode/Straße"]),
        (#"NEAR(api v1) "unterminated"#, []),
        (#"path:api"#, []),
        (#"^api -v1 +x"#, []),
        ("reviews missing", []),
    ]

    @Test("queries with quotes and FTS5 syntax: the same answers before and after indexing")
    func quoting() async throws {
        try await withTemporaryDirectory { dir in
            try await withLogStore(dir) { store in
                try await store.append(try Self.corpus())
                for (text, want) in Self.cases {
                    #expect(logPaths(try store.reader.search(LogQuery(text: text)).records) == want, "unindexed: \(text)")
                }
                #expect(try await store.indexPending() == 7)
                #expect(await store.statistics().pendingFullText == 0)
                for (text, want) in Self.cases {
                    #expect(logPaths(try store.reader.search(LogQuery(text: text)).records) == want, "indexed: \(text)")
                }
                #expect(try await store.verifyFullText())
            }
        }
    }

    @Test("a search spans the indexed records and the unindexed tail, paging across both")
    func indexedAndTail() async throws {
        try await withTemporaryDirectory { dir in
            try await withLogStore(dir) { store in
                // Interleaved times: indexed and pending records alternate in the answer.
                let early = try (0..<20).map { try logRecord(at: logBase + Int64($0 * 2) * logSecond, path: "/orders/\($0 * 2)") }
                let late = try (0..<20).map { try logRecord(at: logBase + Int64($0 * 2 + 1) * logSecond, path: "/orders/\($0 * 2 + 1)") }
                try await store.append(early)
                try await store.indexPending()
                try await store.append(late)
                try await store.append([try logRecord(at: logBase, path: "/other")])
                #expect(await store.statistics().pendingFullText == 21)
                let want = (0..<40).reversed().map { "/orders/\($0)" }
                let (paged, pages) = try allPages(store.reader, LogQuery(text: "orders", limit: 6))
                #expect(logPaths(paged) == want)
                #expect(pages == 7)
                #expect(try store.reader.stats(LogQuery(text: "orders")).total == 40)
                // Indexing part of the tail changes nothing in the answer.
                try await store.indexPending(limit: 5)
                #expect(logPaths(try allPages(store.reader, LogQuery(text: "orders", limit: 9)).records) == want)
                #expect(await store.statistics().pendingFullText == 16)
            }
        }
    }

    @Test("text queries combine with other filters on both sides of the watermark")
    func textWithFilters() async throws {
        try await withTemporaryDirectory { dir in
            try await withLogStore(dir) { store in
                try await store.append([try logRecord(at: logBase, path: "/pay", code: 500),
                                        try logRecord(at: logBase + 1, path: "/pay", code: 200)])
                try await store.indexPending()
                try await store.append([try logRecord(at: logBase + 2, path: "/pay", code: 502),
                                        try logRecord(at: logBase + 3, path: "/pay", code: 200, cluster: "outbound|80||billing.x.svc.cluster.local")])
                let errors = try store.reader.search(LogQuery(status: .statusClass(5), text: "pay")).records
                #expect(errors.map(\.responseCode) == [502, 500])
                let billing = try store.reader.search(LogQuery(service: "billing", text: "pay")).records
                #expect(billing.map(\.timestampMicros) == [logBase + 3])
            }
        }
    }

    @Test("dense terms: probing in page order, and materializing after the probe budget", arguments: [false, true])
    func denseTerms(indexedFirst: Bool) async throws {
        try await withTemporaryDirectory { dir in
            // Tiny thresholds so that a few dozen records exercise both dense paths.
            try await withLogStore(dir, options: LogStoreOptions(denseTextMatches: 5, textProbeBudget: 7)) { store in
                var records: [AccessLogRecord] = []
                for i in 0..<30 {
                    // alpha: the two oldest mention beta; bravo: every one does.
                    records.append(try logRecord(at: logBase + Int64(i) * logSecond, path: i < 2 ? "/common/beta/\(i)" : "/common/\(i)",
                                                 cluster: "outbound|80||alpha.ns.svc.cluster.local"))
                    records.append(try logRecord(at: logBase + Int64(i) * logSecond + 1, path: "/common/beta/b\(i)",
                                                 cluster: "outbound|80||bravo.ns.svc.cluster.local"))
                }
                try await store.append(records)
                if indexedFirst { try await store.indexPending() }
                func expected(_ keep: (AccessLogRecord) -> Bool) -> [String] {
                    logPaths(records.filter(keep).sorted { $0.timestampMicros > $1.timestampMicros })
                }
                // Common everywhere: probing fills pages quickly.
                let common = try allPages(store.reader, LogQuery(service: "alpha", text: "common", limit: 4))
                #expect(logPaths(common.records) == expected { $0.destination.name == "alpha" })
                // Common overall, rare for alpha: the budget runs out, the rest is materialized.
                let rare = try allPages(store.reader, LogQuery(service: "alpha", text: "beta", limit: 1))
                #expect(logPaths(rare.records) == ["/common/beta/1", "/common/beta/0"])
                #expect(rare.pages == 2)
                #expect(try store.reader.stats(LogQuery(service: "alpha", text: "beta")).total == 2)
                let everywhere = try allPages(store.reader, LogQuery(text: "beta", limit: 9))
                #expect(logPaths(everywhere.records) == expected { $0.path?.contains("beta") == true })
            }
        }
    }
}
