import AccessLogs
import Foundation
import Storage
import Testing

@Suite("Log store")
struct LogStoreTests {
    @Test("records come back exactly as parsed, in every shape")
    func roundTrip() async throws {
        try await withTemporaryDirectory { dir in
            try await withLogStore(dir) { store in
                let records = [
                    try logRecord(at: logBase, path: "/a", traceId: "463ac35c9f6413ad48485a3953bb6124", requestId: "r1"),
                    try logRecord(#"{"timestamp":"2023-11-14T22:13:21Z","source":{"workload":"frontend-v1","namespace":"prod"},"destination":{"workload":"backend-v2"},"request":{"method":"POST","path":"/b","headers":{"traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}},"response":{"code":201,"duration_ms":42},"tls":{"enabled":true}}"#),
                    try logRecord(#"{"timestamp":"2023-11-14T22:13:22.5Z","method":"GET","path":"/c","status":503,"duration":17,"user_agent":"curl"}"#,
                                  service: "orders"),
                ]
                let summary = try await store.append(records)
                #expect(summary.stored == 3)
                #expect(summary.rowIDs?.count == 3)
                let page = try store.reader.search(LogQuery())
                #expect(page.records == records.reversed())
                #expect(page.nextCursor == nil)
                #expect(page.records.map(\.shape) == [.envoyCustom, .nested, .istio])
                #expect(await store.statistics().records == 3)
                #expect(try store.reader.integrityCheck() == "ok")
            }
        }
    }

    @Test("a failing append stores nothing: earlier records of the batch roll back")
    func allOrNothing() async throws {
        try await withTemporaryDirectory { dir in
            try await withLogStore(dir, options: LogStoreOptions(maxRecordBytes: 400)) { store in
                try await store.append([try logRecord(at: logBase, path: "/kept")])
                let batch = [try logRecord(at: logBase + 1, path: "/one"), try logRecord(at: logBase + 2, path: "/two"),
                             try logRecord(at: logBase + 3, path: "/" + String(repeating: "x", count: 500))]
                let followed = FollowedFileOffset(path: "/var/log/a.log", inode: 7, offset: 900)
                await #expect(throws: StorageError.self) { try await store.append(batch, followed: followed) }
                #expect(logPaths(try store.reader.search(LogQuery()).records) == ["/kept"])
                #expect(try await store.followedOffset(path: "/var/log/a.log") == nil)
                #expect(await store.statistics().records == 1)
                // The store still works after the failure.
                try await store.append(Array(batch.prefix(2)))
                #expect(logPaths(try store.reader.search(LogQuery()).records) == ["/two", "/one", "/kept"])
            }
        }
    }

    @Test("followed-file offsets are stored with their records, and alone")
    func followedOffsets() async throws {
        try await withTemporaryDirectory { dir in
            try await withLogStore(dir) { store in
                let path = "/var/log/istio/access.log"
                #expect(try await store.followedOffset(path: path) == nil)
                try await store.append([try logRecord(at: logBase, path: "/1")], followed: .init(path: path, inode: 11, offset: 120))
                #expect(try await store.followedOffset(path: path) == FollowedFileOffset(path: path, inode: 11, offset: 120))
                // Rotation: a new file at the same path replaces the position, fingerprint included.
                let rotated = FollowedFileOffset(path: path, device: UInt64.max, inode: UInt64.max - 1, offset: 60,
                                                 headLength: 256, headHash: 0xcbf2_9ce4_8422_2325)
                try await store.append([try logRecord(at: logBase + 1, path: "/2")], followed: rotated)
                #expect(try await store.followedOffset(path: path) == rotated)
                // Blank or refused lines move the offset without records.
                try await store.append([], followed: .init(path: "/other.log", inode: 3, offset: 5))
                #expect(try store.reader.followedFiles() == [FollowedFileOffset(path: "/other.log", inode: 3, offset: 5), rotated])
                await #expect(throws: StorageError.self) {
                    try await store.append([], followed: .init(path: path, inode: 1, offset: -1))
                }
                try await store.forgetFollowedFile(path: "/other.log")
                #expect(try store.reader.followedFiles().map(\.path) == [path])
            }
            // The position survives a restart, with its records.
            try await withLogStore(dir) { store async throws in
                #expect(try await store.followedOffset(path: "/var/log/istio/access.log")?.offset == 60)
                #expect(try await store.followedOffset(path: "/var/log/istio/access.log")?.headHash == 0xcbf2_9ce4_8422_2325)
                #expect(try await store.followedOffset(path: "/var/log/istio/access.log")?.device == UInt64.max)
                #expect(logPaths(try store.reader.search(LogQuery()).records) == ["/2", "/1"])
            }
        }
    }

    @Test("restart: close and reopen on the same data finds everything, and ids keep growing")
    func restart() async throws {
        try await withTemporaryDirectory { dir in
            let first = try (0..<50).map { try logRecord(at: logBase + Int64($0) * logSecond, path: "/first/\($0)") }
            let second = try (0..<50).map { try logRecord(at: logBase + Int64(50 + $0) * logSecond, path: "/second/\($0)") }
            let firstIDs = try await withLogStore(dir) { store in
                let summary = try await store.append(first)
                #expect(try await store.indexPending(limit: 30) == 30)
                await store.checkpoint()
                return summary.rowIDs
            }
            try await withLogStore(dir) { store in
                #expect(await store.statistics().records == 50)
                #expect(await store.statistics().pendingFullText == 20)
                #expect(try allPages(store.reader, LogQuery(limit: 7)).records == first.reversed())
                let summary = try await store.append(second)
                #expect(summary.rowIDs!.lowerBound > firstIDs!.upperBound)
                #expect(await store.statistics().recordsAppended == 50)
            }
            try await withLogStore(dir) { store async throws in
                #expect(try allPages(store.reader, LogQuery(limit: 30)).records == (first + second).reversed())
                #expect(try store.reader.search(LogQuery(text: "second")).records.count == 50)
                #expect(try await store.verifyFullText())
                #expect(try store.reader.integrityCheck() == "ok")
            }
        }
    }

    @Test("retention removes old records, indexed or not, and keeps the full-text index consistent")
    func retention() async throws {
        try await withTemporaryDirectory { dir in
            try await withLogStore(dir) { store in
                let old = try (0..<20).map { try logRecord(at: logBase + Int64($0), path: "/old/\($0)") }
                let recent = try (0..<20).map { try logRecord(at: logBase + logMinute + Int64($0), path: "/recent/\($0)") }
                try await store.append(old)
                try await store.indexPending(limit: 10) // half the old records indexed, half pending
                try await store.append(recent)
                let summary = try await store.applyRetention(cutoffMicros: logBase + logMinute)
                #expect(summary.recordsDeleted == 20)
                #expect(await store.statistics().records == 20)
                #expect(await store.statistics().pendingFullText == 20) // the 10 old pending ones went with their rows
                #expect(try store.reader.search(LogQuery(text: "old")).records.isEmpty)
                #expect(try store.reader.search(LogQuery(text: "recent", limit: 100)).records.count == 20)
                #expect(try await store.verifyFullText())
                #expect(await store.statistics().pendingFullText == 0)
                // Deleting everything, then appending: new ids stay above the watermark.
                try await store.applyRetention(cutoffMicros: .max)
                try await store.append([try logRecord(at: logBase, path: "/after")])
                #expect(logPaths(try store.reader.search(LogQuery(text: "after")).records) == ["/after"])
                #expect(await store.statistics().pendingFullText == 1)
                #expect(try await store.verifyFullText())
                #expect(logPaths(try store.reader.search(LogQuery(text: "after")).records) == ["/after"])
            }
        }
    }

    @Test("hostile strings are stored and returned intact, raw bytes equal")
    func hostile() async throws {
        try await withTemporaryDirectory { dir in
            try await withLogStore(dir) { store in
                var invalid = Array(#"{"start_time":"2023-11-14T22:13:20Z","path":"/bad"#.utf8)
                invalid += [0xFF, 0xFE, 0xC0, 0x80]
                invalid += Array(#"","user_agent":"Robert'); DROP TABLE records;--","method":"GET"}"#.utf8)
                let lines: [[UInt8]] = [
                    invalid,
                    Array(istioLogLine(at: logBase + 1, path: #"/q?x="><script>alert(1)</script>"#, userAgent: "\"quoted\" \\ agent\n").utf8),
                    Array(istioLogLine(at: logBase + 2, path: "/" + String(repeating: "long", count: 50_000)).utf8),
                    Array(#"{"start_time":"2023-11-14T22:13:23Z","path":"\u0000\ud83d\ude00\ud800","authority":"é"}"#.utf8),
                ]
                let records = try lines.map { try AccessLogParser.parse(line: $0, defaultService: "web") }
                try await store.append(records)
                let stored = try store.reader.search(LogQuery()).records.reversed()
                #expect(Array(stored) == records)
                #expect(stored.map(\.raw) == lines)
                #expect(try store.reader.search(LogQuery(text: "script alert")).records.first?.raw == lines[1])
                #expect(try store.reader.search(LogQuery(text: "drop table")).records.first?.raw == lines[0])
                try await store.indexPending()
                #expect(try store.reader.search(LogQuery(text: "\"drop table\"")).records.first?.raw == lines[0])
                #expect(try store.reader.search(LogQuery(text: "longlong*")).records.first?.raw == lines[2])
                #expect(try await store.verifyFullText())
            }
        }
    }

    @Test("a closed store refuses writes")
    func closed() async throws {
        try await withTemporaryDirectory { dir in
            let store = try LogStore(directory: dir)
            try await store.close()
            await #expect(throws: StorageError.self) { try await store.append([try logRecord(at: logBase)]) }
            await #expect(throws: StorageError.self) { try await store.indexPending() }
        }
    }
}
