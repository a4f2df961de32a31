/// One access-log record of a proxy, whatever JSON shape it arrived in.
///
/// Units: `timestampMicros` is microseconds since the Unix epoch (as spans), and
/// `durationMicros` microseconds (Envoy's `duration` is milliseconds: 17 becomes 17,000).
/// Unset values (`null`, `"-"`, a missing key) are nil. `raw` is the line exactly as
/// received, byte for byte, whatever it contains; the other fields are what MeshScope
/// understood of it, with invalid UTF-8 replaced by U+FFFD.
public struct AccessLogRecord: Sendable, Hashable {
    public var shape: AccessLogShape
    public var timestampMicros: Int64
    public var method: String?
    /// Path with query, as the proxy logged it.
    public var path: String?
    /// `:authority` / Host.
    public var authority: String?
    /// `HTTP/1.1`, `HTTP/2`, ...
    public var httpProtocol: String?
    /// 0 means no response was sent (usually the client went away).
    public var responseCode: Int?
    /// Envoy's short flags, comma-joined (`UF,URX`); nil when none (`-`).
    public var responseFlags: String?
    public var responseCodeDetails: String?
    public var durationMicros: Int64?
    public var bytesReceived: Int64?
    public var bytesSent: Int64?
    public var upstreamHost: String?
    public var upstreamCluster: String?
    public var downstreamRemoteAddress: String?
    public var userAgent: String?
    /// `x-request-id`; Envoy puts the same value on spans as the tag `guid:x-request-id`.
    public var requestId: String?
    /// Lowercase hex, 16 or 32 digits (see `TraceContextHeaders.normalize`).
    public var traceId: String?
    public var routeName: String?
    /// Istio's `connection_security_policy` (`mutual_tls`, `none`), or derived from a nested
    /// `tls` object: `mutual_tls`, `tls` or `none`.
    public var connectionSecurityPolicy: String?
    public var tlsVersion: String?
    public var source: AccessLogPeer
    public var destination: AccessLogPeer
    /// The service the caller named as the log's writer (a tailed file's configured
    /// service, or the sender's), used where the record does not name its peers.
    public var defaultService: String?
    /// The original line, kept exactly.
    public var raw: [UInt8]

    public init(shape: AccessLogShape, timestampMicros: Int64, method: String? = nil, path: String? = nil,
                authority: String? = nil, httpProtocol: String? = nil, responseCode: Int? = nil,
                responseFlags: String? = nil, responseCodeDetails: String? = nil, durationMicros: Int64? = nil,
                bytesReceived: Int64? = nil, bytesSent: Int64? = nil, upstreamHost: String? = nil,
                upstreamCluster: String? = nil, downstreamRemoteAddress: String? = nil, userAgent: String? = nil,
                requestId: String? = nil, traceId: String? = nil, routeName: String? = nil,
                connectionSecurityPolicy: String? = nil, tlsVersion: String? = nil,
                source: AccessLogPeer = AccessLogPeer(), destination: AccessLogPeer = AccessLogPeer(),
                defaultService: String? = nil, raw: [UInt8]) {
        self.shape = shape
        self.timestampMicros = timestampMicros
        self.method = method
        self.path = path
        self.authority = authority
        self.httpProtocol = httpProtocol
        self.responseCode = responseCode
        self.responseFlags = responseFlags
        self.responseCodeDetails = responseCodeDetails
        self.durationMicros = durationMicros
        self.bytesReceived = bytesReceived
        self.bytesSent = bytesSent
        self.upstreamHost = upstreamHost
        self.upstreamCluster = upstreamCluster
        self.downstreamRemoteAddress = downstreamRemoteAddress
        self.userAgent = userAgent
        self.requestId = requestId
        self.traceId = traceId
        self.routeName = routeName
        self.connectionSecurityPolicy = connectionSecurityPolicy
        self.tlsVersion = tlsVersion
        self.source = source
        self.destination = destination
        self.defaultService = defaultService
        self.raw = raw
    }

    /// `2xx`, `5xx`, ... (`0xx` for code 0), nil without a code.
    public var statusClass: String? {
        guard let responseCode, responseCode >= 0, responseCode < 1000 else { return nil }
        return "\(responseCode / 100)xx"
    }

    /// The individual response flags (`UF,URX` → `["UF", "URX"]`).
    public var responseFlagList: [String] {
        guard let responseFlags else { return [] }
        return responseFlags.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
