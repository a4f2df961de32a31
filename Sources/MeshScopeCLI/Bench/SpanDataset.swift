import Foundation
import MeshMetrics
import Traces

/// Deterministic Zipkin spans shaped like an Istio mesh's (Envoy sidecars reporting B3):
/// ten services, each trace a request entering at the ingress gateway and fanning out
/// through client/server span pairs (about 8 spans), 128-bit trace ids, Envoy-style tags
/// and one or two annotations, start times spread over the hour before `now`.
struct SpanDataset {
    struct Service {
        let name: String
        let ip: String
        let port: Int
        let operations: [String]
        /// Indexes of the services this one calls.
        let callees: [Int]
    }

    static let services: [Service] = [
        Service(name: "istio-ingressgateway", ip: "10.8.0.10", port: 8080, operations: ["/", "/api/products", "/api/cart", "/api/checkout"], callees: [1]),
        Service(name: "frontend", ip: "10.8.1.11", port: 8080, operations: ["get /", "get /product", "post /cart", "post /checkout"], callees: [2, 3, 4, 5]),
        Service(name: "productcatalog", ip: "10.8.1.12", port: 3550, operations: ["listproducts", "getproduct", "searchproducts"], callees: [9]),
        Service(name: "cart", ip: "10.8.1.13", port: 7070, operations: ["getcart", "additem", "emptycart"], callees: [8]),
        Service(name: "recommendation", ip: "10.8.1.14", port: 8080, operations: ["listrecommendations"], callees: [2]),
        Service(name: "checkout", ip: "10.8.1.15", port: 5050, operations: ["placeorder"], callees: [6, 7, 3]),
        Service(name: "payment", ip: "10.8.1.16", port: 50051, operations: ["charge"], callees: []),
        Service(name: "shipping", ip: "10.8.1.17", port: 50051, operations: ["getquote", "shiporder"], callees: []),
        Service(name: "redis-cart", ip: "10.8.1.18", port: 6379, operations: ["hget", "hset"], callees: []),
        Service(name: "catalog-db", ip: "10.8.1.19", port: 5432, operations: ["select products"], callees: []),
    ]

    static let podSuffixes = ["x7k2p", "q9m4d", "h3n8r", "w5t1z", "c6v0b", "j2l7s", "f8g3k", "n4p9x", "r1d6m", "t0y5q"]
    static let annotationValues = ["wr", "ws", "cache.miss", "retry", "upstream.reset"]
    static let userAgents = ["Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0", "okhttp/4.12.0", "Go-http-client/1.1"]

    /// One trace's worth of spans plus its id.
    struct GeneratedTrace {
        let traceId: String
        let spans: [Span]
    }

    private var rng: SplitMix64
    private let now: Int64

    init(seed: UInt64 = 0x5EED_7ACE, nowMicros: Int64) {
        rng = SplitMix64(seed: seed)
        now = nowMicros
    }

    private func hex(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    private mutating func nonZero() -> UInt64 {
        var v: UInt64 = 0
        while v == 0 { v = rng.next() }
        return v
    }

    private mutating func unit() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(rng.next() % UInt64(range.count))
    }

    /// Log-normal-ish latency in microseconds around `median`, with a long tail.
    private mutating func latency(median: Double) -> Int64 {
        // Box–Muller.
        let u1 = max(unit(), 1e-12), u2 = unit()
        let z = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        return max(50, Int64(median * exp(0.9 * z)))
    }

    mutating func nextTrace() throws -> GeneratedTrace {
        let traceId = hex(nonZero()) + hex(rng.next())
        let start = now - 3_600_000_000 + Int64(unit() * 3_590_000_000)
        let requestId = "\(hex(rng.next()).prefix(8))-\(hex(rng.next()).prefix(4))-4\(hex(rng.next()).prefix(3))-a\(hex(rng.next()).prefix(3))-\(hex(rng.next()).prefix(12))"
        var spans: [Span] = []
        spans.reserveCapacity(12)
        let rootId = hex(nonZero())
        let rootDuration = latency(median: 40_000)
        let gateway = Self.services[0]
        let path = gateway.operations[int(0...gateway.operations.count - 1)]
        let status = unit() < 0.02 ? "503" : "200"
        let ua = Self.userAgents[int(0...Self.userAgents.count - 1)]
        spans.append(try span(traceId: traceId, id: rootId, parent: nil, kind: .server, service: 0, remote: nil,
                              name: path, start: start, duration: rootDuration, status: status,
                              requestId: requestId, userAgent: ua))
        // Hops: gateway -> frontend, then frontend fans out to 2–3 callees, one of which may
        // call further; each hop is a CLIENT span on the caller and a SERVER span on the callee.
        var budget = int(3...4) // hops, so 7 or 9 spans
        var queue: [(service: Int, spanId: String, start: Int64, duration: Int64)] = [(0, rootId, start, rootDuration)]
        while budget > 0, !queue.isEmpty {
            let caller = queue.removeFirst()
            let callees = Self.services[caller.service].callees
            if callees.isEmpty { continue }
            let fanout = caller.service == 0 ? 1 : min(budget, int(1...2))
            for i in 0..<fanout where budget > 0 {
                budget -= 1
                let callee = callees[(i + int(0...callees.count - 1)) % callees.count]
                let offset = Int64(unit() * Double(caller.duration) * 0.3)
                let clientDuration = max(100, min(caller.duration - offset, latency(median: Double(caller.duration) * 0.5)))
                let clientStart = caller.start + offset
                let clientId = hex(nonZero())
                let operation = Self.services[callee].operations[int(0...Self.services[callee].operations.count - 1)]
                let hopStatus = unit() < 0.01 ? "500" : status
                spans.append(try span(traceId: traceId, id: clientId, parent: caller.spanId, kind: .client,
                                      service: caller.service, remote: callee, name: operation, start: clientStart,
                                      duration: clientDuration, status: hopStatus, requestId: requestId, userAgent: ua))
                let serverId = hex(nonZero())
                let serverStart = clientStart + min(400, clientDuration / 10)
                let serverDuration = max(50, clientDuration - 2 * min(400, clientDuration / 10))
                spans.append(try span(traceId: traceId, id: serverId, parent: clientId, kind: .server,
                                      service: callee, remote: caller.service, name: operation, start: serverStart,
                                      duration: serverDuration, status: hopStatus, requestId: requestId, userAgent: ua))
                queue.append((callee, serverId, serverStart, serverDuration))
            }
        }
        return GeneratedTrace(traceId: traceId, spans: spans)
    }

    private mutating func span(traceId: String, id: String, parent: String?, kind: SpanKind, service: Int, remote: Int?,
                               name: String, start: Int64, duration: Int64, status: String, requestId: String,
                               userAgent: String) throws -> Span {
        let local = Self.services[service]
        var tags: [String: String] = [
            "component": "proxy",
            "http.method": name.hasPrefix("post") ? "POST" : "GET",
            "http.status_code": status,
            "guid:x-request-id": requestId,
            "node_id": "sidecar~\(local.ip)~\(local.name)-7d9f8c6b5-\(Self.podSuffixes[service]).default~default.svc.cluster.local",
            "istio.canonical_service": local.name,
            "istio.namespace": "default",
        ]
        // 7 tags so far; 0–2 optional ones and one of upstream_cluster/http.url, then 30%
        // of spans lose two (so 6–10 tags, plus `error` on failures).
        if unit() < 0.5 { tags["user_agent"] = userAgent }
        if unit() < 0.5 { tags["response_flags"] = status == "200" ? "-" : "UF" }
        if let remote {
            tags["upstream_cluster"] = "outbound|\(Self.services[remote].port)||\(Self.services[remote].name).default.svc.cluster.local"
        } else {
            tags["http.url"] = "http://shop.example.com\(name)"
        }
        if unit() < 0.3 {
            tags.removeValue(forKey: "istio.namespace")
            tags.removeValue(forKey: "component")
        }
        if status != "200" { tags["error"] = "true" }
        var annotations = [Annotation(timestamp: start + min(duration / 4, 1000), value: kind == .client ? "ws" : "wr")]
        if unit() < 0.5 {
            let value = Self.annotationValues[int(2...Self.annotationValues.count - 1)]
            annotations.append(Annotation(timestamp: start + duration / 2, value: value))
        }
        let remoteEndpoint = try remote.map { index -> Endpoint in
            let r = Self.services[index]
            return try Endpoint(serviceName: r.name, ipv4: r.ip, port: kind == .client ? r.port : 40_000 + (Int(start) & 0x3fff))
        }
        return try Span(traceId: traceId, id: id, parentId: parent, kind: kind, name: name, timestamp: start, duration: duration,
                        localEndpoint: try Endpoint(serviceName: local.name, ipv4: local.ip, port: local.port),
                        remoteEndpoint: remoteEndpoint, annotations: annotations, tags: tags)
    }
}

/// A stream of spans cut into fixed-size batches, each encoded in both wire formats up
/// front; remembers every trace id for the read phase.
struct EncodedBatches {
    var json: [[UInt8]] = []
    var proto: [[UInt8]] = []
    var traceIds: [String] = []
    var spanCount = 0
    var jsonBytes = 0
    var protoBytes = 0

    /// `jsonBatches` batches encoded as JSON, then `protoBatches` as proto3, `batchSize` spans each.
    static func generate(jsonBatches: Int, protoBatches: Int, batchSize: Int, nowMicros: Int64,
                         progress: (Double) -> Void) throws -> EncodedBatches {
        var dataset = SpanDataset(nowMicros: nowMicros)
        var out = EncodedBatches()
        out.json.reserveCapacity(jsonBatches)
        out.proto.reserveCapacity(protoBatches)
        var pending: [Span] = []
        pending.reserveCapacity(batchSize + 16)
        let total = jsonBatches + protoBatches
        for batch in 0..<total {
            while pending.count < batchSize {
                let trace = try dataset.nextTrace()
                out.traceIds.append(trace.traceId)
                pending += trace.spans
            }
            let slice = Array(pending.prefix(batchSize))
            pending.removeFirst(batchSize)
            out.spanCount += slice.count
            if batch < jsonBatches {
                let bytes = SpanJSONEncoder.encode(slice)
                out.jsonBytes += bytes.count
                out.json.append(bytes)
            } else {
                let bytes = SpanProtoEncoder.encode(slice)
                out.protoBytes += bytes.count
                out.proto.append(bytes)
            }
            if batch % 200 == 0 { progress(Double(batch) / Double(total)) }
        }
        // The last trace may be partly unsent; only ids of fully sent traces are queried.
        if !pending.isEmpty { out.traceIds.removeLast() }
        progress(1)
        return out
    }
}
