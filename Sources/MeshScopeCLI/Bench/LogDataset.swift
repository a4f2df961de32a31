import Foundation
import MeshMetrics

/// Deterministic Istio default-JSON access-log lines of a ten-service mesh: each line a
/// call from one service to another (`outbound|PORT|SUBSET|HOST`), 5% answered 5xx with
/// Envoy's flags, durations with a long tail, a trace id and request id each, times
/// spread evenly over the `spanSeconds` before `nowSeconds`.
struct LogDataset {
    static let services = SpanDataset.services.map(\.name)
    static let paths = ["/productpage", "/api/v1/products", "/reviews/0", "/ratings/0", "/cart", "/checkout?step=2"]
    private var random: SplitMix64
    private var secondStamps: [Int64: String] = [:]
    let nowSeconds: Int64
    let spanSeconds: Int64
    let total: Int
    private(set) var produced = 0
    /// A sample of trace ids that the lines carry, for lookups.
    private(set) var sampleTraceIds: [String] = []

    init(total: Int, nowSeconds: Int64, spanSeconds: Int64 = 7200, seed: UInt64 = 0x10_65) {
        random = SplitMix64(seed: seed)
        self.total = total
        self.nowSeconds = nowSeconds
        self.spanSeconds = spanSeconds
    }

    /// The next line (no newline) and the caller service it is posted for.
    mutating func nextLine() -> (line: String, caller: String) {
        let index = produced
        produced += 1
        let micros = (nowSeconds - spanSeconds) * 1_000_000 + Int64(index) * spanSeconds * 1_000_000 / Int64(max(1, total))
        let callerIndex = Int(random.next() % UInt64(Self.services.count))
        let callee = Self.services[(callerIndex + 1 + Int(random.next() % 9)) % Self.services.count]
        let roll = random.next() % 1000
        let failed = roll < 50
        let code = failed ? [503, 500, 504][Int(roll % 3)] : (roll < 80 ? 404 : 200)
        let flags = failed ? ["UF,URX", "-", "UT"][Int(roll % 3)] : "-"
        let duration = 1 + Int(random.next() % 40) + (roll % 10 == 0 ? Int(random.next() % 900) : 0)
        let traceId = hex(random.next()) + hex(random.next())
        if sampleTraceIds.count < 10_000 && index % max(1, total / 10_000) == 0 { sampleTraceIds.append(traceId) }
        let requestId = hex(random.next())
        let subset = "v\(1 + random.next() % 3)"
        let path = Self.paths[Int(random.next() % UInt64(Self.paths.count))]
        var line = #"{"start_time":""#
        line += stamp(micros)
        line += #"","method":"GET","path":""# + path
        line += #"","protocol":"HTTP/1.1","response_code":"# + String(code)
        line += #","response_flags":""# + flags
        line += #"","response_code_details":"via_upstream","bytes_received":0,"bytes_sent":"# + String(200 + duration * 7)
        line += #","duration":"# + String(duration)
        line += #","upstream_service_time":""# + String(max(1, duration - 1))
        line += #"","x_forwarded_for":"-","user_agent":"Mozilla/5.0 (X11; Linux x86_64)","request_id":""# + requestId
        line += #"","authority":""# + callee + #":9080","upstream_host":"10.8.1."# + String(10 + callerIndex)
        line += #":9080","upstream_cluster":"outbound|9080|"# + subset + "|" + callee
        line += #".default.svc.cluster.local","downstream_remote_address":"10.8.0."# + String(callerIndex)
        line += #":51000","route_name":"default","trace_id":""# + traceId + #""}"#
        return (line, Self.services[callerIndex])
    }

    /// RFC 3339 with milliseconds; the seconds part is cached (a few thousand distinct).
    private mutating func stamp(_ micros: Int64) -> String {
        let seconds = micros / 1_000_000
        let prefix: String
        if let cached = secondStamps[seconds] {
            prefix = cached
        } else {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            prefix = String(formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))).dropLast())
            secondStamps[seconds] = prefix
        }
        let millis = micros / 1000 % 1000
        return prefix + "." + String(millis + 1000).dropFirst() + "Z"
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
