/// The field names the parser understands, in every shape and nesting level. Looked up by
/// a hash of the key's bytes (no String per key): a line of the Istio format has two dozen
/// keys and this runs for each.
enum FieldKey: CaseIterable {
    // Time and duration
    case startTime, timestamp, time, atTimestamp, duration, durationMs
    // Request
    case method, path, `protocol`, authority, host, userAgent, userAgentHeader, authorityHeader
    case requestId, requestIdHeader, id, xForwardedFor, routeName, headers
    // Response
    case responseCode, status, code, responseFlags, flags, responseCodeDetails, details
    case bytesReceived, bytesSent, bytes
    // Upstream and downstream
    case upstreamHost, upstreamCluster, downstreamRemoteAddress
    // Tracing
    case traceId, traceIdCamel, b3TraceIdHeader, b3TraceIdKey, b3, traceparent
    // TLS
    case connectionSecurityPolicy, tls, enabled, version, mode, mutual, mtls
    // Nested objects and peers
    case source, destination, request, response
    case workload, app, service, namespace, ip, address

    /// The spelling in JSON.
    var name: StaticString {
        switch self {
        case .startTime: "start_time"
        case .timestamp: "timestamp"
        case .time: "time"
        case .atTimestamp: "@timestamp"
        case .duration: "duration"
        case .durationMs: "duration_ms"
        case .method: "method"
        case .path: "path"
        case .protocol: "protocol"
        case .authority: "authority"
        case .host: "host"
        case .userAgent: "user_agent"
        case .userAgentHeader: "user-agent"
        case .authorityHeader: ":authority"
        case .requestId: "request_id"
        case .requestIdHeader: "x-request-id"
        case .id: "id"
        case .xForwardedFor: "x_forwarded_for"
        case .routeName: "route_name"
        case .headers: "headers"
        case .responseCode: "response_code"
        case .status: "status"
        case .code: "code"
        case .responseFlags: "response_flags"
        case .flags: "flags"
        case .responseCodeDetails: "response_code_details"
        case .details: "code_details"
        case .bytesReceived: "bytes_received"
        case .bytesSent: "bytes_sent"
        case .bytes: "bytes"
        case .upstreamHost: "upstream_host"
        case .upstreamCluster: "upstream_cluster"
        case .downstreamRemoteAddress: "downstream_remote_address"
        case .traceId: "trace_id"
        case .traceIdCamel: "traceId"
        case .b3TraceIdHeader: "x-b3-traceid"
        case .b3TraceIdKey: "x_b3_traceid"
        case .b3: "b3"
        case .traceparent: "traceparent"
        case .connectionSecurityPolicy: "connection_security_policy"
        case .tls: "tls"
        case .enabled: "enabled"
        case .version: "version"
        case .mode: "mode"
        case .mutual: "mutual"
        case .mtls: "mtls"
        case .source: "source"
        case .destination: "destination"
        case .request: "request"
        case .response: "response"
        case .workload: "workload"
        case .app: "app"
        case .service: "service"
        case .namespace: "namespace"
        case .ip: "ip"
        case .address: "address"
        }
    }

    /// FNV-1a of the bytes, ASCII-lowercased when `lowercase` (HTTP header names).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, lowercase: Bool) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for var c in bytes {
            if lowercase && c >= 0x41 && c <= 0x5A { c |= 0x20 }
            h = (h ^ UInt64(c)) &* 0x100_0000_01b3
        }
        return h
    }

    private static let byHash: [UInt64: FieldKey] = {
        var table: [UInt64: FieldKey] = [:]
        for key in allCases {
            let name = key.name
            let h = hash(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), lowercase: false)
            precondition(table.updateValue(key, forKey: h) == nil, "FieldKey hash collision on \(name)")
        }
        return table
    }()

    /// The key of a member, or nil for a field the parser ignores. Header names
    /// (`lowercase`) match in any case, as HTTP defines them.
    static func lookup(_ key: JSONSpan, in text: JSONText, lowercase: Bool = false) -> FieldKey? {
        if key.escaped {
            let bytes = text.unescaped(key)
            return bytes.withUnsafeBufferPointer { lookup(bytes: $0, lowercase: lowercase) }
        }
        return lookup(bytes: text.bytes(key), lowercase: lowercase)
    }

    private static func lookup(bytes: UnsafeBufferPointer<UInt8>, lowercase: Bool) -> FieldKey? {
        guard let key = byHash[hash(bytes, lowercase: lowercase)] else { return nil }
        let name = key.name
        let w = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        guard w.count == bytes.count else { return nil }
        for k in 0..<w.count {
            var c = bytes[k]
            if lowercase && c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c != w[k] { return nil }
        }
        return key
    }
}
