/// What the parser has read of one record so far. The first value found for a field wins,
/// except that header values (`request.headers`) only fill what no field gave.
struct RecordFields {
    let text: JSONText

    var timestamp: Int64?
    var method: String?
    var path: String?
    var authority: String?
    var httpProtocol: String?
    var responseCode: Int?
    var responseFlags: String?
    var responseCodeDetails: String?
    var durationMicros: Int64?
    var bytesReceived: Int64?
    var bytesSent: Int64?
    var upstreamHost: String?
    var upstreamCluster: String?
    var downstreamRemoteAddress: String?
    var userAgent: String?
    var requestId: String?
    var traceIdField: String?
    var routeName: String?
    var securityPolicy: String?
    var tlsVersion: String?
    var tlsEnabled: Bool?
    var tlsMutual = false
    var source = AccessLogPeer()
    var destination = AccessLogPeer()
    var headers = Headers()

    var sawNested = false
    var sawIstioKey = false

    /// Values of request headers (and of top-level keys named like them, as custom
    /// formats with `%REQ(X-B3-TRACEID)%` produce).
    struct Headers {
        var userAgent: String?
        var authority: String?
        var requestId: String?
        var xB3TraceId: String?
        var b3: String?
        var traceparent: String?
    }

    init(text: JSONText) { self.text = text }

    // MARK: - Top level

    mutating func readTopLevel(_ members: [JSONMember]) throws(AccessLogParseError) {
        for m in members {
            guard let key = FieldKey.lookup(m.key, in: text) else { continue }
            switch key {
            case .startTime, .timestamp, .time, .atTimestamp:
                if key == .startTime { sawIstioKey = true }
                if timestamp == nil { timestamp = try self.timestamp(m, "") }
            case .duration, .durationMs:
                if durationMicros == nil { durationMicros = try millis(m, "") }
            case .responseCode, .status, .code:
                if key == .responseCode { sawIstioKey = true }
                if responseCode == nil { responseCode = try code(m, "") }
            case .bytesReceived:
                sawIstioKey = true
                if bytesReceived == nil { bytesReceived = try count(m, "") }
            case .bytesSent:
                if bytesSent == nil { bytesSent = try count(m, "") }
            case .upstreamCluster:
                sawIstioKey = true
                set(&upstreamCluster, try string(m, ""))
            case .source, .destination, .request, .response, .tls:
                try readNested(key, m)
            default:
                try readCommon(key, m, "")
            }
        }
    }

    /// Keys that mean the same at the top level and inside `request`/`response`.
    mutating func readCommon(_ key: FieldKey, _ m: JSONMember, _ prefix: StaticString) throws(AccessLogParseError) {
        switch key {
        case .method: set(&method, try string(m, prefix))
        case .path: set(&path, try string(m, prefix))
        case .protocol: set(&httpProtocol, try string(m, prefix))
        case .authority, .host: set(&authority, try string(m, prefix))
        case .userAgent: set(&userAgent, try string(m, prefix))
        case .requestId: set(&requestId, try string(m, prefix))
        case .routeName: set(&routeName, try string(m, prefix))
        case .responseFlags, .flags: set(&responseFlags, try string(m, prefix))
        case .responseCodeDetails, .details: set(&responseCodeDetails, try string(m, prefix))
        case .upstreamHost: set(&upstreamHost, try string(m, prefix))
        case .downstreamRemoteAddress: set(&downstreamRemoteAddress, try string(m, prefix))
        case .traceId, .traceIdCamel: set(&traceIdField, try string(m, prefix))
        case .connectionSecurityPolicy: set(&securityPolicy, try string(m, prefix))
        case .b3TraceIdHeader, .b3TraceIdKey: set(&headers.xB3TraceId, try string(m, prefix))
        case .b3: set(&headers.b3, try string(m, prefix))
        case .traceparent: set(&headers.traceparent, try string(m, prefix))
        case .requestIdHeader: set(&headers.requestId, try string(m, prefix))
        case .userAgentHeader: set(&headers.userAgent, try string(m, prefix))
        case .authorityHeader: set(&headers.authority, try string(m, prefix))
        default: break
        }
    }

    @inline(__always) func set(_ slot: inout String?, _ value: String?) {
        if slot == nil { slot = value }
    }

    // MARK: - The record

    func record(raw: [UInt8], defaultService: String?) throws(AccessLogParseError) -> AccessLogRecord {
        guard let timestamp else {
            throw AccessLogParseError(kind: .missingField,
                                      reason: "a record needs a time (start_time, timestamp, time or @timestamp)", offset: 0)
        }
        let shape: AccessLogShape = sawNested ? .nested : sawIstioKey ? .istio : .envoyCustom
        let (source, destination) = Self.peers(source: source, destination: destination,
                                               cluster: upstreamCluster, defaultService: defaultService)
        return AccessLogRecord(
            shape: shape, timestampMicros: timestamp, method: method, path: path,
            authority: authority ?? headers.authority, httpProtocol: httpProtocol, responseCode: responseCode,
            responseFlags: responseFlags, responseCodeDetails: responseCodeDetails, durationMicros: durationMicros,
            bytesReceived: bytesReceived, bytesSent: bytesSent, upstreamHost: upstreamHost,
            upstreamCluster: upstreamCluster, downstreamRemoteAddress: downstreamRemoteAddress,
            userAgent: userAgent ?? headers.userAgent, requestId: requestId ?? headers.requestId,
            traceId: traceId, routeName: routeName, connectionSecurityPolicy: connectionSecurityPolicy,
            tlsVersion: tlsVersion, source: source, destination: destination,
            defaultService: defaultService, raw: raw)
    }

    /// `trace_id` when it holds an id, else the propagation headers.
    var traceId: String? {
        if let v = traceIdField, let id = TraceContextHeaders.normalize(v) { return id }
        if let v = headers.xB3TraceId, let id = TraceContextHeaders.traceId(xB3TraceId: v) { return id }
        if let v = headers.b3, let id = TraceContextHeaders.traceId(b3: v) { return id }
        if let v = headers.traceparent, let id = TraceContextHeaders.traceId(traceparent: v) { return id }
        return nil
    }

    var connectionSecurityPolicy: String? {
        if let securityPolicy { return securityPolicy }
        if tlsMutual { return "mutual_tls" }
        return tlsEnabled.map { $0 ? "tls" : "none" }
    }
}
