import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// The pushed half of `bench kill`'s mixed ingest: concurrent clients POSTing Zipkin JSON
/// span batches (one trace each) and NDJSON access-log batches to a collector until it is
/// killed, recording exactly which writes were acknowledged (a 2xx received).
final class KillIngest: Sendable {
    struct Acknowledged: Sendable {
        /// "traceIdHex/spanIdHex" of every span in an acknowledged batch.
        var spans: Set<String> = []
        /// Request ids of every record in an acknowledged batch.
        var logs: Set<String> = []
        var refusedStatuses: [Int] = []
    }

    static let spansPerBatch = 20
    static let logsPerBatch = 50

    let baseURL: String
    let round: Int
    private let client: HTTPClient
    private let state = Mutex(Acknowledged())
    private let nextBatch = Mutex<UInt64>(0)

    init(baseURL: String, round: Int, client: HTTPClient) {
        self.baseURL = baseURL
        self.round = round
        self.client = client
    }

    var acknowledged: Acknowledged { state.withLock { $0 } }

    /// Runs `clients` span posters and as many log posters until cancelled or the
    /// collector stops answering.
    func run(clients: Int) async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<clients {
                group.addTask { await self.loop(spans: true) }
                group.addTask { await self.loop(spans: false) }
            }
        }
    }

    private func loop(spans: Bool) async {
        while !Task.isCancelled {
            let batch = nextBatch.withLock { value -> UInt64 in
                value += 1
                return value
            }
            let (body, ids) = spans ? spanBatch(batch) : logBatch(batch)
            var request = HTTPClientRequest(url: baseURL + (spans ? "/api/v2/spans" : "/api/v1/logs"))
            request.method = .POST
            request.headers.add(name: "Content-Type", value: spans ? "application/json" : "application/x-ndjson")
            request.body = .bytes(ByteBuffer(string: body))
            do {
                let response = try await client.execute(request, timeout: .seconds(10))
                _ = try await response.body.collect(upTo: 1 << 20)
                let status = Int(response.status.code)
                state.withLock {
                    if (200..<300).contains(status) {
                        if spans { $0.spans.formUnion(ids) } else { $0.logs.formUnion(ids) }
                    } else {
                        $0.refusedStatuses.append(status)
                    }
                }
            } catch {
                return  // killed (or cancelled): whatever was in flight is unacknowledged
            }
        }
    }

    /// One trace of `spansPerBatch` spans: trace id = round (high 64 bits) and batch.
    private func spanBatch(_ batch: UInt64) -> (String, Set<String>) {
        let traceID = Self.hex(UInt64(round)) + Self.hex(batch)
        let now = UInt64(Date().timeIntervalSince1970 * 1_000_000)
        var ids: Set<String> = []
        var parts: [String] = []
        for index in 1...Self.spansPerBatch {
            let spanID = Self.hex(batch << 8 | UInt64(index))
            ids.insert(traceID + "/" + spanID)
            let parent = index == 1 ? "" : #","parentId":"\#(Self.hex(batch << 8 | 1))""#
            parts.append(#"{"traceId":"\#(traceID)","id":"\#(spanID)"\#(parent),"name":"kill-\#(index)","kind":"SERVER","#
                + #""timestamp":\#(now + UInt64(index)),"duration":\#(100 + index),"localEndpoint":{"serviceName":"kill-bench"}}"#)
        }
        return ("[" + parts.joined(separator: ",") + "]", ids)
    }

    private func logBatch(_ batch: UInt64) -> (String, Set<String>) {
        let start = ISO8601DateFormatter().string(from: Date())
        var ids: Set<String> = []
        var lines: [String] = []
        for index in 0..<Self.logsPerBatch {
            let id = "kill-\(round)-\(batch)-\(index)"
            ids.insert(id)
            lines.append(#"{"start_time":"\#(start)","method":"GET","path":"/kill/\#(index)","protocol":"HTTP/1.1","#
                + #""response_code":200,"response_flags":"-","duration":3,"request_id":"\#(id)","authority":"kill:9080","#
                + #""upstream_cluster":"outbound|9080||kill.default.svc.cluster.local","user_agent":"bench-kill"}"#)
        }
        return (lines.joined(separator: "\n") + "\n", ids)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
