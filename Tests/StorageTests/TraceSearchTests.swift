import Foundation
import Storage
import Testing
import Traces

/// Five traces an hour apart at most; endTs = traceBaseMillis, lookback 1 h keeps t1–t4.
enum SearchData {
    static let t1 = "0000000000000a01", t2 = "0000000000000a02", t3 = "0000000000000a03"
    static let t4 = "0000000000000a04", t5 = "0000000000000a05"

    static func at(_ minutesBefore: Int64) -> Int64 { micros(traceBaseMillis - minutesBefore * traceMinute) }

    static func all() throws -> [Span] {
        [
            // t1 (-50 min): frontend → backend, the backend half tagged and annotated.
            try span(t1, "1", kind: .server, service: "frontend", name: "get /", ts: at(50), duration: 1000),
            try span(t1, "2", parent: "1", kind: .client, service: "frontend", remote: "backend", name: "get /api",
                     ts: at(50) + 10, duration: 800),
            try span(t1, "2", parent: "1", kind: .server, service: "backend", name: "get /api", ts: at(50) + 20,
                     duration: 700, tags: ["http.path": "/api"],
                     annotations: [Annotation(timestamp: at(50) + 30, value: "cache.miss")], shared: true),
            // t2 (-40 min): a lone frontend error.
            try span(t2, "1", kind: .server, service: "frontend", name: "get /login", ts: at(40), duration: 200,
                     tags: ["http.method": "POST", "error": ""]),
            // t3 (-30 min): backend called by frontend (remote), calling mysql.
            try span(t3, "1", kind: .server, service: "backend", remote: "frontend", name: "get /api", ts: at(30), duration: 5000),
            try span(t3, "2", parent: "1", kind: .client, service: "backend", remote: "mysql", name: "query",
                     ts: at(30) + 10, duration: 4500),
            // t4 (-20 min)
            try span(t4, "1", kind: .server, service: "frontend", name: "get /", ts: at(20), duration: 300,
                     tags: ["http.method": "GET"]),
            // t5 (-120 min): outside a one-hour lookback.
            try span(t5, "1", kind: .server, service: "frontend", name: "get /", ts: at(120), duration: 1000),
        ]
    }
}

@Suite("Trace search")
struct TraceSearchTests {
    private func search(_ store: TraceStore, service: String? = nil, remote: String? = nil, name: String? = nil,
                        annotations: String? = nil, min: Int64? = nil, max: Int64? = nil,
                        endTs: Int64 = traceBaseMillis, lookback: Int64 = 60 * traceMinute, limit: Int = 10) throws -> [String] {
        let q = try TraceQuery(serviceName: service, remoteServiceName: remote, spanName: name, annotationQuery: annotations,
                               minDuration: min, maxDuration: max, endTs: endTs, lookback: lookback, limit: limit)
        return traceIDs(try store.reader.search(q))
    }

    private func withData(_ body: (TraceStore) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                // Appended out of time order: the answer order must come from timestamps.
                let spans = try SearchData.all()
                try await store.append(Array(spans[4...]))
                try await store.append(Array(spans[..<4]))
                try await body(store)
            }
        }
    }

    @Test("window, newest first, limit")
    func windowAndLimit() async throws {
        try await withData { (s: TraceStore) async throws in
            let (t1, t2, t3, t4, t5) = (SearchData.t1, SearchData.t2, SearchData.t3, SearchData.t4, SearchData.t5)
            #expect(try search(s) == [t4, t3, t2, t1])
            #expect(try search(s, limit: 2) == [t4, t3])
            #expect(try search(s, lookback: 3 * 60 * traceMinute) == [t4, t3, t2, t1, t5])
            #expect(try search(s, endTs: traceBaseMillis - 35 * traceMinute, lookback: 10 * traceMinute) == [t2])
            #expect(try search(s, lookback: traceMinute) == [])
            let merged = try s.reader.search(try TraceQuery(endTs: traceBaseMillis, lookback: 60 * traceMinute))
            #expect(merged.last == Trace.merge(Array(try SearchData.all()[0..<3])))
        }
    }

    @Test("serviceName, remoteServiceName, spanName alone and combined")
    func names() async throws {
        try await withData { (s: TraceStore) async throws in
            let (t1, t2, t3, t4) = (SearchData.t1, SearchData.t2, SearchData.t3, SearchData.t4)
            #expect(try search(s, service: "frontend") == [t4, t2, t1])
            #expect(try search(s, service: "Backend") == [t3, t1])
            #expect(try search(s, service: "nobody") == [])
            #expect(try search(s, remote: "mysql") == [t3])
            #expect(try search(s, service: "frontend", remote: "backend") == [t1])
            #expect(try search(s, service: "frontend", remote: "mysql") == [])
            #expect(try search(s, name: "get /") == [t4, t1])
            #expect(try search(s, name: "all") == [t4, t3, t2, t1])
            #expect(try search(s, service: "frontend", name: "GET /API") == [t1])
            #expect(try search(s, service: "backend", remote: "mysql", name: "get /api") == [t3])
        }
    }

    @Test("annotationQuery: key=value, bare key on tags and annotations, and-joined")
    func annotationQuery() async throws {
        try await withData { (s: TraceStore) async throws in
            let (t1, t2, t4) = (SearchData.t1, SearchData.t2, SearchData.t4)
            #expect(try search(s, annotations: "http.method=GET") == [t4])
            #expect(try search(s, annotations: "http.method") == [t4, t2])
            #expect(try search(s, annotations: "cache.miss") == [t1])
            #expect(try search(s, annotations: "cache.miss=x") == [])
            #expect(try search(s, annotations: "error") == [t2])
            #expect(try search(s, annotations: "http.method=POST and error") == [t2])
            #expect(try search(s, annotations: "http.method=GET and error") == [])
            #expect(try search(s, service: "frontend", annotations: "http.path=/api") == [])
            #expect(try search(s, service: "backend", annotations: "http.path=/api and cache.miss") == [t1])
        }
    }

    @Test("minDuration and maxDuration, on any span of the service")
    func durations() async throws {
        try await withData { (s: TraceStore) async throws in
            let (t1, t3) = (SearchData.t1, SearchData.t3)
            #expect(try search(s, min: 900) == [t3, t1])
            #expect(try search(s, min: 900, max: 2000) == [t1])
            #expect(try search(s, service: "frontend", min: 900) == [t1])
            #expect(try search(s, service: "backend", min: 750, max: 800) == [])
            // The name and the duration hold on different frontend spans of t1.
            #expect(try search(s, service: "frontend", name: "get /", min: 750, max: 850) == [t1])
            #expect(try search(s, min: 6000) == [])
        }
    }

    @Test("invalid queries are refused with Zipkin's messages")
    func validation() {
        #expect(throws: TraceQueryError("maxDuration is only valid with minDuration")) { try TraceQuery(maxDuration: 5) }
        #expect(throws: TraceQueryError("maxDuration < minDuration")) { try TraceQuery(minDuration: 5, maxDuration: 4) }
        #expect(throws: TraceQueryError("limit <= 0")) { try TraceQuery(limit: 0) }
        #expect(TraceQuery.parseAnnotationQuery("a=b=c and d and a=e")
                == [TraceQuery.Term(key: "a", value: "e"), TraceQuery.Term(key: "d")])
    }
}
