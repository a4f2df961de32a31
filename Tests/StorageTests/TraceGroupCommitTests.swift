import Foundation
import GRDB
import Storage
import Testing
import Traces

@Suite("Trace group commit and schema upgrade")
struct TraceGroupCommitTests {
    @Test("concurrent appends share commits, each acknowledged with its own summary")
    func concurrentAppends() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                let appends = 40
                let summaries = try await withThrowingTaskGroup(of: TraceAppendSummary.self) { group in
                    for k in 0..<appends {
                        group.addTask {
                            let traceId = String(format: "%016x%016x", k + 1, k + 1)
                            return try await store.append(try multiServiceTrace(traceId, at: traceBaseMillis + Int64(k)))
                        }
                    }
                    var all: [TraceAppendSummary] = []
                    for try await summary in group { all.append(summary) }
                    return all
                }
                #expect(summaries.count == appends)
                #expect(summaries.allSatisfy { $0.stored == 6 && $0.duplicates == 0 })
                let stats = await store.statistics()
                #expect(stats.spans == Int64(appends * 6))
                // Appends queued behind a running commit go into the next one together.
                #expect(stats.commits < Int64(appends))
                #expect(stats.commits >= 1)
                for k in [0, 17, appends - 1] {
                    let traceId = String(format: "%016x%016x", k + 1, k + 1)
                    let expected = Trace.merge(try multiServiceTrace(traceId, at: traceBaseMillis + Int64(k)))
                    #expect(try store.reader.trace(id: traceId) == expected)
                }
                try expectTraceStoreIntact(store)
            }
        }
    }

    @Test("an oversized span refuses its own append only; concurrent appends still commit")
    func refusedAppendAlone() async throws {
        try await withTemporaryDirectory { dir in
            let huge = try span("abc", "9", service: "frontend", ts: micros(traceBaseMillis),
                                tags: ["blob": String(repeating: "x", count: 5000)])
            try await withTraceStore(dir, options: TraceStoreOptions(maxSpanBytes: 4000)) { store in
                async let good = store.append(try multiServiceTrace())
                async let bad: Result<TraceAppendSummary, Error> = { do { return .success(try await store.append([huge])) } catch { return .failure(error) } }()
                #expect(try await good.stored == 6)
                guard case .failure(let error) = await bad else { Issue.record("oversized append was accepted"); return }
                #expect(error is TraceAppendError)
                #expect(await store.statistics().spans == 6)
                #expect(try store.reader.trace(id: "abc") == [])
            }
        }
    }

    /// A traces.db written by schema v1 (search terms as `span_terms` rows) opens under v2
    /// with its terms moved into the span rows, and annotationQuery still finds them.
    @Test("a v1 database is upgraded: span_terms become terms blobs")
    func upgradeFromV1() async throws {
        try await withTemporaryDirectory { dir in
            let input = try multiServiceTrace()
            try writeVersion1Database(at: dir + "/traces.db", spans: input)
            try await withTraceStore(dir) { store in
                #expect(await store.statistics().spans == 6)
                #expect(try store.reader.trace(id: input[0].traceId) == Trace.merge(input))
                let window = (endTs: traceBaseMillis + traceMinute, lookback: 2 * traceMinute)
                for (term, hits) in [("error", 1), ("error=timeout", 1), ("wr", 1), ("error=other", 0), ("unicode", 1)] {
                    let q = try TraceQuery(annotationQuery: term, endTs: window.endTs, lookback: window.lookback)
                    #expect(try store.reader.search(q).count == hits, "annotationQuery=\(term)")
                }
                try expectTraceStoreIntact(store)
            }
            let tables = try await DatabaseQueue(path: dir + "/traces.db").read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            #expect(!tables.contains("span_terms") && tables.contains("spans"))
        }
    }

    /// The v1 schema and rows exactly as the v1 writer made them.
    private func writeVersion1Database(at path: String, spans: [Span]) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1');
                CREATE TABLE spans (id INTEGER PRIMARY KEY, trace_hi INTEGER NOT NULL, trace_lo INTEGER NOT NULL,
                    span_id INTEGER NOT NULL, parent_id INTEGER, digest INTEGER NOT NULL,
                    kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4), shared INTEGER NOT NULL, local_service TEXT,
                    remote_service TEXT, name TEXT, ts INTEGER NOT NULL, duration INTEGER, error INTEGER NOT NULL,
                    span BLOB NOT NULL);
                CREATE UNIQUE INDEX spans_by_trace ON spans (trace_lo, trace_hi, span_id, digest);
                CREATE INDEX spans_by_service_time ON spans (local_service, ts);
                CREATE INDEX spans_by_time ON spans (ts);
                CREATE TABLE span_terms (span_row INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                    PRIMARY KEY (span_row, key, value)) WITHOUT ROWID;
                CREATE TABLE span_names (service TEXT NOT NULL, kind INTEGER NOT NULL, value TEXT NOT NULL,
                    PRIMARY KEY (service, kind, value)) WITHOUT ROWID;
                CREATE TABLE autocomplete (key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, value)) WITHOUT ROWID;
                """)
            for (k, s) in spans.enumerated() {
                let trace = try #require(TraceID(hex: s.traceId))
                try db.execute(sql: """
                    INSERT INTO spans (id, trace_hi, trace_lo, span_id, parent_id, digest, kind, shared, local_service,
                        remote_service, name, ts, duration, error, span) VALUES (?, ?, ?, ?, NULL, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [k + 1, Int64(bitPattern: trace.high), Int64(bitPattern: trace.low), k + 1, k,
                                     s.localServiceName, s.remoteServiceName, s.name, s.timestamp ?? 0, s.duration,
                                     s.tags["error"] != nil, Data(SpanJSONEncoder.encode(s))])
                for (key, value) in s.tags {
                    try db.execute(sql: "INSERT INTO span_terms VALUES (?, ?, ?)", arguments: [k + 1, key, value])
                }
                for a in s.annotations {
                    try db.execute(sql: "INSERT OR IGNORE INTO span_terms VALUES (?, ?, '')", arguments: [k + 1, a.value])
                }
            }
        }
    }
}
