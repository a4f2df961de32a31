import Foundation
import Storage
import Testing
import Traces

@Suite("Trace store")
struct TraceStoreTests {
    @Test("a multi-service trace reads back exactly, field by field, merged as Zipkin merges")
    func roundTrip() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                let input = try multiServiceTrace()
                let summary = try await store.append(input)
                #expect(summary == TraceAppendSummary(stored: 6, duplicates: 0))
                let read = try store.reader.trace(id: "463ac35c9f6413ad48485a3953bb6124")
                #expect(read == Trace.merge(input))
                #expect(read.count == 6) // client and server halves of span 2 stay separate
                let server = try #require(read.first { $0.id == "0000000000000002" && $0.shared })
                #expect(server.remoteEndpoint?.ipv4 == "10.0.0.1")
                #expect(server.tags["unicode"] == "é\u{2028}\"q\"")
                let root = try #require(read.first { $0.parentId == nil })
                #expect(root.debug && root.localServiceName == "frontend")
                #expect(root.remoteEndpoint?.ipv6 == "2001:db8::c001")
                #expect(root.annotations == [Annotation(timestamp: micros(traceBaseMillis) + 1, value: "wr")])
                #expect(try store.reader.trace(id: "463AC35C9F6413AD48485A3953BB6124") == read)
                #expect(try store.reader.trace(id: "1") == [])
                #expect(throws: TraceQueryError.self) { try store.reader.trace(id: "xyz") }
                try expectTraceStoreIntact(store)
            }
        }
    }

    @Test("128-bit and 64-bit ids: strict keeps them apart, lenient joins them on the low half")
    func traceIdWidths() async throws {
        try await withTemporaryDirectory { dir in
            let long = "463ac35c9f6413ad48485a3953bb6124", short = "48485a3953bb6124"
            let spans = [try span(long, "a", kind: .server, service: "s", ts: micros(traceBaseMillis), duration: 5),
                         try span(short, "b", parent: "a", service: "s", ts: micros(traceBaseMillis) + 1, duration: 2)]
            try await withTraceStore(dir) { store in
                try await store.append(spans)
                #expect(try store.reader.trace(id: long).map(\.id) == ["000000000000000a"])
                #expect(try store.reader.trace(id: short).map(\.id) == ["000000000000000b"])
                #expect(try store.reader.trace(id: "0000000000000000" + short).map(\.id) == ["000000000000000b"])
                #expect(try store.reader.traces(ids: [short, long, short]).map { $0.map(\.id) }
                        == [["000000000000000b"], ["000000000000000a"]])
            }
            try await withTraceStore(dir, options: TraceStoreOptions(strictTraceId: false)) { store in
                let both = try store.reader.trace(id: short)
                #expect(both.map(\.id) == ["000000000000000a", "000000000000000b"])
                #expect(both.allSatisfy { $0.traceId == long }) // Trace.merge applies the 128-bit id
                #expect(try store.reader.traces(ids: [short, long]).count == 1)
            }
        }
    }

    @Test("the same span received twice is stored once; halves sharing an id are both kept")
    func duplicates() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                let input = try multiServiceTrace()
                try await store.append(input)
                #expect(try await store.append(input) == TraceAppendSummary(stored: 0, duplicates: 6))
                #expect(try await store.append([input[0], input[0]]) == TraceAppendSummary(stored: 0, duplicates: 2))
                let statistics = await store.statistics()
                #expect(statistics.spans == 6)
                #expect(statistics.duplicatesIgnored == 8)
                #expect(try store.reader.trace(id: input[0].traceId) == Trace.merge(input))
                // A new piece of span 1 (same side, more data) is kept and merged on read.
                let piece = try span(input[0].traceId, "1", kind: .server, service: "frontend", tags: ["late": "yes"])
                #expect(try await store.append([piece]).stored == 1)
                let root = try #require(try store.reader.trace(id: input[0].traceId).first { $0.id == "0000000000000001" })
                #expect(root.tags["late"] == "yes" && root.duration == 1000)
            }
        }
    }

    @Test("a failed append stores nothing: an oversized span mid-batch, and a closed store")
    func failedAppend() async throws {
        try await withTemporaryDirectory { dir in
            let small = try multiServiceTrace()
            let huge = try span("abc", "9", service: "frontend", ts: micros(traceBaseMillis),
                                tags: ["blob": String(repeating: "x", count: 5000)])
            try await withTraceStore(dir, options: TraceStoreOptions(autocompleteKeys: ["http.method"], maxSpanBytes: 4000)) { store in
                await #expect(throws: TraceAppendError.self) { try await store.append(small + [huge]) }
                #expect(await store.statistics().spans == 0)
                #expect(try store.reader.trace(id: small[0].traceId) == [])
                #expect(try store.reader.serviceNames() == [])
                #expect(try store.reader.autocompleteValues(key: "http.method") == [])
                // The rolled-back names were never cached: a retry writes them.
                try await store.append(small)
                #expect(try store.reader.serviceNames() == ["backend", "frontend", "worker"])
                #expect(try store.reader.autocompleteValues(key: "http.method") == ["GET"])
            }
            let store = try TraceStore(directory: dir)
            try await store.close()
            await #expect(throws: StorageError.self) { try await store.append(small) }
            try await withTraceStore(dir) { store in
                #expect(await store.statistics().spans == 6)
                #expect(try store.reader.trace(id: "abc") == [])
                try expectTraceStoreIntact(store)
            }
        }
    }

    @Test("reopening keeps every span, listing and the duplicate rule; integrity_check ok")
    func reopen() async throws {
        try await withTemporaryDirectory { dir in
            let input = try multiServiceTrace()
            try await withTraceStore(dir) { store in _ = try await store.append(input) }
            try await withTraceStore(dir) { store in
                #expect(await store.statistics().spans == 6)
                #expect(try store.reader.trace(id: input[0].traceId) == Trace.merge(input))
                #expect(try store.reader.serviceNames() == ["backend", "frontend", "worker"])
                #expect(try await store.append(input).duplicates == 6)
                try expectTraceStoreIntact(store)
            }
            #expect(FileManager.default.fileExists(atPath: dir + "/traces.db"))
        }
    }

    @Test("retention deletes spans before the cutoff, their terms and unbacked listings")
    func retention() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                try await store.append(try SearchData.all())
                #expect(try store.reader.remoteServiceNames(service: "frontend") == ["backend"])
                let summary = try await store.applyRetention(cutoffMicros: micros(traceBaseMillis - 45 * traceMinute))
                #expect(summary.spansDeleted == 4) // t5 (1) and t1 (3)
                #expect(try store.reader.trace(id: SearchData.t1) == [])
                #expect(try store.reader.trace(id: SearchData.t2).count == 1)
                #expect(try store.reader.remoteServiceNames(service: "frontend") == [])
                #expect(try store.reader.spanNames(service: "frontend") == ["get /", "get /login"])
                let q = try TraceQuery(annotationQuery: "cache.miss", endTs: traceBaseMillis, lookback: 3 * 60 * traceMinute)
                #expect(try store.reader.search(q) == [])
                #expect(await store.statistics().spans == 4)
                try expectTraceStoreIntact(store)
            }
        }
    }

    @Test("listings and autocomplete")
    func listings() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir, options: TraceStoreOptions(autocompleteKeys: ["http.method", "absent"])) { store in
                try await store.append(try SearchData.all())
                #expect(try store.reader.serviceNames() == ["backend", "frontend"])
                #expect(try store.reader.spanNames(service: "frontend") == ["get /", "get /api", "get /login"])
                #expect(try store.reader.spanNames(service: "Backend") == ["get /api", "query"])
                #expect(try store.reader.remoteServiceNames(service: "backend") == ["frontend", "mysql"])
                #expect(try store.reader.remoteServiceNames(service: "nobody") == [])
                #expect(store.reader.autocompleteKeys() == ["http.method", "absent"])
                #expect(try store.reader.autocompleteValues(key: "http.method") == ["GET", "POST"])
                #expect(try store.reader.autocompleteValues(key: "http.path") == []) // not configured
            }
        }
    }
}
